package dev.moravec.taxonomy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Thresholds;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.testing.FixtureRelease;
import dev.moravec.testing.TestScorers;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analyst overrides and 90% intervals on the fixture release, classified by two scorers that disagree:
 * the word scorer of {@link Fixtures} and one that rates by the statement's length.
 */
class OverridesAndIntervalsTest {

    private static final LocalDate DATE = LocalDate.of(2026, 1, 31);

    @TempDir
    Path dir;

    private TaxonomyIndex index;

    @BeforeEach
    void classify() throws Exception {
        Release release = new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(),
                new OnetReleaseReader.Options(null, null, FixtureRelease.sharedExtra("task-ratings.csv"),
                        FixtureRelease.sharedExtra("employment.csv"), null));
        index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper());
        index.replace(release, line -> { });
        var lengths = TestScorers.of(new ScorerInfo("lengths", "1", "rates by length", EnumSet.allOf(Axis.class)),
                task -> {
                    int words = task.statement().split(" ").length;
                    return Rating.of(0.2 + 0.08 * (words % 8), 0.9 - 0.07 * (words % 9), 0.8, List.of(words + " words"));
                });
        try (ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(Fixtures.wordScorer("1"), lengths),
                EngineConfig.defaults(), 2)) {
            new TaxonomyClassifier(engine).classify(index, line -> { });
        }
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static AnalystOverride task(String occupation, String id, Double t, Double v) {
        return new AnalystOverride(occupation, id, t == null ? OptionalDouble.empty() : OptionalDouble.of(t),
                v == null ? OptionalDouble.empty() : OptionalDouble.of(v), null, "checked by hand", "analyst", DATE);
    }

    private static AnalystOverrides of(AnalystOverride... overrides) {
        return new AnalystOverrides(List.of(overrides), Thresholds.DEFAULT);
    }

    @Test
    void anOverriddenTaskMovesItsOccupationsScoreAndRankAndTheScorersVerdictStays() throws Exception {
        Rankings rankings = new Rankings(index);
        Rankings.Request occupations = new Rankings.Request("occupation", true, null, 10);
        Ranking plain = rankings.rank(occupations);
        AnalystOverrides overrides = of(task("47-2152.00", "921", 0.95, 0.05));
        Ranking adjusted = rankings.rank(occupations, null, new ViewOptions(overrides, null));

        OccupationDetails.Detail detail = new OccupationDetails(index).show("47-2152.00", new ViewOptions(overrides, null));
        // the oracle: the weighted mean of the tasks' S, each task's S from its T and V, task 921's from the override
        double weighted = 0;
        double total = 0;
        for (OccupationDetails.TaskLine line : detail.tasks()) {
            double t = line.taskId().equals("921") ? 0.95 : line.scores().transferability().getAsDouble();
            double v = line.taskId().equals("921") ? 0.05 : line.scores().verificationCost().getAsDouble();
            weighted += line.weight() * t * (1 - v);
            total += line.weight();
        }
        assertThat(row(adjusted, "47-2152.00").scores().score().getAsDouble()).isCloseTo(weighted / total, within(1e-9));
        assertThat(detail.score().score().getAsDouble()).isCloseTo(weighted / total, within(1e-9));
        assertThat(row(adjusted, "47-2152.00").scores().score().getAsDouble())
                .isGreaterThan(row(plain, "47-2152.00").scores().score().getAsDouble());
        assertThat(row(adjusted, "47-2152.00").overridden()).isEqualTo(1);
        assertThat(row(adjusted, "47-2111.00").overridden()).isZero();
        assertThat(adjusted.overrides()).isEqualTo(new OverrideReport(1, List.of()));

        OccupationDetails.TaskLine overridden = detail.tasks().stream().filter(l -> l.taskId().equals("921")).findFirst()
                .orElseThrow();
        assertThat(overridden.override().scores().quadrant()).isEqualTo(Quadrant.PURE_REASONING);
        assertThat(overridden.scores()).as("the scorers' verdict is kept").isEqualTo(
                new OccupationDetails(index).show("47-2152.00").tasks().stream().filter(l -> l.taskId().equals("921"))
                        .findFirst().orElseThrow().scores());
        assertThat(new OccupationDetails(index).show("47-2152.00").score()).isEqualTo(
                new OccupationDetails(index).show("47-2152.00", ViewOptions.PLAIN).score());

        // the family above it moves with it; the task ranking and the scatter show the task where the override puts it
        Ranking major = rankings.rank(new Rankings.Request("major", true, null, 10), null, new ViewOptions(overrides, null));
        assertThat(row(major, "47-0000").scores().score().getAsDouble())
                .isGreaterThan(row(rankings.rank(new Rankings.Request("major", true, null, 10)), "47-0000").scores()
                        .score().getAsDouble());
        assertThat(row(major, "47-0000").overridden()).isEqualTo(1);
        Ranking tasks = rankings.rank(new Rankings.Request("task", false, null, 1), null, new ViewOptions(overrides, null));
        assertThat(tasks.rows().get(0).taskId()).isEqualTo("921");
        assertThat(tasks.rows().get(0).overridden()).isEqualTo(1);
        TaskPoints.Point point = new TaskPoints(index).points(null, 100, null, overrides).points().stream()
                .filter(p -> p.id().equals("921")).findFirst().orElseThrow();
        assertThat(point.overridden()).isTrue();
        assertThat(point.scores().transferability().getAsDouble()).isEqualTo(0.95);
    }

    @Test
    void anOccupationOverrideSetsEveryTaskAndATaskOverrideWinsOverIt() throws Exception {
        AnalystOverrides overrides = of(
                new AnalystOverride("47-2111.00", null, OptionalDouble.empty(), OptionalDouble.empty(), Quadrant.LAGGING,
                        "robots cannot pull cable", "analyst", DATE),
                task("47-2111.00", "932", null, 0.1));
        OccupationDetails.Detail detail = new OccupationDetails(index).show("47-2111.00", new ViewOptions(overrides, null));
        for (OccupationDetails.TaskLine line : detail.tasks()) {
            if (line.taskId().equals("932")) {
                assertThat(line.override().override().taskId()).isEqualTo("932");
                assertThat(line.effectiveScores().verificationCost().getAsDouble()).isEqualTo(0.1);
                assertThat(line.effectiveScores().transferability()).isEqualTo(line.scores().transferability());
            } else {
                assertThat(line.override().override().quadrant()).isEqualTo(Quadrant.LAGGING);
                assertThat(line.effectiveScores().quadrant()).isEqualTo(Quadrant.LAGGING);
            }
        }
    }

    @Test
    void overridesOfTasksAndOccupationsTheTaxonomyLacksAreReportedNotApplied() throws Exception {
        AnalystOverride noTask = task("47-2152.00", "99999", 0.5, null);
        AnalystOverride noOccupation = task("99-9999.00", null, 0.5, null);
        Ranking ranking = new Rankings(index).rank(new Rankings.Request("occupation", true, null, 10), null,
                new ViewOptions(of(noTask, noOccupation), null));
        assertThat(ranking.overrides().applied()).isZero();
        assertThat(ranking.overrides().unknown()).containsExactly(noTask, noOccupation);
        assertThat(ranking.rows()).allSatisfy(r -> assertThat(r.overridden()).isZero());
        assertThat(ranking.rows()).extracting(r -> r.scores().score())
                .isEqualTo(new Rankings(index).rank(new Rankings.Request("occupation", true, null, 10)).rows().stream()
                        .map(r -> r.scores().score()).toList());
    }

    @Test
    void everyRankedRowHasAnIntervalAroundItsScoreAndARankRangeAroundItsRankTheSameForTheSameSeed() throws Exception {
        Rankings rankings = new Rankings(index);
        for (String level : List.of("task", "occupation", "detailed", "broad", "minor", "major")) {
            Rankings.Request request = new Rankings.Request(level, true, null, 100);
            ViewOptions view = new ViewOptions(AnalystOverrides.NONE, new IntervalSettings(200, 7));
            Ranking ranking = rankings.rank(request, null, view);
            assertThat(ranking.intervals()).isEqualTo(new IntervalSettings(200, 7));
            for (int i = 0; i < ranking.rows().size(); i++) {
                Ranking.Row row = ranking.rows().get(i);
                double score = row.scores().score().getAsDouble();
                assertThat(row.interval().low()).as(level + " " + row.code()).isLessThanOrEqualTo(score);
                assertThat(row.interval().high()).isGreaterThanOrEqualTo(score);
                assertThat(row.rankRange().low()).isBetween(1, i + 1);
                assertThat(row.rankRange().high()).isBetween(i + 1, ranking.rows().size());
            }
            assertThat(rankings.rank(request, null, view).rows()).isEqualTo(ranking.rows());
        }
        // plumbers' three tasks differ a lot, and the scorers disagree: their interval has a width
        Ranking occupations = rankings.rank(new Rankings.Request("occupation", true, null, 100), null,
                new ViewOptions(AnalystOverrides.NONE, IntervalSettings.DEFAULT));
        ScoreInterval plumbers = row(occupations, "47-2152.00").interval();
        assertThat(plumbers.high() - plumbers.low()).isGreaterThan(0.05);
        OccupationDetails.Standing standing = new OccupationDetails(index).show("47-2152.00",
                new ViewOptions(AnalystOverrides.NONE, IntervalSettings.DEFAULT)).standing();
        assertThat(standing.interval()).isEqualTo(plumbers);
        assertThat(standing.of()).isEqualTo(occupations.rows().size());
        assertThat(standing.range()).isEqualTo(row(occupations, "47-2152.00").rankRange());
        BottleneckShares.Row construction = new BottleneckShares(index).of("major", null,
                new ViewOptions(AnalystOverrides.NONE, IntervalSettings.DEFAULT)).rows().stream()
                .filter(r -> r.code().equals("47-0000")).findFirst().orElseThrow();
        assertThat(construction.interval()).isEqualTo(row(rankings.rank(new Rankings.Request("major", true, null, 10), null,
                new ViewOptions(AnalystOverrides.NONE, IntervalSettings.DEFAULT)), "47-0000").interval());
    }

    @Test
    void anAxisAnOverrideSetsIsNotResampled() throws Exception {
        AnalystOverrides overrides = of(new AnalystOverride("15-2021.00", null, OptionalDouble.of(0.8),
                OptionalDouble.of(0.3), null, "every task checked", "analyst", DATE));
        Ranking ranking = new Rankings(index).rank(new Rankings.Request("occupation", true, null, 10), null,
                new ViewOptions(overrides, IntervalSettings.DEFAULT));
        Ranking.Row mathematicians = row(ranking, "15-2021.00");
        assertThat(mathematicians.scores().score().getAsDouble()).isCloseTo(0.8 * 0.7, within(1e-12));
        assertThat(mathematicians.interval()).isEqualTo(new ScoreInterval(mathematicians.scores().score().getAsDouble(),
                mathematicians.scores().score().getAsDouble()));
    }

    private static Ranking.Row row(Ranking ranking, String code) {
        return ranking.rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }
}
