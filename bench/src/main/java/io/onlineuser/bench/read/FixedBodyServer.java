package io.onlineuser.bench.read;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The floor of {@link ReadCostBench}: a bare JDK HTTP server (its defaults) that reads each POST
 * and answers a fixed JSON body of a given size per path, as Jolokia's answer would be. Runs in a
 * JVM of its own; prints the port it listens on.
 */
public final class FixedBodyServer {

    private FixedBodyServer() {
    }

    /** Arguments: pairs of path and body size in bytes. */
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        for (int i = 0; i + 1 < args.length; i += 2) {
            byte[] body = body(Integer.parseInt(args[i + 1]));
            server.createContext(args[i], exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
        }
        server.start();
        System.out.println("listening on port " + server.getAddress().getPort());
    }

    private static byte[] body(int size) {
        String prefix = "{\"status\":200,\"value\":\"";
        String suffix = "\"}";
        char[] filler = new char[Math.max(0, size - prefix.length() - suffix.length())];
        Arrays.fill(filler, 'x');
        return (prefix + new String(filler) + suffix).getBytes(StandardCharsets.UTF_8);
    }
}
