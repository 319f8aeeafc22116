package io.onlineuser.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A framework's user binding that names connections, not session objects. */
public final class UserChannels {

    private final Map<Object, String> users = new ConcurrentHashMap<>();

    public void settingUserId(ChannelIdHolder holder, String uid) {
        users.put(holder.getChannelId(), uid);
    }

    public void removeUser(String channelId) {
        users.remove(channelId);
    }

    /** A Netty Channel or ChannelHandlerContext. */
    public void bindConnection(Object connection, String uid) {
        users.put(connection, uid);
    }

    public void bindNumber(long sessionNumber, String uid) {
        users.put(sessionNumber, uid);
    }
}
