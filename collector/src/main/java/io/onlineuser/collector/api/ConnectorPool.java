package io.onlineuser.collector.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.onlineuser.collector.discovery.Discovery;
import io.onlineuser.collector.discovery.TargetSource;
import io.onlineuser.collector.http.ConnectorHttp;
import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.jolokia.ConnectorTarget;
import io.onlineuser.collector.tls.ClientTls;

/**
 * The connectors to ask right now: fixed targets plus whatever discovery (file_sd files, DNS names)
 * lists at this moment. One {@link ConnectorClient} per URL lives as long as the URL is listed, so keep-alive
 * connections and learned MBean names survive from one question to the next.
 */
final class ConnectorPool implements AutoCloseable {

    private final List<ConnectorTarget> fixedTargets;
    private final List<TargetSource> sources;
    private final String defaultUser;
    private final String defaultPassword;
    private final long timeoutMillis;
    private final ClientTls tls;
    /** The HTTP client of every connector here: one event loop per core, keep-alive connections reused. */
    private final ConnectorHttp http;
    private final Map<ConnectorTarget, ConnectorClient> clients = new ConcurrentHashMap<>();
    private volatile List<ConnectorClient> fixedClients;

    ConnectorPool(List<ConnectorTarget> fixedTargets, List<TargetSource> sources,
                  String defaultUser, String defaultPassword, long timeoutMillis, ClientTls tls) {
        this.fixedTargets = List.copyOf(fixedTargets);
        this.sources = List.copyOf(sources);
        this.defaultUser = defaultUser;
        this.defaultPassword = defaultPassword;
        this.timeoutMillis = timeoutMillis;
        this.tls = tls;
        this.http = ConnectorClient.sharedHttpClient(timeoutMillis, tls);
    }

    /** Clients for the current targets, and per discovery file what was wrong with it. */
    Current current() {
        if (sources.isEmpty()) {
            List<ConnectorClient> fixed = fixedClients;
            if (fixed == null) {
                fixed = clientsFor(new LinkedHashSet<>(fixedTargets));
                fixedClients = fixed;
            }
            return new Current(fixed, Map.of());
        }
        Set<ConnectorTarget> targets = new LinkedHashSet<>(fixedTargets);
        Map<String, String> problems = new TreeMap<>();
        for (TargetSource source : sources) {
            Discovery discovery = source.discover();
            targets.addAll(discovery.targets());
            discovery.problems().forEach((file, problem) -> problems.put("discovery " + file, problem));
        }
        if (targets.isEmpty()) {
            // most often a wrong path or agents started without discovery.dir: an empty answer must not look healthy
            problems.putIfAbsent("discovery", "no connector listed in " + sources.stream().map(TargetSource::describe).toList());
        }
        List<ConnectorClient> current = clientsFor(targets);
        clients.entrySet().removeIf(entry -> {
            boolean gone = !targets.contains(entry.getKey());
            if (gone) {
                entry.getValue().close();
            }
            return gone;
        });
        return new Current(current, problems);
    }

    List<ConnectorTarget> targets() {
        return current().clients().stream().map(ConnectorClient::target).toList();
    }

    @Override
    public void close() {
        clients.values().forEach(ConnectorClient::close);
        clients.clear();
        http.close();
    }

    private List<ConnectorClient> clientsFor(Set<ConnectorTarget> targets) {
        List<ConnectorClient> list = new ArrayList<>(targets.size());
        for (ConnectorTarget target : targets) {
            ConnectorTarget withCredentials = target.withDefaultCredentials(defaultUser, defaultPassword);
            list.add(clients.computeIfAbsent(target, t -> new ConnectorClient(withCredentials, timeoutMillis, http, tls)));
        }
        return List.copyOf(list);
    }

    /** How a failed target is named in {@code errors}: its server id once known, else its URL. */
    static String nameOf(ConnectorClient client) {
        List<String> ids = client.knownServerIds();
        if (!ids.isEmpty()) {
            return String.join(",", ids);
        }
        ConnectorTarget target = client.target();
        return target.name() != null ? target.name() : target.url().toString();
    }

    record Current(List<ConnectorClient> clients, Map<String, String> problems) {
    }
}
