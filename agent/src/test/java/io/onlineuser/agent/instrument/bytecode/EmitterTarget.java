package io.onlineuser.agent.instrument.bytecode;

/**
 * Methods of known, branch-free bytecode, named as the agent's real calls look for them;
 * {@link EmittedBytecodeTest} rewrites this class and reads the instructions back.
 */
public class EmitterTarget {

    private Object server;

    /** As Netty's {@code DefaultChannelPipeline#fireChannelActive}: returns the pipeline. */
    public EmitterTarget fireChannelActive() {
        return this;
    }

    public EmitterTarget fireChannelInactive() {
        return this;
    }

    public void bind() {
    }

    public void opened(Object connection) {
    }

    public void close() {
    }

    /** A return value and a long argument: the value stays beneath the call, the long takes slots 2 and 3. */
    public int login(Object session, long uid) {
        return 1;
    }

    public static void logout(Object session) {
    }
}
