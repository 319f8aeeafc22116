package io.onlineuser.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Bad agent options never stop the host: it starts and serves, and each problem is one clear line. */
class BadOptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theHostStartsAndServesAndEachProblemIsReportedOnce() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // inline hooks only, and no wait for a Jolokia that cannot start here
            try (ConnectorProcess server = ConnectorProcess.builder().serverId("bad-1")
                    .agentConfig(null).awaitJolokia(false)
                    .agentOption("jolokia.port", Integer.toString(busy.getLocalPort()))
                    .agentOption("netty.enabled", "perhaps")
                    .agentOption("hook.bind", "com.example.Missing#bind/2 session=arg0 uid=arg1")
                    .agentOption("hook.unbind", "io.onlineuser.sample.session.SessionService#unbind session=arg0")
                    .start()) {
                try (PomeloClient client = PomeloClient.connectTcp("127.0.0.1", server.pomeloPort())) {
                    assertThat(client.login("u1")).isEqualTo(200);
                }
                server.awaitOutput("(hook.bind: class com.example.Missing has not been loaded)", WAIT);
                server.awaitOutput("(Jolokia not started: cannot listen on \\S+:" + busy.getLocalPort() + ")", WAIT);
                String output = server.output();

                assertThat(count(output, "option 'netty.enabled'='perhaps'")).isEqualTo(1);
                assertThat(count(output, "hook.unbind='io.onlineuser.sample.session.SessionService#unbind session=arg0':"
                        + " 'unbind' has no '/arity'")).isEqualTo(1);
                assertThat(count(output, "hook.bind: class com.example.Missing")).isEqualTo(1);
                assertThat(count(output, "Jolokia not started")).isEqualTo(1);
                assertThat(output).contains("[onlineuser] INFO agent installed");
                assertThat(server.isAlive()).isTrue();
            }
        }
    }

    private static int count(String text, String literal) {
        Matcher matcher = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
