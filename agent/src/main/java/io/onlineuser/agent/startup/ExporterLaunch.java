package io.onlineuser.agent.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the exporters (MXBeans, Jolokia, discovery file) once, on the agent's thread, as soon as
 * the host listens: its first Netty server channel became active. Starting them during the host's
 * own start made both load ~600 classes at once on the same cores (the MBeanServer, Jolokia, the
 * XML parser of Jolokia's policy), which delayed the host's first accepted connection by
 * ~150–250 ms on a 2-core machine. A host that never opens a Netty server channel gets them after
 * a fallback delay.
 */
final class ExporterLaunch {

    /** How long after {@code premain} the exporters start if the host has not listened by then. */
    static final long FALLBACK_MILLIS = 10_000;

    private final Executor background;
    private final Runnable start;
    private final AtomicBoolean launched = new AtomicBoolean();

    ExporterLaunch(Executor background, Runnable start) {
        this.background = background;
        this.start = start;
    }

    /**
     * Starts them now: the host listens (then this runs on its event loop and only hands the work
     * to the agent's thread), runs already (late attach), or gives nothing to wait for.
     */
    void now() {
        if (!launched.get() && launched.compareAndSet(false, true)) {
            background.execute(start);
        }
    }

    /** Starts them when the host listens, or after {@code fallbackMillis}, whichever comes first. */
    void whenHostListensOrAfter(long fallbackMillis) {
        CompletableFuture.delayedExecutor(fallbackMillis, TimeUnit.MILLISECONDS, background).execute(this::now);
    }

    boolean launched() {
        return launched.get();
    }
}
