package io.onlineuser.agent.jmx;

import java.util.Map;

/**
 * A Prometheus-style histogram of session lengths. {@code buckets} maps each upper bound in seconds
 * ("10", "30", "60", "300", "900", "1800", "3600", "7200", "14400", "28800", "+Inf") to the sessions
 * at most that long (cumulative, so "+Inf" equals {@code count}); as open type a TabularData of
 * {key, value} rows, which the JMX exporter turns into one sample per row with the bound as a label.
 */
public interface SessionHistogram {
    Map<String, Long> getBuckets();

    /** Total length of these sessions in seconds. */
    double getSum();

    long getCount();
}
