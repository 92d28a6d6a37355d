package dev.moravec.taxonomy.sources.internal;

import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the titles of SOC groups and occupations from a SOC structure file, in one of three layouts:
 * O*NET's SOC structure (CSV with a column per level), the BLS list of codes and titles (CSV with
 * {@code SOC Code} and {@code SOC Title}), or the BLS text list ({@code 15-1252  Software Developers}).
 */
public final class SocTitlesReader {

    private SocTitlesReader() {}

    /**
     * Reads a SOC structure file.
     *
     * @param file the file
     * @param log told the file read
     * @return titles by SOC or O*NET-SOC code
     * @throws BadInputException if the file is missing or in none of the layouts
     * @throws IOException if it cannot be read
     */
    public static Map<String, String> read(Path file, ReadLog log) throws IOException, BadInputException {
        String name = log.reading(file, "soc");
        String first;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            first = reader.readLine();
        }
        Map<String, String> titles = first != null && first.contains(",") ? readCsv(file, name) : readText(file, name);
        log.used(name + ": " + titles.size() + " SOC titles");
        return titles;
    }

    private static Map<String, String> readCsv(Path file, String name) throws IOException, BadInputException {
        Map<String, String> titles = new HashMap<>();
        try (Table table = Table.open(name, Files.newInputStream(file), ',', List.of())) {
            boolean structure = table.has("Major Group");
            if (!structure && !(table.has("SOC Code") && table.has("SOC Title"))) {
                throw new BadInputException(name + ":1: not a SOC structure file: expected the columns Major Group,"
                        + " Minor Group, Broad Occupation, Detailed Occupation (O*NET-SOC structure) or SOC Code,"
                        + " SOC Title");
            }
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                if (structure) {
                    // a row names its group in the column of its level, the others empty
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
        return titles;
    }

    // the BLS text list: "15-1252  Software Developers"
    private static Map<String, String> readText(Path file, String name) throws IOException, BadInputException {
        Map<String, String> titles = new HashMap<>();
        long line = 0;
        for (String text : Files.readAllLines(file)) {
            line++;
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            if (parts.length < 2 || !OccupationCode.isSoc(parts[0])) {
                if (line == 1) {
                    continue; // a header line
                }
                throw new BadInputException(name + ":" + line + ": expected a SOC code and its title");
            }
            titles.put(parts[0], parts[1].strip());
        }
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
}
