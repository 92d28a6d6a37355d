package dev.moravec.catalog;

/** What a classification run does with a record it cannot read. */
public enum OnError {
    /** Stop at the first bad record with an error naming file, line and field. */
    FAIL,
    /** Write every bad record to the rejects file with its line and reason, and go on. */
    SKIP
}
