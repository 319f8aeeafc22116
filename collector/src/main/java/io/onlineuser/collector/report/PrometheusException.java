package io.onlineuser.collector.report;

/** Prometheus could not be asked, or has not the series a report needs; the message says which and why. */
public final class PrometheusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PrometheusException(String message) {
        super(message);
    }
}
