package io.onlineuser.agent.track;

/**
 * One connection, its remote address and the sessions bound to it. A record can exist without
 * being counted: a connection opened before the agent attached is learned from a later bind, so
 * that its close still logs the session out, but it never enters TotalConnCount. A session bound
 * with an address but no channel gets a record of its own that no channel ever closes.
 */
final class ConnectionRecord {

    /** Flags kept above the packed address's 49 bits, so that a record is 32 bytes, not 40. */
    private static final long COUNTED = 1L << 56;
    private static final long CLOSED = 1L << 57;
    private static final long ADDRESS = (1L << 49) - 1;

    final Object channel;
    /** A packed IPv4 address (see PackedAddress) plus the COUNTED and CLOSED flags. */
    private long state;
    /** The address when it is not IPv4, else null. */
    private String addressText;
    /** Head of the sessions bound to this connection, chained through {@code nextOnConnection}. */
    private SessionRecord sessions;

    ConnectionRecord(Object channel, String address, boolean counted) {
        this.channel = channel;
        this.state = counted ? COUNTED : 0;
        setAddress(address);
    }

    /** A record for a session that came with an address but no channel. */
    static ConnectionRecord addressOnly(String address) {
        return new ConnectionRecord(null, address, false);
    }

    private void setAddress(String address) {
        long packed = PackedAddress.pack(address);
        state = (state & ~ADDRESS) | packed;
        addressText = packed == 0 ? PackedAddress.normalize(address) : null;
    }

    synchronized String address() {
        long packed = state & ADDRESS;
        return packed != 0 ? PackedAddress.unpack(packed) : addressText;
    }

    /** Takes the address a bind hook reported, unless the connection already knows its own. */
    synchronized void learnAddress(String address) {
        if ((state & ADDRESS) == 0 && addressText == null) {
            setAddress(address);
        }
    }

    /** Marks a connection learned from a bind as seen active; true if it was not counted yet. */
    synchronized boolean markCounted() {
        if ((state & (COUNTED | CLOSED)) != 0) {
            return false;
        }
        state |= COUNTED;
        return true;
    }

    synchronized boolean counted() {
        return (state & COUNTED) != 0;
    }

    /** Adds the session unless the connection already closed; false means "end it now". */
    synchronized boolean attach(SessionRecord session) {
        if ((state & CLOSED) != 0) {
            return false;
        }
        session.nextOnConnection = sessions;
        sessions = session;
        return true;
    }

    /** @return true if no session is bound to this connection any more */
    synchronized boolean detach(SessionRecord session) {
        SessionRecord previous = null;
        for (SessionRecord current = sessions; current != null; current = current.nextOnConnection) {
            if (current == session) {
                if (previous == null) {
                    sessions = current.nextOnConnection;
                } else {
                    previous.nextOnConnection = current.nextOnConnection;
                }
                current.nextOnConnection = null;
                break;
            }
            previous = current;
        }
        return sessions == null;
    }

    /** Marks the connection closed and hands over the sessions still bound to it. */
    synchronized SessionRecord close() {
        state |= CLOSED;
        SessionRecord bound = sessions;
        sessions = null;
        return bound;
    }
}
