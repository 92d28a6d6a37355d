package dev.moravec.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.TaskType;
import dev.moravec.catalog.CatalogFormat;
import dev.moravec.catalog.Column;
import dev.moravec.catalog.JsonErrors;
import dev.moravec.catalog.TextInput;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads reference labels: TSV, CSV or JSON Lines with a header (or keys), optionally gzip-compressed,
 * such as a file with the columns {@code O*NET-SOC Code, Task ID, Task, Task Type, Title,
 * human_exposure}. Task columns are recognised as catalogs' are ({@link Column}); the label column is
 * found by its name, ignoring case. Every problem is an error naming file, line and value: a label
 * that is silently dropped or misread would skew every figure computed from the file.
 */
public final class LabelReader {

    /** The label column used when none is named. */
    public static final String DEFAULT_COLUMN = "human_exposure";


    private final ObjectMapper mapper;

    /**
     * @param mapper the mapper JSON Lines are read with
     */
    public LabelReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads a label file.
     *
     * @param file the file
     * @param column the label column's name, matched ignoring case
     * @param positive the positive values, or empty for the scale's default
     * @return the labels
     * @throws IOException if the file cannot be read
     * @throws BadInputException if the file is missing, lacks the label column or a task column, or holds
     *     a label no scale knows; the message names file and line
     */
    public LabelSet read(Path file, String column, List<String> positive) throws IOException, BadInputException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("label file " + file + " does not exist: check the --labels path");
        }
        try (in) {
            Path name = file.getFileName();
            return read(name == null ? file.toString() : name.toString(), in, column, positive);
        }
    }

    /**
     * Reads labels from a stream.
     *
     * @param name the input's name, for messages and to recognise the format
     * @param raw the bytes; the caller closes them
     * @param column the label column's name, matched ignoring case
     * @param positive the positive values, or empty for the scale's default
     * @return the labels
     * @throws IOException if the stream cannot be read
     * @throws BadInputException if the labels are wrong; the message names file and line
     */
    public LabelSet read(String name, InputStream raw, String column, List<String> positive)
            throws IOException, BadInputException {
        InputStream in;
        try {
            in = TextInput.open(raw);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new BadInputException(name + ": " + e.getMessage(), e);
        }
        String first = TextInput.firstLine(in);
        CatalogFormat format = CatalogFormat.fromFileName(name).orElseGet(() -> CatalogFormat.sniff(first));
        if (format == CatalogFormat.JSONL && first.strip().startsWith("[")) {
            format = CatalogFormat.JSON;
        }
        Labels labels = new Labels(name, column, positive);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        switch (format) {
            case TSV, CSV -> readTable(name, reader, format, labels);
            case JSONL -> readJsonLines(name, reader, labels);
            case JSON -> throw new BadInputException(name + ":1: labels as one JSON array are not read: write one"
                    + " JSON object per line (JSON Lines), or TSV or CSV with a header");
        }
        return labels.finish();
    }

    private void readTable(String name, BufferedReader reader, CatalogFormat format, Labels labels)
            throws IOException, BadInputException {
        try (TableRows table = TableRows.open(name, reader, format)) {
            Layout layout = Layout.of(name, 1, table.header(), labels.column, true);
            for (List<String> row = table.next(); row != null; row = table.next()) {
                labels.add(table.line(), layout, row);
            }
        }
    }

    private void readJsonLines(String name, BufferedReader reader, Labels labels) throws IOException, BadInputException {
        long number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line.replace("\uFEFF", ""));
            } catch (JsonProcessingException e) {
                throw new BadInputException(name + ":" + number + ": not valid JSON: " + JsonErrors.message(e), e);
            }
            if (node == null || !node.isObject()) {
                throw new BadInputException(name + ":" + number + ": a label record must be a JSON object");
            }
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            flatten(node, names, values);
            labels.add(number, Layout.of(name, number, names, labels.column, false), values);
        }
    }

    // Moravec's own output nests the occupation and carries input columns under "fields"
    private static void flatten(JsonNode object, List<String> names, List<String> values) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            if (entry.getKey().equals("occupation") && value.isObject()) {
                addValue(names, values, "occupationCode", value.get("code"));
                addValue(names, values, "occupationTitle", value.get("title"));
            } else if (entry.getKey().equals("fields") && value.isObject()) {
                flatten(value, names, values);
            } else if (value.isValueNode()) {
                addValue(names, values, entry.getKey(), value);
            }
        }
    }

    private static void addValue(List<String> names, List<String> values, String name, JsonNode value) {
        names.add(name);
        values.add(value == null || value.isNull() ? "" : value.asText());
    }

    /** Where the label and the task's columns are in a record. */
    private record Layout(List<String> names, int label, Map<Column, Integer> columns) {

        static Layout of(String source, long line, List<String> names, String column, boolean header)
                throws BadInputException {
            int label = -1;
            for (int i = 0; i < names.size() && label < 0; i++) {
                if (names.get(i).equalsIgnoreCase(column.strip())) {
                    label = i;
                }
            }
            for (int i = 0; i < names.size() && label < 0; i++) {
                if (Column.normalise(names.get(i)).equals(Column.normalise(column))) {
                    label = i;
                }
            }
            if (label < 0) {
                throw new BadInputException(source + ":" + line + ": no label column '" + column + "' among the "
                        + (header ? "columns " : "keys ") + dev.moravec.model.Quoted.list(names)
                        + ": name the label column with --label-column");
            }
            Map<Column, Integer> columns = new EnumMap<>(Column.class);
            for (int i = 0; i < names.size(); i++) {
                Optional<Column> recognised = i == label ? Optional.empty() : Column.recognise(names.get(i));
                if (recognised.isPresent()) {
                    Integer earlier = columns.putIfAbsent(recognised.get(), i);
                    if (earlier != null) {
                        throw new BadInputException(source + ":" + line + ": columns '" + names.get(earlier) + "' and '"
                                + names.get(i) + "' both give the " + recognised.get().label() + "; rename or remove one");
                    }
                }
            }
            if (!columns.containsKey(Column.ID) && !columns.containsKey(Column.STATEMENT)) {
                throw new BadInputException(source + ":" + line + ": neither a task id column ('Task ID', 'id') nor"
                        + " a task statement column ('Task', 'Statement') among " + dev.moravec.model.Quoted.list(names)
                        + ": without one, labels cannot be matched to tasks");
            }
            return new Layout(names, label, columns);
        }

        String value(Column column, List<String> values) {
            Integer i = columns.get(column);
            if (i == null) {
                return null;
            }
            String value = values.get(i);
            return value == null || value.isBlank() ? null : value.strip();
        }

        String name(Column column) {
            return names.get(columns.get(column));
        }
    }

    /** The labels read so far; the first label decides the scale. */
    private static final class Labels {
        private final String source;
        private final String column;
        private final List<String> requestedPositive;
        private final List<LabeledTask> tasks = new ArrayList<>();
        private final Map<String, Long> lineOfId = new HashMap<>();
        private LabelScale scale;
        private long scaleLine;
        private List<String> positiveValues;
        private Predicate<String> isPositive;
        private String columnName;

        Labels(String source, String column, List<String> requestedPositive) {
            this.source = source;
            this.column = column;
            this.requestedPositive = requestedPositive;
        }

        void add(long line, Layout layout, List<String> values) throws BadInputException {
            String where = source + ":" + line + ": ";
            String labelName = layout.names().get(layout.label());
            columnName = columnName == null ? labelName : columnName;
            String text = values.get(layout.label()) == null ? "" : values.get(layout.label()).strip();
            if (text.isEmpty()) {
                throw new BadInputException(where + "the label in column '" + labelName + "' is empty: give every"
                        + " task a label, or remove the line");
            }
            if (scale == null) {
                scale = LabelScale.recognise(text).orElseThrow(() -> new BadInputException(where + "label '" + text
                        + "' in column '" + labelName + "' is not a known value; known values are "
                        + LabelScale.allKnownValues()));
                scaleLine = line;
                choosePositive();
            }
            String label = scale.canonical(text).orElseThrow(() -> new BadInputException(where + "label '" + text
                    + "' in column '" + labelName + "' is not a known value; known values are " + scale.knownValues()
                    + " (line " + scaleLine + " has a " + scale.label() + " label, so the file is read on that scale)"));
            String id = layout.value(Column.ID, values);
            String statement = layout.value(Column.STATEMENT, values);
            if (id == null && statement == null) {
                throw new BadInputException(where + "the record has neither a task id nor a task statement, so it"
                        + " cannot be matched to a task");
            }
            String code = layout.value(Column.OCCUPATION_CODE, values);
            if (code != null && !OccupationCode.isValid(code)) {
                throw new BadInputException(where + "field '" + layout.name(Column.OCCUPATION_CODE)
                        + "': occupation code '" + code + "' is not an O*NET-SOC code (##-####.##) or SOC code (##-####)");
            }
            TaskType type;
            try {
                type = TaskType.parse(layout.value(Column.TASK_TYPE, values)).orElse(null);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + "field '" + layout.name(Column.TASK_TYPE) + "': " + e.getMessage(), e);
            }
            if (id != null) {
                Long earlier = lineOfId.putIfAbsent(id, line);
                if (earlier != null) {
                    throw new BadInputException(where + "task id " + id + " is labelled twice (first on line " + earlier
                            + "): keep one label per task");
                }
            }
            boolean positive = isPositive.test(label);
            tasks.add(new LabeledTask(line, id, statement, code, layout.value(Column.OCCUPATION_TITLE, values), type,
                    label, scale.value(label, positive), positive));
        }

        private void choosePositive() throws BadInputException {
            if (requestedPositive.isEmpty()) {
                positiveValues = scale.defaultPositive();
                if (scale == LabelScale.NUMERIC) {
                    isPositive = label -> LabelScale.number(label).orElseThrow() > 0;
                } else {
                    Set<String> set = Set.copyOf(positiveValues);
                    isPositive = set::contains;
                }
                return;
            }
            Set<String> canonical = new LinkedHashSet<>();
            Set<Double> numbers = new HashSet<>();
            for (String value : requestedPositive) {
                String c = scale.canonical(value).orElseThrow(() -> new BadInputException("--positive value '" + value
                        + "' is not a label of " + source + ", whose labels are " + scale.label() + "; known values are "
                        + scale.knownValues()));
                canonical.add(c);
                LabelScale.number(c).ifPresent(numbers::add);
            }
            positiveValues = List.copyOf(canonical);
            isPositive = scale == LabelScale.NUMERIC ? label -> numbers.contains(LabelScale.number(label).orElseThrow())
                    : canonical::contains;
        }

        LabelSet finish() throws BadInputException {
            if (tasks.isEmpty()) {
                throw new BadInputException(source + " has no labelled tasks: it needs a header line and one line per"
                        + " task with a '" + column + "' label");
            }
            long positives = tasks.stream().filter(LabeledTask::positive).count();
            if (positives == 0 || positives == tasks.size()) {
                throw new BadInputException(source + ": " + (positives == 0 ? "none" : "all") + " of the "
                        + tasks.size() + " labels are positive (" + String.join(", ", positiveValues) + "), so"
                        + " agreement cannot be measured: name the positive values with --positive");
            }
            return new LabelSet(source, columnName, scale, positiveValues, tasks);
        }
    }
}
