package io.onlineuser.collector.jolokia;

import java.net.URI;
import java.util.Objects;

/**
 * Where one connector's Jolokia endpoint lives, the server id discovery announced for it (may be
 * null), and the credentials it wants (may be null). The URL is the identity: two targets with the
 * same URL are the same connector.
 */
public record ConnectorTarget(URI url, String name, String user, String password) {

    public ConnectorTarget {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("target URL must be http:// or https://, got: " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("target URL has no host: " + url);
        }
    }

    /** Parses {@code http://host:port/jolokia}; a bare {@code host:port} gets {@code http://} and {@code /jolokia}. */
    public static ConnectorTarget parse(String text, String user, String password) {
        String trimmed = text.trim();
        String withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + text + " (" + e.getMessage() + ")", e);
        }
        if (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath())) {
            uri = uri.resolve("/jolokia");
        }
        return new ConnectorTarget(uri, null, user, password);
    }

    public static ConnectorTarget parse(String text) {
        return parse(text, null, null);
    }

    /** Same endpoint with credentials, unless this target already carries its own. */
    public ConnectorTarget withDefaultCredentials(String defaultUser, String defaultPassword) {
        if (user != null || defaultUser == null) {
            return this;
        }
        return new ConnectorTarget(url, name, defaultUser, defaultPassword);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectorTarget that && url.equals(that.url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return url.toString();
    }
}
