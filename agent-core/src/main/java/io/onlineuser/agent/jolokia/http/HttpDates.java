package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaderNames;
import io.grpc.netty.shaded.io.netty.handler.codec.http.HttpHeaders;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The Date header every answer carries (the JDK server sends one too), formatted at most once a second. */
final class HttpDates {

    private static long second = -1;
    private static String text;

    private HttpDates() {
    }

    static void stamp(HttpHeaders headers) {
        if (headers.contains(HttpHeaderNames.DATE)) {
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        String date;
        synchronized (HttpDates.class) {
            if (now != second) {
                second = now;
                text = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
            }
            date = text;
        }
        headers.set(HttpHeaderNames.DATE, date);
    }
}
