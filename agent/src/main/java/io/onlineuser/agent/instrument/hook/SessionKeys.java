package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.netty.ChannelIds;
import io.onlineuser.agent.track.ChannelIdIndex;
import io.onlineuser.agent.track.OnlineTracker;

/**
 * What the value of a {@code session=} path stands for, as the key the tracker keeps the session
 * under. An application object is the session itself (tracked by identity). A Netty
 * {@code Channel}, {@code ChannelHandlerContext}, {@code ChannelId} or a channel id's text (short
 * or long form) names a connection: the session is then keyed by that connection's channel, so
 * a bind and a later unbind that pass the id in different holders still meet.
 */
final class SessionKeys {

    private final OnlineTracker tracker;
    private final ChannelIdIndex ids;

    SessionKeys(OnlineTracker tracker, ChannelIdIndex ids) {
        this.tracker = tracker;
        this.ids = ids;
    }

    /**
     * The session key for {@code value}.
     *
     * @return null when the value names a connection that is not open (any more)
     * @throws PathException when the value cannot stand for a session
     */
    Object keyOf(Object value, ObjectPath path) throws PathException {
        if (value == null) {
            throw new PathException("session=" + path + " gave null");
        }
        if (SessionChannels.isChannel(value)) {
            return value;
        }
        Object contextChannel = SessionChannels.channelOfContext(value);
        if (contextChannel != null) {
            return contextChannel;
        }
        if (ChannelIds.isChannelId(value)) {
            return openChannel(ChannelIds.shortText(value), null);
        }
        if (value instanceof CharSequence) {
            String text = value.toString();
            return openChannel(ChannelIds.shortTextOf(text), text);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Enum) {
            throw new PathException("session=" + path + " gave " + value.getClass().getName() + " '" + value
                    + "', which cannot stand for a session: it must be the application's session object, a Netty"
                    + " Channel, ChannelHandlerContext, ChannelId or a channel id's text");
        }
        return value;
    }

    /** The open accepted channel with this id; {@code longText} (null for an id's short text) must match too. */
    private Object openChannel(String shortText, String longText) {
        if (ids.enable()) {
            tracker.forEachConnection(channel -> ids.opened(ChannelIds.shortTextOfChannel(channel), channel));
        }
        Object channel = ids.find(shortText);
        if (channel == null) {
            return null;
        }
        if (!SessionChannels.isOpen(channel)) {
            // closed while the index was being filled: its close found nothing to remove yet
            ids.closed(shortText, channel);
            return null;
        }
        if (longText != null && !longText.equals(shortText) && !longText.equals(ChannelIds.longTextOfChannel(channel))) {
            return null;
        }
        return channel;
    }
}
