package io.onlineuser.reliability.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md "list-then-watch" over real Jolokia HTTP against a churning connector: a
 * client takes a cursor, pages {@code sessions} to the end, then applies {@code changes}; its copy
 * equals the agent's sessions after every burst of churn and at the end.
 */
class ListThenWatchIT {

    private static final String SERVER_ID = "watch-1";
    private static final String SESSION = "onlineuser:type=Session,serverId=" + SERVER_ID;
    private static final int BURSTS = 4;
    private static final long CYCLES_PER_BURST = 3_000;

    @Test
    void aListedAndWatchedCopyStaysExactThroughChurn() throws Exception {
        ExecutorService churn = Executors.newSingleThreadExecutor();
        try (ConnectorProcess connector = ConnectorProcess.builder()
                .serverId(SERVER_ID)
                .serverArg("--duplicate").serverArg("kick")
                .agentOption("kick.enabled", "true")
                .start()) {
            JolokiaHttp jolokia = new JolokiaHttp(connector.jolokiaUrl());
            ChurnLoad load = new ChurnLoad("127.0.0.1", connector.pomeloPort(), jolokia, SESSION, 4);
            load.runCycles(500);

            String cursor = jolokia.exec(SESSION, "changes", "", 0).path("cursor").asText();
            Map<Long, String> copy = listEverySession(jolokia, 97);
            int polls = 0;
            for (int burst = 0; burst < BURSTS; burst++) {
                Future<?> running = churn.submit(() -> {
                    load.runCycles(CYCLES_PER_BURST);
                    return null;
                });
                while (!running.isDone()) {
                    cursor = apply(jolokia.exec(SESSION, "changes", cursor, 10_000), copy);
                    polls++;
                    Thread.sleep(20);
                }
                running.get();
                String[] at = {cursor};
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    at[0] = apply(jolokia.exec(SESSION, "changes", at[0], 10_000), copy);
                    assertThat(copy).as("copy after burst").isEqualTo(listEverySession(jolokia, 10_000));
                });
                cursor = at[0];
            }

            assertThat(load.tally().firstFailures()).as("cycles that failed").isEmpty();
            assertThat(polls).as("polls during the churn").isGreaterThan(BURSTS);
            assertThat(copy).as("copy at the end").isEqualTo(listEverySession(jolokia, 10_000));
        } finally {
            churn.shutdownNow();
        }
    }

    private static Map<Long, String> listEverySession(JolokiaHttp jolokia, int pageSize) {
        Map<Long, String> sessions = new HashMap<>();
        String after = "";
        while (after != null) {
            JsonNode page = jolokia.exec(SESSION, "sessions", after, pageSize);
            for (JsonNode row : page.path("rows")) {
                sessions.put(row.path("sessionId").asLong(), row.path("uid").asText());
            }
            after = page.path("next").isNull() ? null : page.path("next").asText();
        }
        return sessions;
    }

    private static String apply(JsonNode changes, Map<Long, String> copy) {
        assertThat(changes.path("gap").asBoolean()).as("gap in %s", changes).isFalse();
        for (JsonNode event : changes.path("events")) {
            long sessionId = event.path("sessionId").asLong();
            if (event.path("kind").asText().equals("LOGIN")) {
                copy.putIfAbsent(sessionId, event.path("uid").asText());
            } else {
                copy.remove(sessionId);
            }
        }
        return changes.path("cursor").asText();
    }
}
