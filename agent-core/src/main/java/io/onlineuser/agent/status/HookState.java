package io.onlineuser.agent.status;

/**
 * What one configured hook is doing, as the Agent MBean shows it. A value: the instrumentation
 * makes a new one on every read from its own counters.
 */
public final class HookState {

    /** Its class has not been loaded yet (or, for {@code Type+}, no subtype declaring the method). */
    public static final String WAITING = "waiting";
    /** Its calls were added to at least one method. */
    public static final String INSTALLED = "installed";
    /** It cannot work: a bad description, a class without the method, or a call that failed. */
    public static final String FAILED = "failed";

    private final String role;
    private final String spec;
    private final String state;
    private final int matchedMethods;
    private final long calls;
    private final String lastError;

    /**
     * @param role           the option key, e.g. {@code hook.bind}
     * @param spec           the description as given
     * @param state          {@link #WAITING}, {@link #INSTALLED} or {@link #FAILED}
     * @param matchedMethods methods the hook's calls were added to
     * @param calls          hooked method returns seen so far
     * @param lastError      the last problem said about this hook, or null
     */
    public HookState(String role, String spec, String state, int matchedMethods, long calls, String lastError) {
        this.role = role;
        this.spec = spec;
        this.state = state;
        this.matchedMethods = matchedMethods;
        this.calls = calls;
        this.lastError = lastError;
    }

    public String role() {
        return role;
    }

    public String spec() {
        return spec;
    }

    public String state() {
        return state;
    }

    public int matchedMethods() {
        return matchedMethods;
    }

    public long calls() {
        return calls;
    }

    public String lastError() {
        return lastError;
    }
}
