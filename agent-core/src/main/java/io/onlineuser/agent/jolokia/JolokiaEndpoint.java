package io.onlineuser.agent.jolokia;

import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.config.JolokiaTls;
import io.onlineuser.agent.jolokia.http.ConnectionLimits;
import io.onlineuser.agent.jolokia.http.NettyHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Jolokia HTTP endpoint: our bundled deny-by-default policy, basic auth when a
 * user and password are set, agentId = serverId. Jolokia ({@link JolokiaCore}) is served by an HTTP
 * server of its own, so that no single client can hold it and a read costs little: see
 * {@link NettyHttpServer}; a request is answered in {@link io.onlineuser.agent.jolokia.http.JolokiaAnswers}. It
 * starts on a named daemon thread of its own, so that its caller does not wait the hundreds of
 * milliseconds that binding and Jolokia's service discovery take.
 * Nothing here throws: a failure is one log line and the agent carries on without Jolokia.
 */
public final class JolokiaEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(JolokiaEndpoint.class);

    private final CompletableFuture<String> listening = new CompletableFuture<>();
    private final CompletableFuture<Integer> warmedUp = new CompletableFuture<>();
    private JolokiaCore jolokia;
    private NettyHttpServer httpServer;
    private String url;
    private boolean stopped;

    private JolokiaEndpoint() {
    }

    /**
     * Starts Jolokia in the background; {@code onUrl} gets the URL (no trailing slash) once it
     * listens. Does nothing when Jolokia is disabled.
     */
    public static JolokiaEndpoint start(AgentOptions options, Consumer<String> onUrl) {
        JolokiaEndpoint endpoint = new JolokiaEndpoint();
        if (!options.jolokiaEnabled()) {
            LOG.info("Jolokia is off; the MXBeans are still in the platform MBeanServer");
            endpoint.listening.completeExceptionally(new IllegalStateException("Jolokia is off"));
            endpoint.warmedUp.complete(0);
            return endpoint;
        }
        Thread starter = new Thread(() -> endpoint.run(options, onUrl), "onlineuser-jolokia-start");
        starter.setDaemon(true);
        starter.start();
        return endpoint;
    }

    private void run(AgentOptions options, Consumer<String> onUrl) {
        String where = options.jolokiaHost() + ":" + options.jolokiaPort();
        try {
            if (options.jolokiaPolicy() != null) {
                checkPolicy(options.jolokiaPolicy());
            }
            EndpointConfig config = new EndpointConfig(JolokiaSettings.from(options));
            ConnectionLimits limits = new ConnectionLimits(options.jolokiaMaxConnections(),
                    options.jolokiaReadTimeoutMillis());
            NettyHttpServer http = EndpointServer.create(config, limits);
            JolokiaCore started;
            try {
                started = JolokiaCore.start(config, http.address(), new Slf4jLogHandler(), null);
            } catch (RuntimeException | LinkageError e) {
                http.stop();
                throw e;
            }
            http.start(started.answers());
            String address = started.url();
            synchronized (this) {
                if (stopped) {
                    stop(started, http);
                    listening.completeExceptionally(new IllegalStateException("stopped before it listened"));
                    return;
                }
                jolokia = started;
                httpServer = http;
                url = address;
            }
            LOG.info("Jolokia listening at {}", address);
            warnIfOpen(options, http.address(), address);
            listening.complete(address);
            announce(onUrl, address);
            warmedUp.complete(new WarmUp(http, address, options, this::isStopped).run());
        } catch (IOException e) {
            LOG.warn("Jolokia not started: cannot listen on {} ({}); the agent carries on without it",
                    where, e.toString());
            listening.completeExceptionally(e);
        } catch (InvalidPolicyException e) {
            LOG.warn("Jolokia not started: {}; the agent carries on without it", e.getMessage());
            listening.completeExceptionally(e);
        } catch (GeneralSecurityException e) {
            LOG.warn("Jolokia not started on {}: its TLS keys or certificates cannot be used ({}); the agent carries on"
                    + " without it", where, e.toString());
            listening.completeExceptionally(e);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Jolokia not started on {} ({}); the agent carries on without it", where, e.toString());
            listening.completeExceptionally(e);
        } finally {
            warmedUp.complete(0);
        }
    }

    /**
     * Jolokia reads its policy only once it starts serving, and answers a policy it cannot parse by
     * failing (or, for a location with nothing there, by allowing everything); the file is checked
     * first so that Jolokia stays off with the reason instead.
     */
    private static void checkPolicy(String file) throws InvalidPolicyException {
        try (InputStream in = Files.newInputStream(Paths.get(file))) {
            new PolicyRestrictor(in);
        } catch (IOException | InvalidPathException e) {
            throw new InvalidPolicyException("policy file " + file + " (option '" + AgentOptions.JOLOKIA_POLICY
                    + "') cannot be read (" + e + ")");
        } catch (SecurityException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new InvalidPolicyException("policy file " + file + " (option '" + AgentOptions.JOLOKIA_POLICY
                    + "') does not parse (" + cause + ")");
        }
    }

    private static void warnIfOpen(AgentOptions options, InetSocketAddress bound, String url) {
        JolokiaTls tls = options.jolokiaTls();
        boolean authenticated = options.jolokiaUser() != null || (tls != null && tls.clientAuth());
        if (!authenticated && bound != null && !bound.getAddress().isLoopbackAddress()) {
            LOG.warn("Jolokia at {} listens beyond this host without authentication: whoever reaches it reads who is"
                    + " online and from where; set jolokia.user with jolokia.password.file (and jolokia.tls.* for"
                    + " HTTPS), or jolokia.tls.clientAuth=true", url);
        }
    }

    /** The operator's policy file cannot be used. */
    private static final class InvalidPolicyException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPolicyException(String message) {
            super(message);
        }
    }

    private static void announce(Consumer<String> onUrl, String address) {
        try {
            onUrl.accept(address);
        } catch (RuntimeException e) {
            LOG.warn("Jolokia listens at {}, but announcing it failed: {}", address, e.toString());
        }
    }

    /**
     * Completes with the URL once Jolokia listens, or exceptionally when it is off or could not
     * start (for callers that must wait, such as tests; the agent itself uses {@code onUrl}).
     */
    public CompletableFuture<String> listening() {
        return listening.copy();
    }

    /**
     * Completes with the requests the warm-up answered once it ends (see {@link WarmUp}); with 0 when
     * the warm-up or Jolokia is off, or Jolokia did not start.
     */
    public CompletableFuture<Integer> warmedUp() {
        return warmedUp.copy();
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    /** The URL once listening, else null. */
    public synchronized String url() {
        return url;
    }

    /** Stops the endpoint, or keeps it from starting if it has not yet. */
    public void stop() {
        JolokiaCore running;
        NettyHttpServer http;
        synchronized (this) {
            stopped = true;
            running = jolokia;
            http = httpServer;
            jolokia = null;
            httpServer = null;
            url = null;
        }
        if (running != null) {
            stop(running, http);
        }
    }

    private static void stop(JolokiaCore jolokia, NettyHttpServer http) {
        try {
            http.stop();
        } finally {
            try {
                jolokia.stop();
            } catch (RuntimeException e) {
                LOG.debug("Jolokia stop failed: {}", e.toString());
            }
        }
    }
}
