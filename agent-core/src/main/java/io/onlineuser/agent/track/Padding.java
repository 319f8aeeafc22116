package io.onlineuser.agent.track;

/** Spacing for counters that several event threads write, so that no two share a cache line. */
final class Padding {

    /**
     * Index step in an {@code AtomicLongArray} between two hot cells: 16 longs, 128 bytes, as
     * adjacent cache lines are fetched in pairs. Cell 0 is left free, away from the array header.
     */
    static final int CELL = 16;

    private Padding() {
    }
}
