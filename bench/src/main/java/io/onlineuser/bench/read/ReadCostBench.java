package io.onlineuser.bench.read;

import io.onlineuser.testkit.Jars;
import io.onlineuser.bench.process.BenchConnectors;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Table;
import io.onlineuser.bench.report.Target;
import io.onlineuser.testkit.ProcessOutput;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server CPU per keep-alive request of the agent's Jolokia (a read of every
 * ConnectionStats attribute; an empty {@code Session.changes} poll) beside a bare JDK HTTP server
 * answering a fixed body of the same size ({@link FixedBodyServer}), and, when
 * {@code READ_BASELINE_AGENT_JAR} names one, an earlier agent jar. Each is a JVM of its own
 * (same flags); blocks of requests alternate between them, and each block's figure is that
 * process's CPU (user + system, from /proc via ProcessHandle) minus its idle rate, per request.
 */
public final class ReadCostBench {

    public static final String BASELINE_ENV = "READ_BASELINE_AGENT_JAR";
    /** The flags testkit's ConnectorProcess gives the connectors with fullJit and maxHeap 512m. */
    private static final List<String> JVM_ARGS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    private static final Pattern PORT = Pattern.compile("listening on port (\\d+)");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([^\"]+)\"");
    private static final double TARGET_RATIO = 1.5;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int rounds;
    private final int requestsPerBlock;
    /** Per server, before any block: enough for the JIT to finish with the request path (its compiler threads count as the process's CPU). */
    private final int warmUpRequests;

    public ReadCostBench(boolean quick) {
        this.rounds = quick ? 3 : 9;
        this.requestsPerBlock = quick ? 1_000 : 3_000;
        this.warmUpRequests = quick ? 10_000 : 20_000;
    }

    public static void main(String[] args) throws Exception {
        Table table = new Table();
        table.addAll(new ReadCostBench(args.length > 0 && args[0].equals("--quick")).run());
        table.print(System.out);
        System.exit(0);
    }

    public List<Row> run() throws Exception {
        String baselineJar = System.getenv(BASELINE_ENV);
        List<Server> targets = new ArrayList<>();
        try (ConnectorProcess agent = BenchConnectors.builder("read-cost", true).maxHeap("512m").start();
             ConnectorProcess baseline = baselineJar == null ? null : startWithAgentJar("read-cost-before", baselineJar)) {
            String baselineUrl = baseline == null ? null : baseline.awaitJolokiaUrl(Duration.ofSeconds(300));
            HttpRequest counts = post(agent.jolokiaUrl(), readCounts("read-cost"));
            HttpRequest poll = emptyPoll(agent.jolokiaUrl(), "read-cost");
            int countsSize = send(counts).length();
            int pollSize = send(poll).length();
            Process bare = startBareServer(countsSize, pollSize);
            try {
                String bareUrl = "http://127.0.0.1:" + ProcessOutput.drain(bare.getInputStream(), "bare")
                        .awaitGroup(PORT, Duration.ofSeconds(60));
                targets.add(new Server("bare JDK HTTP server, fixed body of the counts answer (" + countsSize + " B)",
                        bare.pid(), post(bareUrl + "/counts", "{}")));
                targets.add(new Server("agent: read of every ConnectionStats attribute", agent.pid(), counts));
                targets.add(new Server("bare JDK HTTP server, fixed body of the empty poll answer (" + pollSize + " B)",
                        bare.pid(), post(bareUrl + "/poll", "{}")));
                targets.add(new Server("agent: empty Session.changes poll", agent.pid(), poll));
                if (baseline != null) {
                    targets.add(new Server("agent before this change: read of every ConnectionStats attribute",
                            baseline.pid(), post(baselineUrl, readCounts("read-cost-before"))));
                    targets.add(new Server("agent before this change: empty Session.changes poll",
                            baseline.pid(), emptyPoll(baselineUrl, "read-cost-before")));
                }
                return measure(targets);
            } finally {
                bare.destroyForcibly();
            }
        }
    }

    private List<Row> measure(List<Server> targets) throws Exception {
        for (Server target : targets) {
            for (int i = 0; i < warmUpRequests; i++) {
                send(target.request);
            }
        }
        Map<Long, Double> idleNanosPerNano = new LinkedHashMap<>();
        for (Server target : targets) {
            if (!idleNanosPerNano.containsKey(target.pid)) {
                long cpu = cpuNanos(target.pid);
                long start = System.nanoTime();
                Thread.sleep(3_000);
                idleNanosPerNano.put(target.pid, (double) (cpuNanos(target.pid) - cpu) / (System.nanoTime() - start));
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (Server target : targets) {
                long cpu = cpuNanos(target.pid);
                long start = System.nanoTime();
                for (int i = 0; i < requestsPerBlock; i++) {
                    send(target.request);
                }
                long wall = System.nanoTime() - start;
                double used = cpuNanos(target.pid) - cpu - idleNanosPerNano.get(target.pid) * wall;
                target.microsPerRequest.add(used / requestsPerBlock / 1_000);
            }
        }
        String note = "server process CPU minus idle, per keep-alive request, after " + warmUpRequests
                + " warm-up requests; blocks of " + requestsPerBlock + " alternate, " + rounds + " rounds";
        List<Row> rows = new ArrayList<>();
        for (Server target : targets) {
            rows.add(Row.context(target.name, Stats.of(target.microsPerRequest), "µs", note));
        }
        rows.add(ratio("counts read ÷ bare server", targets.get(1), targets.get(0)));
        rows.add(ratio("empty poll ÷ bare server", targets.get(3), targets.get(2)));
        if (targets.size() > 4) {
            rows.add(Row.context("counts read before this change ÷ bare server",
                    ratios(targets.get(4), targets.get(0)), "ratio", "same rounds"));
            rows.add(Row.context("empty poll before this change ÷ bare server",
                    ratios(targets.get(5), targets.get(2)), "ratio", "same rounds"));
        }
        return rows;
    }

    private Row ratio(String name, Server agent, Server floor) {
        return new Row(name, ratios(agent, floor), "ratio", Target.atMost(TARGET_RATIO),
                "per round, blocks side by side");
    }

    private static Stats ratios(Server agent, Server floor) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < agent.microsPerRequest.size(); i++) {
            ratios.add(agent.microsPerRequest.get(i) / floor.microsPerRequest.get(i));
        }
        return Stats.of(ratios);
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    /** A connector with another agent jar (an earlier build), the same options and JVM flags. */
    private static ConnectorProcess startWithAgentJar(String serverId, String agentJar) throws Exception {
        ConnectorProcess.Builder same = BenchConnectors.builder(serverId, true).maxHeap("512m");
        ConnectorProcess connector = BenchConnectors.builder(serverId, false).maxHeap("512m")
                .jvmArg("-javaagent:" + agentJar + "=" + same.agentArgument()).start();
        return connector;
    }

    private static Process startBareServer(int countsSize, int pollSize) throws IOException {
        Path benchJar = Paths.get(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable()));
        command.addAll(JVM_ARGS);
        command.addAll(List.of("-cp", benchJar.toString(), FixedBodyServer.class.getName(),
                "/counts", String.valueOf(countsSize), "/poll", String.valueOf(pollSize)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String readCounts(String serverId) {
        return "{\"type\":\"read\",\"mbean\":\"onlineuser:type=ConnectionStats,serverId=" + serverId + "\"}";
    }

    private HttpRequest emptyPoll(String url, String serverId) throws IOException, InterruptedException {
        String cursor = matched(CURSOR, send(post(url, changes(serverId, "", 0))));
        return post(url, changes(serverId, cursor, 10_000));
    }

    private static String changes(String serverId, String cursor, int limit) {
        return "{\"type\":\"exec\",\"mbean\":\"onlineuser:type=Session,serverId=" + serverId
                + "\",\"operation\":\"changes\",\"arguments\":[\"" + cursor + "\"," + limit + "]}";
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url.endsWith("/jolokia") ? url + "/" : url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"status\":200")) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String matched(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
    }

    private static final class Server {
        final String name;
        final long pid;
        final HttpRequest request;
        final List<Double> microsPerRequest = new ArrayList<>();

        Server(String name, long pid, HttpRequest request) {
            this.name = name;
            this.pid = pid;
            this.request = request;
        }
    }
}
