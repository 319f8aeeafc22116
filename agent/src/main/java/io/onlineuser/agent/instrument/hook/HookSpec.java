package io.onlineuser.agent.instrument.hook;

/**
 * A parsed hook description: which method to hook and where its session, uid and reason are.
 * See {@link HookParser} for the text form.
 */
public final class HookSpec {

    private final HookRole role;
    private final String typeName;
    private final boolean includeSubtypes;
    private final String methodName;
    private final int arity;
    private final ObjectPath session;
    private final ObjectPath uid;
    private final ValueRef reason;

    HookSpec(HookRole role, String typeName, boolean includeSubtypes, String methodName, int arity,
             ObjectPath session, ObjectPath uid, ValueRef reason) {
        this.role = role;
        this.typeName = typeName;
        this.includeSubtypes = includeSubtypes;
        this.methodName = methodName;
        this.arity = arity;
        this.session = session;
        this.uid = uid;
        this.reason = reason;
    }

    public HookRole role() {
        return role;
    }

    public String typeName() {
        return typeName;
    }

    /** True for {@code Type+}: the type and every class that extends or implements it. */
    public boolean includeSubtypes() {
        return includeSubtypes;
    }

    public String methodName() {
        return methodName;
    }

    public int arity() {
        return arity;
    }

    /**
     * Where the session is: its value may be the session object, or a Netty channel, channel
     * context, channel id or a channel id's text (see {@link SessionKeys}). For {@code hook.kick}
     * a plain {@code this} or {@code argN}.
     */
    public ObjectPath session() {
        return session;
    }

    /** Null for hooks that take no uid. */
    public ObjectPath uid() {
        return uid;
    }

    /** Null when the hook takes no reason. */
    public ValueRef reason() {
        return reason;
    }

    /** {@code Type#method/arity}, for log lines. */
    public String target() {
        return typeName + (includeSubtypes ? "+" : "") + '#' + methodName + '/' + arity;
    }

    @Override
    public String toString() {
        return target() + " session=" + session + (uid == null ? "" : " uid=" + uid)
                + (reason == null ? "" : " reason=" + reason);
    }
}
