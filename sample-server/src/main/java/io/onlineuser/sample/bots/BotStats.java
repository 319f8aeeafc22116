package io.onlineuser.sample.bots;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the bots have done, updated from every event loop. */
final class BotStats {
    /** Connections through the Pomelo handshake, open now. */
    final AtomicInteger connected = new AtomicInteger();
    /** Bots logged in now. */
    final AtomicInteger loggedIn = new AtomicInteger();
    final AtomicInteger peakConnected = new AtomicInteger();
    final LongAdder connectsTotal = new LongAdder();
    final LongAdder loginsTotal = new LongAdder();
    final LongAdder chats = new LongAdder();
    final LongAdder cycles = new LongAdder();
    final LongAdder kicked = new LongAdder();
    /** Bots past their setup: connected and (if asked) answered on login, or failed on the way. */
    final LongAdder settled = new LongAdder();
    /** Refused connects, refused logins, connections dropped by the server. */
    final LongAdder failed = new LongAdder();

    /** System.nanoTime() of the latest completed handshake. */
    volatile long lastConnectionUpNanos;

    void connectionUp() {
        lastConnectionUpNanos = System.nanoTime();
        connectsTotal.increment();
        int now = connected.incrementAndGet();
        peakConnected.accumulateAndGet(now, Math::max);
    }
}
