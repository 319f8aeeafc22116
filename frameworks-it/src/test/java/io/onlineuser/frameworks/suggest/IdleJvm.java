package io.onlineuser.frameworks.suggest;

import java.util.concurrent.CountDownLatch;

/** A JVM that is no server: loads no connection class, prints {@code idle}, and waits. */
public final class IdleJvm {

    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("idle");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
