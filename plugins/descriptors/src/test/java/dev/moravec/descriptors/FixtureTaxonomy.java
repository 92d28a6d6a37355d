package dev.moravec.descriptors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.OccupationDescriptor;
import dev.moravec.api.OccupationProfile;
import dev.moravec.api.Task;
import dev.moravec.api.TaxonomyView;
import dev.moravec.api.WorkActivity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A small taxonomy written for these tests, in O*NET's ids: a few tasks linked to work activities, and
 * three occupations (a software developer, a mechanic, and one with no profile data); tasks that each
 * name one bottleneck factor or verification mode clearly, with their occupations; and, from
 * {@code contract-taxonomy.json}, the work activities and occupations of the plugin contract's sample
 * tasks, so that the contract test checks real ratings.
 */
final class FixtureTaxonomy implements TaxonomyView {

    static final WorkActivity ANALYSING_DATA = new WorkActivity("4.A.2.a.4.I09.D03", "Analyze project data",
            "4.A.2.a.4.I09", "Analyze data to inform operational decisions", "4.A.2.a.4", "Analyzing Data or Information");
    static final WorkActivity PROGRAMMING = new WorkActivity("4.A.3.b.1.I01.D02", "Write computer programs",
            "4.A.3.b.1.I01", "Program computer systems or production equipment", "4.A.3.b.1",
            "Working with Computers");
    static final WorkActivity REPAIRING = new WorkActivity("4.A.3.b.4.I01.D05", "Rebuild parts or components",
            "4.A.3.b.4.I01", "Repair equipment or systems", "4.A.3.b.4",
            "Repairing and Maintaining Mechanical Equipment");
    static final WorkActivity HANDLING = new WorkActivity("4.A.3.a.2.I02.D01", "Load materials into vehicles",
            "4.A.3.a.2.I02", "Move materials or objects", "4.A.3.a.2", "Handling and Moving Objects");

    /** Tasks that each name one bottleneck or one verification mode clearly, linked to O*NET's activity ids. */
    static final WorkActivity MOVING_FURNITURE = new WorkActivity("4.A.3.a.1.I10.D08", "Move furniture",
            "4.A.3.a.1.I10", "Move materials, equipment, or supplies", "4.A.3.a.1", "Performing General Physical Activities");
    static final WorkActivity ENTERING_DATA = new WorkActivity("4.A.3.b.1.I06.D06",
            "Enter information into databases or software programs", "4.A.3.b.1.I06", "Process digital or online data",
            "4.A.3.b.1", "Working with Computers");
    static final WorkActivity OPERATING_SYSTEMS = new WorkActivity("4.A.3.b.1.I05.D02", "Operate computer systems",
            "4.A.3.b.1.I05", "Operate computer systems or computerized equipment", "4.A.3.b.1", "Working with Computers");
    static final WorkActivity JUDGING_FOOD = new WorkActivity("4.A.2.a.1.I05.D04",
            "Evaluate quality of food ingredients or prepared foods", "4.A.2.a.1.I05", "Evaluate production inputs or outputs",
            "4.A.2.a.1", "Judging the Qualities of Objects, Services, or People");
    static final WorkActivity CROP_RESEARCH = new WorkActivity("4.A.1.a.1.I13.D02", "Research crop management methods",
            "4.A.1.a.1.I13", "Research agricultural processes or practices", "4.A.1.a.1", "Getting Information");
    static final WorkActivity SOCIAL_THEORY = new WorkActivity("4.A.2.b.2.I26.D04",
            "Develop theories or models of social phenomena", "4.A.2.b.2.I26",
            "Develop scientific or mathematical theories or models", "4.A.2.b.2", "Thinking Creatively");

    private final Map<String, List<WorkActivity>> activities = new HashMap<>();
    private final Map<String, OccupationProfile> occupations = new HashMap<>();

    FixtureTaxonomy() {
        activities.put("15-1252.00/code", List.of(PROGRAMMING, ANALYSING_DATA));
        activities.put("49-3023.00/rebuild", List.of(REPAIRING, HANDLING));
        occupations.put("15-1252.00", new OccupationProfile("15-1252.00", "Software Developers", OptionalInt.of(4),
                List.of(descriptor("skills", "2.B.3.e", "Programming", 4.6),
                        descriptor("knowledge", "2.C.3.a", "Computers and Electronics", 4.8),
                        descriptor("skills", "2.B.3.l", "Repairing", 1.2)),
                List.of("Computer servers"), List.of("Python", "SQL", "Git", "Java", "Jira", "Docker", "Bash", "Excel")));
        occupations.put("49-3023.00", new OccupationProfile("49-3023.00", "Automotive Service Technicians and Mechanics",
                OptionalInt.of(3),
                List.of(descriptor("skills", "2.B.3.l", "Repairing", 4.5),
                        descriptor("knowledge", "2.C.3.e", "Mechanical", 4.7)),
                List.of("Torque wrenches", "Hydraulic lifts", "Engine analyzers", "Socket sets", "Air hammers",
                        "Tire changers", "Jacks", "Multimeters"),
                List.of("Shop management software")));
        occupations.put("99-0001.00", new OccupationProfile("99-0001.00", "Occupation without data", OptionalInt.empty(),
                List.of(), List.of(), List.of()));
        addBottleneckTasks();
        readContractTasks();
    }

    // one task for each factor or mode the scorers must find; the movers' and tasters' occupations have the
    // abilities and work context a full release has, the others only what the shared partial release has
    private void addBottleneckTasks() {
        activities.put("53-7062.00/lift", List.of(MOVING_FURNITURE));
        occupations.put("53-7062.00", new OccupationProfile("53-7062.00", "Movers", OptionalInt.of(1),
                List.of(descriptor("abilities", "1.A.3.a.1", "Static Strength", 4.1),
                        descriptor("abilities", "1.A.4.a.1", "Near Vision", 3.0),
                        context("4.C.2.d.1.g", "Spend Time Using Your Hands to Handle, Control, or Feel Objects", 4.6),
                        context("4.C.1.a.2.l", "Face-to-Face Discussions", 2.0)),
                List.of("Hand trucks", "Furniture dollies", "Moving straps"), List.of()));
        activities.put("43-5011.00/portal", List.of(ENTERING_DATA, OPERATING_SYSTEMS));
        occupations.put("43-5011.00", new OccupationProfile("43-5011.00", "Freight Agents", OptionalInt.of(2),
                List.of(descriptor("knowledge", "2.C.1.b", "Administrative", 3.9)), List.of("Label printers"),
                List.of("Carrier booking portal", "Spreadsheets", "Shipment tracking software")));
        activities.put("51-9061.00/wine", List.of(JUDGING_FOOD));
        occupations.put("51-9061.00", new OccupationProfile("51-9061.00", "Tasters", OptionalInt.of(2),
                List.of(descriptor("abilities", "1.A.4.a.3", "Visual Color Discrimination", 4.0),
                        descriptor("knowledge", "2.C.2.b", "Food Production", 3.4)),
                List.of("Tasting glasses"), List.of()));
        activities.put("19-1013.00/trial", List.of(CROP_RESEARCH));
        occupations.put("19-1013.00", new OccupationProfile("19-1013.00", "Crop Scientists", OptionalInt.of(5),
                List.of(descriptor("knowledge", "2.C.4.d", "Biology", 4.4)), List.of(), List.of()));
        activities.put("25-1126.00/argue", List.of(SOCIAL_THEORY));
        occupations.put("25-1126.00", new OccupationProfile("25-1126.00", "Philosophy Teachers", OptionalInt.of(5),
                List.of(descriptor("knowledge", "2.C.7.e", "Philosophy and Theology", 4.8),
                        descriptor("knowledge", "2.C.7.a", "English Language", 4.3)), List.of(), List.of("Word processors")));
    }

    private static OccupationDescriptor context(String id, String name, double level) {
        return new OccupationDescriptor("workContext", id, name, OptionalDouble.empty(), OptionalDouble.of(level));
    }

    // the contract test's sample tasks: their activities by occupation and task id, and their occupations
    private void readContractTasks() {
        JsonNode fixture;
        try (InputStream in = FixtureTaxonomy.class.getResourceAsStream("contract-taxonomy.json")) {
            fixture = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fixture.path("tasks").properties().forEach(task -> {
            List<WorkActivity> linked = new ArrayList<>();
            for (JsonNode dwaId : task.getValue()) {
                JsonNode dwa = fixture.path("detailedActivities").path(dwaId.asText());
                String iwa = dwa.path("iwa").asText();
                String gwa = dwa.path("gwa").asText();
                linked.add(new WorkActivity(dwaId.asText(), dwa.path("title").asText(), iwa,
                        fixture.path("intermediateActivities").path(iwa).asText(null), gwa,
                        fixture.path("generalizedActivities").path(gwa).asText(null)));
            }
            activities.put(task.getKey(), linked);
        });
        fixture.path("occupations").properties().forEach(entry -> {
            JsonNode occupation = entry.getValue();
            List<OccupationDescriptor> descriptors = new ArrayList<>();
            for (String domain : List.of("skills", "knowledge")) {
                occupation.path(domain).properties().forEach(element -> descriptors.add(descriptor(domain,
                        element.getKey(), element.getValue().get(0).asText(), element.getValue().get(1).asDouble())));
            }
            occupations.put(entry.getKey(), new OccupationProfile(entry.getKey(), occupation.path("title").asText(),
                    OptionalInt.of(occupation.path("jobZone").asInt()), descriptors, strings(occupation.path("tools")),
                    strings(occupation.path("technologies"))));
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    private static OccupationDescriptor descriptor(String domain, String id, String name, double importance) {
        return new OccupationDescriptor(domain, id, name, OptionalDouble.of(importance), OptionalDouble.empty());
    }

    @Override
    public List<WorkActivity> activities(Task task) {
        return activities.getOrDefault(task.occupationCode() + "/" + task.id(), List.of());
    }

    @Override
    public Optional<OccupationProfile> occupation(String code) {
        return Optional.ofNullable(occupations.get(code));
    }
}
