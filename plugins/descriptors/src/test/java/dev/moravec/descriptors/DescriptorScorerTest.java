package dev.moravec.descriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.OccupationProfile;
import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.api.TaxonomyView;
import dev.moravec.api.VerificationMode;
import dev.moravec.api.WorkActivity;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptor scorer on a small fixture taxonomy and mapping, with ratings worked out by hand. */
class DescriptorScorerTest {

    private static final ScoringContext CONTEXT = ScoringContext.withTaxonomy(new FixtureTaxonomy());

    private static DescriptorScorer fixtureScorer() throws IOException, URISyntaxException {
        Path mapping = Path.of(DescriptorScorerTest.class.getResource("fixture-mapping.json").toURI());
        return new DescriptorScorer(mapping.toString(), "1.0.0");
    }

    private static Task task(String id, String occupation) {
        return new Task(id, "a task statement the scorer does not read", occupation, null, TaskWeights.NONE);
    }

    @Test
    void programmingTaskIsRatedFromItsActivitiesAndItsOccupation() throws Exception {
        Rating rating = fixtureScorer().rate(task("code", "15-1252.00"), CONTEXT);

        // activities: IWA 'Program...' (1.0, 0.1, weight 1) overrides its GWA; 'Analyzing Data' GWA (0.8, 0.3, 1);
        // occupation: Programming 4.6 and Computers 4.8 (both 1.0, 0.0), weight 0.5 * (0.84 + 0.92) / 3;
        // equipment: 8 of 9 items are software, weight 0.5 * 9 / 10; job zone 4 (T 0.6, weight 0.25)
        double occupation = 0.5 * (0.84 + 0.92) / 3;
        double t = (1.0 + 0.8 + occupation + 0.45 * 8 / 9.0 + 0.25 * 0.6) / (2 + occupation + 0.45 + 0.25);
        double v = (0.1 + 0.3 + 0.45 / 9.0) / (2 + occupation + 0.45);
        assertThat(rating.transferability().getAsDouble()).isCloseTo(t, within(1e-9));
        assertThat(rating.verificationCost().getAsDouble()).isCloseTo(v, within(1e-9));
        assertThat(rating.confidence()).isEqualTo(0.7);
        assertThat(rating.evidence()).contains(
                "activity 'Program computer systems or production equipment' (DWA 'Write computer programs') -> T 1.00, V 0.10",
                "activity 'Analyzing Data or Information' (DWA 'Analyze project data') -> T 0.80, V 0.30",
                "8 technology skills (Python, SQL, ...) and 1 tools (Computer servers) -> T 0.89, V 0.11",
                "job zone 4 -> T 0.60");
        assertThat(rating.evidence()).anySatisfy(e -> assertThat(e).startsWith(
                "occupation's skills and knowledge (Computers and Electronics 4.8, Programming 4.6)"));
        // Repairing is rated 1.2 for developers, under the minimum importance: it must not move the rating
        assertThat(String.join("\n", rating.evidence())).doesNotContain("Repairing");
    }

    @Test
    void repairTaskLandsLowOnTransferabilityAndHighOnVerificationCost() throws Exception {
        Rating rating = fixtureScorer().rate(task("rebuild", "49-3023.00"), CONTEXT);

        assertThat(rating.transferability().getAsDouble()).isLessThan(0.15);
        assertThat(rating.verificationCost().getAsDouble()).isGreaterThan(0.85);
        assertThat(rating.evidence().get(0)).contains("Repairing and Maintaining Mechanical Equipment");
    }

    @Test
    void factorsAreTheWeightedShareOfTheSignalsThatNameThemAndTheModeTheHeaviestVote() throws Exception {
        Rating rating = fixtureScorer().rate(task("rebuild", "49-3023.00"), CONTEXT);

        // signals: Repairing (weight 1; EMBODIMENT 0.8, TACIT 0.4), Handling (1; EMBODIMENT 1.0); skills and
        // knowledge (0.5 * (0.8 + 0.88) / 3; Repairing's TACIT 0.6 for 0.8 of 1.68 of it); equipment, 8 of 9
        // items tools (0.45; EMBODIMENT 0.5 * 8/9); job zone 3 (0.25; no factor)
        double occupation = 0.5 * (0.8 + 0.88) / 3;
        double total = 2 + occupation + 0.45 + 0.25;
        assertThat(rating.bottlenecks()).extracting(Bottleneck::factor)
                .containsExactly(BottleneckFactor.EMBODIMENT, BottleneckFactor.TACIT_KNOWLEDGE);
        assertThat(rating.bottlenecks().get(0).strength()).isCloseTo((0.8 + 1.0 + 0.45 * 0.5 * 8 / 9) / total, within(1e-9));
        assertThat(rating.bottlenecks().get(1).strength())
                .isCloseTo((0.4 + occupation * 0.6 * 0.8 / 1.68) / total, within(1e-9));
        assertThat(rating.bottlenecks().get(0).evidence()).containsExactly(
                "activity 'Handling and Moving Objects' (DWA 'Load materials into vehicles') (1.00); activity 'Repairing"
                        + " and Maintaining Mechanical Equipment' (DWA 'Rebuild parts or components') (0.80); and 1 more");
        assertThat(rating.verification()).hasValue(VerificationMode.PHYSICAL_CHECK);
        assertThat(rating.evidence()).last().asString().startsWith("verification PHYSICAL_CHECK: activity '");

        // a mapping without factors or modes names none
        Rating unnamed = fixtureScorer().rate(task("code", "15-1252.00"), CONTEXT);
        assertThat(unnamed.bottlenecks()).isEmpty();
        assertThat(unnamed.verification()).hasValue(VerificationMode.PROGRAM_CHECK); // 1 vote; 'Analyzing' 1: the cheaper
    }

    @Test
    void theBuiltInMappingNamesWhatHoldsEachTaskBackAndHowItIsChecked() throws Exception {
        DescriptorScorer scorer = new DescriptorScorer(null, "1.0.0");

        Rating lifting = scorer.rate(task("lift", "53-7062.00"), CONTEXT);
        assertThat(lifting.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.EMBODIMENT);
        assertThat(lifting.bottlenecks().get(0).strength()).isGreaterThan(0.6);
        assertThat(lifting.bottlenecks().get(0).evidence().get(0))
                .startsWith("activity 'Performing General Physical Activities' (DWA 'Move furniture')");
        assertThat(lifting.verification()).hasValue(VerificationMode.PHYSICAL_CHECK);

        Rating portal = scorer.rate(task("portal", "43-5011.00"), CONTEXT);
        assertThat(portal.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.COMPUTER_USE);

        Rating wine = scorer.rate(task("wine", "51-9061.00"), CONTEXT);
        assertThat(wine.bottlenecks()).extracting(Bottleneck::factor).startsWith(BottleneckFactor.PERCEPTION)
                .contains(BottleneckFactor.TASTE);

        Rating trial = scorer.rate(task("trial", "19-1013.00"), CONTEXT);
        assertThat(trial.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.SLOW_FEEDBACK);
        assertThat(trial.verification()).hasValue(VerificationMode.SLOW_OUTCOME);

        Rating theory = scorer.rate(task("argue", "25-1126.00"), CONTEXT);
        assertThat(theory.verification()).hasValue(VerificationMode.READER_EVIDENT);
        assertThat(theory.verificationCost().getAsDouble()).isLessThan(0.35);
        assertThat(theory.transferability().getAsDouble()).isGreaterThan(0.8);
        assertThat(theory.evidence()).last().asString()
                .startsWith("verification READER_EVIDENT: activity 'Develop scientific or mathematical theories or models'");

        Rating code = scorer.rate(task("code", "15-1252.00"), CONTEXT);
        assertThat(code.verification()).hasValue(VerificationMode.PROGRAM_CHECK);
        assertThat(code.verificationCost().getAsDouble()).isLessThan(0.3);
    }

    @Test
    void abilitiesAndWorkContextAddFactorsWhereTheReleaseHasThemAndLeaveTheAxes() throws Exception {
        DescriptorScorer scorer = new DescriptorScorer(null, "1.0.0");
        FixtureTaxonomy full = new FixtureTaxonomy();
        // the same taxonomy as a partial release has it: no abilities, no work context
        TaxonomyView partial = new TaxonomyView() {
            @Override
            public List<WorkActivity> activities(Task task) {
                return full.activities(task);
            }

            @Override
            public Optional<OccupationProfile> occupation(String code) {
                return full.occupation(code).map(p -> new OccupationProfile(p.code(), p.title(), p.jobZone(),
                        p.descriptors().stream().filter(d -> !d.domain().equals("abilities")
                                && !d.domain().equals("workContext")).toList(), p.tools(), p.technologies()));
            }
        };
        Rating withThem = scorer.rate(task("lift", "53-7062.00"), ScoringContext.withTaxonomy(full));
        Rating without = scorer.rate(task("lift", "53-7062.00"), ScoringContext.withTaxonomy(partial));

        assertThat(withThem.transferability()).isEqualTo(without.transferability());
        assertThat(withThem.verificationCost()).isEqualTo(without.verificationCost());
        assertThat(withThem.bottlenecks().get(0).evidence().get(0)).contains(
                "occupation's work context (Spend Time Using Your Hands to Handle, Control, or Feel Objects 4.6,"
                        + " Face-to-Face Discussions 2.0)");
        assertThat(without.bottlenecks().get(0).evidence().get(0)).doesNotContain("work context", "abilities");
    }

    @Test
    void taskKnownOnlyByItsOccupationIsRatedWithLowConfidence() throws Exception {
        Rating rating = fixtureScorer().rate(task("not-in-the-taxonomy", "15-1252.00"), CONTEXT);

        assertThat(rating.isAbstention()).isFalse();
        assertThat(rating.confidence()).isEqualTo(0.3);
        assertThat(rating.transferability().getAsDouble()).isGreaterThan(0.8);
        assertThat(rating.evidence()).noneSatisfy(e -> assertThat(e).startsWith("activity"));
    }

    @Test
    void abstainsWithoutATaxonomyOrALink() throws Exception {
        DescriptorScorer scorer = fixtureScorer();

        assertThat(scorer.rate(task("code", "15-1252.00"), ScoringContext.standalone()).evidence())
                .containsExactly("no taxonomy is imported, so no O*NET descriptors are known");
        Rating unlinked = scorer.rate(task("x", null), CONTEXT);
        assertThat(unlinked.isAbstention()).isTrue();
        assertThat(unlinked.evidence()).containsExactly("the taxonomy links neither the task nor its occupation");
        Rating bare = scorer.rate(task("x", "99-0001.00"), CONTEXT);
        assertThat(bare.isAbstention()).isTrue();
        assertThat(bare.evidence()).containsExactly("none of the task's descriptors is in the mapping");
    }

    @Test
    void versionCarriesTheMappingsFingerprint() throws Exception {
        String builtIn = new DescriptorScorer(null, "1.0.0").info().version();
        String fixture = fixtureScorer().info().version();

        assertThat(builtIn).startsWith("1.0.0+");
        assertThat(fixture).startsWith("1.0.0+").isNotEqualTo(builtIn);
    }

    @Test
    void badMappingsAreReportedWithTheirPlace(@TempDir Path dir) throws IOException {
        Path outside = dir.resolve("outside.json");
        Files.writeString(outside, """
                {"weights": {"activity": 1, "occupation": 1, "jobZone": 1, "minimumImportance": 3},
                 "generalizedActivities": {},
                 "skills": {"2.B.3.e": {"t": 1.5}}}
                """);
        assertThatThrownBy(() -> new DescriptorScorer(outside.toString(), "1"))
                .hasMessageContaining("skills.2.B.3.e.t = 1.5 is outside [0, 1]");

        Path malformed = dir.resolve("malformed.json");
        Files.writeString(malformed, "{\n  \"weights\": {\n    \"activity\": one\n  }\n}\n");
        assertThatThrownBy(() -> new DescriptorScorer(malformed.toString(), "1"))
                .hasMessageStartingWith(malformed + ":3: ");

        Path mode = dir.resolve("mode.json");
        Files.writeString(mode, """
                {"weights": {"activity": 1, "occupation": 1, "jobZone": 1, "minimumImportance": 3},
                 "generalizedActivities": {"4.A.3.a.1": {"t": 0.1, "mode": "BY_EYE"}}}
                """);
        assertThatThrownBy(() -> new DescriptorScorer(mode.toString(), "1"))
                .hasMessageStartingWith(mode + ":2: ").hasMessageContaining("\"BY_EYE\": not one of the values accepted");

        Path factor = dir.resolve("factor.json");
        Files.writeString(factor, """
                {"weights": {"activity": 1, "occupation": 1, "jobZone": 1, "minimumImportance": 3},
                 "generalizedActivities": {"4.A.3.a.1": {"t": 0.1, "factors": {"EMBODIMENT": 1.2}}}}
                """);
        assertThatThrownBy(() -> new DescriptorScorer(factor.toString(), "1"))
                .hasMessageContaining("generalizedActivities.4.A.3.a.1.factors.EMBODIMENT = 1.2 is outside [0, 1]");

        Path poles = dir.resolve("poles.json");
        Files.writeString(poles, """
                {"weights": {"activity": 1, "occupation": 1, "jobZone": 1, "minimumImportance": 3},
                 "generalizedActivities": {}, "toolsAndTechnology": {"software": {"t": 1}}}
                """);
        assertThatThrownBy(() -> new DescriptorScorer(poles.toString(), "1"))
                .hasMessageContaining("toolsAndTechnology needs exactly two entries, 'tools' and 'technology'");

        assertThatThrownBy(() -> new DescriptorScorer(dir.resolve("missing.json").toString(), "1"))
                .hasMessageContaining("cannot read the mapping file")
                .hasMessageContaining("scorers.descriptors.settings.mapping");
    }

    @Test
    void builtInMappingSeparatesPhysicalFromInformationWork() throws IOException {
        DescriptorMapping mapping;
        try (InputStream in = DescriptorScorer.class.getResourceAsStream("descriptors.json")) {
            mapping = DescriptorMapping.read(in.readAllBytes(), "descriptors.json");
        }
        // handling objects, controlling machines, operating vehicles, general physical work, caring for others
        for (String physical : List.of("4.A.3.a.2", "4.A.3.a.3", "4.A.3.a.4", "4.A.3.a.1", "4.A.4.a.5")) {
            assertThat(mapping.generalizedActivities().get(physical).t()).as(physical).isLessThan(0.5);
        }
        // analysing data, processing information, working with computers, documenting and recording
        for (String information : List.of("4.A.2.a.4", "4.A.2.a.2", "4.A.3.b.1", "4.A.3.b.6")) {
            assertThat(mapping.generalizedActivities().get(information).t()).as(information).isGreaterThan(0.7);
        }
        // programming, mathematics, writing against equipment maintenance and repairing
        for (String skill : List.of("2.B.3.e", "2.A.1.e", "2.A.1.c")) {
            assertThat(mapping.skill(skill).t()).as(skill).isGreaterThan(0.7);
        }
        for (String skill : List.of("2.B.3.j", "2.B.3.l")) {
            assertThat(mapping.skill(skill).t()).as(skill).isLessThan(0.3);
        }
        // law, computers against mechanical, building and construction
        for (String knowledge : List.of("2.C.8.b", "2.C.3.a")) {
            assertThat(mapping.knowledgeArea(knowledge).t()).as(knowledge).isGreaterThan(0.7);
        }
        for (String knowledge : List.of("2.C.3.e", "2.C.3.d")) {
            assertThat(mapping.knowledgeArea(knowledge).t()).as(knowledge).isLessThan(0.3);
        }
        assertThat(mapping.toolsPole().t()).isLessThan(mapping.technologyPole().t());
        assertThat(new String(DescriptorScorer.class.getResourceAsStream("descriptors.json").readAllBytes(),
                StandardCharsets.UTF_8)).contains("\"description\"");
    }
}
