package io.onlineuser.bench.fleet;

/** How a simulated connector misbehaves, as real ones do in a large fleet. */
public enum Fault {
    /** A healthy agent. */
    NONE,
    /** Listed in discovery, but nothing listens on its port (a crashed JVM). */
    REFUSED,
    /** Accepts connections and never answers (a paused or hung JVM). */
    SILENT,
    /** Answers every MBean call after a delay (a JVM in long GC pauses). */
    SLOW,
    /** Wants credentials the collector does not send (HTTP 401). */
    UNAUTHORIZED
}
