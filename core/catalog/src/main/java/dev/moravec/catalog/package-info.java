/**
 * The files Moravec reads and writes: task catalogs in (TSV, CSV, JSON, JSON Lines, gzip), verdict
 * records out with one JSON codec, rejects, the configuration file; and the streaming pipeline that
 * classifies a catalog, with resume.
 */
package dev.moravec.catalog;
