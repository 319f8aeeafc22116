package io.onlineuser.agent.jmx;

import io.onlineuser.agent.track.OnlineTracker;
import io.onlineuser.agent.track.SessionDurations;
import io.onlineuser.agent.track.SessionEnd;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values behind {@link SessionDurationsData}, read from the tracker once per attribute read. */
final class SessionDurationValues implements SessionDurationsData {

    private static final String[] BOUND_LABELS = boundLabels();

    private final SessionHistogram logout;
    private final SessionHistogram closed;
    private final SessionHistogram kick;

    SessionDurationValues(OnlineTracker tracker) {
        this.logout = new Histogram(tracker.sessionDurations(SessionEnd.LOGOUT));
        this.closed = new Histogram(tracker.sessionDurations(SessionEnd.CLOSED));
        this.kick = new Histogram(tracker.sessionDurations(SessionEnd.KICK));
    }

    private static String[] boundLabels() {
        long[] bounds = SessionDurations.boundsSeconds();
        String[] labels = new String[bounds.length + 1];
        for (int i = 0; i < bounds.length; i++) {
            labels[i] = Long.toString(bounds[i]);
        }
        labels[bounds.length] = "+Inf";
        return labels;
    }

    @Override
    public SessionHistogram getLogout() {
        return logout;
    }

    @Override
    public SessionHistogram getClosed() {
        return closed;
    }

    @Override
    public SessionHistogram getKick() {
        return kick;
    }

    private static final class Histogram implements SessionHistogram {
        private final SessionDurations.Histogram histogram;

        Histogram(SessionDurations.Histogram histogram) {
            this.histogram = histogram;
        }

        @Override
        public Map<String, Long> getBuckets() {
            Map<String, Long> buckets = new LinkedHashMap<>();
            for (int i = 0; i < BOUND_LABELS.length; i++) {
                buckets.put(BOUND_LABELS[i], histogram.atMost(i));
            }
            return buckets;
        }

        @Override
        public double getSum() {
            return histogram.sumSeconds();
        }

        @Override
        public long getCount() {
            return histogram.count();
        }
    }
}
