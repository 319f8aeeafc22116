package io.onlineuser.collector.discovery;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.onlineuser.collector.jolokia.ConnectorTarget;

/**
 * Every address of a DNS name is a connector, its Jolokia at {@code http://ADDRESS:PORT/jolokia}:
 * what a Kubernetes headless service gives (one A/AAAA record per ready pod). The name is
 * resolved again on every {@link #discover()}, that is before every question and every refresh of
 * {@code serve}, so pods that come and go are followed without a restart.
 */
public final class DnsSource implements TargetSource {

    private final String name;
    private final int port;
    private final DnsResolver resolver;

    public DnsSource(String name, int port, DnsResolver resolver) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("DNS name is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("DNS target port must be 1..65535, got " + port + " for " + name);
        }
        this.name = name;
        this.port = port;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** {@code NAME:PORT}, e.g. {@code connectors.game.svc.cluster.local:8778}. */
    public static DnsSource parse(String nameAndPort, DnsResolver resolver) {
        int colon = nameAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == nameAndPort.length() - 1) {
            throw new IllegalArgumentException("expected NAME:PORT (the agents' Jolokia port), got: " + nameAndPort);
        }
        String portText = nameAndPort.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number in " + nameAndPort + ": " + portText, e);
        }
        return new DnsSource(nameAndPort.substring(0, colon), port, resolver);
    }

    @Override
    public Discovery discover() {
        try {
            List<ConnectorTarget> targets = resolver.resolve(name).stream()
                    .map(this::hostLiteral)
                    .distinct()
                    .sorted(Comparator.naturalOrder())
                    .map(host -> new ConnectorTarget(URI.create("http://" + host + ":" + port + "/jolokia"), null, null, null))
                    .toList();
            return new Discovery(targets, Map.of());
        } catch (UnknownHostException e) {
            return new Discovery(List.of(), Map.of(describe(), "no address: " + message(e)));
        } catch (IOException | RuntimeException e) {
            return new Discovery(List.of(), Map.of(describe(), "lookup failed: " + message(e)));
        }
    }

    @Override
    public String describe() {
        return "dns " + name + ":" + port;
    }

    private String hostLiteral(InetAddress address) {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            int scope = text.indexOf('%');
            return "[" + (scope < 0 ? text : text.substring(0, scope)) + "]";
        }
        return text;
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
