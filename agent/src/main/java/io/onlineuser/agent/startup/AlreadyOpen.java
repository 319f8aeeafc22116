package io.onlineuser.agent.startup;

import io.onlineuser.agent.instrument.TrackerEvents;
import io.onlineuser.agent.instrument.netty.ListenerWatch;
import io.onlineuser.agent.instrument.netty.NettyChannels;
import io.onlineuser.agent.instrument.netty.OpenChannels;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a late attach: counts the connections that were already open on counted listeners, once,
 * on the agent's thread, right after the pipeline calls are in place (so that a connection opened
 * or closed meanwhile is seen by one or the other, and counted once).
 */
final class AlreadyOpen {

    private static final Logger LOG = LoggerFactory.getLogger(AlreadyOpen.class);

    private AlreadyOpen() {
    }

    static void count(Instrumentation instrumentation, TrackerEvents events, ListenerWatch listeners) {
        long started = System.nanoTime();
        try {
            OpenChannels found = OpenChannels.find(instrumentation);
            found.serverChannels().forEach(listeners::of);
            int counted = 0;
            int other = 0;
            for (Object channel : found.acceptedChannels()) {
                if (events.alreadyOpen(channel, NettyChannels.parent(channel))) {
                    counted++;
                } else {
                    other++;
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (found.complete()) {
                LOG.info("connections open before the attach: {} counted, {} on listeners not counted or closed meanwhile"
                        + " ({} listeners; {} objects of Netty walked in {} ms)", counted, other,
                        found.serverChannels().size(), found.visited(), millis);
            } else {
                LOG.warn("connections open before the attach: {} counted, but the walk through Netty's objects stopped"
                        + " after {} objects ({} ms); some connections opened before the attach may be missing from"
                        + " TotalConnCount until they close", counted, found.visited(), millis);
            }
            listeners.reportUnheardPortsLater();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("connections open before the attach could not be found ({}); they are not counted, new ones are",
                    e.toString());
        }
    }
}
