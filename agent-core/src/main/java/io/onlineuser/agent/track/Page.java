package io.onlineuser.agent.track;

import java.util.List;

/** One page of a cursor-paged list: its rows, and the key to ask for the next page from. */
public final class Page<T> {

    private final List<T> rows;
    private final String next;

    Page(List<T> rows, String next) {
        this.rows = rows;
        this.next = next;
    }

    public List<T> rows() {
        return rows;
    }

    /** Opaque key for the next page; null at the end. */
    public String next() {
        return next;
    }
}
