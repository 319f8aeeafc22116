package io.onlineuser.testapp;

/** A supertype an application's login services extend: hooked as {@code LoginService+}. */
public abstract class LoginService {

    public abstract void login(FakeSession session, String uid);

    public abstract void logout(FakeSession session);
}
