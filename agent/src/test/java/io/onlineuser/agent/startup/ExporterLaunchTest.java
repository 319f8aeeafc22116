package io.onlineuser.agent.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fallback is fired by hand and the start runs on the calling thread: no timing involved. */
class ExporterLaunchTest {

    private final AtomicInteger starts = new AtomicInteger();
    private final List<Long> fallbackDelays = new ArrayList<>();
    private final List<Runnable> fallbacks = new ArrayList<>();
    private final ExporterLaunch launch = new ExporterLaunch(Runnable::run, (millis, task) -> {
        fallbackDelays.add(millis);
        fallbacks.add(task);
    }, starts::incrementAndGet);

    @Test
    void theHostListeningStartsThemOnceAndTheFallbackLaterDoesNothing() {
        launch.whenHostListensOrAfter(300);
        assertThat(fallbackDelays).containsExactly(300L);
        assertThat(starts).hasValue(0);

        launch.now();
        launch.now();
        assertThat(starts).hasValue(1);

        fallbacks.get(0).run();
        assertThat(starts).hasValue(1);
    }

    @Test
    void aHostThatNeverListensGetsThemAfterTheFallback() {
        launch.whenHostListensOrAfter(200);
        assertThat(starts).hasValue(0);

        fallbacks.get(0).run();
        assertThat(starts).hasValue(1);

        launch.now();
        assertThat(starts).hasValue(1);
    }
}
