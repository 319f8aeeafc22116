package io.onlineuser.bench.fleet;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onlineuser-bench fleet-sim}: runs a simulated fleet until Ctrl-C, for the collector or Prometheus to be pointed at. */
@Command(name = "fleet-sim", mixinStandardHelpOptions = true,
        description = "Runs N simulated connectors (the agent's tracker, MXBeans and a Jolokia server each) in a few JVMs, "
                + "announced in a file_sd directory, until Ctrl-C.")
public final class FleetCommand implements Callable<Integer> {

    @Option(names = "--dir", required = true, description = "file_sd directory for --discovery-dir")
    Path dir;

    @Option(names = "--connectors", defaultValue = "1000", description = "default ${DEFAULT-VALUE}")
    int connectors;

    @Option(names = "--users", defaultValue = "1000", description = "players per connector (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--jvms", defaultValue = "4", description = "simulator JVMs (default ${DEFAULT-VALUE}; ~250 connectors each)")
    int jvms;

    @Option(names = "--node-heap", defaultValue = "512m", description = "-Xmx of each simulator JVM (default ${DEFAULT-VALUE})")
    String nodeHeap;

    @Option(names = "--churn", defaultValue = "0", description = "logouts+logins per connector per second (default ${DEFAULT-VALUE})")
    double churn;

    @Option(names = "--slow-millis", defaultValue = "5000", description = "wait of a slow connector per call (default ${DEFAULT-VALUE})")
    long slowMillis;

    @Option(names = "--fault", paramLabel = "KIND=SHARE",
            description = "share of faulty connectors, KIND one of refused, silent, slow, unauthorized (repeatable)")
    Map<Fault, Double> faults = new EnumMap<>(Fault.class);

    @Option(names = "--prefix", defaultValue = "sim", description = "server ids are PREFIX-0000… (default ${DEFAULT-VALUE})")
    String prefix;

    @Override
    public Integer call() throws Exception {
        FleetSpec spec = new FleetSpec(prefix, connectors, users, jvms, churn, faults, slowMillis);
        Fleet fleet = Fleet.start(spec, dir, nodeHeap);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fleet.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.countDown();
        }, "fleet-sim-stop"));
        System.out.printf("%,d simulated connectors x %,d users up in %d JVMs (heap in use %d MB), announced in %s; Ctrl-C stops%n",
                connectors, users, jvms, fleet.nodesHeapMb(), dir);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
