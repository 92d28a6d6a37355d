package dev.moravec.taxonomy.sources.crosswalk;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.internal.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a crosswalk file in one of the official layouts ({@link CrosswalkLayout}), recognised from its
 * header: CSV (or tab-separated) as the official sheets save, with any title rows above the header
 * skipped. Every row ends as a link, as a code without a partner, as a repeat of a link, or as a
 * footnote (a row with text but no code, such as an attribution line); a malformed code stops the read
 * with the file, line and field.
 */
public final class CrosswalkReader {

    /** How far down a header may sit below title rows. */
    private static final int HEADER_SEARCH = 20;

    private CrosswalkReader() {}

    /**
     * Reads a crosswalk file.
     *
     * @param file the file
     * @return the crosswalk
     * @throws BadInputException if the file is missing, in no known layout, or holds a malformed code
     * @throws IOException if it cannot be read
     */
    public static Crosswalk read(Path file) throws BadInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist: check the --crosswalk path");
        }
        String name = file.getFileName().toString();
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\uFEFF", "");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < Math.min(HEADER_SEARCH, lines.length); i++) {
            char separator = lines[i].contains("\t") && !lines[i].contains(",") ? '\t' : ',';
            CrosswalkLayout layout = CrosswalkLayout.recognise(cells(lines[i], separator));
            if (layout != null) {
                // the title rows above the header become empty lines, which the table skips: line numbers stay true
                StringBuilder body = new StringBuilder();
                for (int j = 0; j < lines.length; j++) {
                    body.append(j < i ? "" : lines[j]).append(j < lines.length - 1 ? "\n" : "");
                }
                try (Table table = Table.open(name, new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8)),
                        separator, layout.columns())) {
                    return read(name, layout, table, i);
                }
            }
        }
        StringBuilder known = new StringBuilder();
        for (CrosswalkLayout layout : CrosswalkLayout.values()) {
            known.append("\n  ").append(layout.title()).append(": ").append(String.join(", ", layout.columns()));
        }
        throw new BadInputException(name + ": no crosswalk header in its first " + HEADER_SEARCH + " lines; the"
                + " official layouts have these columns (the sheet saved as CSV):" + known);
    }

    private static List<String> cells(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static Crosswalk read(String name, CrosswalkLayout layout, Table table, int titleRows)
            throws IOException, BadInputException {
        Map<String, CrosswalkLink> links = new LinkedHashMap<>();
        Map<String, String> fromTitles = new HashMap<>();
        Map<String, String> toTitles = new HashMap<>();
        List<String> fromWithout = new ArrayList<>();
        List<String> toWithout = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> groupKeys = new TreeSet<>();
        int groupRows = 0;
        int rows = 0;
        int duplicates = 0;
        int marked = 0;
        if (titleRows > 0) {
            notes.add(titleRows + " title rows above the header skipped");
        }
        for (Table.Row row = table.next(); row != null; row = table.next()) {
            String from = row.get(layout.fromCode());
            String to = row.get(layout.toCode());
            if (from.isEmpty() && to.isEmpty()) {
                continue; // an empty row, as sheets end with
            }
            if (!from.isEmpty() && !layout.allowsFrom(from) && to.isEmpty()) {
                notes.add("line " + row.line() + ": a footnote, not a link: '" + shorten(from) + "'");
                continue;
            }
            rows++;
            if (!from.isEmpty() && !layout.allowsFrom(from)) {
                throw new BadInputException(row.where(layout.fromCode()) + ": '" + from + "' is not " + form(layout.from())
                        + "; is this the " + layout.title() + "?");
            }
            if (!to.isEmpty() && !layout.to().isCode(to)) {
                throw new BadInputException(row.where(layout.toCode()) + ": '" + to + "' is not " + form(layout.to())
                        + "; is this the " + layout.title() + "?");
            }
            boolean partial = false;
            if (layout.part() != null) {
                String part = row.get(layout.part());
                if (!part.isEmpty() && !part.equals("*")) {
                    throw new BadInputException(row.where(layout.part()) + ": '" + part + "' is not a partial-match flag"
                            + " ('*' or empty)");
                }
                partial = part.equals("*");
            }
            marked += title(fromTitles, from, row.get(layout.fromTitle())) + title(toTitles, to, row.get(layout.toTitle()));
            if (to.isEmpty()) {
                fromWithout.add(from);
                continue;
            }
            if (from.isEmpty()) {
                toWithout.add(to);
                continue;
            }
            if (!layout.from().isCode(from)) {
                groupRows++;
                groupKeys.add(from);
            }
            String key = from + "\t" + to;
            CrosswalkLink before = links.get(key);
            if (before != null) {
                duplicates++;
                links.put(key, new CrosswalkLink(from, to, before.partial() || partial));
            } else {
                links.put(key, new CrosswalkLink(from, to, partial));
            }
        }
        List<CrosswalkLink> list = new ArrayList<>(links.values());
        if (list.isEmpty()) {
            throw new BadInputException(name + ": the " + layout.title() + " header is there, but no row links two codes");
        }
        if (groupRows > 0) {
            notes.add(String.format(Locale.ROOT, "%,d rows key on %,d ISCO-08 groups rather than ESCO occupations; an"
                    + " ESCO occupation without rows of its own takes its unit group's", groupRows, groupKeys.size()));
        }
        List<String> coarse = list.stream().map(CrosswalkLink::to).filter(c -> layout.to() == Classification.ISCO_08
                && c.length() < 4).distinct().toList();
        List<String> coarseFrom = list.stream().map(CrosswalkLink::from).filter(c -> layout.from() == Classification.ISCO_08
                && c.length() < 4).distinct().toList();
        if (!coarse.isEmpty() || !coarseFrom.isEmpty()) {
            notes.add("matches to 3-digit ISCO-08 groups (" + String.join(", ", new LinkedHashSet<>(concat(coarseFrom, coarse)))
                    + "): counted at levels 1 to 3, not at the unit-group level");
        }
        if (marked > 0) {
            notes.add(marked + " titles carried a (#) or (##) mark of a split or merged code; the marks are left out of"
                    + " the titles");
        }
        return new Crosswalk(layout, name, list, fromTitles, toTitles, losses(rows, list, fromWithout, toWithout,
                duplicates, notes));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    // records a code's first title, without a (#) or (##) mark; returns 1 when a mark was removed
    private static int title(Map<String, String> titles, String code, String title) {
        if (code.isEmpty() || title.isEmpty()) {
            return 0;
        }
        String clean = title.replaceAll("\\s*\\(#{1,2}\\)\\s*$", "").strip();
        return titles.putIfAbsent(code, clean) == null && !clean.equals(title) ? 1 : 0;
    }

    private static CrosswalkLosses losses(int rows, List<CrosswalkLink> links, List<String> fromWithout,
            List<String> toWithout, int duplicates, List<String> notes) {
        Map<String, Integer> fromCount = new HashMap<>();
        Map<String, Integer> toCount = new HashMap<>();
        int partial = 0;
        for (CrosswalkLink link : links) {
            fromCount.merge(link.from(), 1, Integer::sum);
            toCount.merge(link.to(), 1, Integer::sum);
            partial += link.partial() ? 1 : 0;
        }
        int split = (int) fromCount.values().stream().filter(n -> n > 1).count();
        int merged = (int) toCount.values().stream().filter(n -> n > 1).count();
        List<String> fromOnly = fromWithout.stream().filter(c -> !fromCount.containsKey(c)).distinct().toList();
        List<String> toOnly = toWithout.stream().filter(c -> !toCount.containsKey(c)).distinct().toList();
        return new CrosswalkLosses(rows, links.size(), fromCount.size() + fromOnly.size(), toCount.size() + toOnly.size(),
                partial, split, merged, fromOnly, toOnly, duplicates, notes);
    }

    private static String form(Classification classification) {
        return switch (classification) {
            case ONET_SOC_2019, ONET_SOC_2010 -> "an " + classification.title() + " code (##-####.##)";
            case SOC_2018, SOC_2010 -> "a " + classification.title() + " code (##-####)";
            case ISCO_08 -> "an ISCO-08 code (1 to 4 digits, leading zeros kept)";
            case ESCO -> "an ESCO occupation code (such as 2511.4) or an ISCO-08 group (3 or 4 digits)";
        };
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
