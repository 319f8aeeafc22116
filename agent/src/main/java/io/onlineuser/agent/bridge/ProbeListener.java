package io.onlineuser.agent.bridge;

/**
 * Where the recording-only hooks of a {@code suggest --watch} report their calls. Declared on the
 * bootstrap class path, beside {@link BridgeListener}, for the same reason; JDK types only.
 */
public interface ProbeListener {

    /**
     * A watched method returned normally.
     *
     * @param probeId   which probe (index the watch chose when it added the probe)
     * @param self      {@code this} of the method, null for a static method
     * @param session   the root of the candidate's {@code session=} path
     * @param uidSource the root of the candidate's {@code uid=} path (null when it has none)
     */
    void probeReturned(int probeId, Object self, Object session, Object uidSource);
}
