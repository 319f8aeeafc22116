package io.onlineuser.agent.jolokia;

import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.jolokia.http.LocalConnection;
import io.onlineuser.agent.jolokia.http.NettyHttpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the first client asks: the agent asks its own Jolokia the questions the collector and
 * Jolokia clients ask (counts, a page of logins, a uid lookup, the live mode's bulk, a GET read,
 * version) through the handlers every connection has ({@link LocalConnection}: no socket, no TLS),
 * so that the first real answers find the request path's ~1,000 classes loaded and its code seen by
 * the JIT. Interpreted, one counts read costs an agent ~7 ms of CPU; without a warm-up, 8 fresh
 * agents on 2 cores answer a first {@code online} in 1.2-1.8 s (BENCHMARKS.md, first answers).
 *
 * <p>Bounded: at most {@value #MAX_REQUESTS} requests and {@code jolokia.warmUpMillis} of this
 * thread's CPU time, and after each round it sleeps as long as the round took, so it uses at most
 * half of one core. It runs on the endpoint's own start thread, after Jolokia listens (the agent
 * starts Jolokia once the host listens), and never delays a client: clients are served by the
 * event loop meanwhile. A warm-up request answered other than 200 ends it, in one line.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    static final int MAX_REQUESTS = 3_000;
    /** The uid the warm-up looks up: read-only, whoever has it. */
    private static final String PROBE_UID = "onlineuser-warm-up";
    private static final String QUERY = "?includeStackTrace=false&includeRequest=false";
    private static final String COUNTS_ATTRIBUTES = "[\"ServerId\",\"ServerType\",\"TotalConnCount\",\"LoginedCount\","
            + "\"SessionCount\",\"PeakConnCount\",\"PeakLoginedCount\",\"AcceptedConnTotal\",\"ClosedConnTotal\","
            + "\"LoginTotal\",\"LogoutTotal\",\"KickTotal\",\"StartTime\"]";

    private final NettyHttpServer http;
    private final String path;
    private final String authorization;
    private final long budgetNanos;
    private final BooleanSupplier stopped;

    WarmUp(NettyHttpServer http, String url, AgentOptions options, BooleanSupplier stopped) {
        this.http = http;
        this.path = URI.create(url).getPath();
        this.authorization = options.jolokiaUser() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (options.jolokiaUser() + ":" + options.jolokiaPassword()).getBytes(StandardCharsets.UTF_8));
        this.budgetNanos = options.jolokiaWarmUpMillis() * 1_000_000L;
        this.stopped = stopped;
    }

    /** Runs the warm-up in the calling thread and returns how many requests were answered 200; never throws. */
    int run() {
        if (budgetNanos == 0) {
            return 0;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            LOG.info("Jolokia not warmed up: this JVM does not measure a thread's CPU time");
            return 0;
        }
        long startNanos = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        int served = 0;
        try (LocalConnection connection = http.localConnection()) {
            List<byte[]> round = requests();
            while (served < MAX_REQUESTS && threads.getCurrentThreadCpuTime() - startCpu < budgetNanos
                    && !stopped.getAsBoolean()) {
                long roundCpu = threads.getCurrentThreadCpuTime();
                for (byte[] request : round) {
                    int status = connection.serve(request);
                    if (status != 200 || !connection.isOpen()) {
                        LOG.info("Jolokia warm-up ended after {} requests: it answered HTTP {} to its own request", served, status);
                        return served;
                    }
                    served++;
                }
                Thread.sleep(Math.max(1, (threads.getCurrentThreadCpuTime() - roundCpu) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            LOG.info("Jolokia warm-up ended after {} requests: {}", served, e.toString());
            return served;
        }
        LOG.info("Jolokia warmed up: {} requests answered to itself in {} ms of CPU over {} ms", served,
                (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000, (System.nanoTime() - startNanos) / 1_000_000);
        return served;
    }

    /** One round: each kind of question once, as its clients send it. */
    private List<byte[]> requests() {
        List<byte[]> round = new ArrayList<>();
        round.add(post("{\"mbean\":\"onlineuser:type=ConnectionStats,*\",\"attribute\":" + COUNTS_ATTRIBUTES + ",\"type\":\"read\"}"));
        round.add(post("{\"mbean\":\"onlineuser:type=ConnectionStats,*\",\"type\":\"read\"}"));
        round.add(get(path + "/read/onlineuser:type=ConnectionStats,*/LoginedCount"));
        round.add(get(path + "/version"));
        ObjectName stats = first("onlineuser:type=ConnectionStats,*");
        ObjectName session = first("onlineuser:type=Session,*");
        ObjectName agent = first("onlineuser:type=Agent,*");
        if (stats != null) {
            round.add(post("{\"mbean\":" + quoted(stats) + ",\"arguments\":[0,10],\"type\":\"exec\",\"operation\":\"loginedList\"}"));
        }
        if (session != null) {
            // a uid lookup as find asks it ("" would be answered with an error, logged by Jolokia)
            round.add(post("{\"mbean\":" + quoted(session) + ",\"arguments\":[\"" + PROBE_UID
                    + "\"],\"type\":\"exec\",\"operation\":\"getByUid\"}"));
            round.add(post("[{\"mbean\":" + quoted(session) + ",\"arguments\":[\"\",0],\"type\":\"exec\",\"operation\":\"changes\"},"
                    + (agent == null ? "" : "{\"mbean\":" + quoted(agent) + ",\"attribute\":\"Options\",\"type\":\"read\"},")
                    + "{\"mbean\":" + quoted(session) + ",\"arguments\":[\"\",10],\"type\":\"exec\",\"operation\":\"sessions\"}]"));
        }
        return round;
    }

    private byte[] post(String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + QUERY + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain;charset=utf-8\r\n"
                + auth() + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + content.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(content, 0, request, head.length, content.length);
        return request;
    }

    private byte[] get(String target) {
        return ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + auth() + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private String auth() {
        return authorization == null ? "" : "Authorization: " + authorization + "\r\n";
    }

    /** An MBean name as a JSON string. */
    private static String quoted(ObjectName name) {
        return "\"" + name.getCanonicalName().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ObjectName first(String pattern) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = server.queryNames(new ObjectName(pattern), null);
            return names.isEmpty() ? null : names.iterator().next();
        } catch (MalformedObjectNameException e) {
            return null;
        }
    }
}
