package io.onlineuser.testapp;

/** Stands for a framework's socket interface, which shows no connection: its implementation holds one. */
public interface PlayerSocket {

    void send(String text);
}
