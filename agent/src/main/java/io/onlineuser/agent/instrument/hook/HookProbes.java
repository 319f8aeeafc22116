package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.bytecode.AddedCall;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Hook descriptions as recording-only probes, for {@code suggest}: each goes into exactly the
 * methods the real hook would (same name and arity rule, compiler bridges left out, an inherited
 * method followed to the superclass that declares it), but its calls reach
 * {@code OnlineUserBridge.probeReturned} and count nothing. A probe's id is its index.
 */
public final class HookProbes {

    private final List<HookStatus> statuses;

    private HookProbes(List<HookStatus> statuses) {
        this.statuses = statuses;
    }

    public static HookProbes of(List<HookSpec> specs) {
        List<HookStatus> statuses = new ArrayList<>();
        for (HookSpec spec : specs) {
            statuses.add(new HookStatus(spec, problem -> { }));
        }
        return new HookProbes(List.copyOf(statuses));
    }

    /** Whether a hook described by {@code spec} would go into {@code method}. */
    public static boolean wouldHook(HookSpec spec, Method method) {
        return HookedMethods.matches(spec, method);
    }

    /** One call per probe, for an {@code ExactTypeTransformer} of the watch's own. */
    public List<AddedCall> calls() {
        List<AddedCall> calls = new ArrayList<>();
        for (int id = 0; id < statuses.size(); id++) {
            calls.add(HookCall.probe(id, statuses.get(id)));
        }
        return calls;
    }

    public HookSpec spec(int probeId) {
        return statuses.get(probeId).spec();
    }

    public int size() {
        return statuses.size();
    }

    /** Whether a call on {@code self} is one the real hook would see (see {@link HookStatus#counts}). */
    public boolean counts(int probeId, Object self) {
        return statuses.get(probeId).counts(self);
    }

    /** Methods probe {@code probeId} went into (per class and class loader). */
    public int matchedMethods(int probeId) {
        return statuses.get(probeId).matchedMethods();
    }
}
