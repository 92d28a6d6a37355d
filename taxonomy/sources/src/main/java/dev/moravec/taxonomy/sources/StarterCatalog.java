package dev.moravec.taxonomy.sources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in starter catalog: task statements written for Moravec, in its own words, for real
 * O*NET-SOC 2019 occupations in every civilian SOC major group, so every command works before any
 * O*NET release is imported. It is a TSV file in the layout of O*NET's Task Statements, with the
 * occupation's title as an extra column.
 */
public final class StarterCatalog {

    /** The catalog's name, as messages and outputs show it. */
    public static final String NAME = "starter-catalog.tsv";

    /** The catalog's source, as its import report gives it. */
    public static final String SOURCE = "built-in starter catalog";

    /** The catalog's attribution: its statements are Moravec's own, its codes and titles O*NET 29.1's. */
    public static final String ATTRIBUTION = "Task statements written for Moravec; occupation codes and titles from the"
            + " O*NET 29.1 Database" + ImportReport.BY_USDOL;

    private static final Map<String, String> OCCUPATIONS = readOccupations();

    private StarterCatalog() {}

    /**
     * Opens the catalog.
     *
     * @return its bytes (UTF-8 TSV with a header line); the caller closes the stream
     */
    public static InputStream open() {
        InputStream in = StarterCatalog.class.getResourceAsStream(NAME);
        if (in == null) {
            throw new IllegalStateException(NAME + " is missing from the taxonomy jar; rebuild Moravec");
        }
        return in;
    }

    /** @return the catalog's occupations, code to title, in catalog order */
    public static Map<String, String> occupations() {
        return OCCUPATIONS;
    }

    /**
     * The title of an occupation the starter catalog knows.
     *
     * @param code an O*NET-SOC code
     * @return its title, or empty
     */
    public static Optional<String> title(String code) {
        return Optional.ofNullable(OCCUPATIONS.get(code));
    }

    /**
     * The starter catalog as a taxonomy release, so the index can hold it before any O*NET import.
     *
     * @return the release: the catalog's occupations (code and title) and tasks
     */
    public static Release release() {
        Map<String, Occupation> occupations = new java.util.TreeMap<>();
        OCCUPATIONS.forEach((code, title) -> occupations.put(code, Occupation.of(code, title)));
        List<TaxonomyTask> tasks = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                tasks.add(new TaxonomyTask(new Task(f[2], f[3], f[0], TaskType.parse(f[4]).orElse(null),
                        TaskWeights.NONE), List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + NAME, e);
        }
        SocHierarchy hierarchy = SocHierarchy.builtIn();
        Map<String, String> titles = new java.util.HashMap<>();
        OCCUPATIONS.forEach((code, title) -> titles.putIfAbsent(code.substring(0, 7), title));
        ImportReport report = new ImportReport(SOURCE, occupations.size(), tasks.size(), 0, 0, 0, 0,
                List.of(NAME + ": " + occupations.size() + " occupations, " + tasks.size() + " tasks"),
                List.of("an O*NET release: none imported yet (moravec taxonomy import)"), null);
        return new Release(occupations, tasks, hierarchy.withTitles(titles), report);
    }

    private static Map<String, String> readOccupations() {
        Map<String, String> occupations = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split("\t", -1);
                if (fields.length >= 2) {
                    occupations.putIfAbsent(fields[0], fields[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + NAME, e);
        }
        return Collections.unmodifiableMap(occupations);
    }
}
