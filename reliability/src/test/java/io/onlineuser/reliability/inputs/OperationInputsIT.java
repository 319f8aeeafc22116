package io.onlineuser.reliability.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs to every operation: each malformed call over real Jolokia HTTP gets a
 * clear error, changes no count, and leaves the connector serving its players.
 */
class OperationInputsIT {

    private static final String SERVER_ID = "inputs-1";
    private static final String STATS = "onlineuser:type=ConnectionStats,serverId=" + SERVER_ID;
    private static final String SESSION = "onlineuser:type=Session,serverId=" + SERVER_ID;
    private static final List<String> COUNTS = List.of("TotalConnCount", "SessionCount", "LoginedCount",
            "AcceptedConnTotal", "ClosedConnTotal", "LoginTotal", "LogoutTotal", "KickTotal");

    private static ConnectorProcess connector;
    private static JolokiaHttp jolokia;
    private static PomeloClient holder;

    @BeforeAll
    static void startConnectorWithOnePlayer() throws Exception {
        connector = ConnectorProcess.builder().serverId(SERVER_ID).agentOption("kick.enabled", "true").start();
        jolokia = new JolokiaHttp(connector.jolokiaUrl());
        holder = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort());
        assertThat(holder.login("holder")).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (holder != null) {
            holder.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.onlineuser.reliability.inputs.BadInput#all")
    void badInputGetsAClearErrorChangesNothingAndALoginStillWorks(BadInput input) throws Exception {
        JsonNode before = counts();

        JolokiaHttp.Response response = jolokia.post(input.requestFor(SERVER_ID));

        assertThat(response.httpStatus()).as("HTTP status").isEqualTo(200);
        JsonNode answer = response.body();
        assertThat(answer).as("a Jolokia JSON answer: %s", response.text()).isNotNull();
        assertThat(answer.path("status").asInt()).as("Jolokia status of %s", abbreviated(response.text()))
                .isEqualTo(input.status());
        assertThat(answer.path("error").asText()).as("error text").isNotBlank().contains(input.errorSays());
        assertThat(counts()).as("counts after the bad call").isEqualTo(before);
        assertThat(holder.isClosed()).as("the logged-in player's connection").isFalse();
        assertThat(connector.isAlive()).isTrue();

        try (PomeloClient player = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort())) {
            assertThat(player.login("after-bad-input")).isEqualTo(200);
            assertThat(jolokia.exec(SESSION, "isOnline", "after-bad-input").asBoolean()).isTrue();
            assertThat(player.logout()).isEqualTo(200);
        }
        // the next input's "before" must not catch this player's close in flight
        await().atMost(Duration.ofSeconds(30)).until(() -> counts().path("TotalConnCount").equals(before.path("TotalConnCount")));
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedBeforeJolokiaAndChangesNothing() {
        JsonNode before = counts();
        String request = "{\"type\":\"exec\",\"mbean\":\"" + SESSION + "\",\"operation\":\"isOnline\",\"arguments\":[\""
                + "u".repeat(1 << 20) + "\"]}";

        JolokiaHttp.Response refused = jolokia.post(request);
        assertThat(refused.httpStatus()).as("a Jolokia error, inside HTTP 200").isEqualTo(200);
        assertThat(refused.body().path("status").asInt()).as(refused.text()).isEqualTo(413);
        assertThat(counts()).isEqualTo(before);
        assertThat(holder.isClosed()).isFalse();
    }

    @Test
    void unknownButWellFormedValuesAreAnsweredNotRefused() {
        assertThat(jolokia.exec(SESSION, "kickBySessionId", Long.MAX_VALUE, "r").asBoolean()).isFalse();
        assertThat(jolokia.exec(SESSION, "isOnline", "nobody").asBoolean()).isFalse();
        assertThat(jolokia.exec(SESSION, "getByUid", "u".repeat(1024))).isEmpty();
        assertThat(jolokia.exec(STATS, "loginedList", Integer.MAX_VALUE, 10_000)).isEmpty();
        assertThat(jolokia.exec(STATS, "loginedList", 0, 0)).isEmpty();
        assertThat(jolokia.exec(STATS, "statisticsInfo", 0).path("loginedCount").asInt()).isEqualTo(1);
        // Jolokia turns a JSON object given for a String parameter into its text: just an unknown uid
        JolokiaHttp.Response objectAsUid = jolokia.post("{\"type\":\"exec\",\"mbean\":\"" + SESSION
                + "\",\"operation\":\"isOnline\",\"arguments\":[{\"uid\":\"holder\"}]}");
        assertThat(objectAsUid.body().path("value").asBoolean(true)).as(objectAsUid.text()).isFalse();
    }

    @Test
    void listThenWatchOperationsAnswerWellFormedValuesAndAForeignCursorWithAGap() {
        String cursor = jolokia.exec(SESSION, "changes", "", 0).path("cursor").asText();
        JsonNode foreign = jolokia.exec(SESSION, "changes", "0123456789abcdef-1", 10);
        JsonNode page = jolokia.exec(SESSION, "sessions", "", 10_000);
        JsonNode logins = jolokia.exec(STATS, "loginedPage", "", 10_000);

        assertThat(cursor).matches("[0-9a-f]{16}-[0-9]+");
        assertThat(foreign.path("gap").asBoolean()).as(foreign.toString()).isTrue();
        assertThat(foreign.path("cursor").asText()).isEqualTo(cursor);
        assertThat(jolokia.exec(SESSION, "changes", cursor, 10_000).path("events")).isEmpty();
        assertThat(page.path("rows").findValuesAsText("uid")).contains("holder");
        assertThat(page.path("next").isNull()).as(page.toString()).isTrue();
        assertThat(logins.path("rows").findValuesAsText("uid")).contains("holder");
        assertThat(jolokia.exec(SESSION, "sessions", "99999999999999-1", 10).path("rows")).isEmpty();
    }

    @Test
    void aUnicodeUidLogsInAndIsFoundEverywhere() throws Exception {
        String uid = "玩家-Ünïcødé-🎮";
        try (PomeloClient player = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort())) {
            assertThat(player.login(uid)).isEqualTo(200);

            assertThat(jolokia.exec(SESSION, "isOnline", uid).asBoolean()).isTrue();
            assertThat(jolokia.exec(SESSION, "getByUid", uid).get(0).path("uid").asText()).isEqualTo(uid);
            assertThat(jolokia.exec(STATS, "loginedList", 0, 10).findValuesAsText("uid")).contains(uid);
            assertThat(jolokia.exec(SESSION, "isOnline", uid.substring(0, uid.length() - 2)).asBoolean()).isFalse();

            assertThat(player.logout()).isEqualTo(200);
        }
        assertThat(jolokia.exec(SESSION, "isOnline", uid).asBoolean()).isFalse();
    }

    private static JsonNode counts() {
        return ((ObjectNode) jolokia.read(STATS, null)).retain(COUNTS);
    }

    private static String abbreviated(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
