package dev.moravec.spark.internal;

import dev.moravec.catalog.CatalogFormat;
import java.util.Locale;
import java.util.Optional;

/** The catalog layouts the Spark job reads, each with Spark's own reader. */
public enum InputFormat {
    /** Tab-separated values with a header line, unquoted, as O*NET writes them: Spark's CSV reader. */
    TSV,
    /** Comma-separated values with a header line, quoted as RFC 4180 says: Spark's CSV reader. */
    CSV,
    /** One JSON object per line: Spark's text reader, each line read as {@code classify} reads it. */
    JSONL,
    /** Parquet, flat columns or Moravec's own nested record: Spark's Parquet reader. */
    PARQUET;

    /**
     * The layout a file name shows, as {@code classify} recognises it, and {@code .parquet}.
     *
     * @param fileName the name, compressed or not
     * @return the layout, or empty when the name says nothing
     */
    public static Optional<InputFormat> fromFileName(String fileName) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return Optional.of(PARQUET);
        }
        return CatalogFormat.fromFileName(fileName).flatMap(InputFormat::of);
    }

    /**
     * The layout of a catalog format the job reads.
     *
     * @param format a catalog format
     * @return the layout; empty for a JSON array, which the job does not read
     */
    public static Optional<InputFormat> of(CatalogFormat format) {
        return switch (format) {
            case TSV -> Optional.of(TSV);
            case CSV -> Optional.of(CSV);
            case JSONL -> Optional.of(JSONL);
            case JSON -> Optional.empty();
        };
    }
}
