package io.onlineuser.collector.http;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.netty.channel.Channel;

/**
 * Keep-alive connections to one origin that carry no request now. A connector is asked one
 * question at a time, so this holds one connection most of the time; the most recently used is
 * taken first.
 */
final class IdleConnections {

    private final Deque<Channel> channels = new ConcurrentLinkedDeque<>();

    /** An open idle connection, or null when a new one must be made. */
    Channel take() {
        for (Channel channel = channels.pollFirst(); channel != null; channel = channels.pollFirst()) {
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    void release(Channel channel) {
        channels.offerFirst(channel);
    }

    void closed(Channel channel) {
        channels.remove(channel);
    }

    void closeAll() {
        for (Channel channel = channels.pollFirst(); channel != null; channel = channels.pollFirst()) {
            channel.close();
        }
    }
}
