package io.onlineuser.testapp;

/** The class a user names in a hook; it declares nothing itself. */
public final class ArenaLoginService extends BaseLoginService {
}
