package io.onlineuser.collector.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * A/AAAA records straight from one DNS server through the JDK's own DNS client (JNDI's
 * {@code dns:} provider): no cache, so every question sees the records as they are now, and a
 * server on any port (a cluster's DNS, or a test's dnsmasq on loopback). Tries twice (UDP, then
 * TCP when the answer is truncated) within about {@code timeoutMillis}.
 */
final class JndiDnsResolver implements DnsResolver {

    private static final String[] ADDRESS_RECORDS = {"A", "AAAA"};

    private final String providerUrl;
    private final long timeoutMillis;

    JndiDnsResolver(String host, int port, long timeoutMillis) {
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        this.providerUrl = "dns://" + literal + ":" + port;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public List<InetAddress> resolve(String name) throws IOException {
        DirContext context = null;
        try {
            context = new InitialDirContext(environment());
            Attributes records = context.getAttributes(name, ADDRESS_RECORDS);
            List<InetAddress> addresses = new ArrayList<>();
            for (String type : ADDRESS_RECORDS) {
                addAll(records.get(type), addresses);
            }
            if (addresses.isEmpty()) {
                throw new UnknownHostException(name + ": no A or AAAA record at " + providerUrl);
            }
            return addresses;
        } catch (NameNotFoundException e) {
            throw new UnknownHostException(name + ": no such name at " + providerUrl);
        } catch (NamingException e) {
            throw new IOException("DNS " + providerUrl + " did not answer for " + name + ": " + e.getExplanation(), e);
        } finally {
            closeQuietly(context);
        }
    }

    private Hashtable<String, String> environment() {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        environment.put(Context.PROVIDER_URL, providerUrl);
        // the provider doubles the wait on each try: a third, then two thirds of the budget
        environment.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(50, timeoutMillis / 3)));
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
        return environment;
    }

    private static void addAll(Attribute records, List<InetAddress> addresses) throws NamingException, UnknownHostException {
        if (records == null) {
            return;
        }
        NamingEnumeration<?> values = records.getAll();
        while (values.hasMore()) {
            // a literal address: parsed, never looked up
            addresses.add(InetAddress.getByName(values.next().toString()));
        }
    }

    private static void closeQuietly(DirContext context) {
        if (context == null) {
            return;
        }
        try {
            context.close();
        } catch (NamingException ignored) {
            // nothing is held open between lookups
        }
    }

    @Override
    public String toString() {
        return providerUrl;
    }
}
