package io.onlineuser.collector.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.jolokia.ConnectorTarget;
import org.junit.jupiter.api.Test;

/** The fan-out's bound, its queue and its deadline, with calls that never touch the network. */
class FanOutTest {

    @Test
    void everyCallIsAnsweredAndNoMoreThanTheBoundRunAtOnce() {
        List<ConnectorClient> clients = clients(50);
        try (FanOut fanOut = new FanOut(3)) {
            List<Outcome<String>> outcomes = fanOut.callAll(clients, client -> {
                pause(5);
                return client.target().url().toString();
            }, 30_000);

            assertThat(outcomes).allMatch(Outcome::succeeded);
            assertThat(outcomes).extracting(Outcome::value)
                    .containsExactlyElementsOf(clients.stream().map(c -> c.target().url().toString()).toList());
            assertThat(fanOut.progress().peakRunning()).isEqualTo(3);
            assertThat(fanOut.progress().answered()).isEqualTo(50);
        } finally {
            clients.forEach(ConnectorClient::close);
        }
    }

    /** Calls queued while the only worker is leaving must still run (a stranded one would time out here). */
    @Test
    void aCallQueuedAsTheLastWorkerLeavesIsNotStranded() {
        List<ConnectorClient> clients = clients(2);
        try (FanOut fanOut = new FanOut(1)) {
            for (int round = 0; round < 500; round++) {
                assertThat(fanOut.callAll(clients, client -> "ok", 30_000)).allMatch(Outcome::succeeded);
            }
        } finally {
            clients.forEach(ConnectorClient::close);
        }
    }

    @Test
    void aCallThatNeverStartedByTheDeadlineIsNamedAsNotAsked() throws InterruptedException {
        List<ConnectorClient> clients = clients(2);
        CountDownLatch release = new CountDownLatch(1);
        try (FanOut fanOut = new FanOut(1)) {
            List<Outcome<String>> outcomes = fanOut.callAll(clients, client -> {
                await(release);
                return "late";
            }, 200);

            assertThat(outcomes).noneMatch(Outcome::succeeded);
            assertThat(outcomes.get(0).failure().getMessage()).endsWith("no answer within 200 ms");
            assertThat(outcomes.get(1).failure().getMessage())
                    .endsWith("not asked within 200 ms: all 1 concurrent calls were busy (raise --concurrency)");
        } finally {
            release.countDown();
            clients.forEach(ConnectorClient::close);
        }
    }

    private static List<ConnectorClient> clients(int count) {
        List<ConnectorClient> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clients.add(new ConnectorClient(ConnectorTarget.parse("http://127.0.0.1:" + (1 + i) + "/jolokia"), 1_000));
        }
        return clients;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
