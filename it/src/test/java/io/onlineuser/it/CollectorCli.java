package io.onlineuser.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The collector as an operator runs it: {@code java -jar onlineuser-collector.jar --discovery-dir DIR --json online}. */
final class CollectorCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path discoveryDir;

    CollectorCli(Path discoveryDir) {
        this.discoveryDir = discoveryDir;
    }

    /** The {@code --json online} answer: {@code servers}, {@code totals}, {@code errors}. */
    JsonNode online() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-jar", Jars.collectorJar().toString(), "--discovery-dir", discoveryDir.toString(), "--timeout", "10000",
                "--json", "online"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("collector did not finish in 60 s: " + String.join(" ", command));
        }
        return JSON.readTree(out);
    }

    /** The cluster's logged-in users, when every connector answered; fails naming the errors otherwise. */
    long loggedInTotal() throws IOException, InterruptedException {
        JsonNode online = online();
        if (online.path("errors").size() > 0) {
            throw new IllegalStateException("connectors the collector could not read: " + online.path("errors"));
        }
        return online.path("totals").path("loginedCount").asLong();
    }
}
