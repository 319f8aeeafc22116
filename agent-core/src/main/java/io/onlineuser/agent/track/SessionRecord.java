package io.onlineuser.agent.track;

/** One bound session. Kept small: the tracker holds one per logged-in session. */
final class SessionRecord {

    final Object session;
    final UidEntry owner;
    final ConnectionRecord connection;
    final long sessionId;
    final long loginTime;
    private final long packedAddress;
    private final String addressText;
    /** Chain of the owner's sessions; guarded by the owner's lock. */
    SessionRecord nextOfUid;
    /** Chain of the connection's sessions; guarded by the connection. */
    SessionRecord nextOnConnection;

    SessionRecord(Object session, UidEntry owner, ConnectionRecord connection, long sessionId,
            long loginTime, String address) {
        this.session = session;
        this.owner = owner;
        this.connection = connection;
        this.sessionId = sessionId;
        this.loginTime = loginTime;
        String normalized = PackedAddress.normalize(address);
        this.packedAddress = PackedAddress.pack(normalized);
        this.addressText = packedAddress == 0 ? normalized : null;
    }

    /** The address given at bind time, else the connection's. */
    String address() {
        if (packedAddress != 0) {
            return PackedAddress.unpack(packedAddress);
        }
        if (addressText != null) {
            return addressText;
        }
        return connection == null ? null : connection.address();
    }

    SessionView view() {
        return new SessionView(sessionId, owner.uid, loginTime, address());
    }
}
