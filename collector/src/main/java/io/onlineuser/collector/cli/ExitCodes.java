package io.onlineuser.collector.cli;

/**
 * Exit statuses scripts can rely on. 1 is kept for "the answer is no" ({@code find}: not online,
 * {@code kick}: nothing to kick), so a failure to ask is never mistaken for a negative answer.
 */
final class ExitCodes {

    /** Every connector answered (and, for find/kick, the answer is yes). */
    static final int OK = 0;
    /** {@code find}: the uid is online nowhere; {@code kick}: no session of the uid anywhere. Every connector answered. */
    static final int NO = 1;
    /** At least one connector (or discovery file) failed; the output names each with the reason. */
    static final int PARTIAL = 2;
    /** {@code find}/{@code kick}: nothing found, but some connector failed, so the uid may be there. */
    static final int UNKNOWN = 3;
    /** Bad command line. */
    static final int USAGE = 64;

    private ExitCodes() {
    }
}
