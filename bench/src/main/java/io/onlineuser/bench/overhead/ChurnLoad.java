package io.onlineuser.bench.overhead;

import io.onlineuser.sample.bots.Bots;
import java.time.Duration;
import java.util.List;

/** Closed-loop churn: each bot connects, handshakes, logs in, chats once, logs out, closes, again. */
final class ChurnLoad {

    /** Several loopback sources, so that a long run never runs out of ephemeral ports. */
    private static final List<String> SOURCES = List.of("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");

    private ChurnLoad() {
    }

    /** Cycles per second over {@code measure}, after {@code warmup} at full load. */
    static double cyclesPerSecond(int port, int bots, String uidPrefix, Duration warmup, Duration measure)
            throws InterruptedException {
        try (Bots churn = Bots.builder("127.0.0.1", port).connections(bots).logins(bots).ratePerSecond(0)
                .churn(true).uidPrefix(uidPrefix).sourceAddresses(SOURCES).start()) {
            Thread.sleep(warmup.toMillis());
            long cycles = churn.cycles();
            long start = System.nanoTime();
            Thread.sleep(measure.toMillis());
            double seconds = (System.nanoTime() - start) / 1e9;
            return (churn.cycles() - cycles) / seconds;
        }
    }
}
