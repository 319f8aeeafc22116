package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.config.Similarity;
import io.onlineuser.agent.instrument.SuperTypes;
import io.onlineuser.agent.status.HookState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What became of one hook, for its one-line reports and the Agent MBean: whether its class was
 * loaded and its method found (a hook that matches nothing is reported, never silently idle),
 * the methods it was added to and its last error.
 */
public final class HookStatus {

    private static final Logger LOG = LoggerFactory.getLogger(HookStatus.class);
    private static final int HINTS = 3;

    private final HookSpec spec;
    private final Consumer<String> problems;
    private final AtomicBoolean typeSeen = new AtomicBoolean();
    private final AtomicBoolean installReported = new AtomicBoolean();
    private final AtomicBoolean callReported = new AtomicBoolean();
    private final AtomicBoolean connectionReported = new AtomicBoolean();
    private final Set<String> matched = ConcurrentHashMap.newKeySet();
    private volatile String lastError;
    private volatile boolean failed;
    /** Set when the method that runs is declared in a superclass of the named class. */
    private volatile boolean declaredAbove;
    /** Whether an object's class is the named class or extends it, for calls in a superclass. */
    private final ClassValue<Boolean> ofNamedType = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return SuperTypes.named(type, spec().typeName()) != null;
        }
    };

    public HookStatus(HookSpec spec, Consumer<String> problems) {
        this.spec = spec;
        this.problems = problems;
    }

    public HookSpec spec() {
        return spec;
    }

    /** The option that holds the hook, e.g. {@code hook.bind}. */
    public String role() {
        return spec.role().optionKey();
    }

    /** {@link HookState#WAITING}, {@link HookState#INSTALLED} or {@link HookState#FAILED}. */
    public String state() {
        if (!matched.isEmpty()) {
            return HookState.INSTALLED;
        }
        return failed ? HookState.FAILED : HookState.WAITING;
    }

    /** This hook as the Agent MBean shows it; {@code calls} is counted by whoever sees the calls. */
    public HookState state(long calls) {
        return new HookState(role(), spec.toString(), state(), matchedMethods(), calls, lastError);
    }

    /** Methods the hook was added to (per class, so a method of two class loaders counts twice). */
    public int matchedMethods() {
        return matched.size();
    }

    /** The last problem of this hook (at install or at a call), or null. */
    public String lastError() {
        return lastError;
    }

    void typeSeen() {
        typeSeen.set(true);
    }

    /** The hook was added to {@code method} ({@code Type#name(descriptor)}). */
    void methodMatched(String method) {
        if (matched.add(method)) {
            LOG.debug("{} installed on {}", role(), method);
        }
    }

    /**
     * The named class inherits the method (or declares only a compiler bridge for it): the
     * method that runs, in {@code superclass} or above, is hooked instead, for objects of the
     * named class only.
     */
    void followsSuperclass(String typeName, String superclass) {
        if (!declaredAbove) {
            declaredAbove = true;
            LOG.info("{}: {} has no {}/{} of its own (it inherits it, or declares only a compiler bridge);"
                            + " hooking the method that runs, in its superclass {} or above, for {} objects only",
                    role(), typeName, spec.methodName(), spec.arity(), superclass, typeName);
        } else {
            LOG.debug("{}: {} has no {}/{} of its own either; looking in {}", role(), typeName, spec.methodName(),
                    spec.arity(), superclass);
        }
    }

    /** True when a call on {@code self} counts: always, unless the method is declared above the named class. */
    boolean counts(Object self) {
        return !declaredAbove || self == null || ofNamedType.get(self.getClass());
    }

    /** The class (or its superclasses) has no method the hook can use. */
    void noMethod(String typeName, List<Integer> aritiesOfMethodName) {
        failed = true;
        report(role() + ": " + typeName + " has no method " + spec.methodName() + " with " + spec.arity()
                + " parameter(s)" + declaredArities(aritiesOfMethodName) + usableHint() + "; hook skipped", installReported);
    }

    /** A call could not be counted: kept as the last error; logged once per hook. */
    void callFailed(String problem) {
        report(problem + "; such " + (spec.role() == HookRole.BIND ? "logins" : "logouts")
                + " are not counted (reported once)", callReported);
    }

    /** A session was counted without its connection: kept as the last error; logged once per hook. */
    void connectionNotFound(String problem) {
        report(problem, connectionReported);
    }

    /**
     * Called a while after the application listens: a hook whose class has still not been loaded
     * probably names a wrong class; the closest names of loaded classes are offered.
     */
    public void reportIfUnused(Collection<String> loadedClassNames) {
        if (!typeSeen.get()) {
            String hint = closest(loadedClassNames);
            report(role() + ": class " + spec.typeName() + (spec.includeSubtypes() ? " (or a subtype)" : "")
                    + " has not been loaded although the application has listened for a while; check the class name"
                    + (hint.isEmpty() ? "" : " (loaded classes with close names: " + hint + ")")
                    + " (the hook stays armed in case it loads later)", installReported);
        } else if (matched.isEmpty() && spec.includeSubtypes()) {
            failed = true;
            report(role() + ": no subtype of " + spec.typeName() + " declares " + spec.methodName()
                    + " with " + spec.arity() + " parameter(s); hook skipped", installReported);
        }
    }

    private void report(String problem, AtomicBoolean reported) {
        lastError = problem;
        if (reported.compareAndSet(false, true)) {
            problems.accept(problem);
        }
    }

    private String usableHint() {
        boolean readsThis = spec.session().root().isThis() || (spec.uid() != null && spec.uid().root().isThis());
        return readsThis ? " that is not static (the description reads this)" : "";
    }

    private String declaredArities(List<Integer> arities) {
        StringBuilder found = new StringBuilder();
        for (int arity : arities) {
            found.append(found.length() == 0 ? " (it has " : ", ").append(spec.methodName()).append('/').append(arity);
        }
        return found.length() == 0 ? "" : found.append(')').toString();
    }

    /** Up to three loaded class names nearest to the hook's, by simple name first, then by whole name. */
    private String closest(Collection<String> loadedClassNames) {
        String wanted = spec.typeName();
        String wantedSimple = simpleName(wanted).toLowerCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        for (String name : loadedClassNames) {
            if (!name.equals(wanted) && !name.startsWith("io.onlineuser.agent.") && name.indexOf('[') < 0
                    && Similarity.closest(wantedSimple, List.of(simpleName(name).toLowerCase(Locale.ROOT)),
                            Math.max(2, wantedSimple.length() / 3)) != null) {
                candidates.add(name);
            }
        }
        candidates.sort(Comparator.comparingInt((String name) -> commonPrefix(name, wanted)).reversed()
                .thenComparing(Comparator.naturalOrder()));
        return String.join(", ", candidates.subList(0, Math.min(HINTS, candidates.size())));
    }

    private static String simpleName(String name) {
        return name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1);
    }

    private static int commonPrefix(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
