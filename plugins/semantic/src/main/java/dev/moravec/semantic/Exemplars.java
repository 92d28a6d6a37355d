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
 * Immutable and thread-safe. Public for the JMH benchmarks in {@code tools/bench}; the package stays
 * private to the bundle.
 */
public final class Exemplars {

    /** One exemplar and its vector. */
    public record Exemplar(String statement, double t, double v, String group, String why, float[] vector) {}

    private final List<Exemplar> exemplars;
    private final int dimension;
    /** The exemplars' vectors by dimension: dimension d of exemplar j at {@code d * size + j}. */
    private final float[] byDimension;

    private Exemplars(List<Exemplar> exemplars) {
        this.exemplars = List.copyOf(exemplars);
        this.dimension = exemplars.isEmpty() ? 0 : exemplars.get(0).vector().length;
        int size = exemplars.size();
        this.byDimension = new float[dimension * size];
        for (int j = 0; j < size; j++) {
            float[] vector = exemplars.get(j).vector();
            if (vector.length != dimension) {
                throw new IllegalArgumentException("exemplar vectors differ in length: " + vector.length + " and "
                        + dimension);
            }
            for (int d = 0; d < dimension; d++) {
                byDimension[d * size + j] = vector[d];
            }
        }
    }

    /** @return the exemplars */
    public List<Exemplar> all() {
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
    public static Exemplars read(InputStream in, String source, Embedder embedder) throws IOException {
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
     * The exemplars nearest to a vector, most similar first; of equally similar ones, the one listed first.
     *
     * @param vector a unit vector of the exemplars' dimension
     * @param k how many
     * @return the neighbours with their cosine similarity
     */
    public List<Neighbour> nearest(float[] vector, int k) {
        double[] similarities = similarities(vector);
        int[] best = new int[Math.min(k, exemplars.size())];
        int filled = 0;
        for (int j = 0; j < similarities.length; j++) {
            double similarity = similarities[j];
            int at;
            if (filled < best.length) {
                at = filled++;
            } else if (similarity > similarities[best[best.length - 1]]) {
                at = best.length - 1;
            } else {
                continue;
            }
            while (at > 0 && similarity > similarities[best[at - 1]]) { // an equal one listed earlier stays first
                best[at] = best[at - 1];
                at--;
            }
            best[at] = j;
        }
        List<Neighbour> neighbours = new ArrayList<>(filled);
        for (int i = 0; i < filled; i++) {
            neighbours.add(new Neighbour(exemplars.get(best[i]), similarities[best[i]]));
        }
        return neighbours;
    }

    /**
     * The dot product of a vector with every exemplar's: dimension by dimension across all exemplars at
     * once, four dimensions a pass, a loop the JIT compiles to vector instructions. Each sum adds the
     * same float products in the same order as {@code sum += a[i] * b[i]} over one exemplar, so the
     * results are the same to the last bit.
     */
    private double[] similarities(float[] vector) {
        if (vector.length != dimension && !exemplars.isEmpty()) {
            throw new IllegalArgumentException("a vector of " + vector.length + " dimensions cannot be compared with"
                    + " exemplars of " + dimension);
        }
        int size = exemplars.size();
        float[] m = byDimension;
        double[] sums = new double[size];
        int d = 0;
        for (; d + 4 <= dimension; d += 4) {
            float q0 = vector[d];
            float q1 = vector[d + 1];
            float q2 = vector[d + 2];
            float q3 = vector[d + 3];
            int r0 = d * size;
            int r1 = r0 + size;
            int r2 = r1 + size;
            int r3 = r2 + size;
            for (int j = 0; j < size; j++) {
                double sum = sums[j];
                sum += q0 * m[r0 + j];
                sum += q1 * m[r1 + j];
                sum += q2 * m[r2 + j];
                sum += q3 * m[r3 + j];
                sums[j] = sum;
            }
        }
        for (; d < dimension; d++) {
            float q = vector[d];
            int row = d * size;
            for (int j = 0; j < size; j++) {
                sums[j] += q * m[row + j];
            }
        }
        return sums;
    }

    /** An exemplar and how similar it is. */
    public record Neighbour(Exemplar exemplar, double similarity) {}
}
