package io.onlineuser.collector.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The figures of one calendar day (of one server type, or of all when {@code serverType} is null):
 * peak and average concurrent logged-in users, when the peak came, logins, ended sessions and the
 * median and 90th percentile of their lengths in seconds (null when no session ended).
 */
public record DayFigures(LocalDate date, String serverType, long pcu, OffsetDateTime pcuAt, double acu,
                         long logins, long sessions, Double sessionP50, Double sessionP90) {
}
