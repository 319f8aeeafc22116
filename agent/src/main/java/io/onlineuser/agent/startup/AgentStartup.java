package io.onlineuser.agent.startup;

import java.lang.instrument.Instrumentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path shared by {@code premain} and {@code agentmain}: bridge first (nothing may touch a
 * bridge class before it is on the bootstrap path), then the install, at most once per JVM.
 * Never throws: an exception escaping {@code premain} would abort the host JVM.
 */
public final class AgentStartup {

    private static final Logger LOG = LoggerFactory.getLogger(AgentStartup.class);

    private AgentStartup() {
    }

    public static void start(String agentArgs, Instrumentation instrumentation, boolean lateAttach) {
        try {
            if (!BootstrapBridge.installAndClaim(instrumentation)) {
                LOG.info("agent already installed in this JVM; this {} is ignored", lateAttach ? "attach" : "-javaagent");
                return;
            }
            AgentInstaller.install(agentArgs, instrumentation, lateAttach);
        } catch (Throwable e) {
            LOG.error("agent disabled, the application runs without it: {}", e.toString(), e);
        }
    }
}
