package io.onlineuser.bench.collector;

import io.onlineuser.bench.process.BenchConnectors;
import io.onlineuser.bench.process.ProcessCpu;
import io.onlineuser.sample.bots.Bots;
import io.onlineuser.testkit.ConnectorProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's CPU per live poll by the shape of the Jolokia request: one connector JVM, {@code users}
 * players, each shape POSTed {@code requests} times at full speed over one keep-alive connection,
 * shapes alternated for {@code rounds}; prints the connector's utime+stime per request.
 * <pre>java -cp bench/target/onlineuser-bench.jar io.onlineuser.bench.collector.PollShapeProbe [users] [requests] [rounds]</pre>
 */
public final class PollShapeProbe {

    private PollShapeProbe() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1250;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (ConnectorProcess connector = BenchConnectors.builder("probe-1", true).maxHeap("128m").start();
             Bots players = Bots.builder("127.0.0.1", connector.pomeloPort()).connections(users).logins(users)
                     .ratePerSecond(500).uidPrefix("p-").start()) {
            while (players.loggedIn() < users) {
                Thread.sleep(100);
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI url = URI.create(connector.jolokiaUrl() + "?includeRequest=false&includeStackTrace=false");
            String stats = "onlineuser:type=ConnectionStats,serverId=probe-1";
            String session = "onlineuser:type=Session,serverId=probe-1";
            String cursor = post(http, url, "{\"type\":\"exec\",\"mbean\":\"" + session + "\",\"operation\":\"changes\",\"arguments\":[\"\",0]}");
            cursor = cursor.replaceAll("(?s).*\"cursor\":\"([^\"]*)\".*", "$1");
            String changes = "{\"type\":\"exec\",\"mbean\":\"" + session + "\",\"operation\":\"changes\",\"arguments\":[\"" + cursor + "\",10000]}";
            Map<String, String> shapes = new LinkedHashMap<>();
            shapes.put("bulk: pattern read + changes (today)",
                    "[{\"type\":\"read\",\"mbean\":\"onlineuser:type=ConnectionStats,*\"}," + changes + "]");
            shapes.put("bulk: read by name + changes", "[{\"type\":\"read\",\"mbean\":\"" + stats + "\"}," + changes + "]");
            shapes.put("bulk: read 4 attributes by name + changes", "[{\"type\":\"read\",\"mbean\":\"" + stats
                    + "\",\"attribute\":[\"TotalConnCount\",\"LoginedCount\",\"SessionCount\",\"StartTime\"]}," + changes + "]");
            shapes.put("changes alone", changes);
            shapes.put("pattern read alone", "{\"type\":\"read\",\"mbean\":\"onlineuser:type=ConnectionStats,*\"}");
            Map<String, Double> total = new LinkedHashMap<>();
            for (int round = 0; round < rounds + 1; round++) {
                for (Map.Entry<String, String> shape : shapes.entrySet()) {
                    double before = ProcessCpu.seconds(connector.pid());
                    for (int i = 0; i < requests; i++) {
                        post(http, url, shape.getValue());
                    }
                    double perRequestMs = (ProcessCpu.seconds(connector.pid()) - before) * 1000 / requests;
                    if (round > 0) { // round 0 warms every shape
                        total.merge(shape.getKey(), perRequestMs / rounds, Double::sum);
                    }
                }
            }
            System.out.println("body of today's poll: " + post(http, url, shapes.values().iterator().next()));
            total.forEach((shape, ms) -> System.out.printf("%-45s %.3f ms connector CPU per request%n", shape, ms));
        }
    }

    /**
     * Two connectors side by side, each polled at 2/s for {@code windows} × 30 s: A with today's
     * bulk, B with {@code changes} alone; a third, not polled, is the baseline. Prints each one's CPU per window.
     * <pre>java -cp … io.onlineuser.bench.collector.PollShapeProbe$Paced [users] [windows]</pre>
     */
    public static final class Paced {
        public static void main(String[] args) throws Exception {
            int users = args.length > 0 ? Integer.parseInt(args[0]) : 1250;
            int windows = args.length > 1 ? Integer.parseInt(args[1]) : 6;
            String[] names = {"today's bulk", "changes alone", "not polled"};
            ConnectorProcess[] connectors = new ConnectorProcess[3];
            Bots[] bots = new Bots[3];
            try {
                for (int i = 0; i < 3; i++) {
                    connectors[i] = BenchConnectors.builder("probe-1", true).maxHeap("128m").start();
                    bots[i] = Bots.builder("127.0.0.1", connectors[i].pomeloPort()).connections(users).logins(users)
                            .ratePerSecond(500).uidPrefix("p-").start();
                }
                for (Bots b : bots) {
                    while (b.loggedIn() < users) {
                        Thread.sleep(100);
                    }
                }
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String[] bodies = new String[2];
                URI[] urls = new URI[2];
                for (int i = 0; i < 2; i++) {
                    urls[i] = URI.create(connectors[i].jolokiaUrl() + "?includeRequest=false&includeStackTrace=false");
                    String session = "onlineuser:type=Session,serverId=probe-1";
                    String cursor = post(http, urls[i], "{\"type\":\"exec\",\"mbean\":\"" + session + "\",\"operation\":\"changes\",\"arguments\":[\"\",0]}")
                            .replaceAll("(?s).*\"cursor\":\"([^\"]*)\".*", "$1");
                    String changes = "{\"type\":\"exec\",\"mbean\":\"" + session + "\",\"operation\":\"changes\",\"arguments\":[\"" + cursor + "\",10000]}";
                    bodies[i] = i == 0 ? "[{\"type\":\"read\",\"mbean\":\"onlineuser:type=ConnectionStats,*\"}," + changes + "]" : changes;
                }
                for (int w = 0; w < windows; w++) {
                    double[] before = new double[3];
                    for (int i = 0; i < 3; i++) {
                        before[i] = ProcessCpu.seconds(connectors[i].pid());
                    }
                    for (int tick = 0; tick < 60; tick++) {
                        post(http, urls[0], bodies[0]);
                        post(http, urls[1], bodies[1]);
                        Thread.sleep(500);
                    }
                    StringBuilder line = new StringBuilder("window " + w + ":");
                    for (int i = 0; i < 3; i++) {
                        line.append(String.format("  %s %.2f %%", names[i], (ProcessCpu.seconds(connectors[i].pid()) - before[i]) / 30 * 100));
                    }
                    System.out.println(line);
                }
            } finally {
                for (int i = 0; i < 3; i++) {
                    if (bots[i] != null) {
                        bots[i].close();
                    }
                    if (connectors[i] != null) {
                        connectors[i].close();
                    }
                }
            }
        }
    }

    private static String post(HttpClient http, URI url, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
