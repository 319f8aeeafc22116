package io.onlineuser.agent.instrument;

import java.util.concurrent.atomic.LongAdder;

/** How often each hooked method returned, by hook id, for the Agent MBean. */
public final class HookCallCounts {

    private final LongAdder[] calls;

    public HookCallCounts(int hooks) {
        calls = new LongAdder[hooks];
        for (int i = 0; i < hooks; i++) {
            calls[i] = new LongAdder();
        }
    }

    void called(int hookId) {
        if (hookId >= 0 && hookId < calls.length) {
            calls[hookId].increment();
        }
    }

    public long calls(int hookId) {
        return hookId >= 0 && hookId < calls.length ? calls[hookId].sum() : 0;
    }
}
