package io.onlineuser.collector.http;

import java.net.URI;

/** Where a connection goes: keep-alive connections are reused per origin. */
record Origin(boolean tls, String host, int port) {

    static Origin of(URI url) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        if (!tls && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("not an http:// or https:// URL: " + url);
        }
        return new Origin(tls, url.getHost(), url.getPort() > 0 ? url.getPort() : tls ? 443 : 80);
    }

    /** The Host header: the port only when it is not the scheme's default. */
    String hostHeader() {
        String name = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? name : name + ":" + port;
    }

    // Written out, not the record's generated ones: those link through an invokedynamic bootstrap
    // on first use, ~20 ms of a fresh CLI's one request (async-profiler, quiet machine).
    @Override
    public boolean equals(Object other) {
        return other instanceof Origin o && o.tls == tls && o.port == port && o.host.equals(host);
    }

    @Override
    public int hashCode() {
        return (host.hashCode() * 31 + port) * 2 + (tls ? 1 : 0);
    }
}
