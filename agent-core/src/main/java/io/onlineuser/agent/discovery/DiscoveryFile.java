package io.onlineuser.agent.discovery;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.jolokia.json.JSONArray;
import org.jolokia.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces this connector in {@code <dir>/<serverId>.json}, Prometheus {@code file_sd} format:
 * {@code [{"targets":["host:port"],"labels":{"server_id":…,"server_type":…,"jolokia_url":…}}]}.
 * The file appears whole or not at all (written beside it, then moved), since Prometheus and
 * the collector may read the directory at any moment.
 */
public final class DiscoveryFile {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryFile.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Path file;

    private DiscoveryFile(Path file) {
        this.file = file;
    }

    /**
     * Writes (or replaces) the file, creating {@code dir} when missing.
     *
     * @throws IllegalArgumentException when the id would not make a plain file name, or the URL has no host and port
     * @throws IOException when the directory or file cannot be written
     */
    public static DiscoveryFile write(Path dir, String serverId, String serverType, String jolokiaUrl)
            throws IOException {
        if (serverId == null || !SAFE_NAME.matcher(serverId).matches() || serverId.matches("\\.+")) {
            throw new IllegalArgumentException("server id '" + serverId + "' cannot name a discovery file");
        }
        String json = content(serverId, serverType, jolokiaUrl);
        Files.createDirectories(dir);
        Path target = dir.resolve(serverId + ".json");
        // not *.json, so that a reader globbing the directory never sees a half-written file
        Path temporary = dir.resolve("." + serverId + ".json.tmp");
        Files.write(temporary, json.getBytes(StandardCharsets.UTF_8));
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return new DiscoveryFile(target);
    }

    static String content(String serverId, String serverType, String jolokiaUrl) {
        JSONArray targets = new JSONArray();
        targets.add(hostAndPort(jolokiaUrl));
        JSONObject labels = new JSONObject();
        labels.put("server_id", serverId);
        labels.put("server_type", serverType);
        labels.put("jolokia_url", jolokiaUrl);
        JSONObject group = new JSONObject();
        group.put("targets", targets);
        group.put("labels", labels);
        JSONArray groups = new JSONArray();
        groups.add(group);
        return groups.toJSONString();
    }

    private static String hostAndPort(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("Jolokia URL '" + url + "' has no host and port");
            }
            String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[")
                    ? "[" + uri.getHost() + "]" : uri.getHost();
            return host + ":" + uri.getPort();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Jolokia URL '" + url + "' is not a URL: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return file;
    }

    /** Removes the file; logs instead of throwing, since it runs in a shutdown hook. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("discovery file {} not removed: {}", file, e.toString());
        }
    }
}
