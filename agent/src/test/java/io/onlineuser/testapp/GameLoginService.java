package io.onlineuser.testapp;

/** The implementation a {@code LoginService+} hook must find without being named. */
public final class GameLoginService extends LoginService {

    @Override
    public void login(FakeSession session, String uid) {
        session.uid = uid;
    }

    @Override
    public void logout(FakeSession session) {
        session.uid = null;
    }
}
