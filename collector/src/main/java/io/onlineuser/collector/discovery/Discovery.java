package io.onlineuser.collector.discovery;

import java.util.List;
import java.util.Map;

import io.onlineuser.collector.jolokia.ConnectorTarget;

/** Targets found, and per source file what was wrong with it (a bad file never hides the good ones). */
public record Discovery(List<ConnectorTarget> targets, Map<String, String> problems) {

    public Discovery {
        targets = List.copyOf(targets);
        problems = Map.copyOf(problems);
    }
}
