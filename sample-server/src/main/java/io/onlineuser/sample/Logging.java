package io.onlineuser.sample;

/**
 * One-line log format for slf4j-simple, set before the first logger exists. Properties given on
 * the command line ({@code -Dorg.slf4j.simpleLogger.…}) win.
 */
public final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    public static void configureDefaults() {
        setIfAbsent("defaultLogLevel", "info");
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("levelInBrackets", "true");
    }

    /** --verbose: per-connection lines (open, close, silent clients). */
    public static void verbose() {
        System.setProperty(PREFIX + "log.io.onlineuser", "debug");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
