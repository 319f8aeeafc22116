package io.onlineuser.collector.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.onlineuser.collector.api.KickResult;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.jolokia.ConnectorClient;

/**
 * Live mode: an exact copy of every connector's sessions in memory, kept by list-then-watch (see
 * {@link ConnectorFeed}), so that {@link #online()}, {@link #find}, {@link #isOnline} and
 * {@link #logins} answer from memory, each with the age of its data. Connectors come and go with
 * the cluster's targets and discovery files, re-read every interval. Thread safe.
 *
 * <pre>{@code
 * try (OnlineUserCluster cluster = OnlineUserCluster.builder().discoveryDir(dir).build();
 *      LiveCluster live = LiveCluster.builder(cluster).interval(Duration.ofMillis(500)).start()) {
 *     live.awaitFirstPoll(Duration.ofSeconds(10));
 *     boolean online = live.isOnline("u42");       // no request to any connector
 * }
 * }</pre>
 */
public final class LiveCluster implements AutoCloseable {

    private final OnlineUserCluster cluster;
    private final long intervalMillis;
    private final int pageSize;
    private final int changesLimit;
    private final long countsMillis;
    private final ClusterIndex index = new ClusterIndex();
    private final LiveAnswers answers;
    /**
     * Connectors per polling thread beyond the minimum: a healthy poll takes a few ms, so one thread
     * keeps 16 connectors at 1 s; with 16 threads for 300 simulated connectors on a loaded 2-core
     * machine (round trips of tens of ms) the data age reached p99 3.0 s, with 64 threads 1.6 s
     * (the live runs under bench/runs/). A failing connector gets a thread of its own: it may hold
     * one for the whole timeout.
     */
    private static final int CONNECTORS_PER_THREAD = 16;
    private static final int MAX_THREADS = 512;

    private final int minThreads;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Map<ConnectorClient, PollSchedule> followed = new ConcurrentHashMap<>();
    private volatile Map<String, String> problems = Map.of();

    private LiveCluster(Builder builder) {
        this.cluster = builder.cluster;
        this.intervalMillis = builder.interval.toMillis();
        this.pageSize = builder.pageSize;
        this.changesLimit = builder.changesLimit;
        this.countsMillis = builder.countsInterval.toMillis();
        this.answers = new LiveAnswers(index, builder.grace.toMillis());
        this.minThreads = builder.threads;
        AtomicInteger count = new AtomicInteger();
        this.scheduler = new ScheduledThreadPoolExecutor(minThreads, task -> {
            Thread thread = new Thread(task, "onlineuser-live-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Live mode over the connectors {@code cluster} asks (its targets, discovery, credentials and timeout). */
    public static Builder builder(OnlineUserCluster cluster) {
        return new Builder(cluster);
    }

    private LiveCluster start() {
        refreshConnectors();
        scheduler.scheduleWithFixedDelay(this::refreshConnectors, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Counts of every server from the last poll, totals and duplicates from the index; {@code lost} servers left out. */
    public LiveSnapshot online() {
        return answers.online(feeds(), problems, System.currentTimeMillis());
    }

    /** Every session of {@code uid} on servers that count, and where it was last seen on lost ones. */
    public LiveLookup find(String uid) {
        Objects.requireNonNull(uid, "uid");
        return answers.find(uid, System.currentTimeMillis());
    }

    public boolean isOnline(String uid) {
        Objects.requireNonNull(uid, "uid");
        return answers.isOnline(uid, System.currentTimeMillis());
    }

    /** A page of logged-in users by login time, filtered by server and uid prefix. */
    public LoginsPage logins(LoginsQuery query) {
        return answers.logins(Objects.requireNonNull(query, "query"), System.currentTimeMillis());
    }

    /** uid → the servers (that count) it is online on, for uids on two or more. */
    public Map<String, List<String>> duplicates() {
        return answers.duplicates(answers.statuses(System.currentTimeMillis()));
    }

    /** The state and data age of every server in the index. */
    public Map<String, ServerStatus> servers() {
        return answers.statuses(System.currentTimeMillis());
    }

    /**
     * Closes every session of {@code uid} at the connector holding {@code serverId} (every server id
     * that connector hosts). Agents refuse unless started with {@code kick.enabled=true}.
     */
    public KickResult kick(String serverId, String uid, String reason) {
        Objects.requireNonNull(uid, "uid");
        String why = reason == null ? "kicked by operator" : reason;
        ServerUsers server = index.server(Objects.requireNonNull(serverId, "serverId"));
        if (server == null) {
            return new KickResult(uid, Map.of(), Map.of(serverId, "no such server in the index"));
        }
        try {
            return new KickResult(uid, server.feed.client().kick(uid, why), Map.of());
        } catch (ConnectorException e) {
            return new KickResult(uid, Map.of(), Map.of(serverId, e.getMessage()));
        }
    }

    /** The one-shot cluster behind this index, for questions that need "right now" and for kicks. */
    public OnlineUserCluster cluster() {
        return cluster;
    }

    /** Waits until every connector listed now has been polled once (answered or failed); false on timeout. */
    public boolean awaitFirstPoll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!followed.isEmpty() && followed.values().stream().allMatch(f -> f.feed().triedOnce())) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private List<ConnectorFeed> feeds() {
        List<ConnectorFeed> feeds = new ArrayList<>(followed.size());
        followed.values().forEach(f -> feeds.add(f.feed()));
        return feeds;
    }

    /** Follows connectors that appeared, forgets those that left; a failure here never stops the schedule. */
    private void refreshConnectors() {
        try {
            OnlineUserCluster.Connectors current = cluster.connectors();
            problems = current.problems();
            Map<ConnectorClient, Boolean> listed = new IdentityHashMap<>();
            for (ConnectorClient client : current.clients()) {
                listed.put(client, Boolean.TRUE);
                followed.computeIfAbsent(client, this::follow);
            }
            followed.entrySet().removeIf(entry -> {
                boolean gone = !listed.containsKey(entry.getKey());
                if (gone) {
                    entry.getValue().cancel();
                    scheduler.execute(entry.getValue().feed()::forget);
                }
                return gone;
            });
            fitThreads();
        } catch (RuntimeException e) {
            problems = Map.of("discovery", "live mode could not list the connectors: " + e);
        }
    }

    /** The minimum, plus one thread per {@value #CONNECTORS_PER_THREAD} connectors and one per failing connector. */
    private void fitThreads() {
        long failing = followed.values().stream().filter(f -> f.feed().failure() != null).count();
        int wanted = (int) Math.min(MAX_THREADS, Math.max(minThreads,
                (followed.size() + CONNECTORS_PER_THREAD - 1) / CONNECTORS_PER_THREAD + failing));
        if (wanted != scheduler.getCorePoolSize()) {
            scheduler.setCorePoolSize(wanted);
        }
    }

    /** Spreads the first polls over one interval so that a thousand connectors are not asked in one burst. */
    private PollSchedule follow(ConnectorClient client) {
        ConnectorFeed feed = new ConnectorFeed(client, index, pageSize, changesLimit, countsMillis);
        long firstDelay = followed.isEmpty() ? 0 : ThreadLocalRandom.current().nextLong(intervalMillis);
        return new PollSchedule(feed, scheduler, intervalMillis).start(firstDelay);
    }

    /** Interval, grace period, page sizes and threads; {@link #start()} begins following. */
    public static final class Builder {
        private final OnlineUserCluster cluster;
        private Duration interval = Duration.ofMillis(500);
        private Duration grace = Duration.ofSeconds(10);
        private Duration countsInterval = Duration.ofSeconds(5);
        private int pageSize = 5000;
        private int changesLimit = 10_000;
        private int threads = 4;

        private Builder(OnlineUserCluster cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
        }

        /** Time from the start of one poll of a connector to the start of the next (default 500 ms); after a failed poll, from its end. */
        public Builder interval(Duration interval) {
            this.interval = positive(interval, "interval");
            return this;
        }

        /**
         * How old a server's {@code ConnectionStats} counts (connections, peaks, totals) may get
         * while no one logs in or out there (default 5 s). Polls in between ask for the
         * {@code changes} alone, which costs the agent about half; the poll after one that brought
         * logins or logouts reads the counts again, and so does any poll after a failure. Sessions,
         * logged-in users and duplicates come from the changes and are as fresh as the interval.
         */
        public Builder countsInterval(Duration countsInterval) {
            if (countsInterval == null || countsInterval.isNegative()) {
                throw new IllegalArgumentException("counts interval must be 0 or more, got " + countsInterval);
            }
            this.countsInterval = countsInterval;
            return this;
        }

        /** How long a connector that stopped answering still counts, flagged stale, before its users are only "last seen" (default 10 s). */
        public Builder grace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("grace must be 0 or more, got " + grace);
            }
            this.grace = grace;
            return this;
        }

        /** Rows per {@code sessions} page when listing a server (1..10,000, default 5,000). */
        public Builder pageSize(int pageSize) {
            this.pageSize = within(pageSize, "page size");
            return this;
        }

        /** Events per {@code changes} call (1..10,000, default 10,000). */
        public Builder changesLimit(int changesLimit) {
            this.changesLimit = within(changesLimit, "changes limit");
            return this;
        }

        /**
         * Threads polling connectors at least (default 4); one more is added per 16 connectors
         * followed and per failing connector (a silent one holds a thread for up to the cluster's timeout).
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        public LiveCluster start() {
            return new LiveCluster(this).start();
        }

        private static Duration positive(Duration value, String what) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + value);
            }
            return value;
        }

        private static int within(int value, String what) {
            if (value < 1 || value > 10_000) {
                throw new IllegalArgumentException(what + " must be 1..10000 (the agents' limit), got " + value);
            }
            return value;
        }
    }
}
