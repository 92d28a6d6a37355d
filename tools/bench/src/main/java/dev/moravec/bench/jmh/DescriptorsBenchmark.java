package dev.moravec.bench.jmh;

import dev.moravec.api.OccupationDescriptor;
import dev.moravec.api.OccupationProfile;
import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.api.TaxonomyView;
import dev.moravec.api.WorkActivity;
import dev.moravec.descriptors.DescriptorScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The descriptor scorer on one task, with an occupation profile the size of O*NET's (35 skills, 33
 * knowledge areas, tools and technology): a task the taxonomy knows only by its occupation (as a job
 * posting's), and one with its own work activities (as an O*NET task).
 */
@State(Scope.Thread)
public class DescriptorsBenchmark extends Benchmarks {

    private DescriptorScorer scorer;
    private ScoringContext context;
    private Task posting;
    private Task onetTask;

    @Setup
    public void setUp() throws Exception {
        scorer = new DescriptorScorer(null, "benchmark");
        List<OccupationDescriptor> descriptors = new ArrayList<>();
        for (String id : List.of("2.A.1.a", "2.A.1.b", "2.A.1.c", "2.A.1.d", "2.A.1.e", "2.A.1.f", "2.A.2.a", "2.A.2.b",
                "2.A.2.c", "2.A.2.d", "2.B.1.a", "2.B.1.b", "2.B.1.c", "2.B.1.d", "2.B.1.e", "2.B.1.f", "2.B.2.i",
                "2.B.3.a", "2.B.3.b", "2.B.3.c", "2.B.3.d", "2.B.3.e", "2.B.3.g", "2.B.3.h", "2.B.3.j", "2.B.3.k",
                "2.B.3.l", "2.B.3.m", "2.B.4.e", "2.B.4.g", "2.B.4.h", "2.B.5.a", "2.B.5.b", "2.B.5.c", "2.B.5.d")) {
            descriptors.add(new OccupationDescriptor("skills", id, "Skill " + id, OptionalDouble.of(2 + id.length() % 3),
                    OptionalDouble.of(3)));
        }
        for (int i = 1; i <= 33; i++) {
            String id = "2.C." + (1 + i % 10) + "." + (char) ('a' + i % 6);
            descriptors.add(new OccupationDescriptor("knowledge", id, "Knowledge " + id, OptionalDouble.of(1 + i % 5),
                    OptionalDouble.of(3)));
        }
        List<String> tools = new ArrayList<>();
        List<String> software = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tools.add("tool " + i);
            software.add("software " + i);
        }
        OccupationProfile profile = new OccupationProfile("15-1252.00", "Software Developers", OptionalInt.of(4),
                descriptors, tools, software);
        List<WorkActivity> activities = List.of(
                new WorkActivity("4.A.3.b.1.I01.D01", "Detailed activity one (bench text)", "4.A.3.b.1.I01",
                        "Intermediate activity one (bench text)", "4.A.3.b.1", "Working with Computers"),
                new WorkActivity("4.A.2.a.4.I03.D01", "Detailed activity two (bench text)", "4.A.2.a.4.I03",
                        "Intermediate activity two (bench text)", "4.A.2.a.4", "Analyzing Data or Information"));
        context = ScoringContext.withTaxonomy(new TaxonomyView() {
            @Override
            public List<WorkActivity> activities(Task task) {
                return task.id().equals("onet") ? activities : List.of();
            }

            @Override
            public Optional<OccupationProfile> occupation(String code) {
                return code.equals(profile.code()) ? Optional.of(profile) : Optional.empty();
            }
        });
        posting = new Task("posting", "Write unit tests for the billing service.", "15-1252.00", TaskType.CORE,
                TaskWeights.NONE);
        onetTask = new Task("onet", "Write and test code for new software.", "15-1252.00", TaskType.CORE,
                TaskWeights.NONE);
    }

    @Benchmark
    public Rating taskKnownByItsOccupation() {
        return scorer.rate(posting, context);
    }

    @Benchmark
    public Rating taskWithItsOwnActivities() {
        return scorer.rate(onetTask, context);
    }
}
