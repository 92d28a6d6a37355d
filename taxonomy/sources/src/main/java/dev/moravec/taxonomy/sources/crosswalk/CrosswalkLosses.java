package dev.moravec.taxonomy.sources.crosswalk;

import java.util.List;

/**
 * What a crosswalk file says it cannot match, read from the file alone (what a chain of crosswalks loses
 * against the taxonomy is reported where the chain is built).
 *
 * @param rows data rows read
 * @param links distinct links (a row repeating a link is counted in {@code duplicateRows})
 * @param fromCodes distinct codes in the first column
 * @param toCodes distinct codes in the second column
 * @param partialLinks links marked as partial matches of their first code
 * @param splitCodes codes of the first column matched to more than one code (their weight is shared)
 * @param mergedCodes codes of the second column that more than one code is matched to
 * @param fromWithoutPartner codes of the first column on a row without a partner, in file order
 * @param toWithoutPartner codes of the second column on a row without a partner, in file order
 * @param duplicateRows rows that repeat a link already read
 * @param notes what else the reader noticed, one sentence each
 */
public record CrosswalkLosses(int rows, int links, int fromCodes, int toCodes, int partialLinks, int splitCodes,
        int mergedCodes, List<String> fromWithoutPartner, List<String> toWithoutPartner, int duplicateRows,
        List<String> notes) {

    /** Copies the lists. */
    public CrosswalkLosses {
        fromWithoutPartner = List.copyOf(fromWithoutPartner);
        toWithoutPartner = List.copyOf(toWithoutPartner);
        notes = List.copyOf(notes);
    }
}
