package dev.moravec.taxonomy.sources.internal;

import dev.moravec.api.TaskWeights;
import dev.moravec.model.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the tasks' importance, relevance and frequency: from the official Task Ratings file (one row
 * per task and scale, frequency as a distribution over categories) or from a summary with one row per
 * task and the columns {@code importance} and {@code relevance}, tab- or comma-separated.
 */
public final class TaskRatingsReader {

    private TaskRatingsReader() {}

    /**
     * Reads the ratings of the release, or of a file given apart.
     *
     * @param files the release
     * @param given a ratings file that replaces the release's, or {@code null}
     * @param log told the file read, or skipped
     * @return weights by task id; empty when there are no ratings
     * @throws BadInputException if the given file is missing, is in neither layout, or holds a bad value
     * @throws IOException if the file cannot be read
     */
    public static Map<String, TaskWeights> read(ReleaseFiles files, Path given, ReadLog log)
            throws IOException, BadInputException {
        Map<String, TaskWeights> weights = new HashMap<>();
        Table table;
        String name;
        if (given != null) {
            name = log.reading(given, "task-ratings");
            char separator = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? ',' : '\t';
            table = Table.open(name, Files.newInputStream(given), separator, List.of("Task ID"));
        } else {
            Optional<Table> opened = files.table("Task Ratings.txt", List.of("Task ID", "Scale ID", "Data Value"),
                    "occupations weigh core tasks 2 and supplemental 1; give ratings with --task-ratings", log);
            if (opened.isEmpty()) {
                return weights;
            }
            table = opened.get();
            name = "Task Ratings.txt";
        }
        try (table) {
            if (table.has("Scale ID")) {
                readOfficial(table, weights);
            } else if (table.has("importance") && table.has("relevance")) {
                readSummary(table, weights);
            } else {
                throw new BadInputException(name + ":1: neither the official Task Ratings layout (Scale ID, Data Value)"
                        + " nor a summary with importance and relevance columns");
            }
        }
        log.used(name + ": importance and relevance for " + weights.size() + " tasks");
        return weights;
    }

    private static void readOfficial(Table table, Map<String, TaskWeights> weights)
            throws IOException, BadInputException {
        Map<String, double[]> values = new HashMap<>(); // importance, relevance, frequency sum, frequency weight
        for (Table.Row row = table.next(); row != null; row = table.next()) {
            double[] v = values.computeIfAbsent(row.get("Task ID"), id -> new double[] {Double.NaN, Double.NaN, 0, 0});
            double value = row.number("Data Value");
            switch (row.get("Scale ID").toUpperCase(Locale.ROOT)) {
                case "IM" -> v[0] = value;
                case "RT" -> v[1] = value;
                case "FT" -> {
                    // frequency is a distribution over categories 1 to 7: its mean is the task's frequency
                    v[2] += row.number("Category") * value;
                    v[3] += value;
                }
                default -> { }
            }
        }
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            double[] v = e.getValue();
            try {
                weights.put(e.getKey(), new TaskWeights(present(v[0]), present(v[1]),
                        present(v[3] > 0 ? v[2] / v[3] : Double.NaN)));
            } catch (IllegalArgumentException ex) {
                throw new BadInputException("task ratings of task " + e.getKey() + ": " + ex.getMessage());
            }
        }
    }

    private static void readSummary(Table table, Map<String, TaskWeights> weights)
            throws IOException, BadInputException {
        for (Table.Row row = table.next(); row != null; row = table.next()) {
            double importance = row.number("importance");
            double relevance = row.number("relevance");
            try {
                weights.put(row.get("Task ID"), new TaskWeights(OptionalDouble.of(importance), OptionalDouble.of(relevance),
                        OptionalDouble.empty()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(row.where(e.getMessage().startsWith("importance") ? "importance" : "relevance")
                        + ": " + e.getMessage());
            }
        }
    }

    private static OptionalDouble present(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
