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
 * three occupations (a software developer, a mechanic, and one with no profile data); and, from
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
        readContractTasks();
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
