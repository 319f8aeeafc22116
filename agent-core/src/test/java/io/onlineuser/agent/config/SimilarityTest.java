package io.onlineuser.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTest {

    private static final List<String> KEYS = List.of("session", "uid", "reason");

    @Test
    void closestSuggestsOnlyWithinTheDistanceAndCaseCounts() {
        assertThat(Similarity.closest("sesion", KEYS, 2)).isEqualTo("session");
        assertThat(Similarity.closest("uidd", KEYS, 2)).isEqualTo("uid");
        assertThat(Similarity.closest("address", KEYS, 2)).isNull();
        assertThat(Similarity.closest("SESSION", KEYS, 2)).isNull();
        assertThat(Similarity.closest("uid", List.of(), 2)).isNull();
    }

    @Test
    void closestIgnoringCaseAlwaysSuggestsTheNearest() {
        assertThat(Similarity.closestIgnoringCase("SESSION", KEYS)).isEqualTo("session");
        assertThat(Similarity.closestIgnoringCase("Reasoning", KEYS)).isEqualTo("reason");
        assertThat(Similarity.closestIgnoringCase("x", List.of())).isNull();
    }

    @Test
    void tiesGoToTheFirstCandidate() {
        assertThat(Similarity.closest("ab", List.of("ax", "xb"), 2)).isEqualTo("ax");
        assertThat(Similarity.closestIgnoringCase("ab", List.of("xb", "ax"))).isEqualTo("xb");
    }
}
