package io.onlineuser.collector.fake;

/** Maps to CompositeData {seq, kind, sessionId, uid, address, time}. */
public final class ChangeEvent {
    private final long seq;
    private final String kind;
    private final long sessionId;
    private final String uid;
    private final String address;
    private final long time;

    public ChangeEvent(long seq, String kind, long sessionId, String uid, String address, long time) {
        this.seq = seq;
        this.kind = kind;
        this.sessionId = sessionId;
        this.uid = uid;
        this.address = address;
        this.time = time;
    }

    public long getSeq() {
        return seq;
    }

    public String getKind() {
        return kind;
    }

    public long getSessionId() {
        return sessionId;
    }

    public String getUid() {
        return uid;
    }

    public String getAddress() {
        return address;
    }

    public long getTime() {
        return time;
    }
}
