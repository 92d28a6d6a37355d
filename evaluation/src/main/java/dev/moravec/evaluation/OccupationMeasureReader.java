package dev.moravec.evaluation;

import dev.moravec.catalog.CatalogFormat;
import dev.moravec.catalog.Column;
import dev.moravec.catalog.TextInput;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an occupation-level measure: TSV or CSV with a header (optionally gzip-compressed), one column of
 * occupation codes (O*NET-SOC {@code ##-####.##} or SOC {@code ##-####}) and one of values. The values
 * are numbers, or labels of a scale the evaluation knows ({@link LabelScale}: {@code E0/E1/E2} as 0, 1
 * and 0.5, yes/no as 1 and 0), the first value deciding the scale. Rows that share a code (a file of
 * task ratings, say) are averaged: the code's value is their mean. A row without a valid code or value is
 * kept as a bad row with its file and line, never silently dropped.
 */
public final class OccupationMeasureReader {

    /** Column names recognised as the code column, reduced to letters and digits. */
    private static final List<String> CODE_NAMES = List.of("onetsoccode", "soccode", "occupationcode", "occcode",
            "onetsoc", "soc", "code", "occupation");

    /**
     * Reads a measure file.
     *
     * @param file the file
     * @param codeColumn the code column's name, or {@code null} to find it by name
     * @param valueColumn the value column's name, or {@code null} for the one column of values
     * @param name what to call the measure, or {@code null} for the value column's name
     * @return the measure
     * @throws IOException if the file cannot be read
     * @throws BadInputException if the file is missing, lacks a column, or has no usable row
     */
    public OccupationMeasure read(Path file, String codeColumn, String valueColumn, String name)
            throws IOException, BadInputException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("measure file " + file + " does not exist: check the --measure path");
        }
        try (in) {
            Path fileName = file.getFileName();
            return read(fileName == null ? file.toString() : fileName.toString(), in, codeColumn, valueColumn, name);
        }
    }

    /**
     * Reads a measure from a stream.
     *
     * @param source the input's name, for messages and to recognise the format
     * @param raw the bytes; the caller closes them
     * @param codeColumn the code column's name, or {@code null} to find it by name
     * @param valueColumn the value column's name, or {@code null} for the one column of values
     * @param name what to call the measure, or {@code null} for the value column's name
     * @return the measure
     * @throws IOException if the stream cannot be read
     * @throws BadInputException if a column is missing or no row is usable; the message names file and line
     */
    public OccupationMeasure read(String source, InputStream raw, String codeColumn, String valueColumn, String name)
            throws IOException, BadInputException {
        InputStream in = TextInput.open(raw);
        String first = TextInput.firstLine(in);
        CatalogFormat format = CatalogFormat.fromFileName(source).orElseGet(() -> CatalogFormat.sniff(first));
        if (format != CatalogFormat.TSV && format != CatalogFormat.CSV) {
            throw new BadInputException(source + ":1: a measure is read from TSV or CSV with a header line (a column of"
                    + " occupation codes and one of values), not " + format);
        }
        List<List<String>> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> header;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        try (TableRows table = TableRows.open(source, reader, format)) {
            header = table.header();
            for (List<String> row = table.next(); row != null; row = table.next()) {
                rows.add(row);
                lines.add(table.line());
            }
        }
        int code = codeColumn != null ? column(source, header, codeColumn, "--code-column")
                : codeColumn(source, header);
        int value = valueColumn != null ? column(source, header, valueColumn, "--value-column")
                : valueColumn(source, header, code, rows);
        if (value == code) {
            throw new BadInputException(source + ":1: the code and the value column are both '" + header.get(code) + "'");
        }
        return values(source, header, code, value, rows, lines, name);
    }

    private static OccupationMeasure values(String source, List<String> header, int code, int value,
            List<List<String>> rows, List<Long> lines, String name) throws BadInputException {
        String codeName = header.get(code);
        String valueName = header.get(value);
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Long> firstLines = new LinkedHashMap<>();
        List<OccupationMeasure.BadRow> bad = new ArrayList<>();
        LabelScale scale = null;
        for (int r = 0; r < rows.size(); r++) {
            String where = source + ":" + lines.get(r);
            String c = rows.get(r).get(code).strip();
            String text = rows.get(r).get(value).strip();
            if (!OccupationCode.isValid(c)) {
                bad.add(new OccupationMeasure.BadRow(where, "field '" + codeName + "': '" + c
                        + "' is not an O*NET-SOC code (##-####.##) or SOC code (##-####)"));
                continue;
            }
            if (text.isEmpty()) {
                bad.add(new OccupationMeasure.BadRow(where, "field '" + valueName + "' is empty"));
                continue;
            }
            if (scale == null) {
                scale = LabelScale.recognise(text).orElse(null);
            }
            Optional<String> canonical = scale == null ? Optional.empty() : scale.canonical(text);
            if (canonical.isEmpty()) {
                bad.add(new OccupationMeasure.BadRow(where, "field '" + valueName + "': '" + text + "' is not "
                        + (scale == null ? "a number or a known label (" + LabelScale.allKnownValues() + ")"
                                : "on the file's scale (" + scale.label() + ": " + scale.knownValues() + ")")));
                continue;
            }
            double number = scale.value(canonical.get(), scale.defaultPositive().contains(canonical.get()));
            double[] sum = sums.computeIfAbsent(c, k -> new double[2]);
            sum[0] += number;
            sum[1]++;
            firstLines.putIfAbsent(c, lines.get(r));
        }
        if (sums.isEmpty()) {
            throw new BadInputException(source + ": no row has both a valid code in '" + codeName + "' and a value in '"
                    + valueName + "'" + (bad.isEmpty() ? "" : "; the first problem: " + bad.get(0).where() + ": "
                            + bad.get(0).reason()));
        }
        Map<String, OccupationMeasure.Value> values = new LinkedHashMap<>();
        sums.forEach((c, sum) -> values.put(c, new OccupationMeasure.Value(sum[0] / sum[1], (int) sum[1], firstLines.get(c))));
        String described = scale == LabelScale.NUMERIC ? "numeric" : scale.label() + " (" + scale.mapping() + ")";
        return new OccupationMeasure(name == null || name.isBlank() ? valueName : name, source, codeName, valueName,
                described, rows.size(), values, bad);
    }

    private static int column(String source, List<String> header, String wanted, String option) throws BadInputException {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(wanted.strip())) {
                return i;
            }
        }
        for (int i = 0; i < header.size(); i++) {
            if (Column.normalise(header.get(i)).equals(Column.normalise(wanted))) {
                return i;
            }
        }
        throw new BadInputException(source + ":1: no column '" + wanted + "' among " + String.join(", ", header)
                + ": check " + option);
    }

    private static int codeColumn(String source, List<String> header) throws BadInputException {
        for (String known : CODE_NAMES) {
            for (int i = 0; i < header.size(); i++) {
                if (Column.normalise(header.get(i)).equals(known)) {
                    return i;
                }
            }
        }
        throw new BadInputException(source + ":1: no column of occupation codes ('O*NET-SOC Code', 'SOC Code', 'code')"
                + " among " + String.join(", ", header) + ": name it with --code-column");
    }

    // the one column, other than the codes', whose values are numbers or labels
    private static int valueColumn(String source, List<String> header, int code, List<List<String>> rows)
            throws BadInputException {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != code && onOneScale(rows, i)) {
                candidates.add(i);
            }
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new BadInputException(source + ":1: " + (candidates.isEmpty() ? "no column holds numbers or labels"
                : "several columns hold values (" + String.join(", ", candidates.stream().map(header::get).toList())
                        + ")") + ": name the measure's column with --value-column");
    }

    // whether most of a column's values are on the scale of its first value (its bad rows are reported later)
    private static boolean onOneScale(List<List<String>> rows, int column) {
        LabelScale scale = null;
        int on = 0;
        int off = 0;
        for (List<String> row : rows) {
            String text = row.get(column).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (scale == null) {
                scale = LabelScale.recognise(text).orElse(null);
                if (scale == null) {
                    return false;
                }
            }
            if (scale.canonical(text).isPresent()) {
                on++;
            } else {
                off++;
            }
        }
        return on > off;
    }
}
