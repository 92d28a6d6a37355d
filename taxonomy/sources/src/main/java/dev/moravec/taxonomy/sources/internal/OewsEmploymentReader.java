package dev.moravec.taxonomy.sources.internal;

import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a BLS OEWS national employment file (CSV): total employment ({@code TOT_EMP}), title and, where
 * the file has it, the mean annual wage ({@code A_MEAN}) by SOC code. Suppressed employment ({@code *},
 * {@code **}, {@code #}) is counted and left out; a suppressed wage is found as {@link OewsCells#wage}
 * says, else taken from the code's broad group, else left out and counted. Industry breakdowns are
 * skipped, so that no worker counts twice.
 */
public final class OewsEmploymentReader {

    /**
     * What an employment file gives.
     *
     * @param byCode employment by SOC code, at every level the file has
     * @param titles the file's titles by SOC code
     * @param wages mean annual wage by SOC code, where the file has wages; empty otherwise
     */
    public record Employment(Map<String, Double> byCode, Map<String, String> titles, Map<String, Double> wages) {}

    private OewsEmploymentReader() {}

    /**
     * Reads an employment file.
     *
     * @param file the file
     * @param log told the file read
     * @return employment, titles and wages by SOC code
     * @throws BadInputException if the file is missing, lacks a required column or holds a bad number
     * @throws IOException if it cannot be read
     */
    public static Employment read(Path file, ReadLog log) throws IOException, BadInputException {
        String name = log.reading(file, "employment");
        Map<String, Double> byCode = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        List<Table.Row> wageRows = new ArrayList<>();
        int suppressed = 0;
        double highest = 0;
        boolean hasWages;
        try (Table table = Table.open(name, Files.newInputStream(file), ',', List.of("OCC_CODE", "OCC_TITLE", "TOT_EMP"))) {
            hasWages = table.has("A_MEAN");
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
                if (hasWages) {
                    wageRows.add(row);
                    highest = Math.max(highest, OewsCells.highestAnnual(row));
                }
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
        Map<String, Double> wages = wages(wageRows, highest);
        String wageNote = hasWages ? "; " + wageSummary(wageRows, highest, wages) : "";
        log.used(name + ": employment for " + byCode.size() + " SOC codes" + (suppressed > 0 ? " (" + suppressed
                + " suppressed values left out)" : "") + wageNote);
        return new Employment(byCode, titles, wages);
    }

    private static Map<String, Double> wages(List<Table.Row> rows, double highest) throws BadInputException {
        Map<String, Double> wages = new TreeMap<>();
        for (Table.Row row : rows) {
            OewsCells.Wage wage = OewsCells.wage(row, highest);
            if (wage.wage() != null) {
                wages.put(row.get("OCC_CODE"), wage.wage());
            }
        }
        // a code without a wage of its own takes its broad group's
        for (Table.Row row : rows) {
            String code = row.get("OCC_CODE");
            String broad = code.substring(0, 6) + "0";
            if (!wages.containsKey(code) && wages.containsKey(broad)) {
                wages.put(code, wages.get(broad));
            }
        }
        return wages;
    }

    private static String wageSummary(List<Table.Row> rows, double highest, Map<String, Double> wages)
            throws BadInputException {
        Map<String, Integer> how = new TreeMap<>();
        int fromBroad = 0;
        int none = 0;
        for (Table.Row row : rows) {
            String kind = OewsCells.wage(row, highest).how();
            how.merge(kind, 1, Integer::sum);
            if (kind.equals("none")) {
                if (wages.containsKey(row.get("OCC_CODE"))) {
                    fromBroad++;
                } else {
                    none++;
                }
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "mean annual wages for %d SOC codes",
                wages.size()));
        List<String> notes = new ArrayList<>();
        if (how.getOrDefault("top-coded", 0) > 0) {
            notes.add(how.get("top-coded") + " top-coded (#) counted at the highest published percentile wage, $"
                    + String.format(Locale.ROOT, "%,.0f", highest) + ", a lower bound");
        }
        if (how.getOrDefault("hourly", 0) > 0) {
            notes.add(how.get("hourly") + " published hourly only, annualized at 2,080 hours");
        }
        if (fromBroad > 0) {
            notes.add(fromBroad + " suppressed (*) taking their broad group's wage");
        }
        if (none > 0) {
            notes.add(none + " suppressed (*) without a wage, left out of wage bills");
        }
        if (!notes.isEmpty()) {
            line.append(" (").append(String.join("; ", notes)).append(")");
        }
        return line.toString();
    }
}
