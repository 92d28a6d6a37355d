package dev.moravec.semantic;

import dev.moravec.api.Embedder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Task statements with transferability and verification cost targets, embedded, against which a new
 * task is compared. Read from a tab-separated file with the header {@code T, V, Group, Statement, Why}.
 * Immutable and thread-safe.
 */
final class Exemplars {

    /** One exemplar and its vector. */
    record Exemplar(String statement, double t, double v, String group, String why, float[] vector) {}

    private final List<Exemplar> exemplars;

    private Exemplars(List<Exemplar> exemplars) {
        this.exemplars = List.copyOf(exemplars);
    }

    /** @return the exemplars */
    List<Exemplar> all() {
        return exemplars;
    }

    /**
     * Reads and embeds exemplars.
     *
     * @param in the TSV; not closed
     * @param source its name, for messages
     * @param embedder the embedder
     * @return the exemplars
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if a row is malformed; the message names file and line
     */
    static Exemplars read(InputStream in, String source, Embedder embedder) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith("T\tV\t")) {
            throw new IllegalArgumentException(source + ":1: an exemplar file starts with the header T, V, Group,"
                    + " Statement, Why (tab-separated)");
        }
        long line = 1;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            String[] fields = text.split("\t", -1);
            if (fields.length < 4) {
                throw new IllegalArgumentException(source + ":" + line + ": " + fields.length
                        + " fields; an exemplar needs T, V, Group, Statement and Why");
            }
            rows.add(fields);
            lines.add(line);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no exemplars");
        }
        List<String> statements = rows.stream().map(r -> r[3].strip()).toList();
        List<float[]> vectors = embedder.embedAll(statements);
        List<Exemplar> exemplars = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            exemplars.add(new Exemplar(statements.get(i), unit(source, lines.get(i), "T", r[0]),
                    unit(source, lines.get(i), "V", r[1]), r[2].strip(), r.length > 4 ? r[4].strip() : "",
                    vectors.get(i)));
        }
        return new Exemplars(exemplars);
    }

    private static double unit(String source, long line, String field, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the place
        }
        throw new IllegalArgumentException(source + ":" + line + ": field '" + field + "': '" + text
                + "' is not a number in [0, 1]");
    }

    /**
     * The exemplars nearest to a vector, most similar first.
     *
     * @param vector a unit vector
     * @param k how many
     * @return the neighbours with their cosine similarity
     */
    List<Neighbour> nearest(float[] vector, int k) {
        Neighbour[] best = new Neighbour[Math.min(k, exemplars.size())];
        int filled = 0;
        for (Exemplar exemplar : exemplars) {
            double similarity = dot(vector, exemplar.vector());
            if (filled < best.length) {
                best[filled++] = new Neighbour(exemplar, similarity);
                java.util.Arrays.sort(best, 0, filled, java.util.Comparator.comparingDouble(Neighbour::similarity).reversed());
            } else if (similarity > best[best.length - 1].similarity()) {
                best[best.length - 1] = new Neighbour(exemplar, similarity);
                java.util.Arrays.sort(best, java.util.Comparator.comparingDouble(Neighbour::similarity).reversed());
            }
        }
        return List.of(best).subList(0, filled);
    }

    /** An exemplar and how similar it is. */
    record Neighbour(Exemplar exemplar, double similarity) {}

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
