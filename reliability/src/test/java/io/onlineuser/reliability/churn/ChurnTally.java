package io.onlineuser.reliability.churn;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/** What the churn clients did, counted on the client side, to compare with the agent's totals. */
public final class ChurnTally {

    private static final int KEPT_FAILURES = 10;

    final LongAdder cycles = new LongAdder();
    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder logins = new LongAdder();
    final LongAdder abrupt = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder jolokiaKicks = new LongAdder();
    final LongAdder webSocketCycles = new LongAdder();
    final LongAdder failures = new LongAdder();
    private final List<String> firstFailures = new CopyOnWriteArrayList<>();

    void failed(String cycle, Exception e) {
        failures.increment();
        if (firstFailures.size() < KEPT_FAILURES) {
            firstFailures.add(cycle + ": " + e);
        }
    }

    public long cycles() {
        return cycles.sum();
    }

    /** TCP connections the clients opened to the connector (a duplicate-login cycle opens two). */
    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    /** Logins the server answered with code 200. */
    public long logins() {
        return logins.sum();
    }

    /** Connections dropped with a TCP reset instead of a close. */
    public long abrupt() {
        return abrupt.sum();
    }

    /** Second logins of an online uid, which made the server kick the first session. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Sessions closed by {@code kick} over Jolokia. */
    public long jolokiaKicks() {
        return jolokiaKicks.sum();
    }

    public long webSocketCycles() {
        return webSocketCycles.sum();
    }

    public long failures() {
        return failures.sum();
    }

    public List<String> firstFailures() {
        return List.copyOf(firstFailures);
    }

    @Override
    public String toString() {
        return "cycles=" + cycles() + " connections=" + connectionsOpened() + " logins=" + logins()
                + " abrupt=" + abrupt() + " duplicates=" + duplicates() + " jolokiaKicks=" + jolokiaKicks()
                + " webSocket=" + webSocketCycles() + " failures=" + failures();
    }
}
