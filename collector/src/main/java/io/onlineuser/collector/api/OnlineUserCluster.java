package io.onlineuser.collector.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.onlineuser.collector.discovery.DnsResolver;
import io.onlineuser.collector.discovery.DnsSource;
import io.onlineuser.collector.discovery.FileSdSource;
import io.onlineuser.collector.discovery.TargetSource;
import io.onlineuser.collector.fanout.FanOut;
import io.onlineuser.collector.fanout.FanOutProgress;
import io.onlineuser.collector.fanout.Outcome;
import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.jolokia.ConnectorTarget;
import io.onlineuser.collector.model.LoginEntry;
import io.onlineuser.collector.model.ServerStats;
import io.onlineuser.collector.model.SessionInfo;
import io.onlineuser.collector.tls.ClientTls;

/**
 * The whole cluster as one object: asks every connector's agent at once over Jolokia and always
 * answers with what it has, naming the connectors that did not answer in time and why.
 * Thread safe; build one and reuse it (it keeps keep-alive connections and learned MBean names).
 *
 * <pre>{@code
 * try (OnlineUserCluster cluster = OnlineUserCluster.builder()
 *         .discoveryDir(Path.of("/var/run/onlineuser"))
 *         .timeout(Duration.ofSeconds(2))
 *         .build()) {
 *     UserLookup where = cluster.find("u42");     // Pomelo's backendSessionService.getByUid, cluster-wide
 *     ClusterSnapshot now = cluster.online();     // totals per server and for the cluster
 * }
 * }</pre>
 */
public final class OnlineUserCluster implements AutoCloseable {

    private final ConnectorPool pool;
    private final FanOut fanOut;
    private final long timeoutMillis;
    private final int pageSize;

    private OnlineUserCluster(Builder builder) {
        this.timeoutMillis = builder.timeout.toMillis();
        this.pageSize = builder.pageSize;
        this.fanOut = new FanOut(builder.concurrency);
        List<TargetSource> sources = new ArrayList<>();
        builder.discoveryPaths.forEach(path -> sources.add(new FileSdSource(path)));
        DnsResolver resolver = builder.dnsServer == null ? DnsResolver.system()
                : DnsResolver.server(builder.dnsServer.getHost(), builder.dnsServer.getPort(), timeoutMillis);
        builder.dnsNames.forEach(nameAndPort -> sources.add(DnsSource.parse(nameAndPort, resolver)));
        this.pool = new ConnectorPool(builder.targets, sources, builder.user, builder.password, timeoutMillis,
                builder.tls);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Counts of every server (one request per connector); duplicates are not checked. */
    public ClusterSnapshot online() {
        return online(false);
    }

    /**
     * Counts of every server; with {@code checkDuplicates} also pages through every logged-in
     * list to find uids online on two or more servers (costs ~70 bytes per logged-in user).
     */
    public ClusterSnapshot online(boolean checkDuplicates) {
        ConnectorPool.Current current = pool.current();
        List<Outcome<List<ServerStats>>> outcomes = fanOut.callAllAsync(current.clients(), ConnectorClient::readStatsAsync, timeoutMillis);
        Map<String, ServerStats> servers = new TreeMap<>();
        Map<String, String> errors = new TreeMap<>(current.problems());
        int failed = 0;
        for (Outcome<List<ServerStats>> outcome : outcomes) {
            if (outcome.succeeded()) {
                outcome.value().forEach(stats -> addServer(servers, errors, stats));
            } else {
                failed++;
                errors.put(ConnectorPool.nameOf(outcome.client()), outcome.failure().getMessage());
            }
        }
        Map<String, List<String>> duplicates = Map.of();
        if (checkDuplicates) {
            long largestList = servers.values().stream().mapToLong(ServerStats::loginedCount).max().orElse(0);
            duplicates = new DuplicateFinder(fanOut, pageSize, timeoutMillis).find(successful(outcomes), largestList, errors);
        }
        return new ClusterSnapshot(servers, Totals.of(servers.values(), failed), errors, duplicates,
                checkDuplicates, System.currentTimeMillis());
    }

    /** Every session of {@code uid} on every connector, in one request per connector. */
    public UserLookup find(String uid) {
        Objects.requireNonNull(uid, "uid");
        ConnectorPool.Current current = pool.current();
        List<SessionInfo> sessions = new ArrayList<>();
        Map<String, String> errors = new TreeMap<>(current.problems());
        for (Outcome<List<SessionInfo>> outcome : fanOut.callAll(current.clients(), c -> c.getByUid(uid), timeoutMillis)) {
            if (outcome.succeeded()) {
                sessions.addAll(outcome.value());
            } else {
                errors.put(ConnectorPool.nameOf(outcome.client()), outcome.failure().getMessage());
            }
        }
        sessions.sort(Comparator.comparing(SessionInfo::serverId).thenComparingLong(SessionInfo::sessionId));
        return new UserLookup(uid, List.copyOf(sessions), errors);
    }

    /** True when any connector that answered holds a session of {@code uid}. */
    public boolean isOnline(String uid) {
        return find(uid).online();
    }

    /** Closes every session of {@code uid} everywhere; agents refuse unless started with {@code kick.enabled=true}. */
    public KickResult kick(String uid, String reason) {
        Objects.requireNonNull(uid, "uid");
        String why = reason == null ? "kicked by operator" : reason;
        ConnectorPool.Current current = pool.current();
        Map<String, Integer> kicked = new TreeMap<>();
        Map<String, String> errors = new TreeMap<>(current.problems());
        for (Outcome<Map<String, Integer>> outcome : fanOut.callAll(current.clients(), c -> c.kick(uid, why), timeoutMillis)) {
            if (outcome.succeeded()) {
                kicked.putAll(outcome.value());
            } else {
                errors.put(ConnectorPool.nameOf(outcome.client()), outcome.failure().getMessage());
            }
        }
        return new KickResult(uid, kicked, errors);
    }

    /**
     * Streams logged-in users to {@code sink}, server by server in server id order, page by page in
     * login-time order. Every connector's first pages come in one parallel round trip (no counts
     * read first), later pages of every server are fetched in parallel ahead of their turn; memory
     * stays at most two pages per server whatever the number of users. {@code serverId} null means
     * all servers; {@code limit} caps the rows delivered (≤ 0: no cap). Rows reach {@code sink} on
     * the calling thread.
     */
    public LoginsSummary logins(String serverId, long limit, Consumer<LoginEntry> sink) {
        ConnectorPool.Current current = pool.current();
        Map<String, String> errors = new TreeMap<>(current.problems());
        List<ConnectorClient> asked = current.clients();
        if (serverId != null) {
            asked = holding(asked, serverId);
            if (asked.isEmpty()) {
                // not seen yet (or it moved): a stats read learns every target's server ids
                ClusterSnapshot snapshot = online(false);
                errors.putAll(snapshot.errors());
                asked = holding(pool.current().clients(), serverId);
            }
        }
        long delivered = new LoginStream(fanOut, pageSize, timeoutMillis).stream(asked, serverId, limit, sink, errors);
        return new LoginsSummary(delivered, errors);
    }

    /** The connectors to ask right now, one client each, and what was wrong with each discovery file (live mode follows these). */
    public Connectors connectors() {
        ConnectorPool.Current current = pool.current();
        return new Connectors(current.clients(), current.problems());
    }

    /** The deadline of every request to a connector. */
    public Duration timeout() {
        return Duration.ofMillis(timeoutMillis);
    }

    /** Calls under way and done so far, for a progress line; the most ever at once stays within {@code concurrency}. */
    public FanOutProgress progress() {
        return fanOut.progress();
    }

    /** The targets asked right now (fixed ones plus what discovery lists). */
    public List<ConnectorTarget> targets() {
        return pool.targets();
    }

    @Override
    public void close() {
        fanOut.close();
        pool.close();
    }

    /** Two agents claiming one server id is a misconfiguration: count the first, name the clash. */
    private static void addServer(Map<String, ServerStats> servers, Map<String, String> errors, ServerStats stats) {
        ServerStats first = servers.putIfAbsent(stats.serverId(), stats);
        if (first != null && !first.url().equals(stats.url())) {
            errors.put(stats.serverId() + " @ " + stats.url(),
                    "server id " + stats.serverId() + " also answered at " + first.url() + "; counted once");
        }
    }

    private static List<ConnectorClient> holding(List<ConnectorClient> clients, String serverId) {
        return clients.stream().filter(c -> c.knownServerIds().contains(serverId)).toList();
    }

    private static List<ConnectorClient> successful(List<Outcome<List<ServerStats>>> outcomes) {
        return outcomes.stream().filter(Outcome::succeeded).map(Outcome::client).toList();
    }

    /** Clients of the connectors listed right now; {@code problems}: discovery file → what is wrong with it. */
    public record Connectors(List<ConnectorClient> clients, Map<String, String> problems) {
    }

    /** Targets, discovery paths, credentials and timeout; {@link #build()} checks they make sense. */
    public static final class Builder {
        /** The most rows an agent's {@code loginedList} gives in one call (DESIGN.md). */
        private static final int MAX_PAGE_SIZE = 10_000;
        private final List<ConnectorTarget> targets = new ArrayList<>();
        private final List<Path> discoveryPaths = new ArrayList<>();
        private final List<String> dnsNames = new ArrayList<>();
        private URI dnsServer;
        private Duration timeout = Duration.ofMillis(2000);
        private String user;
        private String password;
        private ClientTls tls = ClientTls.systemDefault();
        private int pageSize = 5000;
        private int concurrency = FanOut.DEFAULT_MAX_IN_FLIGHT;

        private Builder() {
        }

        /** A Jolokia URL such as {@code http://10.0.0.5:8778/jolokia}, or {@code host:port}. */
        public Builder target(String url) {
            targets.add(ConnectorTarget.parse(url));
            return this;
        }

        public Builder target(ConnectorTarget target) {
            targets.add(Objects.requireNonNull(target, "target"));
            return this;
        }

        /** A directory of file_sd {@code *.json} files (the agents' {@code discovery.dir}) or one file_sd file. */
        public Builder discoveryDir(Path path) {
            discoveryPaths.add(Objects.requireNonNull(path, "path"));
            return this;
        }

        /**
         * {@code NAME:PORT}: every A/AAAA record of NAME is a connector whose Jolokia listens on
         * PORT (a Kubernetes headless service), resolved again before every question.
         */
        public Builder dns(String nameAndPort) {
            DnsSource.parse(Objects.requireNonNull(nameAndPort, "nameAndPort"), DnsResolver.system());
            dnsNames.add(nameAndPort);
            return this;
        }

        /** {@code HOST:PORT} of the DNS server that answers {@link #dns} names; default: the system's resolver. */
        public Builder dnsServer(String hostAndPort) {
            URI parsed;
            try {
                parsed = new URI("dns://" + Objects.requireNonNull(hostAndPort, "hostAndPort"));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("expected HOST:PORT for the DNS server, got: " + hostAndPort, e);
            }
            if (parsed.getHost() == null || parsed.getPort() < 1) {
                throw new IllegalArgumentException("expected HOST:PORT for the DNS server, got: " + hostAndPort);
            }
            this.dnsServer = parsed;
            return this;
        }

        /**
         * The most connectors asked at once (default {@value FanOut#DEFAULT_MAX_IN_FLIGHT}); the
         * others queue and start as answers come in. Each silent connector holds a slot for the
         * whole timeout, so keep this above the number of connectors that may be silent at once.
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /** Per-request deadline: no answer waits longer than this for any connector. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Basic-auth credentials for every target that does not carry its own. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Trusted CAs and client certificate for {@code https://} agents; default: the JDK's trust store, no client certificate. */
        public Builder tls(ClientTls tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** Rows per {@code loginedList} request when listing or checking duplicates; agents answer at most 10,000. */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + " (the agents' limit), got " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        public OnlineUserCluster build() {
            if (targets.isEmpty() && discoveryPaths.isEmpty() && dnsNames.isEmpty()) {
                throw new IllegalArgumentException("no connectors to ask: give at least one target, discovery directory or DNS name");
            }
            return new OnlineUserCluster(this);
        }
    }
}
