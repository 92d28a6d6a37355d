package dev.moravec.catalog;

import java.util.Locale;
import java.util.Optional;

/** The catalog layouts Moravec reads. Each may be gzip-compressed. */
public enum CatalogFormat {
    /** Tab-separated values with a header line, as the O*NET text release writes them; no quoting. */
    TSV,
    /** Comma-separated values with a header line, quoted as RFC 4180 says. */
    CSV,
    /** One JSON object per line. */
    JSONL,
    /** One JSON array of objects. */
    JSON;

    /**
     * The format a file name implies, ignoring a {@code .gz} suffix.
     *
     * @param fileName the name
     * @return the format, or empty when the extension says nothing (then the content decides)
     */
    public static Optional<CatalogFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".txt")) {
            return Optional.of(TSV);
        }
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty(); // .json may hold an array or JSON Lines: the content decides
    }

    /**
     * The format the start of a catalog shows.
     *
     * @param firstLine the first non-blank line
     * @return JSON for an array, JSON Lines for an object, TSV for a header with tabs, else CSV
     */
    public static CatalogFormat sniff(String firstLine) {
        String line = firstLine.strip();
        if (line.startsWith("[")) {
            return JSON;
        }
        if (line.startsWith("{")) {
            return JSONL;
        }
        return line.indexOf('\t') >= 0 ? TSV : CSV;
    }
}
