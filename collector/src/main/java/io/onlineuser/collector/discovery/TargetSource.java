package io.onlineuser.collector.discovery;

/** Where connectors are listed: asked again before every question, so the list follows the cluster. */
public interface TargetSource {

    /** The targets listed now, and what was wrong with the source (a bad part never hides the good ones). */
    Discovery discover();

    /** How an operator named this source, for messages: a path, or {@code dns NAME:PORT}. */
    String describe();
}
