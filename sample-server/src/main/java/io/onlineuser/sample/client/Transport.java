package io.onlineuser.sample.client;

import java.io.IOException;

/** How a {@link PomeloClient} moves package bytes: raw TCP or WebSocket binary messages. */
interface Transport {
    /** Sends bytes holding whole packages (on TCP, any bytes at all). */
    void send(byte[] bytes) throws IOException;

    /** Polite close. */
    void close();

    /** Abrupt close: the peer sees a reset, as when a player's network drops. */
    void abort();
}
