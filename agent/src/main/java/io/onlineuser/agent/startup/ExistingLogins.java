package io.onlineuser.agent.startup;

import io.onlineuser.agent.instrument.hook.HookCalls;
import io.onlineuser.agent.instrument.hook.HookFormatException;
import io.onlineuser.agent.instrument.hook.PathException;
import io.onlineuser.agent.instrument.hook.SessionRegistry;
import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a late attach, counts the players already logged in from where the application keeps
 * its sessions ({@code sessions.registry}), once, after the hooks are in place (a login between
 * the two is seen twice, which counts once). Without the option, says that logins count from the
 * attach on.
 */
final class ExistingLogins {

    private static final Logger LOG = LoggerFactory.getLogger(ExistingLogins.class);

    private ExistingLogins() {
    }

    static void count(String registryOption, HookCalls hooks, Instrumentation instrumentation) {
        if (registryOption == null) {
            LOG.info("players logged in before this attach are not counted, only logins from now on;"
                    + " sessions.registry names where the application keeps its sessions (agent/README.md, Late attach)");
            return;
        }
        long started = System.nanoTime();
        try {
            SessionRegistry registry = SessionRegistry.parse(registryOption);
            int counted = hooks.countRegistered(registry, Arrays.asList(instrumentation.getAllLoadedClasses()));
            LOG.info("sessions.registry: {} sessions logged in before the attach counted (read in {} ms)", counted,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (HookFormatException e) {
            LOG.warn("{}; players logged in before the attach are not counted", e.getMessage());
        } catch (PathException | RuntimeException e) {
            LOG.warn("sessions.registry='{}': {}; players logged in before the attach are not counted",
                    registryOption, e.getMessage());
        }
    }
}
