package dev.moravec.taxonomy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scenario;
import dev.moravec.scoring.Relief;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bottleneck shares, scenario rankings and scenario impacts on the fixture release, classified with a
 * scorer whose factors are known: tasks with pipes, cable and tools lag, held back by EMBODIMENT and
 * checked physically; the rest is pure reasoning or held back by slow feedback.
 */
class BottlenecksAndScenariosTest {

    @TempDir
    Path dir;

    private TaxonomyIndex index;
    private Release release;
    private final EngineConfig config = EngineConfig.defaults();

    @BeforeEach
    void classify() throws Exception {
        release = new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(
                null, null, FixtureRelease.sharedExtra("task-ratings.csv"), FixtureRelease.sharedExtra("employment.csv"), null));
        index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper());
        index.replace(release, line -> { });
        try (ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(Fixtures.wordScorer("1")), config, 2)) {
            new TaxonomyClassifier(engine).classify(index, line -> { });
        }
    }

    @Test
    void familiesNameTheFactorBehindTheirLaggingWork() throws Exception {
        try (TaxonomyIndex open = index) {
            BottleneckShares.Result result = new BottleneckShares(index).of("major", null);
            assertThat(result.rows()).extracting(BottleneckShares.Row::code).containsExactly("47-0000", "15-0000");
            BottleneckShares.Row construction = result.rows().get(0);
            assertThat(construction.laggingShare()).isPositive();
            assertThat(construction.dominant()).isEqualTo(BottleneckFactor.EMBODIMENT);
            // every lagging task of the fixture lags because of EMBODIMENT, its only factor
            assertThat(construction.ofLagging()).containsOnlyKeys(BottleneckFactor.EMBODIMENT);
            assertThat(construction.ofLagging().get(BottleneckFactor.EMBODIMENT)).isCloseTo(1.0, within(1e-9));
            assertThat(construction.workers().get(BottleneckFactor.EMBODIMENT))
                    .isCloseTo(construction.laggingShare() * construction.employment(), within(1e-6));
        }
    }

    @Test
    void roboticsMovesTheEmbodiedTasksAndNothingElse() throws Exception {
        try (TaxonomyIndex open = index) {
            Relief robotics = new Relief(Scenario.DEFAULTS.get("robotics"), config.thresholds());
            Rankings rankings = new Rankings(index);
            Ranking before = rankings.rank(new Rankings.Request("task", true, null, 100));
            Ranking after = rankings.rank(new Rankings.Request("task", true, null, 100), robotics);
            assertThat(after.scenario()).isEqualTo("robotics");
            Map<String, Ranking.Row> afterByTask = new HashMap<>();
            after.rows().forEach(r -> afterByTask.put(r.code() + "/" + r.taskId(), r));
            int embodied = 0;
            for (Ranking.Row row : before.rows()) {
                Ranking.Row moved = afterByTask.get(row.code() + "/" + row.taskId());
                if (row.bottleneck() == BottleneckFactor.EMBODIMENT) {
                    embodied++;
                    // T closes fully (EMBODIMENT fully relieved); V stays: nothing on V holds a physical check here
                    assertThat(moved.scores().transferability().getAsDouble()).isCloseTo(1.0, within(1e-12));
                    assertThat(moved.scores().verificationCost().getAsDouble()).isCloseTo(0.9, within(1e-12));
                    assertThat(moved.scores().quadrant()).isEqualTo(Quadrant.VERIFICATION_BOUND);
                } else {
                    assertThat(moved.scores()).isEqualTo(row.scores());
                }
            }
            assertThat(embodied).isPositive();

            ScenarioImpact.Result impact = new ScenarioImpact(index).of(robotics, config.thresholds(), "major", null, 5);
            assertThat(impact.changedQuadrant()).isEqualTo(embodied);
            assertThat(impact.transitions()).containsExactly(Map.entry("LAGGING -> VERIFICATION_BOUND", embodied));
            assertThat(impact.movedBy()).containsExactly(Map.entry(BottleneckFactor.EMBODIMENT, embodied));
            assertThat(impact.rises().get(0).code()).isEqualTo("47-0000");
            assertThat(impact.rises().get(0).delta()).isPositive();
            assertThat(impact.examples()).allSatisfy(t -> assertThat(t.movedBy()).containsExactly(BottleneckFactor.EMBODIMENT));
            // the employment that stops lagging: each occupation's employment times its lagging share, since
            // every lagging task here leaves LAGGING under robotics
            double expected = 0;
            for (Occupation occupation : release.occupations().values()) {
                OccupationScore score = new OccupationDetails(index).show(occupation.code()).score();
                if (score != null && occupation.employment() != null) {
                    expected += occupation.employment() * score.shares().getOrDefault(Quadrant.LAGGING, 0.0);
                }
            }
            assertThat(impact.employmentLeavingLagging()).isCloseTo(expected, within(1e-6));

            // within a family: only its tasks, occupations and subfamilies count
            int embodiedIn47 = 0;
            int tasksIn47 = 0;
            for (Ranking.Row row : before.rows()) {
                if (row.code().startsWith("47-")) {
                    tasksIn47++;
                    embodiedIn47 += row.bottleneck() == BottleneckFactor.EMBODIMENT ? 1 : 0;
                }
            }
            ScenarioImpact.Result within = new ScenarioImpact(index).of(robotics, config.thresholds(), "occupation", "47-0000", 5);
            assertThat(within.tasks()).isEqualTo(tasksIn47).isLessThan(impact.tasks());
            assertThat(within.changedQuadrant()).isEqualTo(embodiedIn47).isPositive();
            assertThat(within.rises()).isNotEmpty().allSatisfy(rise -> assertThat(rise.code()).startsWith("47-"));
            assertThat(within.examples()).allSatisfy(example -> assertThat(example.code()).startsWith("47-"));
        }
    }

    @Test
    void aScenarioThatRelievesNothingHereChangesNoRanking() throws Exception {
        try (TaxonomyIndex open = index) {
            Relief taste = new Relief(new Scenario("judges", "panels that agree on taste",
                    Map.of(BottleneckFactor.TASTE, 1.0)), config.thresholds());
            Rankings rankings = new Rankings(index);
            for (String level : new String[] {"occupation", "major"}) {
                Ranking plain = rankings.rank(new Rankings.Request(level, true, null, 100));
                Ranking under = rankings.rank(new Rankings.Request(level, true, null, 100), taste);
                assertThat(under.rows()).hasSameSizeAs(plain.rows());
                for (int i = 0; i < plain.rows().size(); i++) {
                    assertThat(under.rows().get(i).code()).isEqualTo(plain.rows().get(i).code());
                    assertThat(under.rows().get(i).scores().score().getAsDouble()).as(level + " " + plain.rows().get(i).code())
                            .isCloseTo(plain.rows().get(i).scores().score().getAsDouble(), within(1e-9));
                }
            }
        }
    }
}
