package dev.moravec.taxonomy.sources.crosswalk;

/**
 * One row of a crosswalk: a code of the first classification matched to one of the second.
 *
 * @param from the code in the crosswalk's first column
 * @param to the code it is matched to
 * @param partial true where the crosswalk marks the match as covering only part of {@code from} (the ISCO-08
 *     crosswalk's {@code part} flag)
 */
public record CrosswalkLink(String from, String to, boolean partial) {}
