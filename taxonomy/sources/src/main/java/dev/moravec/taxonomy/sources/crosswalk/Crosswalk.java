package dev.moravec.taxonomy.sources.crosswalk;

import java.util.List;
import java.util.Map;

/**
 * A crosswalk as read from its official file: its links between two classifications, the titles the file
 * gives their codes, and what it cannot match.
 *
 * @param layout the official layout it was recognised as
 * @param file the file's name
 * @param links the distinct links, in file order
 * @param fromTitles the titles the file gives the codes of its first column
 * @param toTitles the titles it gives the codes of its second column
 * @param losses what it cannot match
 */
public record Crosswalk(CrosswalkLayout layout, String file, List<CrosswalkLink> links, Map<String, String> fromTitles,
        Map<String, String> toTitles, CrosswalkLosses losses) {

    /** Copies the lists and maps. */
    public Crosswalk {
        links = List.copyOf(links);
        fromTitles = Map.copyOf(fromTitles);
        toTitles = Map.copyOf(toTitles);
    }

    /** @return the classification of the first column */
    public Classification from() {
        return layout.from();
    }

    /** @return the classification of the second column */
    public Classification to() {
        return layout.to();
    }

    /**
     * One line on what the crosswalk holds and loses, for import reports.
     *
     * @return such as {@code ISCO-08 -> SOC 2010 (BLS, 2012/2015): 1,125 links, 438 -> 840 codes, 970 partial}
     */
    public String summary() {
        StringBuilder line = new StringBuilder(file + ": " + layout.title() + ": " + String.format(java.util.Locale.ROOT,
                "%,d links, %,d -> %,d codes", losses.links(), losses.fromCodes(), losses.toCodes()));
        line.append(String.format(java.util.Locale.ROOT, "; %,d codes matched to several, %,d receiving several",
                losses.splitCodes(), losses.mergedCodes()));
        if (losses.partialLinks() > 0) {
            line.append(String.format(java.util.Locale.ROOT, "; %,d partial matches", losses.partialLinks()));
        }
        int without = losses.fromWithoutPartner().size() + losses.toWithoutPartner().size();
        if (without > 0) {
            line.append(String.format(java.util.Locale.ROOT, "; %,d codes without a partner", without));
        }
        if (losses.duplicateRows() > 0) {
            line.append(String.format(java.util.Locale.ROOT, "; %,d repeated rows", losses.duplicateRows()));
        }
        return line.toString();
    }
}
