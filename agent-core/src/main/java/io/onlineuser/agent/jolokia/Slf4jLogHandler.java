package io.onlineuser.agent.jolokia;

import org.jolokia.server.core.service.api.LogHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Jolokia's own messages through the agent's logger instead of standard output, which
 * belongs to the host. Its info lines (policy in use, services found) are detail for the
 * operator of the agent, so they go to debug.
 */
final class Slf4jLogHandler implements LogHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.onlineuser.agent.jolokia.Jolokia");

    @Override
    public void debug(String message) {
        LOG.debug(message);
    }

    @Override
    public void info(String message) {
        LOG.debug(message);
    }

    @Override
    public void error(String message, Throwable error) {
        LOG.warn("Jolokia: {}{}", message, error == null ? "" : " (" + error + ")");
    }

    @Override
    public boolean isDebug() {
        return LOG.isDebugEnabled();
    }
}
