package io.onlineuser.agent.jolokia.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.grpc.netty.shaded.io.netty.buffer.ByteBufInputStream;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpRequest;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderNames;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderValues;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpResponseStatus;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpUtil;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request, fully read, as a JDK {@link HttpExchange}; the answer is held in memory and written
 * in one go, with its Content-Length, when the exchange or its body stream is closed. Used on the
 * event loop thread only.
 */
class ServedExchange extends HttpExchange {

    private final ChannelHandlerContext channel;
    private final FullHttpRequest request;
    private final URI uri;
    private final HttpContext context;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>(4);
    private final ByteArrayOutputStream responseBytes = new ByteArrayOutputStream(512);
    private InputStream requestBody;
    private OutputStream responseBody = new BodyStream();
    private HttpPrincipal principal;
    private int responseCode = -1;
    private boolean withBody;
    private boolean sent;

    ServedExchange(ChannelHandlerContext channel, FullHttpRequest request, URI uri, HttpContext context) {
        this.channel = channel;
        this.request = request;
        this.uri = uri;
        this.context = context;
        request.headers().forEach(header -> requestHeaders.add(header.getKey(), header.getValue()));
        this.requestBody = new ByteBufInputStream(request.content());
    }

    void principal(HttpPrincipal principal) {
        this.principal = principal;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return request.method().name();
    }

    @Override
    public HttpContext getHttpContext() {
        return context;
    }

    @Override
    public InputStream getRequestBody() {
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return responseBody;
    }

    /**
     * As the JDK server: a length of -1 means no body; 0 means a body of any length (sent here with
     * its length all the same); a positive length is what the body will hold.
     */
    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (responseCode >= 0) {
            throw new IOException("response headers already sent");
        }
        responseCode = code;
        withBody = length >= 0;
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    /** Sends the answer (a 500 when no status was set), once. */
    @Override
    public void close() {
        if (sent) {
            return;
        }
        sent = true;
        if (responseCode < 0) {
            responseCode = 500;
            responseHeaders.set("Connection", "close");
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(responseCode),
                withBody ? Unpooled.wrappedBuffer(responseBytes.toByteArray()) : Unpooled.EMPTY_BUFFER);
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            response.headers().add(header.getKey(), header.getValue());
        }
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        HttpDates.stamp(response.headers());
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !"close".equalsIgnoreCase(responseHeaders.getFirst("Connection"));
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive && request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            // an HTTP/1.0 client closes unless told the connection stays open (an HTTP/1.1 one assumes it)
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        if (keepAlive) {
            channel.writeAndFlush(response, channel.voidPromise());
        } else {
            channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return inet(channel.channel().remoteAddress());
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return inet(channel.channel().localAddress());
    }

    @Override
    public String getProtocol() {
        return request.protocolVersion().text();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void setStreams(InputStream in, OutputStream out) {
        if (in != null) {
            requestBody = in;
        }
        if (out != null) {
            responseBody = out;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return principal;
    }

    /** The answer's body: kept in memory; closing it sends the answer. */
    private final class BodyStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            writable();
            responseBytes.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            writable();
            responseBytes.write(bytes, offset, length);
        }

        private void writable() throws IOException {
            if (!withBody || sent) {
                throw new IOException(sent ? "exchange closed" : "no body: response headers sent without one");
            }
        }

        @Override
        public void close() {
            ServedExchange.this.close();
        }
    }

    /** A socket's address; for a {@link LocalConnection}, which has none, the loopback address. */
    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress ? (InetSocketAddress) address
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }
}
