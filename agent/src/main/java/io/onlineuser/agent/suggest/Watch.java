package io.onlineuser.agent.suggest;

import io.onlineuser.agent.bridge.OnlineUserBridge;
import io.onlineuser.agent.bridge.ProbeListener;
import io.onlineuser.agent.instrument.bytecode.ExactTypeTransformer;
import io.onlineuser.agent.instrument.hook.HookProbes;
import io.onlineuser.agent.instrument.hook.HookSpec;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Recording-only hooks on the top candidates for a while: probes go into the same methods the
 * hooks would ({@link HookProbes}), through a transformer of the watch's own, and only record
 * ({@link ProbeRecord}); they count nothing and change no value, so the server behaves as before.
 * At the end the transformer is removed and the classes retransformed back.
 */
final class Watch implements ProbeListener {

    private final HookProbes probes;
    private final List<ProbeRecord> records = new ArrayList<>();
    private final AtomicLong order = new AtomicLong();

    private Watch(List<HookSpec> specs) {
        this.probes = HookProbes.of(specs);
        for (HookSpec spec : specs) {
            records.add(new ProbeRecord(spec));
        }
    }

    /** What a finished watch saw, and how many classes it changed and then restored. */
    static final class Outcome {
        final List<ProbeRecord> records;
        final int matchedMethods;
        final int restoredClasses;

        Outcome(List<ProbeRecord> records, int matchedMethods, int restoredClasses) {
            this.records = records;
            this.matchedMethods = matchedMethods;
            this.restoredClasses = restoredClasses;
        }
    }

    /**
     * Watches {@code specs} for {@code duration} on the calling thread (never an application thread).
     *
     * @param installed told, once the probes are in, how many methods they went into
     *
     * @throws IllegalStateException when another watch runs in this JVM
     */
    static Outcome run(List<HookSpec> specs, Duration duration, Instrumentation instrumentation, Executor background,
                       Consumer<Integer> installed) throws InterruptedException {
        Watch watch = new Watch(specs);
        if (!OnlineUserBridge.claimProbes(watch)) {
            throw new IllegalStateException("another suggest --watch is running in this JVM; try again when it ends");
        }
        ExactTypeTransformer transformer = new ExactTypeTransformer(watch.probes.calls(), background);
        int restored = 0;
        try {
            transformer.install(instrumentation, true);
            installed.accept(watch.matchedMethods());
            Thread.sleep(duration.toMillis());
        } finally {
            OnlineUserBridge.releaseProbes(watch);
            restored = transformer.uninstall();
        }
        return new Outcome(watch.records, watch.matchedMethods(), restored);
    }

    private int matchedMethods() {
        int matched = 0;
        for (int id = 0; id < probes.size(); id++) {
            matched += probes.matchedMethods(id);
        }
        return matched;
    }

    @Override
    public void probeReturned(int probeId, Object self, Object session, Object uidSource) {
        if (probeId >= 0 && probeId < records.size() && probes.counts(probeId, self)) {
            records.get(probeId).called(order.incrementAndGet(), session, uidSource);
        }
    }
}
