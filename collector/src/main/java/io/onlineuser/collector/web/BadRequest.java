package io.onlineuser.collector.web;

/** A request the API cannot answer as asked; its message is sent back with HTTP 400. */
final class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message, null, false, false);
    }
}
