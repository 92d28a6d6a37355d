package dev.moravec.catalog;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Counts the whole records in the bytes of an output as they stream past: lines of JSON Lines, or
 * CSV records, whose quoted fields may hold line breaks. Keeps the first and the last whole record (the
 * CSV header, and what a resumed run checks its inputs against) and where the last one ends. Not
 * thread-safe.
 */
final class RecordScanner {

    /** Where the scanner stood at a whole record's end, to come back to. */
    record Mark(long records, long bytes, byte[] first, byte[] last) {}

    private final boolean csv;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private boolean inQuotes;
    private long records;
    private long consumed;
    private long boundary;
    private byte[] first;
    private byte[] last;

    /**
     * @param csv whether the records are CSV (else JSON Lines)
     */
    RecordScanner(boolean csv) {
        this.csv = csv;
    }

    /**
     * Scans more bytes.
     *
     * @param buffer the bytes
     * @param offset where they start
     * @param length how many
     */
    void feed(byte[] buffer, int offset, int length) {
        int end = offset + length;
        int recordStart = offset; // where the record in progress starts in this buffer, if it started here
        int lastStart = -1;
        int lastEnd = -1;
        boolean lastBeganEarlier = false;
        for (int i = offset; i < end; i++) {
            byte b = buffer[i];
            if (b == '"' && csv) {
                inQuotes = !inQuotes; // an escaped quote ("") toggles twice
            } else if (b == '\n' && !inQuotes) {
                records++;
                lastBeganEarlier = recordStart == offset && current.size() > 0;
                lastStart = recordStart;
                lastEnd = i;
                if (records == 1) {
                    first = record(buffer, lastStart, lastEnd, lastBeganEarlier);
                }
                recordStart = i + 1;
            }
        }
        consumed += length;
        if (lastEnd >= 0) {
            last = record(buffer, lastStart, lastEnd, lastBeganEarlier);
            boundary = consumed - (end - lastEnd - 1);
            current.reset();
        }
        current.write(buffer, recordStart, end - recordStart);
    }

    private byte[] record(byte[] buffer, int start, int end, boolean beganEarlier) {
        int length = end - start;
        if (length > 0 && buffer[end - 1] == '\r') {
            length--;
        }
        if (!beganEarlier) {
            return Arrays.copyOfRange(buffer, start, start + length);
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream(current.size() + length);
        whole.write(current.toByteArray(), 0, current.size());
        whole.write(buffer, start, length);
        return whole.toByteArray();
    }

    /** @return whether the bytes so far end with a whole record */
    boolean atBoundary() {
        return current.size() == 0 && !inQuotes;
    }

    /** @return where the scanner stands after the last whole record */
    Mark mark() {
        return new Mark(records, boundary, first, last);
    }
}
