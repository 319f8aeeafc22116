package io.onlineuser.reliability.churn;

import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** A thread that samples the connector's gauges over Jolokia every ~50 ms and keeps what was wrong. */
public final class CountsSampler implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(50);
    private static final int KEPT_VIOLATIONS = 20;

    private final JolokiaHttp jolokia;
    private final String statsMBean;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder samples = new LongAdder();
    private final LongAdder violationCount = new LongAdder();
    private final LongAdder skewedSessions = new LongAdder();
    private final LongAdder skewedLogins = new LongAdder();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Thread thread;

    public CountsSampler(JolokiaHttp jolokia, String statsMBean) {
        this.jolokia = jolokia;
        this.statsMBean = statsMBean;
        this.thread = new Thread(this::loop, "counts-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get()) {
            try {
                check(CountsSample.read(jolokia, statsMBean));
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                record("sample failed: " + e);
            }
        }
    }

    private void check(CountsSample sample) {
        samples.increment();
        if (sample.sessionsExceedConnections()) {
            skewedSessions.increment();
        }
        if (sample.loginedExceedSessions()) {
            skewedLogins.increment();
        }
        String violation = sample.violation();
        if (violation != null) {
            record(violation);
        }
    }

    private void record(String violation) {
        violationCount.increment();
        if (violations.size() < KEPT_VIOLATIONS) {
            violations.add(violation);
        }
    }

    public long samples() {
        return samples.sum();
    }

    public long violationCount() {
        return violationCount.sum();
    }

    /** The first violations seen, for the failure message. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** Samples where SessionCount > TotalConnCount as read (explained by connections accepted meanwhile). */
    public long skewedSessions() {
        return skewedSessions.sum();
    }

    /** Samples where LoginedCount > SessionCount as read (explained by logins meanwhile). */
    public long skewedLogins() {
        return skewedLogins.sum();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(Duration.ofSeconds(60).toMillis());
    }
}
