package io.onlineuser.it;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** DESIGN.md's Prometheus names, each with the ConnectionStats attribute it is exported from. */
enum OnlineuserMetric {
    CONNECTIONS("onlineuser_connections", "TotalConnCount", "gauge"),
    LOGGED_IN_USERS("onlineuser_logged_in_users", "LoginedCount", "gauge"),
    SESSIONS("onlineuser_sessions", "SessionCount", "gauge"),
    CONNECTIONS_PEAK("onlineuser_connections_peak", "PeakConnCount", "gauge"),
    LOGGED_IN_USERS_PEAK("onlineuser_logged_in_users_peak", "PeakLoginedCount", "gauge"),
    CONNECTIONS_ACCEPTED("onlineuser_connections_accepted_total", "AcceptedConnTotal", "counter"),
    CONNECTIONS_CLOSED("onlineuser_connections_closed_total", "ClosedConnTotal", "counter"),
    LOGINS("onlineuser_logins_total", "LoginTotal", "counter"),
    LOGOUTS("onlineuser_logouts_total", "LogoutTotal", "counter"),
    KICKS("onlineuser_kicks_total", "KickTotal", "counter");

    static final String CONNECTION_STATS = "onlineuser:type=ConnectionStats,serverId=";

    private final String metricName;
    private final String attribute;
    private final String prometheusType;

    OnlineuserMetric(String metricName, String attribute, String prometheusType) {
        this.metricName = metricName;
        this.attribute = attribute;
        this.prometheusType = prometheusType;
    }

    String metricName() {
        return metricName;
    }

    String attribute() {
        return attribute;
    }

    String prometheusType() {
        return prometheusType;
    }

    static Set<String> metricNames() {
        return Arrays.stream(values()).map(OnlineuserMetric::metricName).collect(Collectors.toSet());
    }
}
