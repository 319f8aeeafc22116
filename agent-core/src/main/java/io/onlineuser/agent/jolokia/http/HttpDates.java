package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderNames;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Date header every answer carries (the JDK server sends one too) and the Expires header, an
 * hour in the past, of Jolokia's no-cache answers; formatted at most once a second.
 */
final class HttpDates {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);
    private static long second = -1;
    private static String now;
    private static String hourAgo;

    private HttpDates() {
    }

    /** Sets Date, unless set already. */
    static void stamp(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.DATE)) {
            headers.set(HttpHeaderNames.DATE, texts()[0]);
        }
    }

    /** Sets Date, and Expires an hour before it, as Jolokia's agent marks an answer not to be cached. */
    static void stampExpired(HttpHeaders headers) {
        String[] texts = texts();
        headers.set(HttpHeaderNames.DATE, texts[0]);
        headers.set(HttpHeaderNames.EXPIRES, texts[1]);
    }

    private static synchronized String[] texts() {
        long current = System.currentTimeMillis() / 1000;
        if (current != second) {
            second = current;
            now = HTTP_DATE.format(Instant.ofEpochSecond(current));
            hourAgo = HTTP_DATE.format(Instant.ofEpochSecond(current - 3600));
        }
        return new String[] {now, hourAgo};
    }
}
