package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.netty.ConnectionKeys;
import io.onlineuser.agent.track.OnlineTracker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The configured session hooks ({@code hook.bind}, {@code hook.unbind}, {@code hook.kick}), read
 * once: a description that cannot be used is reported in one line and skipped; the others still
 * work. Hands out how they are woven in ({@link HookWeaving}), what their calls do
 * ({@link HookCalls}) and how a kick reaches the application ({@link AppKicker}).
 */
public final class SessionHooks {

    private final List<HookStatus> hooks;
    private final AppKicker kicker;
    private final ConnectionKeys connectionKeys;
    private final HookCalls calls;

    private SessionHooks(OnlineTracker tracker, List<HookStatus> hooks, AppKicker kicker) {
        this.hooks = hooks;
        this.kicker = kicker;
        this.connectionKeys = new ConnectionKeys(tracker);
        this.calls = new HookCalls(tracker, hooks, kicker, connectionKeys);
    }

    /**
     * Reads the three descriptions (any may be null: not configured).
     *
     * @param problems receives one line per unusable description, and later per hook that fails at run time
     */
    public static SessionHooks configure(OnlineTracker tracker, String bind, String unbind, String kick,
                                         Consumer<String> problems) {
        List<HookStatus> hooks = new ArrayList<>();
        HookSpec bindSpec = parse(HookRole.BIND, bind, problems);
        HookSpec unbindSpec = parse(HookRole.UNBIND, unbind, problems);
        if (bindSpec != null) {
            hooks.add(new HookStatus(bindSpec, problems));
        }
        if (unbindSpec != null) {
            hooks.add(new HookStatus(unbindSpec, problems));
        }
        AppKicker kicker = new AppKicker(parse(HookRole.KICK, kick, problems), problems);
        return new SessionHooks(tracker, List.copyOf(hooks), kicker);
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

    public HookWeaving weaving() {
        return new HookWeaving(hooks);
    }

    public HookCalls calls() {
        return calls;
    }

    /** Open connections by the texts that name them, for sessions named by their connection. */
    public ConnectionKeys connectionKeys() {
        return connectionKeys;
    }

    public AppKicker kicker() {
        return kicker;
    }

    /** What became of each bind and unbind hook, for the Agent MBean. */
    public List<HookStatus> statuses() {
        return hooks;
    }

    /**
     * Reports hooks whose class has not been loaded by now (called a while after the application
     * listens), with the closest of {@code loadedClassNames} as a hint.
     */
    public void reportUnused(Collection<String> loadedClassNames) {
        hooks.forEach(hook -> hook.reportIfUnused(loadedClassNames));
    }
}
