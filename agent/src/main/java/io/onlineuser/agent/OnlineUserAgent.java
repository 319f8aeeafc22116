package io.onlineuser.agent;

import io.onlineuser.agent.attach.AttachCommand;
import io.onlineuser.agent.startup.AgentStartup;
import io.onlineuser.agent.suggest.SuggestAgent;
import java.lang.instrument.Instrumentation;

/**
 * Entry points of {@code onlineuser-agent.jar}: {@code -javaagent} ({@link #premain}), a late
 * attach ({@link #agentmain}; also how {@code suggest} reaches the target), and the command line
 * ({@link #main}: {@code attach <pid> [options]}, {@code list}, {@code suggest <pid>}). Wires, computes nothing.
 */
public final class OnlineUserAgent {

    private OnlineUserAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        AgentStartup.start(agentArgs, instrumentation, false);
    }

    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        if (SuggestAgent.isRequest(agentArgs)) {
            SuggestAgent.start(agentArgs, instrumentation);
        } else {
            AgentStartup.start(agentArgs, instrumentation, true);
        }
    }

    public static void main(String[] args) {
        System.exit(AttachCommand.run(args, System.out, System.err));
    }
}
