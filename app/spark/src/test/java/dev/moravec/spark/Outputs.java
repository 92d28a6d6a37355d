package dev.moravec.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads what the commands wrote: classify's JSON Lines, and the Spark job's part files. */
final class Outputs {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Outputs() {}

    /**
     * @param file a JSON Lines file
     * @return its lines by the records' ids, in file order
     * @throws AssertionError if an id comes twice
     */
    static Map<String, String> linesById(Path file) {
        return byId(lines(List.of(file)));
    }

    /**
     * @param dir a folder Spark wrote JSON Lines into (part files, maybe in partition folders)
     * @return every line by its record's id
     * @throws AssertionError if an id comes twice
     */
    static Map<String, String> sparkLinesById(Path dir) {
        return byId(lines(partFiles(dir, ".txt")));
    }

    /**
     * @param dir a folder Spark wrote into
     * @param suffix the part files' suffix
     * @return the part files, in every sub-folder
     */
    static List<Path> partFiles(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-") && f.toString().endsWith(suffix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param line a JSON record
     * @return it parsed
     */
    static JsonNode json(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file a summary.json
     * @return it parsed
     */
    static JsonNode summary(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param files text files
     * @return their lines that are not empty, file after file
     */
    static List<String> lines(List<Path> files) {
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    private static Map<String, String> byId(List<String> lines) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : lines) {
            String id = json(line).get("id").asText();
            if (byId.put(id, line) != null) {
                throw new AssertionError("task " + id + " is in the output twice");
            }
        }
        return byId;
    }
}
