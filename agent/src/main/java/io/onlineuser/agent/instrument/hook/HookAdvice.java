package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.bridge.OnlineUserBridge;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;

/**
 * The one advice for every configured session hook. Which values it passes is decided per hook at
 * install time ({@link HookInstrumentation} binds the annotations below to {@code this}, an
 * argument or null), so no array is allocated per call. It runs on normal return only: a bind that
 * throws did not log anybody in.
 */
public final class HookAdvice {

    private HookAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void onReturn(@HookId int hookId,
                         @Advice.This(optional = true) Object self,
                         @Session Object session,
                         @UidSource Object uidSource) {
        OnlineUserBridge.hookReturned(hookId, self, session, uidSource);
    }

    /** The hook's index in the agent's table (a constant per instrumented method). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface HookId {
    }

    /** The root of the {@code session=} path. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Session {
    }

    /** The root of the {@code uid=} path, or null for hooks without uid. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface UidSource {
    }
}
