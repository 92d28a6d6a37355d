/**
 * Crosswalks between occupational classifications (O*NET-SOC 2019 and 2010, SOC 2018 and 2010, ISCO-08,
 * ESCO), read from their official layouts as links with a loss report, weighted and chained into
 * mappings whose weights are conserved; and the ESCO classification itself.
 */
package dev.moravec.taxonomy.sources.crosswalk;
