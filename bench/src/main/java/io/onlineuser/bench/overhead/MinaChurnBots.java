package io.onlineuser.bench.overhead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop churn against {@link MinaChurnServer}, one thread per bot: connect, {@code login},
 * {@code chat}, {@code logout}, close, again. Bot n connects from 127.0.2.(n+1), for the reason
 * {@link ChurnLoad} gives. A cycle that fails is counted in {@link #failed()} and not retried.
 */
final class MinaChurnBots implements AutoCloseable {

    private static final int MAX_BOTS = 254;

    private final AtomicLong cycles = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private MinaChurnBots(int port, int bots, String uidPrefix) {
        if (bots > MAX_BOTS) {
            throw new IllegalArgumentException("at most " + MAX_BOTS + " churn bots (one 127.0.2.x address each), got " + bots);
        }
        for (int n = 0; n < bots; n++) {
            String source = "127.0.2." + (n + 1);
            String uid = uidPrefix + n;
            Thread thread = new Thread(() -> churn(port, source, uid), "mina-churn-" + n);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    static MinaChurnBots start(int port, int bots, String uidPrefix) {
        MinaChurnBots churn = new MinaChurnBots(port, bots, uidPrefix);
        churn.threads.forEach(Thread::start);
        return churn;
    }

    long cycles() {
        return cycles.get();
    }

    long failed() {
        return failed.get();
    }

    private void churn(int port, String source, String uid) {
        while (running) {
            try (Socket socket = new Socket()) {
                socket.setTcpNoDelay(true);
                socket.bind(new InetSocketAddress(source, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                expect(out, in, "login " + uid, "ok");
                expect(out, in, "chat hello", "hello");
                expect(out, in, "logout", "bye");
                cycles.incrementAndGet();
            } catch (IOException e) {
                if (running) {
                    failed.incrementAndGet();
                    return;
                }
            }
        }
    }

    private static void expect(OutputStream out, BufferedReader in, String line, String answer) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String got = in.readLine();
        if (!answer.equals(got)) {
            throw new IOException(line + ": answered " + got);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(15_000);
        }
    }
}
