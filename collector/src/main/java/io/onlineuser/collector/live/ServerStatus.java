package io.onlineuser.collector.live;

/**
 * How current one server's part of the index is. {@code state}: {@code ok} (its connector answered
 * the last poll), {@code stale} (it stopped answering, within the grace period: its users still
 * count, flagged with the data's age), {@code lost} (silent past the grace period: its users are
 * only "last seen" and out of every total). {@code ageMillis}: time since its connector last
 * answered. {@code resyncs} and {@code lastResync}: how often and why it was listed again.
 */
public record ServerStatus(String serverId, String url, String state, long ageMillis, long lastAnswerAt,
                           String failure, long failingSince, boolean kickEnabled, int loginedCount, int sessionCount,
                           int resyncs, String lastResync) {

    public static final String OK = "ok";
    public static final String STALE = "stale";
    public static final String LOST = "lost";

    /** Counted in totals and answers as online. */
    public boolean counted() {
        return !LOST.equals(state);
    }
}
