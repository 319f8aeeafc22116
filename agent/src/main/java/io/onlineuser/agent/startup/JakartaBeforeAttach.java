package io.onlineuser.agent.startup;

import io.onlineuser.agent.instrument.jakarta.JakartaCalls;
import java.lang.instrument.Instrumentation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a late attach to a host that already runs a Jakarta WebSocket container (its session
 * class is loaded): says once that the sessions opened before the attach are not counted. The
 * containers keep their open sessions where the agent has no way to list them; every session
 * opened from the attach on is counted, with its logins.
 */
final class JakartaBeforeAttach {

    private static final Logger LOG = LoggerFactory.getLogger(JakartaBeforeAttach.class);

    private JakartaBeforeAttach() {
    }

    static void report(Instrumentation instrumentation) {
        List<String> sessionClasses = JakartaCalls.sessionClasses();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (sessionClasses.contains(loaded.getName())) {
                LOG.warn("Jakarta WebSocket sessions open before the attach ({}) are not counted;"
                        + " sessions opened from now on are", loaded.getName());
                return;
            }
        }
    }
}
