package io.onlineuser.agent.track;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Open accepted channels by the short text of their Netty channel id, for applications that
 * name a session by that text ({@code settingUserId(channelIdHolder, uid)}): O(1) per lookup.
 * Off until the first lookup needs it, so that connectors whose sessions are objects pay nothing
 * per connection; the one caller that switches it on fills it from the open connections. Plain
 * Java: the id text is computed by the caller.
 */
public final class ChannelIdIndex {

    private final ConcurrentHashMap<String, Object> channels = new ConcurrentHashMap<>();
    private final AtomicBoolean enabled = new AtomicBoolean();

    /** Whether channels must be added and removed as they open and close. */
    public boolean enabled() {
        return enabled.get();
    }

    /** Switches the index on; true for the one caller that must then add the channels already open. */
    public boolean enable() {
        return !enabled.get() && enabled.compareAndSet(false, true);
    }

    public void opened(String shortId, Object channel) {
        if (shortId != null && channel != null) {
            channels.put(shortId, channel);
        }
    }

    /** Removes the entry only if it is still this channel's (also for stale entries a lookup found). */
    public void closed(String shortId, Object channel) {
        if (shortId != null && channel != null) {
            channels.remove(shortId, channel);
        }
    }

    /** The channel with this short id text, or null. */
    public Object find(String shortId) {
        return shortId == null ? null : channels.get(shortId);
    }

    public int size() {
        return channels.size();
    }
}
