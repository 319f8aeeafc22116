package io.onlineuser.bench.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.onlineuser.testkit.Jars;

/**
 * A simulated fleet on this machine: {@link FleetSpec#jvms()} {@link FleetNode} JVMs, each running
 * its share of the connectors, all announced in one file_sd directory. {@link #close()} stops them
 * (their discovery files go with them).
 */
public final class Fleet implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final FleetSpec spec;
    private final Path discoveryDir;
    private final List<Process> nodes;
    private final long nodesHeapMb;

    private Fleet(FleetSpec spec, Path discoveryDir, List<Process> nodes, long nodesHeapMb) {
        this.spec = spec;
        this.discoveryDir = discoveryDir;
        this.nodes = nodes;
        this.nodesHeapMb = nodesHeapMb;
    }

    /** Starts every node JVM at once and waits until each has all its connectors up. */
    public static Fleet start(FleetSpec spec, Path discoveryDir, String nodeHeap) throws IOException, InterruptedException {
        Files.createDirectories(discoveryDir);
        List<Process> nodes = new ArrayList<>();
        List<CompletableFuture<Long>> ready = new ArrayList<>();
        int perNode = (spec.connectors() + spec.jvms() - 1) / spec.jvms();
        try {
            for (int first = 0; first < spec.connectors(); first += perNode) {
                int count = Math.min(perNode, spec.connectors() - first);
                Process node = new ProcessBuilder(command(spec, discoveryDir, nodeHeap, first, count)).redirectErrorStream(true).start();
                nodes.add(node);
                ready.add(readyFuture(node, "fleet-node " + first + "+" + count));
            }
            long heapMb = 0;
            for (CompletableFuture<Long> one : ready) {
                heapMb += one.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            return new Fleet(spec, discoveryDir, nodes, heapMb);
        } catch (Exception e) {
            nodes.forEach(Process::destroyForcibly);
            throw new IOException("simulated fleet did not start: " + e.getMessage(), e);
        }
    }

    public FleetSpec spec() {
        return spec;
    }

    public Path discoveryDir() {
        return discoveryDir;
    }

    /** Heap in use by all node JVMs right after the fleet was filled (after a GC). */
    public long nodesHeapMb() {
        return nodesHeapMb;
    }

    public List<Long> nodePids() {
        return nodes.stream().map(Process::pid).toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process node : nodes) {
            try {
                node.getOutputStream().close();
            } catch (IOException ignored) {
                // it is going away anyway
            }
        }
        for (Process node : nodes) {
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> command(FleetSpec spec, Path dir, String heap, int first, int count) {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-Xmx" + heap, "-Xss256k",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                FleetNode.class.getName(),
                "--dir", dir.toString(), "--prefix", spec.prefix(), "--connectors", Integer.toString(spec.connectors()),
                "--first", Integer.toString(first), "--count", Integer.toString(count),
                "--users", Integer.toString(spec.usersPerConnector()), "--churn", Double.toString(spec.churnPerSecond()),
                "--slow-millis", Long.toString(spec.slowMillis())));
        for (Map.Entry<Fault, Double> share : spec.faultShares().entrySet()) {
            command.add("--fault");
            command.add(share.getKey().name().toLowerCase() + "=" + share.getValue());
        }
        return command;
    }

    /** Completes with the node's heap figure on its READY line; its other output goes to stderr. */
    private static CompletableFuture<Long> readyFuture(Process node, String name) {
        CompletableFuture<Long> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        ready.complete(Long.parseLong(line.split(" ")[2]));
                    } else {
                        System.err.println("  [" + name + "] " + line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IOException(name + " ended before it was ready"));
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
        return ready;
    }
}
