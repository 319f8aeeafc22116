package io.onlineuser.agent.track;

import io.onlineuser.agent.config.PortScope;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every listening port (server channel) the agent has seen, found by the server channel object
 * itself. Hosts have a few, and one is looked up on every accept and close: a copy-on-write
 * array scanned by identity costs a few nanoseconds and no lock. Server channels are held weakly,
 * so a host that binds and closes many servers leaves nothing behind but their rows.
 */
public final class ListeningPorts {

    private final PortScope scope;
    private volatile Entry[] entries = new Entry[0];

    public ListeningPorts(PortScope scope) {
        this.scope = scope;
    }

    public PortScope scope() {
        return scope;
    }

    /** The listener of {@code serverChannel}, or null when it was never registered. */
    public ListeningPort find(Object serverChannel) {
        for (Entry entry : entries) {
            if (entry.serverChannel.get() == serverChannel) {
                return entry.listener;
            }
        }
        return null;
    }

    /**
     * Registers {@code serverChannel} once; a second call for it returns null.
     *
     * @param address "ip:port" or the address's text; port -1 when it has none
     * @return the new listener, or null when the channel was registered already
     */
    public ListeningPort register(Object serverChannel, String address, int port, String serverChannelClass) {
        return register(serverChannel, address, port, serverChannelClass, "netty", "");
    }

    /**
     * Registers a listener of any transport once, keyed by {@code serverChannel} (any object the
     * transport keeps for it); a second call for it returns null.
     *
     * @param path the WebSocket endpoint path, or the empty string
     */
    public synchronized ListeningPort register(Object serverChannel, String address, int port, String serverChannelClass,
                                          String transport, String path) {
        if (find(serverChannel) != null) {
            return null;
        }
        ListeningPort listener = new ListeningPort(address, port, serverChannelClass, transport, path, scope.includes(port));
        Entry[] current = entries;
        Entry[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = new Entry(serverChannel, listener);
        entries = grown;
        return listener;
    }

    /** Every listener seen, in the order they were seen. */
    public List<ListeningPort> all() {
        List<ListeningPort> all = new ArrayList<>();
        for (Entry entry : entries) {
            all.add(entry.listener);
        }
        return all;
    }

    /** The {@code netty.ports} entries no listener seen so far falls in. */
    public List<String> unheardPorts() {
        List<Integer> ports = new ArrayList<>();
        for (Entry entry : entries) {
            ports.add(entry.listener.port());
        }
        return scope.entriesWithoutAny(ports);
    }

    private static final class Entry {
        final WeakReference<Object> serverChannel;
        final ListeningPort listener;

        Entry(Object serverChannel, ListeningPort listener) {
            this.serverChannel = new WeakReference<>(serverChannel);
            this.listener = listener;
        }
    }
}
