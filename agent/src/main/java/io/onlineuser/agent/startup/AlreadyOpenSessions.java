package io.onlineuser.agent.startup;

import io.onlineuser.agent.instrument.SelectorAttachments;
import io.onlineuser.agent.instrument.TrackerEvents;
import io.onlineuser.agent.instrument.mina.MinaSessions;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a late attach: counts the MINA sessions already open, once, on the agent's thread, after
 * the calls in MINA are in place (a session opened or closed meanwhile is seen once). They are
 * found through the selectors MINA's I/O threads wait in ({@link SelectorAttachments}).
 */
final class AlreadyOpenSessions {

    private static final Logger LOG = LoggerFactory.getLogger(AlreadyOpenSessions.class);

    private AlreadyOpenSessions() {
    }

    static void count(Instrumentation instrumentation, TrackerEvents events) {
        long started = System.nanoTime();
        try {
            int counted = 0;
            int other = 0;
            for (Object attachment : SelectorAttachments.find(instrumentation)) {
                if (!MinaSessions.KIND.holds(attachment.getClass())) {
                    continue;
                }
                if (events.alreadyOpen(MinaSessions.KIND, MinaSessions.KIND.serviceOf(attachment), attachment)) {
                    counted++;
                } else {
                    other++;
                }
            }
            if (counted + other > 0) {
                LOG.info("MINA sessions open before the attach: {} counted, {} on listeners not counted or closed"
                        + " meanwhile (found in {} ms)", counted, other,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("MINA sessions open before the attach could not be found ({}); they are not counted, new ones are",
                    e.toString());
        }
    }
}
