package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.status.HookState;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What became of one hook: whether its class was loaded and its method found, so a hook that
 * matches nothing is reported in one line instead of silently counting nothing.
 */
public final class HookStatus {

    private final HookSpec spec;
    private final Consumer<String> problems;
    private final AtomicBoolean typeSeen = new AtomicBoolean();
    private final AtomicBoolean methodFound = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final AtomicInteger matchedMethods = new AtomicInteger();
    private volatile boolean failed;
    private volatile String lastProblem;

    public HookStatus(HookSpec spec, Consumer<String> problems) {
        this.spec = spec;
        this.problems = problems;
    }

    public HookSpec spec() {
        return spec;
    }

    /**
     * A class the hook matches by name (or, for {@code Type+}, a subtype) was loaded.
     *
     * @param declaresMethod      whether it declares the hooked method (and got the advice)
     * @param aritiesOfMethodName parameter counts of its methods with the hooked name, for the report
     */
    void typeSeen(String typeName, boolean declaresMethod, List<Integer> aritiesOfMethodName) {
        typeSeen.set(true);
        if (declaresMethod) {
            methodFound.set(true);
            matchedMethods.incrementAndGet();
        } else if (!spec.includeSubtypes()) {
            failed = true;
            report(spec.role().optionKey() + ": " + typeName + " has no method " + spec.methodName() + " with "
                    + spec.arity() + " parameter(s)" + declaredArities(aritiesOfMethodName) + "; hook skipped");
        }
    }

    /**
     * Called once the application serves clients: a hook whose class has still not been loaded
     * probably names a wrong class.
     */
    public void reportIfUnused() {
        if (!typeSeen.get()) {
            report(spec.role().optionKey() + ": class " + spec.typeName() + (spec.includeSubtypes() ? " (or a subtype)" : "")
                    + " has not been loaded although the application accepts connections; check the class name"
                    + " (the hook stays armed in case it loads later)");
        } else if (!methodFound.get() && spec.includeSubtypes()) {
            failed = true;
            report(spec.role().optionKey() + ": no subtype of " + spec.typeName() + " declares " + spec.methodName()
                    + " with " + spec.arity() + " parameter(s); hook skipped");
        }
    }

    /** This hook as the Agent MBean shows it; {@code calls} is counted by whoever sees the calls. */
    public HookState state(long calls) {
        String state = methodFound.get() ? HookState.INSTALLED : failed ? HookState.FAILED : HookState.WAITING;
        return new HookState(spec.role().optionKey(), spec.toString(), state, matchedMethods.get(), calls, lastProblem);
    }

    private void report(String problem) {
        lastProblem = problem;
        if (reported.compareAndSet(false, true)) {
            problems.accept(problem);
        }
    }

    private String declaredArities(List<Integer> arities) {
        StringBuilder found = new StringBuilder();
        for (int arity : arities) {
            found.append(found.length() == 0 ? " (it has " : ", ").append(spec.methodName()).append('/').append(arity);
        }
        return found.length() == 0 ? "" : found.append(')').toString();
    }
}
