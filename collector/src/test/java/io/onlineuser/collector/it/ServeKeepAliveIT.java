package io.onlineuser.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.onlineuser.collector.fake.FakeAgent;
import io.onlineuser.collector.fake.FakeConnector;
import io.onlineuser.testkit.Jars;
import org.junit.jupiter.api.Test;

/**
 * Guards against the ~40 ms stall of every keep-alive request (Nagle's algorithm against the
 * client's delayed ACK) in a fresh {@code java -jar onlineuser-collector.jar serve}, where nothing
 * but the collector itself can set the JDK server's no-delay switch. 400 sequential requests over
 * one connection: with the stall they take at least 400 × 40 ms = 16 s; without, well under 2 s
 * here. The bound (8 s) is a regression guard, not a benchmark.
 */
class ServeKeepAliveIT {

    private static final int REQUESTS = 400;

    @Test
    void keepAliveRequestsAreNotHeldBack() throws Exception {
        try (FakeConnector connector = new FakeConnector("keepalive-1").loginMany("u", 50);
             FakeAgent agent = new FakeAgent()) {
            Process serve = new ProcessBuilder(Jars.javaExecutable(), "-jar", Jars.collectorJar().toString(),
                    "--target", agent.url(), "serve", "--port", "0").redirectErrorStream(true).start();
            try {
                BufferedReader output = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
                String banner = CompletableFuture.supplyAsync(() -> {
                    try {
                        return String.valueOf(output.readLine());
                    } catch (java.io.IOException e) {
                        return e.toString();
                    }
                }).get(120, TimeUnit.SECONDS);
                Matcher url = Pattern.compile("serving (http://\\S+/) ").matcher(banner);
                assertThat(url.find()).as(banner).isTrue();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String[] paths = {"api/online", "api/users/u7", "api/logins?limit=10"};
                for (int i = 0; i < 50; i++) {
                    assertThat(get(http, url.group(1) + paths[i % paths.length]).statusCode()).isEqualTo(200);
                }

                long start = System.nanoTime();
                for (int i = 0; i < REQUESTS; i++) {
                    HttpResponse<String> response = get(http, url.group(1) + paths[i % paths.length]);
                    assertThat(response.statusCode()).isEqualTo(200);
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                assertThat(millis).as("%d keep-alive requests took %d ms (a 40 ms stall each would be >= %d ms)",
                        REQUESTS, millis, REQUESTS * 40).isLessThan(8_000);
            } finally {
                serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
