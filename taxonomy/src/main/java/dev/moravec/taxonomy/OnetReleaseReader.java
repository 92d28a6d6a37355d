package dev.moravec.taxonomy;

import dev.moravec.api.WorkActivity;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.engine.BadInputException;
import dev.moravec.taxonomy.internal.ReleaseFiles;
import dev.moravec.taxonomy.internal.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads an official O*NET text release (its folder or zip) and the optional files that complete it
 * into a {@link Release}. Occupation Data and Task Statements are required; every other file is used
 * when present and reported as skipped, with the reason, when not. A malformed row stops the read
 * with the file, line and field, since an official release has none.
 */
public final class OnetReleaseReader {

    /**
     * Files that complete a release.
     *
     * @param skills Skills in the O*NET column layout, or {@code null}
     * @param knowledge Knowledge in the O*NET column layout, or {@code null}
     * @param taskRatings the official Task Ratings file or a per-task summary CSV, or {@code null}
     * @param employment a BLS OEWS national employment file (CSV), or {@code null}
     * @param soc a SOC structure file whose titles override the built-in ones, or {@code null}
     */
    public record Options(Path skills, Path knowledge, Path taskRatings, Path employment, Path soc) {

        /** No extra files. */
        public static final Options NONE = new Options(null, null, null, null, null);
    }

    private static final Pattern ONET_SOC = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");
    private static final Pattern RELEASE_NAME = Pattern.compile("O\\*NET \\d{1,3}\\.\\d{1,2} Database");
    private static final List<String[]> DESCRIPTOR_FILES = List.of(
            new String[] {"Skills.txt", "skills"},
            new String[] {"Knowledge.txt", "knowledge"},
            new String[] {"Abilities.txt", "abilities"},
            new String[] {"Work Activities.txt", "workActivities"},
            new String[] {"Work Context.txt", "workContext"});

    private final Consumer<String> progress;
    private final List<String> used = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    /**
     * @param progress told a line per step
     */
    public OnetReleaseReader(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Reads a release.
     *
     * @param source the release's folder or zip
     * @param options the files that complete it
     * @return the release
     * @throws BadInputException if a required file is missing or a file is malformed
     * @throws IOException if a file cannot be read
     */
    public Release read(Path source, Options options) throws BadInputException, IOException {
        try (ReleaseFiles files = ReleaseFiles.open(source)) {
            return read(files, options);
        }
    }

    private Release read(ReleaseFiles files, Options options) throws BadInputException, IOException {
        String releaseName = readReleaseName(files);
        Map<String, Builder> occupations = readOccupations(files);
        List<TaskRow> tasks = readTasks(files, occupations);
        Map<String, WorkActivity> dwas = readActivities(files);
        Map<String, List<WorkActivity>> links = readTaskActivities(files, dwas, tasks);
        readJobZones(files, occupations);
        int alternates = readAlternateTitles(files, occupations);
        readEmergingTasks(files, occupations);
        readExamples(files, "Tools Used.txt", occupations, true);
        readExamples(files, "Technology Skills.txt", occupations, false);
        for (String[] descriptorFile : DESCRIPTOR_FILES) {
            Path override = descriptorFile[1].equals("skills") ? options.skills()
                    : descriptorFile[1].equals("knowledge") ? options.knowledge() : null;
            readDescriptors(files, descriptorFile[0], descriptorFile[1], override, occupations);
        }
        Map<String, TaskWeights> ratings = readTaskRatings(files, options.taskRatings());
        SocHierarchy hierarchy = SocHierarchy.builtIn();
        Map<String, String> titles = new HashMap<>();
        for (Builder occupation : occupations.values()) {
            if (occupation.code.endsWith(".00")) {
                titles.putIfAbsent(occupation.code.substring(0, 7), occupation.title);
            }
        }
        if (options.soc() != null) {
            titles.putAll(readSocTitles(options.soc()));
        }
        Map<String, Double> employment = Map.of();
        if (options.employment() != null) {
            Employment read = readEmployment(options.employment());
            titles.putAll(read.titles);
            employment = read.byCode;
        } else {
            skipped.add("employment: no --employment file given; families are weighted equally per occupation");
        }
        hierarchy = hierarchy.withTitles(titles);
        int withEmployment = assignEmployment(employment, occupations, hierarchy);

        Map<String, Occupation> built = new TreeMap<>();
        occupations.forEach((code, b) -> built.put(code, b.build()));
        List<TaxonomyTask> taxonomyTasks = new ArrayList<>(tasks.size());
        int rated = 0;
        int linkCount = 0;
        for (TaskRow row : tasks) {
            TaskWeights weights = ratings.getOrDefault(row.id, TaskWeights.NONE);
            if (weights.importance().isPresent() && weights.relevance().isPresent()) {
                rated++;
            }
            List<WorkActivity> activities = links.getOrDefault(row.code + "\t" + row.id, List.of());
            linkCount += activities.size();
            taxonomyTasks.add(new TaxonomyTask(new Task(row.id, row.statement, row.code, row.type, weights), activities));
        }
        ImportReport report = new ImportReport(files.source(), built.size(), taxonomyTasks.size(), linkCount, alternates,
                rated, withEmployment, used, skipped, releaseName);
        return new Release(built, taxonomyTasks, hierarchy, report);
    }

    /** The release's name, such as "O*NET 29.1 Database", from the first line of its Read Me; else null. */
    private String readReleaseName(ReleaseFiles files) throws IOException {
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
            used.add("Read Me.txt: " + name);
            return name;
        }
    }

    private Optional<Table> table(ReleaseFiles files, String fileName, List<String> required, String whyOptional)
            throws IOException, BadInputException {
        Optional<InputStream> in = files.open(fileName);
        if (in.isEmpty()) {
            if (whyOptional == null) {
                throw new BadInputException(fileName + " is missing from " + files.source()
                        + ": give the folder or zip of an O*NET text release (such as db_29_1_text)");
            }
            skipped.add(fileName + ": not in the release (" + whyOptional + ")");
            return Optional.empty();
        }
        progress.accept("reading " + fileName);
        return Optional.of(Table.open(fileName, in.get(), '\t', required));
    }

    private Map<String, Builder> readOccupations(ReleaseFiles files) throws IOException, BadInputException {
        Map<String, Builder> occupations = new LinkedHashMap<>();
        try (Table table = table(files, "Occupation Data.txt", List.of("O*NET-SOC Code", "Title"), null).orElseThrow()) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                String code = code(row);
                String title = row.get("Title");
                if (title.isEmpty()) {
                    throw new BadInputException(row.where("Title") + ": the occupation has no title");
                }
                Builder occupation = new Builder(code, title);
                String description = row.get("Description");
                occupation.description = description.isEmpty() ? null : description;
                occupations.put(code, occupation);
            }
        }
        used.add("Occupation Data.txt: " + occupations.size() + " occupations");
        return occupations;
    }

    private static String code(Table.Row row) throws BadInputException {
        String code = row.get("O*NET-SOC Code");
        if (!ONET_SOC.matcher(code).matches()) {
            throw new BadInputException(row.where("O*NET-SOC Code") + ": '" + code
                    + "' is not an O*NET-SOC code (##-####.##)");
        }
        return code;
    }

    private static Builder occupation(Map<String, Builder> occupations, Table.Row row) throws BadInputException {
        String code = code(row);
        Builder occupation = occupations.get(code);
        if (occupation == null) {
            throw new BadInputException(row.where("O*NET-SOC Code") + ": occupation " + code
                    + " is not in Occupation Data.txt; the release's files do not belong together");
        }
        return occupation;
    }

    private record TaskRow(String code, String id, String statement, TaskType type) {}

    private List<TaskRow> readTasks(ReleaseFiles files, Map<String, Builder> occupations)
            throws IOException, BadInputException {
        List<TaskRow> tasks = new ArrayList<>();
        try (Table table = table(files, "Task Statements.txt", List.of("O*NET-SOC Code", "Task ID", "Task"), null)
                .orElseThrow()) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                Builder occupation = occupation(occupations, row);
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
                occupation.tasks++;
            }
        }
        used.add("Task Statements.txt: " + tasks.size() + " tasks");
        return tasks;
    }

    private Map<String, WorkActivity> readActivities(ReleaseFiles files) throws IOException, BadInputException {
        Map<String, String> gwaTitles = new HashMap<>();
        Optional<Table> model = table(files, "Content Model Reference.txt", List.of("Element ID", "Element Name"),
                "generalized work activities get no titles");
        if (model.isPresent()) {
            try (Table table = model.get()) {
                for (Table.Row row = table.next(); row != null; row = table.next()) {
                    gwaTitles.put(row.get("Element ID"), row.get("Element Name"));
                }
            }
            used.add("Content Model Reference.txt: " + gwaTitles.size() + " elements");
        }
        Map<String, String> iwaTitles = new HashMap<>();
        Optional<Table> iwa = table(files, "IWA Reference.txt", List.of("IWA ID", "IWA Title"),
                "tasks get no intermediate work activities");
        if (iwa.isPresent()) {
            try (Table table = iwa.get()) {
                for (Table.Row row = table.next(); row != null; row = table.next()) {
                    iwaTitles.put(row.get("IWA ID"), row.get("IWA Title"));
                }
            }
            used.add("IWA Reference.txt: " + iwaTitles.size() + " intermediate work activities");
        }
        Map<String, WorkActivity> dwas = new HashMap<>();
        Optional<Table> dwa = table(files, "DWA Reference.txt", List.of("Element ID", "IWA ID", "DWA ID", "DWA Title"),
                "tasks get no detailed work activities");
        if (dwa.isPresent()) {
            try (Table table = dwa.get()) {
                for (Table.Row row = table.next(); row != null; row = table.next()) {
                    String gwa = row.get("Element ID");
                    String iwaId = row.get("IWA ID");
                    dwas.put(row.get("DWA ID"), new WorkActivity(row.get("DWA ID"), row.get("DWA Title"), iwaId,
                            iwaTitles.get(iwaId), gwa, gwaTitles.get(gwa)));
                }
            }
            used.add("DWA Reference.txt: " + dwas.size() + " detailed work activities");
        }
        return dwas;
    }

    private Map<String, List<WorkActivity>> readTaskActivities(ReleaseFiles files, Map<String, WorkActivity> dwas,
            List<TaskRow> tasks) throws IOException, BadInputException {
        Map<String, List<WorkActivity>> links = new HashMap<>();
        Optional<Table> opened = table(files, "Tasks to DWAs.txt", List.of("O*NET-SOC Code", "Task ID", "DWA ID"),
                "tasks are not linked to work activities");
        if (opened.isEmpty()) {
            return links;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        for (TaskRow task : tasks) {
            known.add(task.code + "\t" + task.id);
        }
        int count = 0;
        int unknown = 0;
        try (Table table = opened.get()) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                String key = code(row) + "\t" + row.get("Task ID");
                WorkActivity activity = dwas.get(row.get("DWA ID"));
                if (!known.contains(key) || activity == null) {
                    unknown++; // a link to a task or DWA this release does not hold: counted, not fatal
                    continue;
                }
                links.computeIfAbsent(key, k -> new ArrayList<>()).add(activity);
                count++;
            }
        }
        used.add("Tasks to DWAs.txt: " + count + " links" + (unknown > 0 ? " (" + unknown
                + " links to tasks or activities not in the release left out)" : ""));
        return links;
    }

    private void readJobZones(ReleaseFiles files, Map<String, Builder> occupations) throws IOException, BadInputException {
        Optional<Table> opened = table(files, "Job Zones.txt", List.of("O*NET-SOC Code", "Job Zone"),
                "occupations get no job zone");
        if (opened.isEmpty()) {
            return;
        }
        int count = 0;
        try (Table table = opened.get()) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                Builder occupation = occupation(occupations, row);
                try {
                    int zone = Integer.parseInt(row.get("Job Zone"));
                    if (zone < 1 || zone > 5) {
                        throw new NumberFormatException();
                    }
                    occupation.jobZone = zone;
                    count++;
                } catch (NumberFormatException e) {
                    throw new BadInputException(row.where("Job Zone") + ": '" + row.get("Job Zone")
                            + "' is not a job zone (1 to 5)");
                }
            }
        }
        used.add("Job Zones.txt: " + count + " job zones");
    }

    private int readAlternateTitles(ReleaseFiles files, Map<String, Builder> occupations)
            throws IOException, BadInputException {
        Optional<Table> opened = table(files, "Alternate Titles.txt", List.of("O*NET-SOC Code", "Alternate Title"),
                "job titles resolve through occupation titles only");
        if (opened.isEmpty()) {
            return 0;
        }
        int count = 0;
        try (Table table = opened.get()) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                Builder occupation = occupation(occupations, row);
                occupation.alternateTitles.add(row.get("Alternate Title"));
                String shortTitle = row.get("Short Title");
                if (!shortTitle.isEmpty() && !shortTitle.equalsIgnoreCase("n/a")) {
                    occupation.alternateTitles.add(shortTitle);
                }
                count++;
            }
        }
        used.add("Alternate Titles.txt: " + count + " alternate titles");
        return count;
    }

    private void readEmergingTasks(ReleaseFiles files, Map<String, Builder> occupations)
            throws IOException, BadInputException {
        Optional<Table> opened = table(files, "Emerging Tasks.txt", List.of("O*NET-SOC Code", "Task"),
                "occupations list no emerging tasks");
        if (opened.isEmpty()) {
            return;
        }
        int count = 0;
        try (Table table = opened.get()) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                occupation(occupations, row).emergingTasks.add(row.get("Task"));
                count++;
            }
        }
        used.add("Emerging Tasks.txt: " + count + " emerging tasks (listed with their occupations, not rated)");
    }

    private void readExamples(ReleaseFiles files, String fileName, Map<String, Builder> occupations, boolean tools)
            throws IOException, BadInputException {
        Optional<Table> opened = table(files, fileName, List.of("O*NET-SOC Code", "Example"),
                tools ? "occupations list no tools" : "occupations list no technology skills");
        if (opened.isEmpty()) {
            return;
        }
        int count = 0;
        try (Table table = opened.get()) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                Builder occupation = occupation(occupations, row);
                (tools ? occupation.tools : occupation.technologies).add(row.get("Example"));
                count++;
            }
        }
        used.add(fileName + ": " + count + (tools ? " tools" : " technology skills"));
    }

    private void readDescriptors(ReleaseFiles files, String fileName, String domain, Path override,
            Map<String, Builder> occupations) throws IOException, BadInputException {
        List<String> required = List.of("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value");
        Table opened;
        String name;
        if (override != null) {
            name = override.getFileName().toString();
            if (!Files.isRegularFile(override)) {
                throw new BadInputException(override + " does not exist: check the --" + domain + " path");
            }
            progress.accept("reading " + name);
            opened = Table.open(name, Files.newInputStream(override), '\t', required);
        } else {
            Optional<Table> table = table(files, fileName, required, "a large file the partial release lacks; "
                    + (domain.equals("skills") || domain.equals("knowledge") ? "give it with --" + domain : "optional"));
            if (table.isEmpty()) {
                return;
            }
            opened = table.get();
            name = fileName;
        }
        int count = 0;
        int unknown = 0;
        Map<String, Map<String, Double[]>> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (Table table = opened) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                String code = code(row);
                if (!occupations.containsKey(code)) {
                    unknown++;
                    continue;
                }
                String scale = row.get("Scale ID").toUpperCase(Locale.ROOT);
                int slot = switch (scale) {
                    case "IM" -> 0;
                    case "LV", "CX" -> 1;
                    default -> -1; // category scales (CT, CXP...) describe distributions, not one value
                };
                if (slot < 0) {
                    continue;
                }
                double value;
                try {
                    value = Double.parseDouble(row.get("Data Value"));
                } catch (NumberFormatException e) {
                    throw new BadInputException(row.where("Data Value") + ": '" + row.get("Data Value")
                            + "' is not a number");
                }
                String id = row.get("Element ID");
                names.put(id, row.get("Element Name"));
                values.computeIfAbsent(code, c -> new LinkedHashMap<>()).computeIfAbsent(id, i -> new Double[2])[slot] = value;
                count++;
            }
        }
        values.forEach((code, elements) -> elements.forEach((id, v) ->
                occupations.get(code).descriptors.add(new Descriptor(domain, id, names.get(id), v[0], v[1]))));
        used.add(name + ": " + count + " " + domain + " ratings for " + values.size() + " occupations"
                + (unknown > 0 ? " (" + unknown + " rows of occupations not in the release left out)" : ""));
    }

    private Map<String, TaskWeights> readTaskRatings(ReleaseFiles files, Path override)
            throws IOException, BadInputException {
        Map<String, TaskWeights> weights = new HashMap<>();
        Table table;
        String name;
        if (override != null) {
            if (!Files.isRegularFile(override)) {
                throw new BadInputException(override + " does not exist: check the --task-ratings path");
            }
            name = override.getFileName().toString();
            progress.accept("reading " + name);
            char separator = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? ',' : '\t';
            table = Table.open(name, Files.newInputStream(override), separator, List.of("Task ID"));
        } else {
            Optional<Table> opened = table(files, "Task Ratings.txt", List.of("Task ID", "Scale ID", "Data Value"),
                    "occupations weigh core tasks 2 and supplemental 1; give ratings with --task-ratings");
            if (opened.isEmpty()) {
                return weights;
            }
            table = opened.get();
            name = "Task Ratings.txt";
        }
        try (table) {
            if (table.has("Scale ID")) {
                readOfficialTaskRatings(table, weights);
            } else if (table.has("importance") && table.has("relevance")) {
                readSummaryTaskRatings(table, weights);
            } else {
                throw new BadInputException(name + ":1: neither the official Task Ratings layout (Scale ID, Data Value)"
                        + " nor a summary with importance and relevance columns");
            }
        }
        used.add(name + ": importance and relevance for " + weights.size() + " tasks");
        return weights;
    }

    private static void readOfficialTaskRatings(Table table, Map<String, TaskWeights> weights)
            throws IOException, BadInputException {
        Map<String, double[]> values = new HashMap<>(); // importance, relevance, frequency sum, frequency weight
        for (Table.Row row = table.next(); row != null; row = table.next()) {
            double[] v = values.computeIfAbsent(row.get("Task ID"), id -> new double[] {Double.NaN, Double.NaN, 0, 0});
            double value = number(row, "Data Value");
            switch (row.get("Scale ID").toUpperCase(Locale.ROOT)) {
                case "IM" -> v[0] = value;
                case "RT" -> v[1] = value;
                case "FT" -> {
                    double category = number(row, "Category");
                    v[2] += category * value;
                    v[3] += value;
                }
                default -> { }
            }
        }
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = e.getValue();
            weights.put(e.getKey(), weights(table, e.getKey(), v[0], v[1], v[3] > 0 ? v[2] / v[3] : Double.NaN));
        }
    }

    private static void readSummaryTaskRatings(Table table, Map<String, TaskWeights> weights)
            throws IOException, BadInputException {
        for (Table.Row row = table.next(); row != null; row = table.next()) {
            double importance = number(row, "importance");
            double relevance = number(row, "relevance");
            try {
                weights.put(row.get("Task ID"), new TaskWeights(OptionalDouble.of(importance), OptionalDouble.of(relevance),
                        OptionalDouble.empty()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(row.where(e.getMessage().startsWith("importance") ? "importance" : "relevance")
                        + ": " + e.getMessage());
            }
        }
    }

    private static TaskWeights weights(Table table, String taskId, double importance, double relevance,
            double frequency) throws BadInputException {
        try {
            return new TaskWeights(present(importance), present(relevance), present(frequency));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("task ratings of task " + taskId + ": " + e.getMessage());
        }
    }

    private static OptionalDouble present(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static double number(Table.Row row, String column) throws BadInputException {
        String text = row.get(column);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(row.where(column) + ": '" + text + "' is not a number");
        }
    }

    private Map<String, String> readSocTitles(Path file) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist: check the --soc path");
        }
        Map<String, String> titles = new HashMap<>();
        String name = file.getFileName().toString();
        progress.accept("reading " + name);
        String first = Files.newBufferedReader(file).readLine();
        if (first != null && first.contains(",")) {
            try (Table table = Table.open(name, Files.newInputStream(file), ',', List.of())) {
                boolean structure = table.has("Major Group");
                if (!structure && !(table.has("SOC Code") && table.has("SOC Title"))) {
                    throw new BadInputException(name + ":1: not a SOC structure file: expected the columns Major Group,"
                            + " Minor Group, Broad Occupation, Detailed Occupation (O*NET-SOC structure) or SOC Code,"
                            + " SOC Title");
                }
                for (Table.Row row = table.next(); row != null; row = table.next()) {
                    if (structure) {
                        String code = firstNonEmpty(row, "Detailed O*NET-SOC", "Detailed Occupation", "Broad Occupation",
                                "Minor Group", "Major Group");
                        if (code != null) {
                            titles.put(code, row.get("SOC or O*NET-SOC 2019 Title"));
                        }
                    } else {
                        titles.put(row.get("SOC Code"), row.get("SOC Title"));
                    }
                }
            }
        } else {
            // the BLS text list: "15-1252  Software Developers"
            long line = 0;
            for (String text : Files.readAllLines(file)) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                if (parts.length < 2 || !parts[0].matches("\\d{2}-\\d{4}")) {
                    if (line == 1) {
                        continue; // a header line
                    }
                    throw new BadInputException(name + ":" + line + ": expected a SOC code and its title");
                }
                titles.put(parts[0], parts[1].strip());
            }
        }
        used.add(name + ": " + titles.size() + " SOC titles");
        return titles;
    }

    private static String firstNonEmpty(Table.Row row, String... columns) {
        for (String column : columns) {
            if (!row.get(column).isEmpty()) {
                return row.get(column);
            }
        }
        return null;
    }

    private record Employment(Map<String, Double> byCode, Map<String, String> titles) {}

    private Employment readEmployment(Path file) throws IOException, BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist: check the --employment path");
        }
        String name = file.getFileName().toString();
        progress.accept("reading " + name);
        Map<String, Double> byCode = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        int suppressed = 0;
        try (Table table = Table.open(name, Files.newInputStream(file), ',', List.of("OCC_CODE", "OCC_TITLE", "TOT_EMP"))) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                if (table.has("I_GROUP") && !row.get("I_GROUP").isEmpty()
                        && !row.get("I_GROUP").equalsIgnoreCase("cross-industry")) {
                    continue; // industry breakdowns would count workers twice
                }
                String code = row.get("OCC_CODE");
                if (!code.matches("\\d{2}-\\d{4}") || code.equals("00-0000")) {
                    continue;
                }
                titles.put(code, row.get("OCC_TITLE"));
                String total = row.get("TOT_EMP").replace(",", "");
                if (total.isEmpty() || total.startsWith("*") || total.startsWith("#")) {
                    suppressed++;
                    continue;
                }
                try {
                    byCode.put(code, Double.parseDouble(total));
                } catch (NumberFormatException e) {
                    throw new BadInputException(row.where("TOT_EMP") + ": '" + row.get("TOT_EMP") + "' is not a number");
                }
            }
        }
        used.add(name + ": employment for " + byCode.size() + " SOC codes" + (suppressed > 0 ? " (" + suppressed
                + " suppressed values left out)" : ""));
        return new Employment(byCode, titles);
    }

    // a SOC code's employment is shared equally by the O*NET occupations below it; a detailed code
    // without figures borrows its broad group's, shared by the occupations that have none
    private int assignEmployment(Map<String, Double> employment, Map<String, Builder> occupations,
            SocHierarchy hierarchy) {
        if (employment.isEmpty()) {
            return 0;
        }
        Map<String, List<Builder>> byDetailed = new HashMap<>();
        for (Builder occupation : occupations.values()) {
            byDetailed.computeIfAbsent(hierarchy.groupOf(occupation.code, SocLevel.DETAILED), c -> new ArrayList<>())
                    .add(occupation);
        }
        Map<String, List<Builder>> orphansByBroad = new HashMap<>();
        Map<String, Double> broadCovered = new HashMap<>();
        int assigned = 0;
        for (Map.Entry<String, List<Builder>> e : byDetailed.entrySet()) {
            Double total = employment.get(e.getKey());
            String broad = hierarchy.groupOf(e.getKey(), SocLevel.BROAD);
            if (total != null) {
                for (Builder occupation : e.getValue()) {
                    occupation.employment = total / e.getValue().size();
                    assigned++;
                }
                broadCovered.merge(broad, total, Double::sum);
            } else {
                orphansByBroad.computeIfAbsent(broad, b -> new ArrayList<>()).addAll(e.getValue());
            }
        }
        for (Map.Entry<String, List<Builder>> e : orphansByBroad.entrySet()) {
            Double broadTotal = employment.get(e.getKey());
            if (broadTotal == null) {
                continue;
            }
            double remaining = broadTotal - broadCovered.getOrDefault(e.getKey(), 0.0);
            if (remaining <= 0) {
                continue;
            }
            for (Builder occupation : e.getValue()) {
                occupation.employment = remaining / e.getValue().size();
                assigned++;
            }
        }
        return assigned;
    }

    /** An occupation being read. */
    private static final class Builder {
        final String code;
        final String title;
        String description;
        Integer jobZone;
        Double employment;
        int tasks;
        final List<String> alternateTitles = new ArrayList<>();
        final List<Descriptor> descriptors = new ArrayList<>();
        final List<String> tools = new ArrayList<>();
        final List<String> technologies = new ArrayList<>();
        final List<String> emergingTasks = new ArrayList<>();

        Builder(String code, String title) {
            this.code = code;
            this.title = title;
        }

        Occupation build() {
            return new Occupation(code, title, description, jobZone, alternateTitles, employment, descriptors, tools,
                    technologies, emergingTasks);
        }
    }
}
