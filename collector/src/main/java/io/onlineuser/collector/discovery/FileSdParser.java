package io.onlineuser.collector.discovery;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.jolokia.ConnectorTarget;

/**
 * Reads a Prometheus {@code file_sd} document as the agent writes it:
 * {@code [{"targets":["127.0.0.1:8778"],"labels":{"server_id":"…","jolokia_url":"http://…/jolokia"}}]}.
 * {@code jolokia_url} wins over {@code targets} (it carries the path); without it each
 * {@code host:port} becomes {@code http://host:port/jolokia}.
 */
final class FileSdParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FileSdParser() {
    }

    static List<ConnectorTarget> parse(byte[] content) throws IOException {
        JsonNode root = JSON.readTree(content);
        if (root == null || !root.isArray()) {
            throw new IOException("expected a JSON array of {\"targets\":[…],\"labels\":{…}} groups");
        }
        List<ConnectorTarget> targets = new ArrayList<>();
        for (JsonNode group : root) {
            JsonNode labels = group.path("labels");
            String name = textOrNull(labels.path("server_id"));
            String jolokiaUrl = textOrNull(labels.path("jolokia_url"));
            if (jolokiaUrl != null) {
                targets.add(new ConnectorTarget(parseUri(jolokiaUrl), name, null, null));
                continue;
            }
            JsonNode hosts = group.path("targets");
            if (!hosts.isArray() || hosts.isEmpty()) {
                throw new IOException("a group has neither labels.jolokia_url nor targets");
            }
            for (JsonNode host : hosts) {
                ConnectorTarget parsed = ConnectorTarget.parse(host.asText());
                targets.add(new ConnectorTarget(parsed.url(), name, null, null));
            }
        }
        return targets;
    }

    private static URI parseUri(String text) throws IOException {
        try {
            return ConnectorTarget.parse(text).url();
        } catch (IllegalArgumentException e) {
            throw new IOException("bad jolokia_url " + text + ": " + e.getMessage(), e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
