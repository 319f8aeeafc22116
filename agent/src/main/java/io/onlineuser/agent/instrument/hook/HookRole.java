package io.onlineuser.agent.instrument.hook;

import java.util.Locale;

/** What a hook means to the agent, and which keys its description takes. */
public enum HookRole {
    /** A session logged in: needs the session and the uid. */
    BIND(true, false),
    /** A session logged out: needs the session. */
    UNBIND(false, false),
    /** The application's own way to kick a session: needs the session, may take the reason. */
    KICK(false, true);

    private final boolean takesUid;
    private final boolean takesReason;

    HookRole(boolean takesUid, boolean takesReason) {
        this.takesUid = takesUid;
        this.takesReason = takesReason;
    }

    public boolean takesUid() {
        return takesUid;
    }

    public boolean takesReason() {
        return takesReason;
    }

    /** The agent option that holds this hook, e.g. {@code hook.bind}. */
    public String optionKey() {
        return "hook." + name().toLowerCase(Locale.ROOT);
    }
}
