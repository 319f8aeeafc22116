package io.onlineuser.agent.track;

/**
 * One connection, its remote address and the sessions bound to it. A record can exist without
 * being counted: a connection opened before the agent attached is learned from a later bind, so
 * that its close still logs the session out, but it never enters TotalConnCount. A session bound
 * with an address but no channel gets a record of its own that no channel ever closes.
 */
final class ConnectionRecord {

    final Object channel;
    private long packedAddress;
    private String addressText;
    private boolean counted;
    private boolean closed;
    /** Head of the sessions bound to this connection, chained through {@code nextOnConnection}. */
    private SessionRecord sessions;

    ConnectionRecord(Object channel, String address, boolean counted) {
        this.channel = channel;
        this.counted = counted;
        setAddress(address);
    }

    /** A record for a session that came with an address but no channel. */
    static ConnectionRecord addressOnly(String address) {
        return new ConnectionRecord(null, address, false);
    }

    private void setAddress(String address) {
        String normalized = PackedAddress.normalize(address);
        packedAddress = PackedAddress.pack(normalized);
        addressText = packedAddress == 0 ? normalized : null;
    }

    synchronized String address() {
        return packedAddress != 0 ? PackedAddress.unpack(packedAddress) : addressText;
    }

    /** Takes the address a bind hook reported, unless the connection already knows its own. */
    synchronized void learnAddress(String address) {
        if (packedAddress == 0 && addressText == null) {
            setAddress(address);
        }
    }

    /** Marks a connection learned from a bind as seen active; true if it was not counted yet. */
    synchronized boolean markCounted() {
        if (counted || closed) {
            return false;
        }
        counted = true;
        return true;
    }

    synchronized boolean counted() {
        return counted;
    }

    /** Adds the session unless the connection already closed; false means "end it now". */
    synchronized boolean attach(SessionRecord session) {
        if (closed) {
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
        closed = true;
        SessionRecord bound = sessions;
        sessions = null;
        return bound;
    }
}
