package dev.moravec.taxonomy.sources.crosswalk;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.internal.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ESCO classification from the folder of its English CSV download: {@code occupations_en.csv}
 * (concept URI, ISCO-08 group, preferred, alternative and hidden labels, description, code) and
 * {@code ISCOGroups_en.csv} (the ISCO-08 groups at every level). Quoted fields may span lines, as ESCO
 * writes its label lists. An occupation listed twice under one URI is read once, its latest modification
 * kept, and reported.
 */
public final class EscoReader {

    /** The occupations file of the download. */
    public static final String OCCUPATIONS = "occupations_en.csv";
    /** The ISCO-08 groups file of the download. */
    public static final String GROUPS = "ISCOGroups_en.csv";

    private static final Pattern VERSION = Pattern.compile("v(\\d+)[_.](\\d+)[_.](\\d+)");

    private EscoReader() {}

    /**
     * Reads the download.
     *
     * @param dir the folder holding the two files
     * @return the classification
     * @throws BadInputException if a file is missing, lacks a column or holds a malformed code
     * @throws IOException if a file cannot be read
     */
    public static EscoClassification read(Path dir) throws BadInputException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a folder: give --esco the folder of ESCO's CSV download (holding "
                    + OCCUPATIONS + " and " + GROUPS + ")");
        }
        List<String> report = new ArrayList<>();
        List<EscoClassification.Group> groups = groups(dir.resolve(GROUPS), report);
        List<EscoClassification.Occupation> occupations = occupations(dir.resolve(OCCUPATIONS), report);
        Matcher version = VERSION.matcher(dir.toAbsolutePath().normalize().getFileName().toString());
        return new EscoClassification(version.find() ? "ESCO v" + version.group(1) + "." + version.group(2) + "."
                + version.group(3) : "ESCO", occupations, groups, report);
    }

    private static Table open(Path file, List<String> columns) throws BadInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " is missing: give --esco the folder of ESCO's CSV download (holding "
                    + OCCUPATIONS + " and " + GROUPS + ")");
        }
        return Table.open(file.getFileName().toString(), Files.newInputStream(file), ',', columns);
    }

    private static List<EscoClassification.Group> groups(Path file, List<String> report)
            throws BadInputException, IOException {
        List<EscoClassification.Group> groups = new ArrayList<>();
        try (Table table = open(file, List.of("code", "preferredLabel"))) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                String code = row.get("code");
                if (!Classification.ISCO_08.isCode(code)) {
                    throw new BadInputException(row.where("code") + ": '" + code + "' is not an ISCO-08 group code (1 to 4"
                            + " digits)");
                }
                groups.add(new EscoClassification.Group(code, row.get("preferredLabel"), lines(row.get("altLabels")),
                        emptyToNull(row.get("description"))));
            }
        }
        groups.sort(Comparator.comparing(EscoClassification.Group::code));
        report.add(GROUPS + ": " + groups.size() + " ISCO-08 groups");
        return groups;
    }

    private static List<EscoClassification.Occupation> occupations(Path file, List<String> report)
            throws BadInputException, IOException {
        Map<String, EscoClassification.Occupation> byUri = new LinkedHashMap<>();
        Map<String, String> modified = new LinkedHashMap<>();
        int rows = 0;
        int repeated = 0;
        try (Table table = open(file, List.of("conceptUri", "iscoGroup", "preferredLabel", "code"))) {
            for (Table.Row row = table.next(); row != null; row = table.next()) {
                rows++;
                String uri = row.get("conceptUri");
                String code = row.get("code");
                String group = row.get("iscoGroup");
                if (uri.isEmpty()) {
                    throw new BadInputException(row.where("conceptUri") + ": the occupation has no concept URI");
                }
                if (!Classification.ESCO.isCode(code)) {
                    throw new BadInputException(row.where("code") + ": '" + code + "' is not an ESCO occupation code"
                            + " (an ISCO-08 unit group and a dotted suffix, such as 2511.4)");
                }
                if (!group.matches("\\d{4}")) {
                    throw new BadInputException(row.where("iscoGroup") + ": '" + group + "' is not an ISCO-08 unit group"
                            + " (4 digits)");
                }
                List<String> labels = new ArrayList<>(lines(row.get("altLabels")));
                labels.addAll(lines(row.get("hiddenLabels")));
                EscoClassification.Occupation occupation = new EscoClassification.Occupation(uri, code, group,
                        row.get("preferredLabel"), labels, emptyToNull(row.get("description")));
                String when = row.get("modifiedDate");
                if (byUri.containsKey(uri)) {
                    repeated++;
                    if (when.compareTo(modified.get(uri)) < 0) {
                        continue; // the later modification is kept
                    }
                }
                byUri.put(uri, occupation);
                modified.put(uri, when);
            }
        }
        List<EscoClassification.Occupation> occupations = new ArrayList<>(byUri.values());
        occupations.sort(Comparator.comparing(EscoClassification.Occupation::code));
        report.add(String.format(Locale.ROOT, "%s: %,d occupations", OCCUPATIONS, occupations.size())
                + (repeated > 0 ? String.format(Locale.ROOT, " (%,d rows repeat an occupation's URI; the latest"
                        + " modification of each is kept, %,d rows read)", repeated, rows) : ""));
        return occupations;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
