package dev.moravec.catalog;

import java.util.Set;

/**
 * Maps the occupation codes a catalog gives in another classification (ISCO-08, ESCO, SOC 2010) to the
 * O*NET-SOC codes its tasks are rated with, so that scorers that read what the taxonomy knows about an
 * occupation find it. With a mapping, a record's {@code fields} carry {@code occupationGiven} (the code as
 * given) and {@code occupationMapping} (what it became, or why it became nothing); a code that maps to
 * nothing leaves the task without an occupation, rated on its statement.
 */
public interface OccupationCodes {

    /**
     * The mapping of one code.
     *
     * @param code the O*NET-SOC code to rate the task with, or {@code null} when the code maps to none
     * @param note what it was mapped to and how, or why it was not
     */
    record Mapped(String code, String note) {}

    /**
     * Maps a code; called from several threads at once.
     *
     * @param given the code as the catalog gives it, stripped
     * @return its mapping
     */
    Mapped map(String given);

    /**
     * The other names of the occupation code column in this classification, such as {@code ISCO-08 Code},
     * compared ignoring case, spaces and punctuation.
     *
     * @return the names
     */
    Set<String> columnNames();

    /**
     * Whether a header names the occupation code column in this classification.
     *
     * @param header a column's name as the catalog writes it
     * @return true if it does
     */
    default boolean recognises(String header) {
        return columnNames().stream().anyMatch(name -> Column.normalise(name).equals(Column.normalise(header)));
    }
}
