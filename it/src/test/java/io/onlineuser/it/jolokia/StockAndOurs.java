package io.onlineuser.it.jolokia;

import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipFile;

/**
 * Two sample-servers with the same server id, MBeans and policy: one answers through our agent's
 * embedded Jolokia, the other through the stock Jolokia 2.4.2 JVM agent (our agent beside it with
 * its Jolokia off, so that both JVMs hold the same onlineuser MBeans).
 */
final class StockAndOurs implements AutoCloseable {

    static final String SERVER_ID = "conformance-1";

    final ConnectorProcess ours;
    final ConnectorProcess stock;
    final String oursUrl;
    final String stockUrl;

    private StockAndOurs(ConnectorProcess ours, ConnectorProcess stock, String stockUrl) {
        this.ours = ours;
        this.stock = stock;
        this.oursUrl = ours.jolokiaUrl();
        this.stockUrl = stockUrl;
    }

    static StockAndOurs start(Path workDir) throws Exception {
        Path policy = ourPolicy(workDir);
        ConnectorProcess ours = ConnectorProcess.builder().serverId(SERVER_ID).start();
        int stockPort = FreePort.pick();
        ConnectorProcess stock;
        try {
            stock = ConnectorProcess.builder().serverId(SERVER_ID)
                    .agentOption("jolokia.enabled", "false")
                    .jvmArg("-javaagent:" + stockAgentJar() + "=host=127.0.0.1,port=" + stockPort + ",agentId=" + SERVER_ID
                            + ",policyLocation=" + policy.toUri())
                    .start();
        } catch (IOException | RuntimeException e) {
            ours.close();
            throw e;
        }
        String stockUrl = "http://127.0.0.1:" + stockPort + "/jolokia";
        StockAndOurs both = new StockAndOurs(ours, stock, stockUrl);
        try {
            both.awaitAnswer(stockUrl);
        } catch (Exception e) {
            both.close();
            throw new IllegalStateException("the stock Jolokia agent did not answer; its output:\n" + stock.output(), e);
        }
        return both;
    }

    /** The stock agent jar, copied by the build from Maven Central. */
    static Path stockAgentJar() {
        String path = System.getProperty("jolokia.stock.agent.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property jolokia.stock.agent.jar does not name the stock Jolokia"
                    + " agent jar (set by it/pom.xml): " + path);
        }
        return Path.of(path);
    }

    /** Our bundled policy, taken out of the agent jar, so the stock agent enforces the same rules. */
    private static Path ourPolicy(Path workDir) throws IOException {
        Path policy = workDir.resolve("jolokia-access.xml");
        try (ZipFile jar = new ZipFile(Jars.agentJar().toFile());
             InputStream in = jar.getInputStream(jar.getEntry("onlineuser/jolokia-access.xml"))) {
            Files.copy(in, policy, StandardCopyOption.REPLACE_EXISTING);
        }
        return policy;
    }

    private void awaitAnswer(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                HttpResponse<String> version = client.send(HttpRequest.newBuilder(URI.create(url + "/version"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (version.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        ours.close();
        stock.close();
    }
}
