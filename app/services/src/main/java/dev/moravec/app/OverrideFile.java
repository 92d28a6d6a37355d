package dev.moravec.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.CatalogFormat;
import dev.moravec.catalog.Column;
import dev.moravec.catalog.TextInput;
import dev.moravec.evaluation.TableRows;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import dev.moravec.model.Quadrant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A file of analyst overrides: CSV with a header, or JSON Lines, one override per row (the format
 * docs/commands.md documents). Fields, by name ignoring case and punctuation: {@code occupation} (an O*NET-SOC code,
 * or a SOC code meaning its {@code .00} occupation), {@code task} (the task's id; leave it empty to
 * override every task of the occupation), {@code transferability} and/or {@code verificationCost}
 * (numbers in [0, 1]) or {@code quadrant}, {@code reason}, {@code author}, {@code date}
 * ({@code YYYY-MM-DD}). A malformed row is refused with its file, line and field; so is a second
 * override of one target.
 */
public final class OverrideFile {

    /** The fields of an override and the names they are recognised by (letters and digits, lower case). */
    private enum Field {
        OCCUPATION("occupation", "occupationcode", "onetsoccode", "soccode", "code"),
        TASK("task", "taskid", "id"),
        TRANSFERABILITY("transferability", "t"),
        VERIFICATION_COST("verificationcost", "v"),
        QUADRANT("quadrant"),
        REASON("reason"),
        AUTHOR("author"),
        DATE("date");

        private final List<String> names;

        Field(String... names) {
            this.names = List.of(names);
        }

        static Field of(String name) {
            String letters = Column.normalise(name);
            for (Field field : values()) {
                if (field.names.contains(letters)) {
                    return field;
                }
            }
            return null;
        }
    }

    private final ObjectMapper mapper;

    /**
     * @param mapper the mapper JSON Lines are read and written with
     */
    public OverrideFile(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads an override file.
     *
     * @param file the file
     * @return the overrides, in file order
     * @throws IOException if the file cannot be read
     * @throws BadInputException if it is missing or a row is malformed; the message names file, line and field
     */
    public List<AnalystOverride> read(Path file) throws IOException, BadInputException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("override file " + file + " does not exist: check the --overrides path");
        }
        try (in) {
            return read(file.toString(), in);
        }
    }

    /**
     * Reads overrides from a stream.
     *
     * @param source the input's name, for messages and to recognise the format
     * @param raw the bytes; the caller closes them
     * @return the overrides, in order
     * @throws IOException if the stream cannot be read
     * @throws BadInputException if a row is malformed; the message names file, line and field
     */
    public List<AnalystOverride> read(String source, InputStream raw) throws IOException, BadInputException {
        InputStream text = TextInput.open(raw);
        String first = TextInput.firstLine(text);
        CatalogFormat format = CatalogFormat.fromFileName(source).orElseGet(() -> CatalogFormat.sniff(first));
        BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
        Rows rows = new Rows(source);
        switch (format) {
            case CSV, TSV -> {
                try (TableRows table = TableRows.open(source, reader, format)) {
                    List<Field> fields = new ArrayList<>();
                    for (String name : table.header()) {
                        fields.add(Field.of(name));
                    }
                    for (List<String> row = table.next(); row != null; row = table.next()) {
                        Map<Field, String> values = new HashMap<>();
                        for (int i = 0; i < row.size(); i++) {
                            if (fields.get(i) != null && !row.get(i).isBlank()) {
                                values.put(fields.get(i), row.get(i).strip());
                            }
                        }
                        rows.add(table.line(), values);
                    }
                }
            }
            case JSONL -> {
                long number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        rows.add(number, json(source, number, line));
                    }
                }
            }
            case JSON -> throw new BadInputException(source + ":1: overrides are read from CSV (with a header) or JSON"
                    + " Lines (one object per line), not one JSON array");
        }
        return rows.overrides;
    }

    private Map<Field, String> json(String source, long line, String text) throws BadInputException {
        JsonNode node;
        try {
            node = mapper.readTree(text.replace("\uFEFF", ""));
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ":" + line + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException(source + ":" + line + ": an override must be a JSON object");
        }
        Map<Field, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Field field = Field.of(entry.getKey());
            if (field != null && !entry.getValue().isNull() && !entry.getValue().asText().isBlank()) {
                values.put(field, entry.getValue().asText().strip());
            }
        }
        return values;
    }

    /** The overrides read so far, with the line of each target, to refuse a second one. */
    private static final class Rows {
        private final String source;
        private final List<AnalystOverride> overrides = new ArrayList<>();
        private final Map<String, Long> lineOfTarget = new LinkedHashMap<>();

        Rows(String source) {
            this.source = source;
        }

        void add(long line, Map<Field, String> values) throws BadInputException {
            String where = source + ":" + line + ": ";
            String code = values.get(Field.OCCUPATION);
            if (code == null) {
                throw new BadInputException(where + "field 'occupation' is missing: give the O*NET-SOC code of the"
                        + " occupation (of the task's occupation for a task)");
            }
            if (!OccupationCode.isValid(code)) {
                throw new BadInputException(where + "field 'occupation': '" + code
                        + "' is not an O*NET-SOC code (##-####.##) or SOC code (##-####)");
            }
            String occupation = OccupationCode.onetSocOf(code);
            AnalystOverride override;
            try {
                override = new AnalystOverride(occupation, values.get(Field.TASK),
                        number(where, "transferability", values.get(Field.TRANSFERABILITY)),
                        number(where, "verificationCost", values.get(Field.VERIFICATION_COST)),
                        quadrant(where, values.get(Field.QUADRANT)), values.get(Field.REASON), values.get(Field.AUTHOR),
                        date(where, values.get(Field.DATE)));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + e.getMessage(), e);
            }
            Long earlier = lineOfTarget.putIfAbsent(override.target(), line);
            if (earlier != null) {
                throw new BadInputException(where + "a second override for " + override.target() + " (the first is on"
                        + " line " + earlier + "): keep one");
            }
            overrides.add(override);
        }

        private static OptionalDouble number(String where, String field, String text) throws BadInputException {
            if (text == null) {
                return OptionalDouble.empty();
            }
            try {
                return OptionalDouble.of(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                throw new BadInputException(where + "field '" + field + "': '" + text + "' is not a number", e);
            }
        }

        private static Quadrant quadrant(String where, String text) throws BadInputException {
            if (text == null) {
                return null;
            }
            try {
                return Quadrant.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + "field 'quadrant': '" + text + "' is not PURE_REASONING,"
                        + " VERIFICATION_BOUND, KNOWLEDGE_BOUND or LAGGING", e);
            }
        }

        private static LocalDate date(String where, String text) throws BadInputException {
            if (text == null) {
                throw new BadInputException(where + "field 'date' is missing: say when the override was decided"
                        + " (YYYY-MM-DD)");
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new BadInputException(where + "field 'date': '" + text + "' is not a date YYYY-MM-DD", e);
            }
        }
    }

    /**
     * An override as one line of JSON Lines, as the data folder keeps them and {@link #read} reads them back.
     *
     * @param override the override
     * @return the JSON object
     */
    public ObjectNode json(AnalystOverride override) {
        ObjectNode node = mapper.createObjectNode();
        node.put("occupation", override.occupation());
        node.put("task", override.taskId());
        override.transferability().ifPresent(v -> node.put("transferability", v));
        override.verificationCost().ifPresent(v -> node.put("verificationCost", v));
        if (override.quadrant() != null) {
            node.put("quadrant", override.quadrant().name());
        }
        node.put("reason", override.reason());
        node.put("author", override.author());
        node.put("date", override.date().toString());
        return node;
    }
}
