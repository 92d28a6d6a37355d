package dev.moravec.taxonomy.sources.internal;

import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a BLS OEWS national employment file (CSV): total employment ({@code TOT_EMP}) and title by SOC
 * code. Suppressed values ({@code *}, {@code #}) are counted and left out; industry breakdowns are
 * skipped, so that no worker counts twice.
 */
public final class OewsEmploymentReader {

    /**
     * What an employment file gives.
     *
     * @param byCode employment by SOC code, at every level the file has
     * @param titles the file's titles by SOC code
     */
    public record Employment(Map<String, Double> byCode, Map<String, String> titles) {}

    private OewsEmploymentReader() {}

    /**
     * Reads an employment file.
     *
     * @param file the file
     * @param log told the file read
     * @return employment and titles by SOC code
     * @throws BadInputException if the file is missing, lacks a required column or holds a bad number
     * @throws IOException if it cannot be read
     */
    public static Employment read(Path file, ReadLog log) throws IOException, BadInputException {
        String name = log.reading(file, "employment");
        Map<String, Double> byCode = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        int suppressed = 0;
        try (Table table = Table.open(name, Files.newInputStream(file), ',', List.of("OCC_CODE", "OCC_TITLE", "TOT_EMP"))) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                if (table.has("I_GROUP") && !row.get("I_GROUP").isEmpty()
                        && !row.get("I_GROUP").equalsIgnoreCase("cross-industry")) {
                    continue; // industry breakdowns would count workers twice
                }
                String code = row.get("OCC_CODE");
                if (!OccupationCode.isSoc(code) || code.equals("00-0000")) {
                    continue;
                }
                titles.put(code, row.get("OCC_TITLE"));
                String total = row.get("TOT_EMP").replace(",", "");
                if (total.isEmpty() || total.startsWith("*") || total.startsWith("#")) {
                    suppressed++;
                    continue;
                }
                try {
                    byCode.put(code, Double.parseDouble(total));
                } catch (NumberFormatException e) {
                    throw new BadInputException(row.where("TOT_EMP") + ": '" + row.get("TOT_EMP") + "' is not a number");
                }
            }
        }
        log.used(name + ": employment for " + byCode.size() + " SOC codes" + (suppressed > 0 ? " (" + suppressed
                + " suppressed values left out)" : ""));
        return new Employment(byCode, titles);
    }
}
