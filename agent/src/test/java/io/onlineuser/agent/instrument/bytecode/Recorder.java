package io.onlineuser.agent.instrument.bytecode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test advice calls: records which advice ran, in order. */
public final class Recorder {

    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private Recorder() {
    }

    public static void record(String event) {
        EVENTS.add(event);
    }
}
