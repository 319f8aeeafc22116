package io.onlineuser.agent.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the exporters (MXBeans, Jolokia, discovery file) once, on the agent's thread, as soon as
 * the host listens: its first Netty server channel became active. Started during the host's own
 * start, they would load ~600 classes (the MBeanServer, Jolokia, the XML parser of Jolokia's
 * policy) on the same cores as the host, delaying its first accepted connection by ~150–250 ms on
 * a 2-core machine. A host that never opens a Netty server channel gets them after
 * a fallback delay.
 */
final class ExporterLaunch {

    /** How long after {@code premain} the exporters start if the host has not listened by then. */
    static final long FALLBACK_MILLIS = 10_000;

    /** Runs a task after a delay: the JDK's delayed executor here, a hand-fired one in tests. */
    interface Delay {
        void after(long millis, Runnable task);
    }

    private final Executor background;
    private final Delay delay;
    private final Runnable start;
    private final AtomicBoolean launched = new AtomicBoolean();

    ExporterLaunch(Executor background, Runnable start) {
        this(background, (millis, task) -> CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, background)
                .execute(task), start);
    }

    ExporterLaunch(Executor background, Delay delay, Runnable start) {
        this.background = background;
        this.delay = delay;
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
        delay.after(fallbackMillis, this::now);
    }
}
