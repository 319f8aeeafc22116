package io.onlineuser.bench.cold;

import io.onlineuser.bench.process.ChildJvm;
import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.LoginsSummary;
import io.onlineuser.collector.api.OnlineUserCluster;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A JVM that has run no collector code asks connectors it has never asked: {@code online} calls 1 to
 * {@value #COUNTS_CALLS}, then {@code logins} of all users calls 1 to {@value #LISTING_CALLS}, each
 * checked against the expected number of users. Args: users, then the connectors' Jolokia URLs.
 */
public final class ColdProbe {

    static final int COUNTS_CALLS = 300;
    static final int LISTING_CALLS = 20;

    private ColdProbe() {
    }

    public static void main(String[] args) {
        int users = Integer.parseInt(args[0]);
        List<String> urls = Arrays.asList(args).subList(1, args.length);
        long start = System.nanoTime();
        OnlineUserCluster.Builder builder = OnlineUserCluster.builder().timeout(Duration.ofSeconds(10));
        urls.forEach(builder::target);
        try (OnlineUserCluster cluster = builder.build()) {
            for (int call = 1; call <= COUNTS_CALLS; call++) {
                long before = System.nanoTime();
                ClusterSnapshot snapshot = cluster.online();
                double ms = (System.nanoTime() - before) / 1e6;
                if (!snapshot.complete() || snapshot.totals().loginedCount() != users) {
                    throw new IllegalStateException("online call " + call + ": " + snapshot.totals().loginedCount()
                            + " users, expected " + users + "; errors " + snapshot.errors());
                }
                if (call == 1) {
                    ChildJvm.report("firstWithBuild", (System.nanoTime() - start) / 1e6);
                }
                ChildJvm.report("counts", ms);
            }
            for (int call = 1; call <= LISTING_CALLS; call++) {
                long before = System.nanoTime();
                long[] rows = new long[1];
                LoginsSummary logins = cluster.logins(null, 0, entry -> rows[0]++);
                double ms = (System.nanoTime() - before) / 1e6;
                if (!logins.errors().isEmpty() || rows[0] != users) {
                    throw new IllegalStateException("logins call " + call + ": " + rows[0]
                            + " rows, expected " + users + "; errors " + logins.errors());
                }
                ChildJvm.report("logins", ms);
            }
        }
    }
}
