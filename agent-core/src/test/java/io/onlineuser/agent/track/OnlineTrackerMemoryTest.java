package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Test;

/**
 * Guards the memory budget (about 150 bytes per logged-in user at a million users): a wrapper or
 * a String per session would add 24 to 56 bytes and fail this.
 */
class OnlineTrackerMemoryTest {

    private static final int USERS = 200_000;
    /** Measured 149 at this size (146 at a million); the margin absorbs table sizing and GC noise. */
    private static final int MAX_BYTES_PER_USER = 170;

    @Test
    void aLoggedInUserWithItsConnectionCostsUnder170Bytes() {
        Object[] channels = new Object[USERS];
        Object[] sessions = new Object[USERS];
        String[] uids = new String[USERS];
        String[] addresses = new String[USERS];
        for (int i = 0; i < USERS; i++) {
            channels[i] = new Object();
            sessions[i] = new Object();
            uids[i] = "user" + i;
            addresses[i] = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + ":" + (1024 + i % 60_000);
        }
        long before = usedAfterGc();

        OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
        for (int i = 0; i < USERS; i++) {
            tracker.connectionActive(channels[i], addresses[i]);
            tracker.sessionBound(sessions[i], uids[i], channels[i], null);
        }
        long after = usedAfterGc();

        assertThat(tracker.loginedCount()).isEqualTo(USERS);
        assertThat((after - before) / USERS).isLessThan(MAX_BYTES_PER_USER);
        // keep the application's objects reachable until after the measurement
        assertThat(channels.length + sessions.length + uids.length + addresses.length).isEqualTo(4 * USERS);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
