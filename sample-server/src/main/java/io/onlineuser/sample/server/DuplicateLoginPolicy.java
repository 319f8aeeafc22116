package io.onlineuser.sample.server;

/** What a login does when its uid is already online (server option {@code --duplicate}). */
public enum DuplicateLoginPolicy {
    /** Answer {"code":500,"error":"DUPLICATE_LOGIN"}; the player already online stays. */
    REJECT,
    /** Kick the older session(s) with reason "duplicate login" and bind the new one. */
    KICK
}
