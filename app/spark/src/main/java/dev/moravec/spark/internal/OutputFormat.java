package dev.moravec.spark.internal;

/** How the verdict records are written. */
public enum OutputFormat {
    /** Parquet, in the nested schema of {@link VerdictRows}. */
    PARQUET,
    /** JSON Lines, each line as {@code classify} writes it. */
    JSONL
}
