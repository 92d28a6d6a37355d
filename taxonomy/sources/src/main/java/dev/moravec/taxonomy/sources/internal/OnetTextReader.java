package dev.moravec.taxonomy.sources.internal;

import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.api.WorkActivity;
import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the files of the O*NET text release itself: its name (Read Me), occupations, task statements,
 * work activities and the tasks' links to them, job zones, alternate titles, emerging tasks, tools and
 * technology skills. Occupation Data and Task Statements are required; the others are used when present.
 */
public final class OnetTextReader {

    private static final Pattern RELEASE_NAME = Pattern.compile("O\\*NET \\d{1,3}\\.\\d{1,2} Database");

    private final ReleaseFiles files;
    private final ReadLog log;

    private OnetTextReader(ReleaseFiles files, ReadLog log) {
        this.files = files;
        this.log = log;
    }

    /**
     * Reads a release's own files, in a fixed order, so the report lists them the same way every time.
     *
     * @param files the release
     * @param log told each file read or skipped
     * @return what the files hold
     * @throws BadInputException if a required file is missing or a file is malformed
     * @throws IOException if a file cannot be read
     */
    public static Content read(ReleaseFiles files, ReadLog log) throws IOException, BadInputException {
        OnetTextReader reader = new OnetTextReader(files, log);
        String name = reader.releaseName();
        Occupations occupations = reader.occupations();
        List<TaskRow> tasks = reader.tasks(occupations);
        Map<String, WorkActivity> activities = reader.activities();
        Map<String, List<WorkActivity>> links = reader.taskActivities(activities, tasks);
        reader.jobZones(occupations);
        int alternateTitles = reader.alternateTitles(occupations);
        reader.emergingTasks(occupations);
        reader.examples("Tools Used.txt", occupations, true);
        reader.examples("Technology Skills.txt", occupations, false);
        List<TaxonomyTask> unweighted = new ArrayList<>(tasks.size());
        for (TaskRow row : tasks) {
            unweighted.add(new TaxonomyTask(new Task(row.id, row.statement, row.code, row.type, TaskWeights.NONE),
                    links.getOrDefault(row.key(), List.of())));
        }
        return new Content(name, occupations, unweighted, alternateTitles);
    }

    /**
     * What the release's own files hold.
     *
     * @param releaseName the release's name, such as "O*NET 29.1 Database", or {@code null} when its Read Me
     *     lacks one
     * @param occupations the occupations, for the files read after these to complete
     * @param unweighted the tasks in release order, with their work activities, before any ratings are read
     * @param alternateTitles the number of alternate titles read
     */
    public record Content(String releaseName, Occupations occupations, List<TaxonomyTask> unweighted,
            int alternateTitles) {

        /**
         * The tasks with their weights.
         *
         * @param ratings weights by task id; a task without is {@link TaskWeights#NONE}
         * @return the tasks, in release order
         */
        public List<TaxonomyTask> tasks(Map<String, TaskWeights> ratings) {
            List<TaxonomyTask> tasks = new ArrayList<>(unweighted.size());
            for (TaxonomyTask read : unweighted) {
                Task task = read.task();
                tasks.add(new TaxonomyTask(new Task(task.id(), task.statement(), task.occupationCode(), task.type(),
                        ratings.getOrDefault(task.id(), TaskWeights.NONE)), read.activities()));
            }
            return tasks;
        }
    }

    /** A task statement as read. */
    private record TaskRow(String code, String id, String statement, TaskType type) {
        // Tasks to DWAs names a task by occupation and id
        String key() {
            return key(code, id);
        }

        static String key(String code, String id) {
            return code + "\t" + id;
        }
    }

    /** Reads one row of a file. */
    @FunctionalInterface
    private interface RowReader {
        void read(Table.Row row) throws BadInputException;
    }

    // every row of a file: how many there were, or -1 when the release lacks the (optional) file
    private int eachRow(String fileName, List<String> required, String whyOptional, RowReader reader)
            throws IOException, BadInputException {
        Optional<Table> opened = files.table(fileName, required, whyOptional, log);
        if (opened.isEmpty()) {
            return -1;
        }
        int rows = 0;
        try (Table table = opened.get()) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                reader.read(row);
                rows++;
            }
        }
        return rows;
    }

    /** The release's name, such as "O*NET 29.1 Database", from the first line of its Read Me; else null. */
    private String releaseName() throws IOException {
        Optional<InputStream> in = files.open("Read Me.txt");
        if (in.isEmpty()) {
            return null;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in.get(), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            String name = first == null ? "" : first.replace("\uFEFF", "").strip();
            if (!RELEASE_NAME.matcher(name).matches()) {
                return null;
            }
            log.used("Read Me.txt: " + name);
            return name;
        }
    }

    private Occupations occupations() throws IOException, BadInputException {
        Occupations occupations = new Occupations();
        eachRow("Occupation Data.txt", List.of("O*NET-SOC Code", "Title"), null, row -> {
            String code = Occupations.code(row);
            String title = row.get("Title");
            if (title.isEmpty()) {
                throw new BadInputException(row.where("Title") + ": the occupation has no title");
            }
            String description = row.get("Description");
            occupations.add(code, title).description = description.isEmpty() ? null : description;
        });
        log.used("Occupation Data.txt: " + occupations.size() + " occupations");
        return occupations;
    }

    private List<TaskRow> tasks(Occupations occupations) throws IOException, BadInputException {
        List<TaskRow> tasks = new ArrayList<>();
        eachRow("Task Statements.txt", List.of("O*NET-SOC Code", "Task ID", "Task"), null, row -> {
            OccupationBuilder occupation = occupations.of(row);
            String id = row.get("Task ID");
            String statement = row.get("Task");
            if (id.isEmpty()) {
                throw new BadInputException(row.where("Task ID") + ": the task has no id");
            }
            if (statement.isEmpty()) {
                throw new BadInputException(row.where("Task") + ": the task has no statement");
            }
            TaskType type;
            try {
                type = TaskType.parse(row.get("Task Type")).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(row.where("Task Type") + ": " + e.getMessage());
            }
            tasks.add(new TaskRow(occupation.code, id, statement, type));
        });
        log.used("Task Statements.txt: " + tasks.size() + " tasks");
        return tasks;
    }

    // the detailed work activities by id, each with the intermediate and generalized activity above it
    private Map<String, WorkActivity> activities() throws IOException, BadInputException {
        Map<String, String> gwaTitles = new HashMap<>();
        if (eachRow("Content Model Reference.txt", List.of("Element ID", "Element Name"),
                "generalized work activities get no titles",
                row -> gwaTitles.put(row.get("Element ID"), row.get("Element Name"))) >= 0) {
            log.used("Content Model Reference.txt: " + gwaTitles.size() + " elements");
        }
        Map<String, String> iwaTitles = new HashMap<>();
        if (eachRow("IWA Reference.txt", List.of("IWA ID", "IWA Title"), "tasks get no intermediate work activities",
                row -> iwaTitles.put(row.get("IWA ID"), row.get("IWA Title"))) >= 0) {
            log.used("IWA Reference.txt: " + iwaTitles.size() + " intermediate work activities");
        }
        Map<String, WorkActivity> dwas = new HashMap<>();
        if (eachRow("DWA Reference.txt", List.of("Element ID", "IWA ID", "DWA ID", "DWA Title"),
                "tasks get no detailed work activities", row -> {
                    String gwa = row.get("Element ID");
                    String iwaId = row.get("IWA ID");
                    dwas.put(row.get("DWA ID"), new WorkActivity(row.get("DWA ID"), row.get("DWA Title"), iwaId,
                            iwaTitles.get(iwaId), gwa, gwaTitles.get(gwa)));
                }) >= 0) {
            log.used("DWA Reference.txt: " + dwas.size() + " detailed work activities");
        }
        return dwas;
    }

    // each task's detailed work activities, by TaskRow.key
    private Map<String, List<WorkActivity>> taskActivities(Map<String, WorkActivity> dwas, List<TaskRow> tasks)
            throws IOException, BadInputException {
        Set<String> known = new HashSet<>();
        for (TaskRow task : tasks) {
            known.add(task.key());
        }
        Map<String, List<WorkActivity>> links = new HashMap<>();
        int[] count = new int[1];
        int rows = eachRow("Tasks to DWAs.txt", List.of("O*NET-SOC Code", "Task ID", "DWA ID"),
                "tasks are not linked to work activities", row -> {
                    String key = TaskRow.key(Occupations.code(row), row.get("Task ID"));
                    WorkActivity activity = dwas.get(row.get("DWA ID"));
                    // a link to a task or DWA this release does not hold: counted, not fatal
                    if (known.contains(key) && activity != null) {
                        links.computeIfAbsent(key, k -> new ArrayList<>()).add(activity);
                        count[0]++;
                    }
                });
        if (rows >= 0) {
            int unknown = rows - count[0];
            log.used("Tasks to DWAs.txt: " + count[0] + " links" + (unknown > 0 ? " (" + unknown
                    + " links to tasks or activities not in the release left out)" : ""));
        }
        return links;
    }

    private void jobZones(Occupations occupations) throws IOException, BadInputException {
        int count = eachRow("Job Zones.txt", List.of("O*NET-SOC Code", "Job Zone"), "occupations get no job zone", row -> {
            OccupationBuilder occupation = occupations.of(row);
            try {
                int zone = Integer.parseInt(row.get("Job Zone"));
                if (zone < 1 || zone > 5) {
                    throw new NumberFormatException();
                }
                occupation.jobZone = zone;
            } catch (NumberFormatException e) {
                throw new BadInputException(row.where("Job Zone") + ": '" + row.get("Job Zone")
                        + "' is not a job zone (1 to 5)");
            }
        });
        if (count >= 0) {
            log.used("Job Zones.txt: " + count + " job zones");
        }
    }

    private int alternateTitles(Occupations occupations) throws IOException, BadInputException {
        int count = eachRow("Alternate Titles.txt", List.of("O*NET-SOC Code", "Alternate Title"),
                "job titles resolve through occupation titles only", row -> {
                    OccupationBuilder occupation = occupations.of(row);
                    occupation.alternateTitles.add(row.get("Alternate Title"));
                    String shortTitle = row.get("Short Title");
                    if (!shortTitle.isEmpty() && !shortTitle.equalsIgnoreCase("n/a")) {
                        occupation.alternateTitles.add(shortTitle);
                    }
                });
        if (count < 0) {
            return 0;
        }
        log.used("Alternate Titles.txt: " + count + " alternate titles");
        return count;
    }

    private void emergingTasks(Occupations occupations) throws IOException, BadInputException {
        int count = eachRow("Emerging Tasks.txt", List.of("O*NET-SOC Code", "Task"), "occupations list no emerging tasks",
                row -> occupations.of(row).emergingTasks.add(row.get("Task")));
        if (count >= 0) {
            log.used("Emerging Tasks.txt: " + count + " emerging tasks (listed with their occupations, not rated)");
        }
    }

    private void examples(String fileName, Occupations occupations, boolean tools) throws IOException, BadInputException {
        int count = eachRow(fileName, List.of("O*NET-SOC Code", "Example"),
                tools ? "occupations list no tools" : "occupations list no technology skills", row -> {
                    OccupationBuilder occupation = occupations.of(row);
                    (tools ? occupation.tools : occupation.technologies).add(row.get("Example"));
                });
        if (count >= 0) {
            log.used(fileName + ": " + count + (tools ? " tools" : " technology skills"));
        }
    }
}
