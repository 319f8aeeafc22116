package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.config.Similarity;
import io.onlineuser.agent.instrument.bytecode.MethodAdvice;
import io.onlineuser.agent.instrument.netty.RemoteAddresses;
import io.onlineuser.agent.track.OnlineTracker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * The configured session hooks: parses {@code hook.bind}, {@code hook.unbind} and
 * {@code hook.kick}, installs the advice, and turns what the advice reports into tracker events.
 * A description that cannot be used is reported once and skipped; the others still work.
 */
public final class SessionHooks {

    private final OnlineTracker tracker;
    private final Consumer<String> problems;
    private final List<HookStatus> instrumented;
    private final List<AtomicBoolean> failureReported = new ArrayList<>();
    private final AppKicker kicker;

    private SessionHooks(OnlineTracker tracker, Consumer<String> problems, List<HookStatus> instrumented,
                         HookSpec kick) {
        this.tracker = tracker;
        this.problems = problems;
        this.instrumented = instrumented;
        this.kicker = new AppKicker(kick, problems);
        for (int i = 0; i < instrumented.size(); i++) {
            failureReported.add(new AtomicBoolean());
        }
    }

    /**
     * Reads the three descriptions (any may be null: not configured).
     *
     * @param problems receives one line per unusable description, and later per hook that fails at run time
     */
    public static SessionHooks configure(OnlineTracker tracker, String bind, String unbind, String kick,
                                         Consumer<String> problems) {
        List<HookStatus> instrumented = new ArrayList<>();
        HookSpec bindSpec = parse(HookRole.BIND, bind, problems);
        HookSpec unbindSpec = parse(HookRole.UNBIND, unbind, problems);
        if (bindSpec != null) {
            instrumented.add(new HookStatus(bindSpec, problems));
        }
        if (unbindSpec != null) {
            instrumented.add(new HookStatus(unbindSpec, problems));
        }
        return new SessionHooks(tracker, problems, instrumented, parse(HookRole.KICK, kick, problems));
    }

    /**
     * Problems for {@code hook.*} keys that are none of the three hooks (option parsing accepts
     * the whole {@code hook.} family, so a typo would otherwise go unnoticed).
     */
    public static List<String> unknownHookKeys(Collection<String> optionKeys) {
        List<String> known = new ArrayList<>();
        for (HookRole role : HookRole.values()) {
            known.add(role.optionKey());
        }
        List<String> problems = new ArrayList<>();
        for (String key : optionKeys) {
            if (key.startsWith("hook.") && !known.contains(key)) {
                String closest = Similarity.closest(key, known, 2);
                problems.add("unknown option '" + key + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)")
                        + "; ignored");
            }
        }
        return problems;
    }

    private static HookSpec parse(HookRole role, String text, Consumer<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return HookParser.parse(role, text);
        } catch (HookFormatException e) {
            problems.accept(e.getMessage() + "; hook skipped");
            return null;
        }
    }

    /** The advice for hooks on classes named exactly (added with ASM, see {@link HookMethodAdvice}). */
    public List<MethodAdvice> exactAdvice() {
        List<MethodAdvice> advice = new ArrayList<>();
        for (int id = 0; id < instrumented.size(); id++) {
            if (!instrumented.get(id).spec().includeSubtypes()) {
                advice.add(new HookMethodAdvice(id, instrumented.get(id)));
            }
        }
        return advice;
    }

    /** True when a hook also instruments subtypes ({@code Type+}): only Byte Buddy can find those classes. */
    public boolean hasSubtypeHooks() {
        return instrumented.stream().anyMatch(hook -> hook.spec().includeSubtypes());
    }

    /** Adds the {@code Type+} hooks to {@code builder}. */
    public AgentBuilder applySubtypeHooks(AgentBuilder builder, ClassLoader agentLoader) {
        AgentBuilder result = builder;
        for (int id = 0; id < instrumented.size(); id++) {
            if (instrumented.get(id).spec().includeSubtypes()) {
                result = HookInstrumentation.apply(result, agentLoader, id, instrumented.get(id).spec(), instrumented.get(id));
            }
        }
        return result;
    }

    public AppKicker kicker() {
        return kicker;
    }

    /** Reports hooks that have matched nothing by now (called once the application serves clients). */
    public void reportUnused() {
        instrumented.forEach(HookStatus::reportIfUnused);
    }

    /** What the advice of hook {@code hookId} saw when its method returned normally. */
    public void onReturn(int hookId, Object self, Object session, Object uidSource) {
        if (hookId < 0 || hookId >= instrumented.size() || session == null) {
            return;
        }
        HookSpec spec = instrumented.get(hookId).spec();
        try {
            if (spec.role() == HookRole.UNBIND) {
                tracker.sessionUnbound(session);
                return;
            }
            Object uid = spec.uid().resolve(uidSource);
            if (uid == null) {
                throw new PathException("uid=" + spec.uid() + " gave null");
            }
            Object channel = SessionChannels.channelOf(session);
            String address = RemoteAddresses.format(SessionChannels.remoteAddress(channel));
            tracker.sessionBound(session, uid.toString(), channel, address);
            kicker.rememberBindTarget(self);
        } catch (PathException | RuntimeException e) {
            if (failureReported.get(hookId).compareAndSet(false, true)) {
                problems.accept(spec.role().optionKey() + ": " + e.getMessage()
                        + "; such logins are not counted (reported once)");
            }
        }
    }
}
