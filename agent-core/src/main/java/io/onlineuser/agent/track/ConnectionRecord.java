package io.onlineuser.agent.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One connection, its remote address and the sessions bound to it. A record can exist without
 * being counted: a connection opened before the agent attached is learned from a later bind, so
 * that its close still logs the session out, but it never enters TotalConnCount. A session bound
 * with an address but no channel gets a record of its own that no channel ever closes.
 *
 * <p>Not locked by itself: a record with a channel is guarded by that channel's stripe of the
 * tracker's connection table, the lock every event on the channel takes anyway (one lock per
 * event instead of two). A record without a channel never changes after construction. The
 * address alone is read without the lock, by views.
 */
final class ConnectionRecord {

    /** Flag kept above the packed address's 49 bits, so that a record is 32 bytes, not 40. */
    private static final long COUNTED = 1L << 56;
    private static final long ADDRESS = (1L << 49) - 1;
    private static final VarHandle STATE = VarHandles.field(MethodHandles.lookup(), "state", long.class);

    final Object channel;
    /** A packed IPv4 address (see PackedAddress) plus the COUNTED flag; opaque access, read without the lock. */
    private long state;
    /** The address when it is not IPv4, else null; written once, read without the lock. */
    private volatile String addressText;
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
        if (packed != 0) {
            STATE.setOpaque(this, (long) STATE.getOpaque(this) | packed);
        } else if (address != null) {
            addressText = PackedAddress.normalize(address);
        }
    }

    /** Lock-free: an address learned at this moment may show on the next read. */
    String address() {
        long packed = (long) STATE.getOpaque(this) & ADDRESS;
        return packed != 0 ? PackedAddress.unpack(packed) : addressText;
    }

    /** The packed IPv4 address, or 0 when it is not one (then see {@link #addressText()}); lock-free. */
    long packedAddress() {
        return (long) STATE.getOpaque(this) & ADDRESS;
    }

    /** The address when it is not a packed IPv4 one, else null; lock-free. */
    String addressText() {
        return addressText;
    }

    /** Takes the address a bind hook reported, unless the connection already knows its own. */
    boolean hasAddress() {
        return ((long) STATE.getOpaque(this) & ADDRESS) != 0 || addressText != null;
    }

    void learnAddress(String address) {
        if (((long) STATE.getOpaque(this) & ADDRESS) == 0 && addressText == null) {
            setAddress(address);
        }
    }

    /** Marks a connection learned from a bind as seen active; true if it was not counted yet. */
    boolean markCounted() {
        long current = (long) STATE.getOpaque(this);
        if ((current & COUNTED) != 0) {
            return false;
        }
        STATE.setOpaque(this, current | COUNTED);
        return true;
    }

    boolean counted() {
        return ((long) STATE.getOpaque(this) & COUNTED) != 0;
    }

    void attach(SessionRecord session) {
        session.nextOnConnection = sessions;
        sessions = session;
    }

    /** @return true if no session is bound to this connection any more */
    boolean detach(SessionRecord session) {
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

    /** Hands over the sessions still bound to the connection, which is leaving the table. */
    SessionRecord takeSessions() {
        SessionRecord bound = sessions;
        sessions = null;
        return bound;
    }
}
