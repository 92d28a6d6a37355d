package dev.moravec.taxonomy.sources.industry;

import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import dev.moravec.taxonomy.sources.internal.OewsCells;
import dev.moravec.taxonomy.sources.internal.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an OEWS industry-specific file in the layout of {@code natsector_M2024_dl.csv}: one row per NAICS
 * sector and occupation at every SOC level ({@code O_GROUP}), employment ({@code TOT_EMP}) and mean wages.
 * Only the sector rows' detailed occupations are kept; the groups' rows serve to estimate suppressed cells:
 *
 * <ul>
 *   <li>employment marked {@code **}: the detailed cells a group's published employment holds beyond its
 *       published cells share the rest equally, the nearest published group first (broad, then minor, then
 *       major); a cell no group accounts for stays suppressed and is reported;
 *   <li>a wage marked {@code #} (top-coded) counts at the highest annual percentile wage the file publishes,
 *       just below BLS's top code, a lower bound; one marked {@code *} with an hourly mean is the hourly mean times 2,080; one without either
 *       takes the occupation's employment-weighted mean wage over the sectors that publish it; else none,
 *       and the cell is left out of wage bills and reported.
 * </ul>
 */
public final class IndustryEmploymentReader {

    private static final List<String> COLUMNS = List.of("NAICS", "NAICS_TITLE", "OCC_CODE", "OCC_TITLE", "O_GROUP",
            "TOT_EMP", "A_MEAN");
    private static final SocHierarchy SOC = SocHierarchy.builtIn();

    private IndustryEmploymentReader() {}

    /** A row as read, the wage resolved later. */
    private record Row(Table.Row row, String naics, String code, String group, Double employment) {}

    /**
     * Reads an industry file.
     *
     * @param file the file
     * @return its sectors
     * @throws BadInputException if the file is missing, lacks a column, holds a malformed value or no sector
     * @throws IOException if it cannot be read
     */
    public static IndustryEmployment read(Path file) throws BadInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist: check the --industry-employment path");
        }
        String name = file.getFileName().toString();
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Double> totals = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        double highest = 0;
        int otherLevels = 0;
        try (Table table = Table.open(name, Files.newInputStream(file), ',', COLUMNS)) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                String industryLevel = row.get("I_GROUP");
                if (industryLevel.equalsIgnoreCase("cross-industry")) {
                    throw new BadInputException(row.where("I_GROUP") + ": a cross-industry row: this is a national file;"
                            + " give it with --employment, and an industry file (such as natsector_M2024_dl.csv) with"
                            + " --industry-employment");
                }
                if (!industryLevel.isEmpty() && !industryLevel.equalsIgnoreCase("sector")) {
                    otherLevels++;
                    continue;
                }
                String naics = row.get("NAICS");
                String group = row.get("O_GROUP").toLowerCase(Locale.ROOT);
                String code = row.get("OCC_CODE");
                Double employment = OewsCells.number(row, "TOT_EMP");
                highest = Math.max(highest, OewsCells.highestAnnual(row));
                titles.putIfAbsent(naics, row.get("NAICS_TITLE"));
                if (group.equals("total")) {
                    if (employment == null) {
                        throw new BadInputException(row.where("TOT_EMP") + ": the sector's total employment is not"
                                + " published; the file is not an OEWS industry file");
                    }
                    totals.put(naics, employment);
                    continue;
                }
                if (!OccupationCode.isSoc(code)) {
                    throw new BadInputException(row.where("OCC_CODE") + ": '" + code + "' is not a SOC code (##-####)");
                }
                rows.add(new Row(row, naics, code, group, employment));
            }
        }
        if (titles.isEmpty()) {
            throw new BadInputException(name + ": no sector rows (I_GROUP 'sector'); give an OEWS industry file by NAICS"
                    + " sector, such as natsector_M2024_dl.csv");
        }
        Counts counts = new Counts();
        Map<String, Double> estimated = estimate(rows, counts);
        Map<String, Double> otherSectors = meanWages(rows, highest);
        List<IndustryEmployment.Sector> sectors = new ArrayList<>();
        for (Map.Entry<String, String> sector : titles.entrySet()) {
            List<IndustryEmployment.Cell> cells = new ArrayList<>();
            for (Row row : rows) {
                if (!row.naics().equals(sector.getKey()) || !row.group().equals("detailed")) {
                    continue;
                }
                cells.add(cell(row, estimated, otherSectors, highest, counts));
            }
            Double total = totals.get(sector.getKey());
            if (total == null) {
                throw new BadInputException(name + ": sector " + sector.getKey() + " has no 'total' row (O_GROUP total)");
            }
            sectors.add(new IndustryEmployment.Sector(sector.getKey(), sector.getValue(), total, cells));
        }
        return new IndustryEmployment(name, sectors, report(name, sectors, counts, highest, otherLevels));
    }

    /** What the reader estimated or left out. */
    private static final class Counts {
        int cells;
        int suppressed;
        int estimated;
        final Map<String, Integer> estimatedFrom = new LinkedHashMap<>();
        final Map<String, Integer> wages = new LinkedHashMap<>();
    }

    // employment for the suppressed detailed cells, by naics + code: the nearest published group's remainder
    private static Map<String, Double> estimate(List<Row> rows, Counts counts) {
        Map<String, Double> estimated = new HashMap<>();
        Map<String, Row> groups = new HashMap<>();
        List<Row> detailed = new ArrayList<>();
        for (Row row : rows) {
            if (row.group().equals("detailed")) {
                detailed.add(row);
            } else {
                groups.put(row.naics() + "\t" + row.group() + "\t" + row.code(), row);
            }
        }
        for (SocLevel level : List.of(SocLevel.BROAD, SocLevel.MINOR, SocLevel.MAJOR)) {
            Map<String, List<Row>> under = new LinkedHashMap<>();
            for (Row row : detailed) {
                under.computeIfAbsent(row.naics() + "\t" + level.label() + "\t" + SOC.groupOf(row.code(), level),
                        k -> new ArrayList<>()).add(row);
            }
            under.forEach((key, cells) -> {
                Row group = groups.get(key);
                List<Row> open = cells.stream().filter(c -> c.employment() == null
                        && !estimated.containsKey(c.naics() + "\t" + c.code())).toList();
                if (group == null || group.employment() == null || open.isEmpty()) {
                    return;
                }
                double accounted = 0;
                for (Row cell : cells) {
                    accounted += cell.employment() != null ? cell.employment()
                            : estimated.getOrDefault(cell.naics() + "\t" + cell.code(), 0.0);
                }
                double rest = group.employment() - accounted;
                if (rest > 0) {
                    for (Row cell : open) {
                        estimated.put(cell.naics() + "\t" + cell.code(), rest / open.size());
                    }
                    counts.estimatedFrom.merge(level.label(), open.size(), Integer::sum);
                }
            });
        }
        return estimated;
    }

    // each occupation's employment-weighted mean wage over the sectors that publish one
    private static Map<String, Double> meanWages(List<Row> rows, double highest) throws BadInputException {
        Map<String, double[]> sums = new HashMap<>();
        for (Row row : rows) {
            if (!row.group().equals("detailed") || row.employment() == null) {
                continue;
            }
            OewsCells.Wage wage = OewsCells.wage(row.row(), highest);
            if (wage.wage() != null) {
                double[] sum = sums.computeIfAbsent(row.code(), c -> new double[2]);
                sum[0] += wage.wage() * row.employment();
                sum[1] += row.employment();
            }
        }
        Map<String, Double> means = new HashMap<>();
        sums.forEach((code, sum) -> means.put(code, sum[0] / sum[1]));
        return means;
    }

    private static IndustryEmployment.Cell cell(Row row, Map<String, Double> estimated, Map<String, Double> otherSectors,
            double highest, Counts counts) throws BadInputException {
        counts.cells++;
        Double employment = row.employment();
        String employmentHow = "published";
        if (employment == null) {
            counts.suppressed++;
            employment = estimated.get(row.naics() + "\t" + row.code());
            employmentHow = employment == null ? "suppressed" : "estimated";
            counts.estimated += employment == null ? 0 : 1;
        }
        OewsCells.Wage wage = OewsCells.wage(row.row(), highest);
        Double annual = wage.wage();
        String how = wage.how();
        if (annual == null && otherSectors.containsKey(row.code())) {
            annual = otherSectors.get(row.code());
            how = "other-sectors";
        }
        counts.wages.merge(how, 1, Integer::sum);
        return new IndustryEmployment.Cell(row.code(), row.row().get("OCC_TITLE"), employment, employmentHow, annual, how);
    }

    private static List<String> report(String name, List<IndustryEmployment.Sector> sectors, Counts counts,
            double highest, int otherLevels) {
        List<String> report = new ArrayList<>();
        double published = 0;
        double placed = 0;
        for (IndustryEmployment.Sector sector : sectors) {
            published += sector.employment();
            for (IndustryEmployment.Cell cell : sector.cells()) {
                placed += cell.employment() == null ? 0 : cell.employment();
            }
        }
        report.add(String.format(Locale.ROOT, "%s: %d NAICS sectors, %,d detailed occupation cells, %,.0f workers"
                + " (%,.0f placed in detailed cells, %.2f%%)", name, sectors.size(), counts.cells, published, placed,
                100 * placed / published));
        if (counts.suppressed > 0) {
            StringBuilder from = new StringBuilder();
            counts.estimatedFrom.forEach((level, n) -> from.append(from.isEmpty() ? "" : ", ").append(n).append(" from the ")
                    .append(level).append(" group"));
            report.add(String.format(Locale.ROOT, "employment suppressed (**) in %,d cells: %,d estimated from their"
                    + " nearest published group's remainder (%s), %,d left out", counts.suppressed, counts.estimated,
                    from.isEmpty() ? "none" : from, counts.suppressed - counts.estimated));
        }
        Map<String, Integer> wages = counts.wages;
        report.add(String.format(Locale.ROOT, "mean annual wages: %,d published, %,d top-coded (#) counted at $%,.0f (a"
                + " lower bound), %,d published hourly only (x 2,080 hours), %,d suppressed (*) taking the occupation's"
                + " mean over the other sectors, %,d without a wage (left out of wage bills)",
                wages.getOrDefault("published", 0), wages.getOrDefault("top-coded", 0), highest,
                wages.getOrDefault("hourly", 0), wages.getOrDefault("other-sectors", 0), wages.getOrDefault("none", 0)));
        if (otherLevels > 0) {
            report.add(String.format(Locale.ROOT, "%,d rows of finer industry levels left out: sectors are ranked",
                    otherLevels));
        }
        return report;
    }
}
