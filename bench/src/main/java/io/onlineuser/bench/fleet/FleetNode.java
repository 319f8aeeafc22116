package io.onlineuser.bench.fleet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One simulator JVM: connectors {@code first … first+count-1} of the fleet, each announced in the
 * file_sd directory as the agent does. Prints {@code READY <count> <heap MB>} once every one is up,
 * then churns until its standard input closes (the launcher went away) and removes its files.
 */
@Command(name = "fleet-node", mixinStandardHelpOptions = true, description = "Runs a slice of a simulated fleet.")
public final class FleetNode implements Callable<Integer> {

    private static final long TICK_MILLIS = 100;

    @Option(names = "--dir", required = true, description = "file_sd directory to announce the connectors in")
    Path dir;

    @Option(names = "--prefix", defaultValue = "sim")
    String prefix;

    @Option(names = "--connectors", required = true, description = "size of the whole fleet (spreads the faults)")
    int connectors;

    @Option(names = "--first", required = true)
    int first;

    @Option(names = "--count", required = true)
    int count;

    @Option(names = "--users", defaultValue = "1000", description = "players per connector")
    int users;

    @Option(names = "--churn", defaultValue = "0", description = "logouts+logins per connector per second")
    double churn;

    @Option(names = "--slow-millis", defaultValue = "5000")
    long slowMillis;

    @Option(names = "--fault", paramLabel = "KIND=SHARE", description = "e.g. silent=0.1 (repeatable)")
    Map<Fault, Double> faults = new EnumMap<>(Fault.class);

    public static void main(String[] args) {
        System.exit(new CommandLine(new FleetNode()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        FleetSpec spec = new FleetSpec(prefix, connectors, users, 1, churn, faults, slowMillis);
        List<SimulatedConnector> running = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> running.forEach(SimulatedConnector::withdraw), "fleet-node-stop"));
        for (int i = first; i < first + count; i++) {
            running.add(SimulatedConnector.start(spec.serverId(i), spec.faultOf(i), users, slowMillis, dir));
        }
        System.gc();
        long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        System.out.println("READY " + running.size() + " " + heapMb);
        System.out.flush();
        ScheduledExecutorService churner = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "fleet-churn");
            thread.setDaemon(true);
            return thread;
        });
        if (churn > 0) {
            double perTick = churn * TICK_MILLIS / 1000.0;
            double[] owed = new double[1];
            churner.scheduleAtFixedRate(() -> {
                owed[0] += perTick;
                int now = (int) owed[0];
                owed[0] -= now;
                for (int n = 0; n < now; n++) {
                    for (SimulatedConnector connector : running) {
                        if (connector.fault() == Fault.NONE || connector.fault() == Fault.SLOW) {
                            connector.churnOne();
                        }
                    }
                }
            }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        // the launcher holds our standard input: when it closes (or dies), this slice ends
        while (System.in.read() >= 0) {
            // nothing is sent; reading only waits for the end
        }
        churner.shutdownNow();
        running.forEach(SimulatedConnector::close);
        return 0;
    }
}
