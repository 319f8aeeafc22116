package io.onlineuser.agent.instrument.netty;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats a peer address as Pomelo does: {@code ip:port} ({@code [ipv6]:port}); never a host-name lookup. */
public final class RemoteAddresses {

    private RemoteAddresses() {
    }

    /** Null for null; other address kinds (local, domain sockets) as their own text. */
    public static String format(SocketAddress address) {
        if (address == null) {
            return null;
        }
        if (!(address instanceof InetSocketAddress)) {
            return address.toString();
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        InetAddress ip = inet.getAddress();
        if (ip == null) {
            return inet.getHostString() + ':' + inet.getPort();
        }
        String host = ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            int scope = host.indexOf('%');
            return '[' + (scope < 0 ? host : host.substring(0, scope)) + "]:" + inet.getPort();
        }
        return host + ':' + inet.getPort();
    }
}
