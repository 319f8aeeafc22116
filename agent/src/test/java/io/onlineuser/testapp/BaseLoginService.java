package io.onlineuser.testapp;

/** A public base whose login a subclass inherits without a bridge. */
public class BaseLoginService {

    public void login(FakeSession session, String uid) {
        session.uid = uid;
    }

    public void logout(FakeSession session) {
        session.uid = null;
    }
}
