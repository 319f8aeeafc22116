package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.buffer.ByteBufInputStream;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.DefaultHttpHeaders;
import io.grpc.netty.shaded.io.netty.handler.codec.http.EmptyHttpHeaders;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpRequest;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderNames;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaders;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpResponseStatus;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpUtil;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.management.RuntimeMBeanException;
import javax.net.ssl.SSLSession;
import org.jolokia.json.JSONStructure;
import org.jolokia.jvmagent.ParsedUri;
import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.http.HttpRequestHandler;
import org.jolokia.server.core.request.BadRequestException;
import org.jolokia.server.core.service.api.JolokiaContext;
import org.jolokia.server.core.util.MimeTypeUtil;

/**
 * Where a Jolokia request is answered: one whole HTTP request in, the answer out, as the stock
 * Jolokia JVM agent gives it (its {@code JolokiaHttpHandler} around the same core): the caller
 * authenticated, the policy's host and origin checks, then Jolokia's own {@link HttpRequestHandler}
 * for a GET, a POST or a CORS preflight; a JSON or JSONP body with the asked-for content type, no-cache
 * and CORS headers; Jolokia's errors inside HTTP 200, a request body that is not JSON as HTTP 400.
 * Plain code on the event loop thread: Jolokia's answers are computed in memory.
 */
public final class JolokiaAnswers {

    private final HttpRequestHandler jolokia;
    private final Authentication authentication;
    private final String contextPath;
    private final boolean reverseLookup;
    private final String mimeType;

    public JolokiaAnswers(JolokiaContext context, Authentication authentication) {
        this.jolokia = new HttpRequestHandler(context);
        this.authentication = authentication;
        this.contextPath = context.getConfig(ConfigKey.AGENT_CONTEXT);
        this.reverseLookup = Boolean.parseBoolean(context.getConfig(ConfigKey.ALLOW_DNS_REVERSE_LOOKUP));
        this.mimeType = context.getConfig(ConfigKey.MIME_TYPE);
    }

    /** Whether {@code path} is Jolokia's (as the JDK server matches a context: by prefix). */
    boolean serves(String path) {
        return path != null && path.startsWith(contextPath);
    }

    /** The answer to {@code request}; {@code tls} is null for plain HTTP. */
    FullHttpResponse answer(FullHttpRequest request, URI uri, SSLSession tls, InetSocketAddress remote) {
        ParsedUri parsed = new ParsedUri(uri, contextPath);
        if (!isDiscovery(request, parsed)) {
            HttpResponseStatus refused = authentication.refusal(request.headers(), tls);
            if (refused != null) {
                HttpHeaders headers = new DefaultHttpHeaders();
                if (refused.equals(HttpResponseStatus.UNAUTHORIZED)) {
                    headers.set(HttpHeaderNames.WWW_AUTHENTICATE, authentication.challenge());
                }
                return response(refused, headers, new byte[0]);
            }
        }
        HttpHeaders headers = new DefaultHttpHeaders();
        JSONStructure json;
        try {
            json = dispatch(request, parsed, tls != null, remote, headers);
        } catch (BadRequestException e) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            String text = "400 (Bad Request)\n" + (e.getMessage() == null ? "" : "\n" + e.getMessage() + "\n");
            return response(HttpResponseStatus.BAD_REQUEST, headers, text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception | LinkageError e) {
            json = jolokia.handleThrowable(e instanceof RuntimeMBeanException ? ((RuntimeMBeanException) e).getTargetException() : e);
        }
        if (json == null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
            return response(HttpResponseStatus.OK, headers, new byte[0]);
        }
        String callback = parsed.getParameter(ConfigKey.CALLBACK.getKeyValue());
        String type = MimeTypeUtil.getResponseMimeType(parsed.getParameter(ConfigKey.MIME_TYPE.getKeyValue()), mimeType, callback);
        headers.set(HttpHeaderNames.CONTENT_TYPE, type + "; charset=utf-8");
        String text = callback != null && MimeTypeUtil.isValidCallback(callback)
                ? callback + "(" + json.toJSONString() + ");" : json.toJSONString();
        return response(HttpResponseStatus.OK, headers, text.getBytes(StandardCharsets.UTF_8));
    }

    private JSONStructure dispatch(FullHttpRequest request, ParsedUri parsed, boolean https, InetSocketAddress remote,
            HttpHeaders answer) throws Exception {
        String origin = originOrReferer(request.headers());
        jolokia.checkAccess(https ? "https" : "http", reverseLookup ? remote.getHostName() : null,
                remote.getAddress().getHostAddress(), origin);
        String callback = parsed.getParameter(ConfigKey.CALLBACK.getKeyValue());
        if (callback != null && !MimeTypeUtil.isValidCallback(callback)) {
            throw new IllegalArgumentException("Invalid callback name given, which must be a valid javascript function name");
        }
        String method = request.method().name();
        if ("GET".equalsIgnoreCase(method)) {
            noCache(request.headers(), answer);
            return jolokia.handleGetRequest(parsed.getUri().toString(), parsed.getPathInfo(), parsed.getParameterMap());
        }
        if ("POST".equalsIgnoreCase(method)) {
            noCache(request.headers(), answer);
            Charset charset = HttpUtil.getCharset(request, null);
            return jolokia.handlePostRequest(parsed.toString(), new ByteBufInputStream(request.content()),
                    charset == null ? null : charset.name(), parsed.getParameterMap());
        }
        if ("OPTIONS".equalsIgnoreCase(method)) {
            Map<String, String> cors = jolokia.handleCorsPreflightRequest(origin,
                    request.headers().get("Access-Control-Request-Headers"));
            cors.forEach(answer::set);
            return null;
        }
        throw new IllegalArgumentException("HTTP Method " + method + " is not supported.");
    }

    /**
     * Jolokia's discovery request, {@code GET <context>/config}: answered to anyone, as by the stock
     * agent (it names the agent and how to authenticate, nothing else).
     */
    private static boolean isDiscovery(FullHttpRequest request, ParsedUri parsed) {
        String path = parsed.getPathInfo();
        return "GET".equalsIgnoreCase(request.method().name())
                && (path.equals("config") || path.startsWith("config/"));
    }

    /** Answers to GET and POST: never cached, and readable by the origins the policy allows. */
    private void noCache(HttpHeaders request, HttpHeaders answer) {
        String origin = jolokia.extractCorsOrigin(request.get("Origin"));
        if (origin != null) {
            answer.set("Access-Control-Allow-Origin", origin);
            answer.set("Access-Control-Allow-Credentials", "true");
        }
        answer.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        HttpDates.stampExpired(answer);
    }

    private static String originOrReferer(HttpHeaders request) {
        String origin = request.get("Origin");
        if (origin == null) {
            origin = request.get("Referer");
        }
        return origin == null ? null : origin.replaceAll("[\\n\\r]*", "");
    }

    private static FullHttpResponse response(HttpResponseStatus status, HttpHeaders headers, byte[] body) {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body), headers,
                EmptyHttpHeaders.INSTANCE);
    }
}
