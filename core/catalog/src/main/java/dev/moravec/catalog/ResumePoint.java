package dev.moravec.catalog;

/**
 * Where an interrupted run stopped, as its output and rejects files show: the number of whole records
 * each holds, and the last of each, by which a resumed run checks that it reads the same inputs.
 * Records are written in input order, so a run that resumes skips exactly that many records and that
 * many rejections of its inputs and rates the rest: none twice, none lost.
 *
 * @param records the whole records in the output
 * @param rejections the whole records in the rejects file
 * @param lastRecordId the task id of the output's last record, or {@code null} when it has none
 * @param lastRejection the source and line of the last rejected record, as {@code source:line}, or
 *     {@code null} when there is none
 * @param headerWritten whether the output already starts with its header (CSV)
 */
public record ResumePoint(long records, long rejections, String lastRecordId, String lastRejection,
        boolean headerWritten) {

    /** A run that starts from the beginning. */
    public static final ResumePoint START = new ResumePoint(0, 0, null, null, false);

    /**
     * Checks the counts.
     *
     * @throws IllegalArgumentException if a count is negative, or a last record is missing for a count
     */
    public ResumePoint {
        if (records < 0 || rejections < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if ((records > 0) != (lastRecordId != null) || (rejections > 0) != (lastRejection != null)) {
            throw new IllegalArgumentException("a last record goes with a count above 0, and only then");
        }
    }

    /** @return the number of input records already done: written or rejected */
    public long done() {
        return records + rejections;
    }
}
