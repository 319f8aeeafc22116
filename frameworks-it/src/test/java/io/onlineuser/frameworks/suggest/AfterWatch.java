package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.LoginChecks;
import java.time.Duration;
import java.util.Set;

/** What an operator checks on a server after {@code suggest --watch}, and on the one that uses its lines. */
final class AfterWatch {

    /** Long enough for a login a probe left behind to show in the counts. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    /** A login that may touch a watched method. */
    interface Login {
        void run() throws Exception;
    }

    private AfterWatch() {
    }

    /** The server runs with no hook: the Agent MBean lists none, and a further login is not counted. */
    static void noHookLeft(AgentReads agent, Login furtherLogin) throws Exception {
        assertThat(agent.agent().get("Hooks")).isEmpty();
        JsonNode before = agent.connectionStats();
        furtherLogin.run();
        Thread.sleep(SETTLE.toMillis());
        JsonNode after = agent.connectionStats();
        assertThat(after.get("LoginedCount").asInt()).isZero();
        assertThat(after.get("LoginTotal").asLong()).isEqualTo(before.get("LoginTotal").asLong()).isZero();
        assertThat(agent.agent().get("Hooks")).isEmpty();
    }

    /** Waits until exactly {@code uids} are logged in (LoginedCount and the login list), then checks it holds. */
    static void awaitLoggedIn(AgentReads agent, Set<String> uids) {
        await().atMost(Duration.ofSeconds(60)).until(() -> LoginChecks.logins(agent).keySet().equals(uids));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> LoginChecks.logins(agent).keySet().equals(uids));
        assertThat(agent.connectionStats().get("LoginedCount").asInt()).isEqualTo(uids.size());
    }
}
