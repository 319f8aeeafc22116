package io.onlineuser.collector.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Every address (A and AAAA records) of a name. */
@FunctionalInterface
public interface DnsResolver {

    /** All addresses of {@code name}; {@link UnknownHostException} when the name has none. */
    List<InetAddress> resolve(String name) throws IOException;

    /**
     * The operating system's resolver ({@code /etc/hosts}, {@code resolv.conf} and its search
     * domains, as a Kubernetes pod's short service names need). The JVM caches answers for
     * {@code networkaddress.cache.ttl} seconds (30 by default), so a change shows within that.
     */
    static DnsResolver system() {
        return name -> Arrays.asList(InetAddress.getAllByName(name));
    }

    /** Asks one DNS server directly, uncached; see {@link JndiDnsResolver}. */
    static DnsResolver server(String host, int port, long timeoutMillis) {
        return new JndiDnsResolver(host, port, timeoutMillis);
    }
}
