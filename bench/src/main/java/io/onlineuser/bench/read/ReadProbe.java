package io.onlineuser.bench.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.jmx.MBeanPublisher;
import io.onlineuser.agent.jolokia.JolokiaEndpoint;
import io.onlineuser.agent.track.OnlineTracker;
import io.onlineuser.bench.process.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs in its own JVM (see {@link ReadBench}): one embedded Jolokia endpoint serving two
 * ConnectionStats MXBeans, one over an empty tracker and one over a tracker with N users.
 * Reads of every attribute alternate between the two (A B A B), over keep-alive HTTP, so both
 * see the same JIT, GC and machine load; only the population differs.
 */
public final class ReadProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public static void main(String[] args) throws Exception {
        int users = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int readsPerRound = Integer.parseInt(args[2]);
        new ReadProbe().measure(users, rounds, readsPerRound);
        System.exit(0); // Jolokia's threads are daemons, the HTTP client's may not be
    }

    private void measure(int users, int rounds, int readsPerRound) throws Exception {
        OnlineTracker empty = new OnlineTracker(System::currentTimeMillis);
        OnlineTracker full = new OnlineTracker(System::currentTimeMillis);
        for (int i = 0; i < users; i++) {
            Object channel = new Object();
            full.connectionActive(channel, "10.0." + (i >>> 8 & 0xff) + "." + (i & 0xff) + ":" + (1024 + i % 60_000));
            full.sessionBound(new Object(), "player-" + i, channel, null);
        }
        System.gc();
        AgentOptions endpointOptions = AgentOptions.parse("serverId=bench-read,jolokia.port=0", System.out::println);
        try (AutoCloseable a = MBeanPublisher.publish(empty, AgentOptions.parse("serverId=bench-empty", System.out::println));
             AutoCloseable b = MBeanPublisher.publish(full, AgentOptions.parse("serverId=bench-full", System.out::println))) {
            CompletableFuture<String> url = new CompletableFuture<>();
            JolokiaEndpoint endpoint = JolokiaEndpoint.start(endpointOptions, url::complete);
            try {
                URI uri = URI.create(url.get(60, TimeUnit.SECONDS).replaceAll("/$", "") + "/");
                HttpRequest readEmpty = readAll(uri, "bench-empty");
                HttpRequest readFull = readAll(uri, "bench-full");
                check(readFull, users);
                check(readEmpty, 0);
                for (int i = 0; i < 4 * readsPerRound; i++) { // warm-up, not kept
                    send(readEmpty);
                    send(readFull);
                }
                for (int round = 0; round < rounds; round++) {
                    double[] emptyMs = new double[readsPerRound];
                    double[] fullMs = new double[readsPerRound];
                    for (int i = 0; i < readsPerRound; i++) {
                        emptyMs[i] = timed(readEmpty);
                        fullMs[i] = timed(readFull);
                    }
                    double emptyMedian = median(emptyMs);
                    double fullMedian = median(fullMs);
                    ChildJvm.report("emptyMs", emptyMedian);
                    ChildJvm.report("fullMs", fullMedian);
                    ChildJvm.report("ratio", fullMedian / emptyMedian);
                }
                check(readFull, users);
            } finally {
                endpoint.stop();
            }
        }
    }

    private static HttpRequest readAll(URI uri, String serverId) {
        String body = "{\"type\":\"read\",\"mbean\":\"onlineuser:type=ConnectionStats,serverId=" + serverId + "\"}";
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    /** The read answers, and answers the tracker's real count (not an error body). */
    private void check(HttpRequest request, int expectedUsers) throws IOException, InterruptedException {
        JsonNode answer = JSON.readTree(send(request));
        JsonNode logged = answer.path("value").path("LoginedCount");
        if (answer.path("status").asInt() != 200 || logged.asInt(-1) != expectedUsers) {
            throw new IllegalStateException("unexpected Jolokia answer: " + answer);
        }
    }

    private double timed(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        send(request);
        return (System.nanoTime() - start) / 1e6;
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
