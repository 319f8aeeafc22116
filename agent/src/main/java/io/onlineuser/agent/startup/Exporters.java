package io.onlineuser.agent.startup;

import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.discovery.DiscoveryFile;
import io.onlineuser.agent.jmx.MBeanPublisher;
import io.onlineuser.agent.jolokia.JolokiaEndpoint;
import io.onlineuser.agent.track.OnlineTracker;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what the tracker counts: MXBeans, then Jolokia, then (once Jolokia has its URL) the
 * discovery file, removed again by a shutdown hook. Runs on the agent's daemon thread.
 */
final class Exporters {

    private static final Logger LOG = LoggerFactory.getLogger(Exporters.class);

    private Exporters() {
    }

    static void start(AgentOptions options, OnlineTracker tracker, AgentSelf self) {
        try {
            MBeanPublisher.publish(tracker, options);
            MBeanPublisher.publishAgent(self, options.serverId());
            if (options.jolokiaEnabled()) {
                JolokiaEndpoint.start(options, url -> {
                    self.jolokiaListens(url);
                    writeDiscoveryFile(options, url);
                });
            } else if (options.discoveryDir() != null) {
                LOG.warn("discovery.dir is ignored: jolokia.enabled=false leaves nothing to discover");
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.error("could not publish the MXBeans or start Jolokia; counting goes on: {}", e.toString());
        }
    }

    private static void writeDiscoveryFile(AgentOptions options, String jolokiaUrl) {
        if (options.discoveryDir() == null) {
            return;
        }
        try {
            DiscoveryFile file = DiscoveryFile.write(options.discoveryDir(), options.serverId(), options.serverType(),
                    jolokiaUrl);
            Runtime.getRuntime().addShutdownHook(new Thread(file::delete, "onlineuser-discovery-cleanup"));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the discovery file in {}: {}; collectors must be given the URL {}",
                    options.discoveryDir(), e.toString(), jolokiaUrl);
        }
    }
}
