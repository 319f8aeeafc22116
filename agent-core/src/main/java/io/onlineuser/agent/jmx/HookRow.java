package io.onlineuser.agent.jmx;

/** One configured hook and what became of it. */
public interface HookRow {
    /** The option that holds it, e.g. {@code hook.bind}. */
    String getRole();

    String getSpec();

    /** {@code waiting}, {@code installed} or {@code failed}. */
    String getState();

    int getMatchedMethods();

    long getCalls();

    /** The last problem said about it; empty when none. */
    String getLastError();
}
