package io.onlineuser.bench.overhead;

import io.onlineuser.sample.client.PomeloClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop chat: a few logged-in players each send the next chat as soon as the previous one
 * is answered, so the figure is what the connector can serve, not what a timer offers. Each chat
 * is pushed to a held (idle) player, as game chat is.
 */
final class ChatLoad {

    private ChatLoad() {
    }

    static double messagesPerSecond(int port, int chatters, String uidPrefix, String targetUid,
            Duration warmup, Duration measure) throws Exception {
        List<PomeloClient> clients = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(chatters);
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder answered = new LongAdder();
        try {
            for (int i = 0; i < chatters; i++) {
                PomeloClient client = PomeloClient.connectTcp("127.0.0.1", port);
                clients.add(client);
                if (client.login(uidPrefix + i) != 200) {
                    throw new IOException("chatter " + uidPrefix + i + " could not log in: " + client.lastError());
                }
            }
            List<Future<?>> loops = new ArrayList<>();
            for (PomeloClient client : clients) {
                loops.add(threads.submit(() -> {
                    while (running.get()) {
                        client.chat("hello", targetUid);
                        answered.increment();
                    }
                    return null;
                }));
            }
            Thread.sleep(warmup.toMillis());
            long before = answered.sum();
            long start = System.nanoTime();
            Thread.sleep(measure.toMillis());
            double rate = (answered.sum() - before) / ((System.nanoTime() - start) / 1e9);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(); // a chat that failed fails the run
            }
            return rate;
        } finally {
            running.set(false);
            threads.shutdownNow();
            clients.forEach(PomeloClient::close);
        }
    }
}
