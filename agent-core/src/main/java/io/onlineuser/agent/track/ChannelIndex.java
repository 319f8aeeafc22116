package io.onlineuser.agent.track;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Open accepted channels by a text key (the short text of their Netty channel id, or their
 * remote {@code ip:port}), for applications that name a session by its connection
 * ({@code settingUserId(channelIdHolder, uid)}): O(1) per lookup. Off until the first lookup
 * needs it, so that connectors whose sessions are objects pay nothing per connection; the one
 * caller that switches it on fills it from the open connections. Plain Java: keys are computed
 * by the caller.
 */
public final class ChannelIndex {

    private final ConcurrentHashMap<String, Object> channels = new ConcurrentHashMap<>();
    private final AtomicBoolean enabled = new AtomicBoolean();
    private volatile boolean filled;

    /** Whether channels must be added and removed as they open and close. */
    public boolean enabled() {
        return enabled.get();
    }

    /** Switches the index on; true for the one caller that must then add the channels already open. */
    public boolean enable() {
        return !enabled.get() && enabled.compareAndSet(false, true);
    }

    /** Whether the channels open when it was switched on have all been added. */
    public boolean filled() {
        return filled;
    }

    public void markFilled() {
        filled = true;
    }

    public void opened(String key, Object channel) {
        if (key != null && channel != null) {
            channels.put(key, channel);
        }
    }

    /** Removes the entry only if it is still this channel's (also for stale entries a lookup found). */
    public void closed(String key, Object channel) {
        if (key != null && channel != null) {
            channels.remove(key, channel);
        }
    }

    /** The channel with this key, or null. */
    public Object find(String key) {
        return key == null ? null : channels.get(key);
    }

    public int size() {
        return channels.size();
    }
}
