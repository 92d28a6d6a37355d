package dev.moravec.taxonomy.sources.internal;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.Descriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the occupations' descriptors in O*NET's column layout: Skills, Knowledge, Abilities, Work
 * Activities and Work Context, from the release or, for skills and knowledge, from files given apart
 * (the large files a partial release lacks). Each element keeps its importance and its level (or, for
 * work context, its context value); category scales are left out.
 */
public final class DescriptorReader {

    /** Each descriptor file of a release and its domain, in the order they are read. */
    private static final List<String[]> FILES = List.of(
            new String[] {"Skills.txt", "skills"},
            new String[] {"Knowledge.txt", "knowledge"},
            new String[] {"Abilities.txt", "abilities"},
            new String[] {"Work Activities.txt", "workActivities"},
            new String[] {"Work Context.txt", "workContext"});
    private static final List<String> REQUIRED =
            List.of("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value");

    private DescriptorReader() {}

    /**
     * Adds every descriptor file's ratings to the occupations they describe.
     *
     * @param files the release
     * @param skills a Skills file that replaces the release's, or {@code null}
     * @param knowledge a Knowledge file that replaces the release's, or {@code null}
     * @param occupations the release's occupations; rows of other occupations are counted and left out
     * @param log told each file read or skipped
     * @throws BadInputException if a given file is missing or a file is malformed
     * @throws IOException if a file cannot be read
     */
    public static void read(ReleaseFiles files, Path skills, Path knowledge, Occupations occupations, ReadLog log)
            throws IOException, BadInputException {
        for (String[] file : FILES) {
            Path given = file[1].equals("skills") ? skills : file[1].equals("knowledge") ? knowledge : null;
            read(files, file[0], file[1], given, occupations, log);
        }
    }

    private static void read(ReleaseFiles files, String fileName, String domain, Path given, Occupations occupations,
            ReadLog log) throws IOException, BadInputException {
        Table opened;
        String name;
        if (given != null) {
            name = log.reading(given, domain);
            opened = Table.open(name, Files.newInputStream(given), '\t', REQUIRED);
        } else {
            Optional<Table> table = files.table(fileName, REQUIRED, "a large file the partial release lacks; "
                    + (domain.equals("skills") || domain.equals("knowledge") ? "give it with --" + domain : "optional"),
                    log);
            if (table.isEmpty()) {
                return;
            }
            opened = table.get();
            name = fileName;
        }
        int count = 0;
        int unknown = 0;
        Map<String, Map<String, Double[]>> values = new HashMap<>(); // importance and level by occupation and element
        Map<String, String> names = new HashMap<>();
        try (Table table = opened) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                String code = Occupations.code(row);
                if (occupations.get(code) == null) {
                    unknown++;
                    continue;
                }
                int slot = switch (row.get("Scale ID").toUpperCase(Locale.ROOT)) {
                    case "IM" -> 0;
                    case "LV", "CX" -> 1;
                    default -> -1; // category scales (CT, CXP...) describe distributions, not one value
                };
                if (slot < 0) {
                    continue;
                }
                double value = row.number("Data Value");
                String id = row.get("Element ID");
                names.put(id, row.get("Element Name"));
                values.computeIfAbsent(code, c -> new LinkedHashMap<>()).computeIfAbsent(id, i -> new Double[2])[slot] = value;
                count++;
            }
        }
        values.forEach((code, elements) -> elements.forEach((id, v) ->
                occupations.get(code).descriptors.add(new Descriptor(domain, id, names.get(id), v[0], v[1]))));
        log.used(name + ": " + count + " " + domain + " ratings for " + values.size() + " occupations"
                + (unknown > 0 ? " (" + unknown + " rows of occupations not in the release left out)" : ""));
    }
}
