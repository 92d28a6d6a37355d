package dev.moravec.semantic;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Embedder;
import dev.moravec.api.VerificationMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Task statements with transferability and verification cost targets, a verification mode and the
 * bottleneck factors that hold them back, embedded, against which a new task is compared. Read from a
 * tab-separated file whose header names its columns, in any order: {@code T}, {@code V}, {@code Group}
 * and {@code Statement}, and optionally {@code Why}, {@code Mode} (one of {@link VerificationMode}, or
 * empty) and {@code Factors} (such as {@code EMBODIMENT 0.9, PERCEPTION 0.3}, or empty). Immutable and
 * thread-safe. Public for the JMH benchmarks in {@code tools/bench}; the package stays private to the
 * bundle.
 */
public final class Exemplars {

    /** The columns an exemplar file must have. */
    private static final List<String> REQUIRED = List.of("T", "V", "Group", "Statement");
    /** The columns it may have besides. */
    private static final List<String> OPTIONAL = List.of("Why", "Mode", "Factors");

    /**
     * One exemplar and its vector.
     *
     * @param statement the task statement
     * @param t its transferability
     * @param v its verification cost
     * @param group its SOC major group
     * @param why why it sits where it does
     * @param mode how an attempt at it is checked, or {@code null} when the file does not say
     * @param factors the bottleneck factors that hold it back, with their strengths; empty when none
     * @param vector its embedding
     */
    public record Exemplar(String statement, double t, double v, String group, String why, VerificationMode mode,
            Map<BottleneckFactor, Double> factors, float[] vector) {}

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
        Map<String, Integer> columns = header(source, reader.readLine());
        long line = 1;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            String[] fields = text.split("\t", -1);
            for (String required : REQUIRED) {
                if (columns.get(required) >= fields.length) {
                    throw new IllegalArgumentException(source + ":" + line + ": " + fields.length
                            + " fields; an exemplar needs " + String.join(", ", REQUIRED) + " in the header's columns");
                }
            }
            rows.add(fields);
            lines.add(line);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no exemplars");
        }
        List<String> statements = rows.stream().map(r -> r[columns.get("Statement")].strip()).toList();
        List<float[]> vectors = embedder.embedAll(statements);
        List<Exemplar> exemplars = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = source + ":" + lines.get(i);
            exemplars.add(new Exemplar(statements.get(i), unit(where, "T", r[columns.get("T")]),
                    unit(where, "V", r[columns.get("V")]), r[columns.get("Group")].strip(), field(r, columns, "Why"),
                    mode(where, field(r, columns, "Mode")), factors(where, field(r, columns, "Factors")), vectors.get(i)));
        }
        return new Exemplars(exemplars);
    }

    private static Map<String, Integer> header(String source, String header) {
        String expected = source + ":1: an exemplar file starts with the header T, V, Group, Statement (tab-separated;"
                + " optionally also Why, Mode, Factors)";
        if (header == null) {
            throw new IllegalArgumentException(expected);
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        String[] names = header.split("\t", -1);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                throw new IllegalArgumentException(columns.isEmpty() && !name.equals("T") ? expected
                        : source + ":1: unknown column '" + name + "'; the columns are " + String.join(", ", REQUIRED)
                                + " and optionally " + String.join(", ", OPTIONAL));
            }
            columns.put(name, i);
        }
        if (!columns.keySet().containsAll(REQUIRED)) {
            throw new IllegalArgumentException(expected);
        }
        return columns;
    }

    private static String field(String[] row, Map<String, Integer> columns, String name) {
        Integer at = columns.get(name);
        return at == null || at >= row.length ? "" : row[at].strip();
    }

    private static VerificationMode mode(String where, String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return VerificationMode.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field 'Mode': '" + text + "' is not one of "
                    + Arrays.toString(VerificationMode.values()));
        }
    }

    /** Factors as {@code EMBODIMENT 0.9, PERCEPTION 0.3}; empty for none. */
    private static Map<BottleneckFactor, Double> factors(String where, String text) {
        Map<BottleneckFactor, Double> factors = new EnumMap<>(BottleneckFactor.class);
        if (text.isEmpty()) {
            return Collections.unmodifiableMap(factors);
        }
        for (String part : text.split(",")) {
            String[] nameAndStrength = part.strip().split("\\s+");
            BottleneckFactor factor;
            try {
                factor = BottleneckFactor.valueOf(nameAndStrength[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": field 'Factors': '" + nameAndStrength[0]
                        + "' is not one of " + Arrays.toString(BottleneckFactor.values()));
            }
            if (nameAndStrength.length != 2 || factors.containsKey(factor)) {
                throw new IllegalArgumentException(where + ": field 'Factors': '" + part.strip()
                        + "' is not a factor and its strength, each factor once, as in 'EMBODIMENT 0.9, PERCEPTION 0.3'");
            }
            factors.put(factor, unit(where, "Factors", nameAndStrength[1]));
        }
        return Collections.unmodifiableMap(factors);
    }

    private static double unit(String where, String field, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the place
        }
        throw new IllegalArgumentException(where + ": field '" + field + "': '" + text + "' is not a number in [0, 1]");
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
