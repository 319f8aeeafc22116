package io.onlineuser.agent.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** The field handles the tracker's lock-free fields are reached through. */
final class VarHandles {

    private VarHandles() {
    }

    /**
     * The handle of {@code owner}'s field {@code name}; {@code lookup} must be the owner's own
     * ({@code MethodHandles.lookup()}), since the fields are private.
     */
    static VarHandle field(MethodHandles.Lookup lookup, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
