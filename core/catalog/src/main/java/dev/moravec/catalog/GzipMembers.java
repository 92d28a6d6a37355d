package dev.moravec.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/**
 * Gzip output written as a series of members, one per batch. Every gzip reader (zcat, Java's
 * {@link java.util.zip.GZIPInputStream}, Python's gzip) reads the members as one stream, so batches
 * compress on several threads at once, and a file cut short can be repaired at a member's end.
 */
final class GzipMembers {

    private GzipMembers() {}

    /**
     * Opens one member; closing it finishes the member (and closes {@code out}).
     *
     * @param out where the member goes
     * @return the stream to write the member's content to
     * @throws IOException if the header cannot be written
     */
    static OutputStream open(OutputStream out) throws IOException {
        // the fastest level: output runs at tens of megabytes a second, and JSON still shrinks several times
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /**
     * Where a gzip file of whole members ends.
     *
     * @param bytes the compressed bytes up to the end of the last whole member that ends with a whole record
     * @param mark the records in those members
     */
    record Cut(long bytes, RecordScanner.Mark mark) {}

    /**
     * Reads a gzip file member by member, scanning the records of each, and finds the end of the last
     * whole member that ends with a whole record. A member cut short, or bytes that are not a member,
     * end the scan.
     *
     * @param in the file's bytes; not closed
     * @param scanner counts the records
     * @return where the file may be cut
     * @throws IOException if reading fails
     */
    static Cut scan(InputStream in, RecordScanner scanner) throws IOException {
        Input input = new Input(in);
        Cut cut = new Cut(0, scanner.mark());
        byte[] out = new byte[1 << 16];
        Inflater inflater = new Inflater(true);
        try {
            while (input.available()) {
                if (!input.header()) {
                    break;
                }
                inflater.reset();
                CRC32 crc = new CRC32();
                long size = 0;
                boolean finished = false;
                while (!finished) {
                    if (inflater.needsInput()) {
                        if (!input.fill()) {
                            break;
                        }
                        inflater.setInput(input.buffer, input.position, input.limit - input.position);
                        input.position = input.limit;
                    }
                    int n;
                    try {
                        n = inflater.inflate(out);
                    } catch (DataFormatException e) {
                        break; // garbage where a member should be: cut before it
                    }
                    crc.update(out, 0, n);
                    size += n;
                    scanner.feed(out, 0, n);
                    finished = inflater.finished();
                    if (!finished && n == 0 && inflater.needsDictionary()) {
                        break;
                    }
                }
                if (!finished) {
                    break;
                }
                input.position -= inflater.getRemaining();
                long storedCrc = input.int32();
                long storedSize = input.int32();
                if (storedCrc < 0 || storedSize < 0 || storedCrc != crc.getValue() || storedSize != (size & 0xffffffffL)) {
                    break; // a trailer cut short or wrong
                }
                if (scanner.atBoundary()) {
                    cut = new Cut(input.offset(), scanner.mark());
                }
            }
        } finally {
            inflater.end();
        }
        return cut;
    }

    /** A file read through a buffer, knowing its offset. */
    private static final class Input {
        final InputStream in;
        final byte[] buffer = new byte[1 << 16];
        int position;
        int limit;
        long before; // the file offset of buffer[0]

        Input(InputStream in) {
            this.in = in;
        }

        long offset() {
            return before + position;
        }

        /** Ensures unread bytes are buffered; false at the end of the file. */
        boolean fill() throws IOException {
            if (position < limit) {
                return true;
            }
            before += limit;
            position = 0;
            limit = 0;
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            limit = n;
            return true;
        }

        boolean available() throws IOException {
            return fill();
        }

        /** The next byte, or -1 at the end. */
        int next() throws IOException {
            return fill() ? buffer[position++] & 0xff : -1;
        }

        /** A little-endian unsigned 32-bit number, or -1 when the file ends first. */
        long int32() throws IOException {
            long value = 0;
            for (int i = 0; i < 4; i++) {
                int b = next();
                if (b < 0) {
                    return -1;
                }
                value |= (long) b << (8 * i);
            }
            return value;
        }

        /** Reads a member's header (RFC 1952); false when the bytes are not one or end first. */
        boolean header() throws IOException {
            if (next() != 0x1f || next() != 0x8b || next() != 8) {
                return false;
            }
            int flags = next();
            for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
                if (next() < 0) {
                    return false;
                }
            }
            if (flags < 0) {
                return false;
            }
            if ((flags & 4) != 0) { // FEXTRA
                int low = next();
                int high = next();
                if (high < 0) {
                    return false;
                }
                for (int i = 0; i < (low | high << 8); i++) {
                    if (next() < 0) {
                        return false;
                    }
                }
            }
            for (int field : new int[] {8, 16}) { // FNAME, FCOMMENT: zero-terminated
                if ((flags & field) != 0) {
                    for (int b = next(); b != 0; b = next()) {
                        if (b < 0) {
                            return false;
                        }
                    }
                }
            }
            if ((flags & 2) != 0 && (next() < 0 || next() < 0)) { // FHCRC
                return false;
            }
            return true;
        }
    }
}
