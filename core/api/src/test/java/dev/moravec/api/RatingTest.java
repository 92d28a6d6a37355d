package dev.moravec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RatingTest {

    @Test
    void acceptsTheBoundsOfTheUnitInterval() {
        Rating rating = Rating.of(0.0, 1.0, 1.0, List.of("bounds"));
        assertThat(rating.transferability()).hasValue(0.0);
        assertThat(rating.verificationCost()).hasValue(1.0);
        assertThat(rating.value(Axis.VERIFICATION_COST)).hasValue(1.0);
    }

    @Test
    void refusesNaNInfinityAndValuesOutsideTheUnitInterval() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Rating.of(Double.NaN, 0.5, 0.5, List.of("x")))
                .withMessageContaining("transferability NaN is outside [0, 1]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Rating.of(0.5, 1.0000001, 0.5, List.of("x")))
                .withMessageContaining("verificationCost");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Rating.of(0.5, 0.5, Double.POSITIVE_INFINITY, List.of("x")))
                .withMessageContaining("confidence");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Rating.ofTransferability(-0.01, 0.5, List.of("x")))
                .withMessageContaining("-0.01");
    }

    @Test
    void refusesNullAxesAndBadEvidence() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Rating(null, OptionalDouble.empty(), 0, List.of()))
                .withMessageContaining("OptionalDouble.empty()");
        assertThatIllegalArgumentException().isThrownBy(() -> Rating.of(0.5, 0.5, 0.5, List.of(" ")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Rating.of(0.5, 0.5, 0.5, List.of("x".repeat(Rating.MAX_EVIDENCE_LENGTH + 1))));
    }

    @Test
    void evidenceIsCopiedSoTheRatingStaysImmutable() {
        List<String> evidence = new ArrayList<>(List.of("first"));
        Rating rating = Rating.of(0.5, 0.5, 0.5, evidence);
        evidence.add("second");
        assertThat(rating.evidence()).containsExactly("first");
    }

    @Test
    void abstentionHasNoValuesAndNoConfidence() {
        Rating rating = Rating.abstain("no cue matched");
        assertThat(rating.isAbstention()).isTrue();
        assertThat(rating.confidence()).isZero();
        assertThat(rating.evidence()).containsExactly("no cue matched");
        assertThat(Rating.ofVerificationCost(0.2, 0.4, List.of("tests")).isAbstention()).isFalse();
    }
}
