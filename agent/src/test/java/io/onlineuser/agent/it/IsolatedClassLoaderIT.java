package io.onlineuser.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.isolated.IsolatedLauncher;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.JolokiaHttp;
import io.onlineuser.testkit.ProcessOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Netty loaded by an isolated class loader (Netty 4.1 here, while the sample-server tests run 4.2),
 * over NIO and epoll: the advice inlined into that Netty must still reach the agent, through the
 * bootstrap bridge.
 */
class IsolatedClassLoaderIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void countsNioAndEpollConnectionsOfANettyTheSystemClassLoaderCannotSee() throws Exception {
        Path testClasses = Path.of(IsolatedLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = List.of(Jars.javaExecutable(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-javaagent:" + Jars.agentJar() + "=serverId=isolated-1,jolokia.port=0",
                "-cp", testClasses.toString(), IsolatedLauncher.class.getName(),
                System.getProperty("isolated.netty.dir"), testClasses.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            ProcessOutput output = ProcessOutput.drain(process.getInputStream(), "isolated-1");
            int nioPort = Integer.parseInt(output.awaitGroup(Pattern.compile("echo nio listening on port (\\d+)"), WAIT));
            String epoll = output.awaitGroup(Pattern.compile("echo epoll (.*)"), WAIT);
            assertThat(epoll).as("the native epoll transport (linux-x86_64) must load here").startsWith("listening on port ");
            int epollPort = Integer.parseInt(epoll.substring("listening on port ".length()).trim());
            String url = output.awaitGroup(ConnectorProcess.JOLOKIA_LISTENING, WAIT);
            assertThat(output.text()).contains("netty visible to the system class loader: false")
                    .contains("echo server loaded by isolated-netty");
            AgentStats stats = new AgentStats(new JolokiaHttp(url), "isolated-1");
            stats.awaitGauges(0, 0, 0);

            try (Socket overNio = new Socket("127.0.0.1", nioPort)) {
                assertThat(echo(overNio, "ping")).isEqualTo("ping");
                stats.awaitGauges(1, 0, 0);
                try (Socket overEpoll = new Socket("127.0.0.1", epollPort)) {
                    assertThat(echo(overEpoll, "pong")).isEqualTo("pong");
                    stats.awaitGauges(2, 0, 0);
                }
                stats.awaitGauges(1, 0, 0);
            }
            stats.awaitGauges(0, 0, 0);
            assertThat(stats.attribute("AcceptedConnTotal").asLong()).isEqualTo(2);
            assertThat(output.text()).doesNotContain("NoClassDefFoundError").doesNotContain("could not instrument");
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static String echo(Socket socket, String text) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[text.length()];
        int read = 0;
        while (read < buffer.length) {
            int n = in.read(buffer, read, buffer.length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return new String(buffer, 0, read, StandardCharsets.UTF_8);
    }
}
