/**
 * Employment and wages by industry: the BLS OEWS industry-specific estimates (NAICS sector by occupation),
 * with BLS's suppressed cells estimated or left out as documented, never read as zero.
 */
package dev.moravec.taxonomy.sources.industry;
