/**
 * The taxonomy's Lucene index: occupations and tasks with their verdicts and scores, word and semantic
 * search, facets over the SOC hierarchy, rankings, and classifying the whole taxonomy.
 */
package dev.moravec.taxonomy.index;
