package io.onlineuser.bench.collector;

import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.LoginsSummary;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.api.UserLookup;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The three questions the benchmark times, asked of the collector built with this bench, or of
 * another collector jar (an older build, for an A/B in one run: same connectors, same moment,
 * calls alternated) loaded in a class loader of its own and driven by reflection.
 */
interface ClusterUnderTest extends AutoCloseable {

    /** Logged-in users the cluster counts; fails when a connector did not answer. */
    long online();

    /** The servers where {@code find uid} found the uid online; fails when a connector did not answer. */
    List<String> find(String uid);

    /** Rows listed by {@code logins} of every server; fails when a connector did not answer. */
    long logins();

    @Override
    void close();

    static ClusterUnderTest current(List<String> urls) {
        OnlineUserCluster.Builder builder = OnlineUserCluster.builder().timeout(Duration.ofSeconds(10));
        urls.forEach(builder::target);
        OnlineUserCluster cluster = builder.build();
        return new ClusterUnderTest() {
            @Override
            public long online() {
                ClusterSnapshot snapshot = cluster.online();
                if (!snapshot.complete()) {
                    throw new IllegalStateException("online failed: " + snapshot.errors());
                }
                return snapshot.totals().loginedCount();
            }

            @Override
            public List<String> find(String uid) {
                UserLookup lookup = cluster.find(uid);
                if (!lookup.errors().isEmpty()) {
                    throw new IllegalStateException("find " + uid + " failed: " + lookup.errors());
                }
                return lookup.serverIds();
            }

            @Override
            public long logins() {
                long[] seen = new long[1];
                LoginsSummary summary = cluster.logins(null, 0, entry -> seen[0]++);
                if (!summary.errors().isEmpty() || summary.rows() != seen[0]) {
                    throw new IllegalStateException("logins gave " + seen[0] + " rows, errors " + summary.errors());
                }
                return seen[0];
            }

            @Override
            public void close() {
                cluster.close();
            }
        };
    }

    /** The collector in {@code jar} (a shaded onlineuser-collector.jar), isolated from the bench's own classes. */
    static ClusterUnderTest fromJar(Path jar, List<String> urls) throws ReflectiveOperationException, java.io.IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> clusterType = loader.loadClass("io.onlineuser.collector.api.OnlineUserCluster");
        Object builder = clusterType.getMethod("builder").invoke(null);
        Class<?> builderType = builder.getClass();
        builderType.getMethod("timeout", Duration.class).invoke(builder, Duration.ofSeconds(10));
        for (String url : urls) {
            builderType.getMethod("target", String.class).invoke(builder, url);
        }
        Object cluster = builderType.getMethod("build").invoke(builder);
        Method online = clusterType.getMethod("online");
        Method find = clusterType.getMethod("find", String.class);
        Method logins = clusterType.getMethod("logins", String.class, long.class, Consumer.class);
        return new ClusterUnderTest() {
            @Override
            public long online() {
                Object snapshot = call(online, cluster);
                if (!(Boolean) call(method(snapshot, "complete"), snapshot)) {
                    throw new IllegalStateException("online failed: " + call(method(snapshot, "errors"), snapshot));
                }
                Object totals = call(method(snapshot, "totals"), snapshot);
                return ((Number) call(method(totals, "loginedCount"), totals)).longValue();
            }

            @Override
            public List<String> find(String uid) {
                Object lookup = call(find, cluster, uid);
                Map<?, ?> errors = (Map<?, ?>) call(method(lookup, "errors"), lookup);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("find " + uid + " failed: " + errors);
                }
                List<String> servers = new ArrayList<>();
                ((List<?>) call(method(lookup, "serverIds"), lookup)).forEach(id -> servers.add((String) id));
                return servers;
            }

            @Override
            public long logins() {
                long[] seen = new long[1];
                Consumer<Object> sink = entry -> seen[0]++;
                Object summary = call(logins, cluster, null, 0L, sink);
                Map<?, ?> errors = (Map<?, ?>) call(method(summary, "errors"), summary);
                if (!errors.isEmpty()) {
                    throw new IllegalStateException("logins gave " + seen[0] + " rows, errors " + errors);
                }
                return seen[0];
            }

            @Override
            public void close() {
                call(method(cluster, "close"), cluster);
                try {
                    loader.close();
                } catch (java.io.IOException e) {
                    // the jar stays open until exit: harmless for a benchmark
                }
            }
        };
    }

    private static Method method(Object target, String name) {
        return Accessors.CACHE.computeIfAbsent(new Accessor(target.getClass(), name), key -> accessor(key.type(), key.name()));
    }

    private static Method accessor(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no " + name + "()", e);
        }
    }

    /** Looked up once: reflection lookups would otherwise be timed as the old collector's cost. */
    final class Accessors {
        static final Map<Accessor, Method> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        private Accessors() {
        }
    }

    /** A class (of one loader: two jars have classes of the same name) and a method name. */
    record Accessor(Class<?> type, String name) {
    }

    private static Object call(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + " failed", e.getCause() != null ? e.getCause() : e);
        }
    }
}
