package dev.moravec.taxonomy.sources.internal;

import dev.moravec.model.BadInputException;
import java.util.List;
import java.util.Set;

/**
 * The values of an OEWS file's cells as BLS writes them: numbers, with or without thousands separators,
 * or a mark where the value is not published: {@code *} (a wage estimate is not available), {@code **}
 * (an employment estimate is not available), {@code #} (a wage at or above the top code BLS publishes:
 * $100 an hour or $208,000 a year in May 2021, $115 or $239,200 in May 2024) and {@code ~} (under 0.5% of
 * establishments report the occupation). A mark is never read as zero: each reader says what it does
 * with one, and counts it.
 */
public final class OewsCells {

    /** Hours in a full-time year, as BLS annualizes an hourly wage. */
    public static final double FULL_YEAR_HOURS = 2080;

    private static final Set<String> MARKS = Set.of("*", "**", "#", "~");

    /**
     * The annual percentile columns: BLS top-codes them, so the highest published one lies just below the top
     * code and bounds a top-coded wage from below (means are not top-coded the same way and may be higher).
     */
    static final List<String> ANNUAL_PERCENTILES = List.of("A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90");

    private OewsCells() {}

    /**
     * A cell's number.
     *
     * @param row the row
     * @param column the column
     * @return the value, or {@code null} when the cell is empty or marked
     * @throws BadInputException naming the file, line and field, if the cell is neither a number nor a BLS mark
     */
    public static Double number(Table.Row row, String column) throws BadInputException {
        String text = row.get(column).replace(",", "");
        if (text.isEmpty() || MARKS.contains(text)) {
            return null;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(row.where(column) + ": '" + row.get(column) + "' is neither a number nor a BLS"
                    + " mark (*, **, #, ~)");
        }
    }

    /**
     * Whether a cell carries the top-code mark {@code #}.
     *
     * @param row the row
     * @param column the column
     * @return true if it does
     */
    public static boolean topCoded(Table.Row row, String column) {
        return row.get(column).equals("#");
    }

    /**
     * How a row's mean annual wage was found.
     *
     * @param wage the wage, or {@code null} when the row gives none
     * @param how {@code published}, {@code top-coded} (the highest annual percentile wage the file publishes,
     *     just below BLS's top code: a lower bound), {@code hourly} (the hourly mean times 2,080, for occupations BLS publishes hourly only), or
     *     {@code none}
     */
    public record Wage(Double wage, String how) {}

    /**
     * A row's mean annual wage: {@code A_MEAN}; where it is top-coded ({@code #}), the highest annual
     * percentile wage the file publishes, a lower bound; where it is not available ({@code *}) but the hourly mean is, the
     * hourly mean times 2,080.
     *
     * @param row the row
     * @param highestPublished the highest annual wage the file publishes
     * @return the wage and how it was found
     * @throws BadInputException if a wage cell is malformed
     */
    public static Wage wage(Table.Row row, double highestPublished) throws BadInputException {
        Double annual = number(row, "A_MEAN");
        if (annual != null) {
            return new Wage(annual, "published");
        }
        if (topCoded(row, "A_MEAN") || topCoded(row, "H_MEAN")) {
            return new Wage(highestPublished, "top-coded");
        }
        Double hourly = number(row, "H_MEAN");
        if (hourly != null) {
            return new Wage(hourly * FULL_YEAR_HOURS, "hourly");
        }
        return new Wage(null, "none");
    }

    /**
     * The highest annual percentile wage a row publishes, to bound top-coded wages from below.
     *
     * @param row the row
     * @return the highest of its published annual percentile cells, or 0
     * @throws BadInputException if a wage cell is malformed
     */
    public static double highestAnnual(Table.Row row) throws BadInputException {
        double highest = 0;
        for (String column : ANNUAL_PERCENTILES) {
            Double value = number(row, column);
            if (value != null) {
                highest = Math.max(highest, value);
            }
        }
        return highest;
    }
}
