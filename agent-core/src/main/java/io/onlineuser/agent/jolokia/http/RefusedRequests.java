package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.handler.codec.TooLongFrameException;
import io.grpc.netty.shaded.io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.FullHttpResponse;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderNames;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderValues;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpResponseStatus;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpVersion;
import io.grpc.netty.shaded.io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.grpc.netty.shaded.io.netty.handler.codec.http.TooLongHttpLineException;
import java.nio.charset.StandardCharsets;
import org.jolokia.json.JSONObject;

/**
 * Answers for requests refused before Jolokia sees them, closing the connection but after a body
 * too large on a keep-alive one. A request over
 * one of the server's size limits is answered as Jolokia answers every error: HTTP 200 with a JSON
 * error ({@code error_type}, {@code error}, {@code status} 413, 414 or 431), which a Jolokia client
 * reads as a failed request ({@code jolokia.js}: {@code isResponseError}); what is not HTTP at all
 * gets HTTP 400 with such a body; an unknown path gets the JDK server's own 404 page, as the stock
 * Jolokia agent answers it.
 */
final class RefusedRequests {

    /** The longest request line (method, URL, version): a GET request's arguments ride in its URL. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** All request headers together. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** Jolokia's largest requests, bulk reads of a few MBeans, are a few kilobytes. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private static final String JSON = "application/json; charset=utf-8";

    private RefusedRequests() {
    }

    /** A request the HTTP decoder could not read: over a size limit, or not HTTP. */
    static void undecodable(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            overLimit(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG, "Request line longer than " + MAX_LINE_BYTES
                    + " bytes (limit of the onlineuser agent): send long arguments in a POST body");
        } else if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            overLimit(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers longer than "
                    + MAX_HEADER_BYTES + " bytes (limit of the onlineuser agent)");
        } else {
            send(ctx, HttpResponseStatus.BAD_REQUEST, JSON, error(HttpResponseStatus.BAD_REQUEST,
                    "Not a readable HTTP request: " + cause.getMessage()));
        }
    }

    /** A request whose URL does not parse. */
    static void badUri(ChannelHandlerContext ctx, Exception cause) {
        send(ctx, HttpResponseStatus.OK, JSON, error(HttpResponseStatus.BAD_REQUEST,
                "Request URL does not parse: " + cause.getMessage()));
    }

    /**
     * A request body over {@link #MAX_BODY_BYTES}. On a keep-alive connection the rest of the body is
     * read and dropped (the aggregator skips it), so that a client still sending it reads the answer
     * instead of a broken pipe.
     */
    static void bodyTooLarge(ChannelHandlerContext ctx, boolean keepAlive) {
        send(ctx, HttpResponseStatus.OK, JSON, error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "Request body longer than " + MAX_BODY_BYTES + " bytes (limit of the onlineuser agent): split the bulk"
                        + " request"), keepAlive);
    }

    /** A path no context serves. */
    static void notFound(ChannelHandlerContext ctx) {
        send(ctx, HttpResponseStatus.NOT_FOUND, "text/html",
                "<h1>404 Not Found</h1>No context found for request".getBytes(StandardCharsets.UTF_8));
    }

    private static void overLimit(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
        send(ctx, HttpResponseStatus.OK, JSON, error(status, message));
    }

    private static byte[] error(HttpResponseStatus status, String message) {
        JSONObject error = new JSONObject();
        error.put("error_type", IllegalArgumentException.class.getName());
        error.put("error", IllegalArgumentException.class.getName() + " : " + message);
        error.put("status", status.code());
        return error.toJSONString().getBytes(StandardCharsets.UTF_8);
    }

    private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, byte[] body) {
        send(ctx, status, contentType, body, false);
    }

    private static void send(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, byte[] body,
            boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        HttpDates.stamp(response.headers());
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
