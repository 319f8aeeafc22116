package io.onlineuser.sample.bots;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sample-server bots --port 3010 --connections N --logins M [--hold S] [--churn] …}. */
@Command(name = "bots", mixinStandardHelpOptions = true,
        description = "Open many Pomelo connections (Netty client, a few threads), log some in, hold or churn them.")
public final class BotsCommand implements Callable<Integer> {
    private static final long PROGRESS_EVERY_SECONDS = 5;
    /** After the last connect is started, how long to wait for the answers before holding. */
    private static final long SETTLE_LIMIT_SECONDS = 60;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "server address (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--port", required = true, description = "server port")
    private int port;

    @Option(names = "--connections", defaultValue = "100", description = "connections to open (default: ${DEFAULT-VALUE})")
    private int connections;

    @Option(names = "--logins", defaultValue = "0", description = "how many of them log in, as <uid-prefix><n> (default: ${DEFAULT-VALUE})")
    private int logins;

    @Option(names = "--rate", defaultValue = "1000", description = "new connections per second; 0 = all at once (default: ${DEFAULT-VALUE})")
    private int rate;

    @Option(names = "--hold", defaultValue = "-1", description = "seconds to hold once all are open, then close and sum up; default: until Ctrl-C")
    private long holdSeconds;

    @Option(names = "--churn", description = "loop connect, handshake, login, chat, logout, close on every connection")
    private boolean churn;

    @Option(names = "--chat-interval", defaultValue = "0", description = "logged-in bots chat (to themselves) every MS milliseconds; 0 = never")
    private long chatIntervalMillis;

    @Option(names = "--uid-prefix", defaultValue = "bot-", description = "uid prefix (default: ${DEFAULT-VALUE})")
    private String uidPrefix;

    @Option(names = "--ws", description = "WebSocket instead of raw TCP")
    private boolean webSocket;

    @Option(names = "--source-addresses", split = ",", description = "local addresses to connect from, round robin, e.g. 127.0.0.2,127.0.0.3 (more ephemeral ports; "
                    + "a fast --churn needs many, e.g. one per connection: bind() gets slow once half an address's ports are in TIME_WAIT)")
    private List<String> sourceAddresses = List.of();

    @Override
    public Integer call() throws InterruptedException {
        BotSettings settings = new BotSettings(host, port, connections, logins, rate, churn, chatIntervalMillis,
                uidPrefix, webSocket, sourceAddresses);
        PrintStream out = System.out;
        out.printf("bots: %d connections (%d logging in) to %s:%d over %s, %s%n", connections, logins, host, port,
                webSocket ? "WebSocket" : "TCP", churn ? "churning" : holdSeconds < 0 ? "holding until Ctrl-C" : "holding " + holdSeconds + " s");
        Bots bots = Bots.start(settings);
        AtomicBoolean finished = new AtomicBoolean();
        Thread onCtrlC = new Thread(() -> finish(bots, finished, out), "bots-shutdown");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        long startNanos = System.nanoTime();
        long settleDeadline = Long.MAX_VALUE;
        long holdUntil = Long.MAX_VALUE;
        long nextProgress = startNanos + TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS);
        long lastConnects = 0;
        while (System.nanoTime() < holdUntil) {
            TimeUnit.MILLISECONDS.sleep(100);
            long now = System.nanoTime();
            if (bots.launched() && holdUntil == Long.MAX_VALUE) {
                settleDeadline = Math.min(settleDeadline, now + TimeUnit.SECONDS.toNanos(SETTLE_LIMIT_SECONDS));
                boolean settled = churn || bots.settled() >= connections;
                if ((settled || now >= settleDeadline) && holdSeconds >= 0) {
                    holdUntil = now + TimeUnit.SECONDS.toNanos(holdSeconds);
                }
            }
            if (now >= nextProgress) {
                long connects = bots.connectsTotal();
                out.println(progress(bots, (now - startNanos) / 1e9, (connects - lastConnects) / (double) PROGRESS_EVERY_SECONDS));
                lastConnects = connects;
                nextProgress += TimeUnit.SECONDS.toNanos(PROGRESS_EVERY_SECONDS);
            }
        }
        finish(bots, finished, out);
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
        return bots.failed() == 0 ? 0 : 1;
    }

    private String progress(Bots bots, double seconds, double connectsPerSecond) {
        String line = String.format(Locale.ROOT, "bots %6.1fs  connected %d/%d  logged in %d/%d  failed %d  %.0f conn/s",
                seconds, bots.connected(), connections, bots.loggedIn(), logins, bots.failed(), connectsPerSecond);
        return churn ? line + String.format(Locale.ROOT, "  cycles %d  chats %d", bots.cycles(), bots.chats()) : line;
    }

    /** Sums up once, from the main thread after --hold or from the shutdown hook on Ctrl-C. */
    private void finish(Bots bots, AtomicBoolean finished, PrintStream out) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        String activity = churn
                ? String.format(Locale.ROOT, "%d churn cycles in %.1f s (%.0f cycles/s)", bots.cycles(), bots.elapsedSeconds(),
                        bots.cycles() / Math.max(bots.elapsedSeconds(), 0.001))
                : String.format(Locale.ROOT, "opened %d connections in %.1f s (%.0f conn/s)", bots.connectsTotal(),
                        bots.openSeconds(), bots.connectsTotal() / Math.max(bots.openSeconds(), 0.001));
        out.println(String.format(Locale.ROOT,
                "bots summary: connected %d (peak %d) of %d, logged in %d of %d, failed %d, kicked %d, chats %d; %s",
                bots.connected(), bots.peakConnected(), connections, bots.loggedIn(), logins, bots.failed(), bots.kicked(),
                bots.chats(), activity));
        out.flush();
        bots.close();
    }
}
