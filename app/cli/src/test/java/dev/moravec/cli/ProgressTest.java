package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress bar's text, on a clock the test moves. */
class ProgressTest {

    private final AtomicLong clock = new AtomicLong();

    private void advance(double seconds) {
        clock.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void showsTheShareOfTheInputTheRateAndTheTimeLeft() {
        Progress.Bar bar = new Progress.Bar(1_000_000, clock::get);
        advance(2);
        assertThat(bar.update(20_000, 100_000)).isEqualTo(
                "Classifying  10% [==                      ] 20,000 tasks, 10,000 tasks/s, 0:02 elapsed, 0:18 left   ");
        advance(2);
        assertThat(bar.update(40_000, 200_000))
                .startsWith("Classifying  20% [=====                   ] 40,000 tasks, 10,000 tasks/s, 0:04 elapsed, 0:16 left");
    }

    @Test
    void theRateFollowsTheLastSecondsSoAResumedRunsQuickSkipPasses() {
        Progress.Bar bar = new Progress.Bar(10_000_000, clock::get);
        advance(1);
        bar.update(5_000_000, 5_000_000); // the records the output already held, skipped at once
        for (int i = 1; i <= 20; i++) {
            advance(1);
            bar.update(5_000_000 + i * 1_000L, 5_000_000 + i * 1_000L);
        }
        assertThat(bar.line()).contains("5,020,000 tasks, 1,000 tasks/s, 0:21 elapsed, 1:23:00 left");
    }

    @Test
    void withoutAKnownSizeShowsNoShareAndNoTimeLeft() {
        Progress.Bar bar = new Progress.Bar(-1, clock::get);
        advance(3723);
        assertThat(bar.update(7_446, 1234)).isEqualTo("Classifying 7,446 tasks, 2 tasks/s, 1:02:03 elapsed   ");
    }
}
