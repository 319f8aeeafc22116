package io.onlineuser.collector.http;

/** A connector's HTTP answer: its status and its whole body. */
public record HttpAnswer(int status, byte[] body) {
}
