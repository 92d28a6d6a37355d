package dev.moravec.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/** Opens text inputs the way every reader of the project does: gzip recognised by content, first line sniffed. */
public final class TextInput {

    private static final int SNIFF_LIMIT = 1 << 16;

    private TextInput() {}

    /**
     * Buffers a stream and uncompresses it when it is gzip.
     *
     * @param raw the bytes
     * @return the text's bytes, marked-reset capable for {@link #firstLine(InputStream)}
     * @throws IOException if the stream cannot be read
     */
    public static InputStream open(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, SNIFF_LIMIT);
        if (isGzip(in)) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), SNIFF_LIMIT);
        }
        return in;
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /**
     * The first non-blank line, without consuming it.
     *
     * @param in a stream from {@link #open(InputStream)}
     * @return the line, a byte order mark removed; empty when there is none in the first 64 KiB
     * @throws IOException if the stream cannot be read
     */
    public static String firstLine(InputStream in) throws IOException {
        in.mark(SNIFF_LIMIT);
        byte[] head = in.readNBytes(SNIFF_LIMIT - 1);
        in.reset();
        for (String line : new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r?\n")) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }
}
