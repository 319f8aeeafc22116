package io.onlineuser.agent.jmx;

import io.onlineuser.agent.track.OnlineTracker;

/**
 * Checks operation arguments before they reach the tracker. Anyone with JMX access can call
 * these, so a bad value gets a message that says what is allowed, and nothing is allocated
 * in proportion to it.
 */
final class Arguments {

    static final int MAX_UID_LENGTH = 1024;
    static final int MAX_REASON_LENGTH = 1024;
    static final int MAX_KEY_LENGTH = 64;

    private Arguments() {
    }

    static String uid(String uid) {
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("uid must not be empty");
        }
        if (uid.length() > MAX_UID_LENGTH) {
            throw new IllegalArgumentException("uid is " + uid.length() + " characters long; at most "
                    + MAX_UID_LENGTH + " are allowed");
        }
        return uid;
    }

    static String reason(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason is " + reason.length() + " characters long; at most "
                    + MAX_REASON_LENGTH + " are allowed");
        }
        return reason;
    }

    static int offset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        return offset;
    }

    static int limit(int limit) {
        if (limit < 0 || limit > OnlineTracker.MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 0 and " + OnlineTracker.MAX_PAGE
                    + ", was " + limit);
        }
        return limit;
    }

    /** A page key or cursor is short text; null is taken as "" (from the start / now). */
    static String pageKey(String after) {
        return shortText("after", after);
    }

    static String cursor(String cursor) {
        return shortText("cursor", cursor);
    }

    private static String shortText(String name, String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(name + " is " + value.length() + " characters long; at most "
                    + MAX_KEY_LENGTH + " are allowed");
        }
        return value;
    }

    static long sessionId(long sessionId) {
        if (sessionId <= 0) {
            throw new IllegalArgumentException("sessionId must be greater than 0, was " + sessionId);
        }
        return sessionId;
    }
}
