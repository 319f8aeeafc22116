package io.onlineuser.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExporterLaunchTest {

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final AtomicInteger starts = new AtomicInteger();
    private final ExporterLaunch launch = new ExporterLaunch(background, starts::incrementAndGet);

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void theHostListeningStartsThemOnceAndTheFallbackLaterDoesNothing() throws InterruptedException {
        launch.whenHostListensOrAfter(300);
        assertThat(launch.launched()).isFalse();

        launch.now();
        launch.now();
        await().atMost(Duration.ofSeconds(10)).untilAtomic(starts, equalTo(1));
        Thread.sleep(600);
        assertThat(starts).hasValue(1);
    }

    @Test
    void aHostThatNeverListensGetsThemAfterTheFallback() {
        launch.whenHostListensOrAfter(200);

        await().atMost(Duration.ofSeconds(10)).untilAtomic(starts, equalTo(1));
        launch.now();
        assertThat(starts).hasValue(1);
    }
}
