/**
 * Readers of the official files the taxonomy is built from (the O*NET text release, SOC titles, task
 * ratings, OEWS employment) and the built-in starter catalog, giving a {@link dev.moravec.taxonomy.sources.Release}
 * of plain values.
 */
package dev.moravec.taxonomy.sources;
