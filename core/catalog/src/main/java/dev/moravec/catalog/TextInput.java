package dev.moravec.catalog;

import dev.moravec.catalog.internal.Utf8Transcoder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens text inputs the way every reader of the project does: gzip recognised by content, the encoding
 * by its byte order mark (UTF-8 without one; UTF-16 and UTF-32 with one are read as well, as UTF-8 bytes;
 * without one they are refused, since they cannot be told apart reliably), first line sniffed.
 */
public final class TextInput {

    private static final int SNIFF_LIMIT = 1 << 16;

    private TextInput() {}

    /**
     * Buffers a stream, uncompresses it when it is gzip, and reads UTF-16 or UTF-32 with a byte order
     * mark as UTF-8.
     *
     * @param raw the bytes
     * @return the text's bytes in UTF-8, marked-reset capable for {@link #firstLine(InputStream)}
     * @throws UnsupportedEncodingException if the text looks like UTF-16 or UTF-32 without a byte order mark
     * @throws IOException if the stream cannot be read
     */
    public static InputStream open(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, SNIFF_LIMIT);
        if (isGzip(in)) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), SNIFF_LIMIT);
        }
        Charset encoding = encoding(in);
        if (encoding != null) {
            in = new BufferedInputStream(new Utf8Transcoder(in, encoding), SNIFF_LIMIT);
        }
        return in;
    }

    /**
     * The encoding a byte order mark names, the mark consumed; {@code null} for UTF-8 (with or without
     * its mark, which the readers skip).
     *
     * @throws UnsupportedEncodingException for text that looks like UTF-16 or UTF-32 without a mark
     */
    private static Charset encoding(InputStream in) throws IOException {
        in.mark(SNIFF_LIMIT);
        byte[] first = in.readNBytes(4);
        in.reset();
        // what has arrived, no more: a catalog streamed through a pipe must not wait for kilobytes
        in.mark(SNIFF_LIMIT);
        byte[] head = in.readNBytes(Math.max(first.length, Math.min(4096, in.available())));
        in.reset();
        int b0 = head.length > 0 ? head[0] & 0xff : -1;
        int b1 = head.length > 1 ? head[1] & 0xff : -1;
        boolean zeros = head.length > 3 && head[2] == 0 && head[3] == 0;
        Charset charset = null;
        int mark = 0;
        if (b0 == 0 && b1 == 0 && head.length > 3 && (head[2] & 0xff) == 0xFE && (head[3] & 0xff) == 0xFF) {
            charset = Charset.forName("UTF-32BE");
            mark = 4;
        } else if (b0 == 0xFF && b1 == 0xFE && zeros) {
            charset = Charset.forName("UTF-32LE");
            mark = 4;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            mark = 2;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            mark = 2;
        }
        if (charset != null) {
            in.skipNBytes(mark);
            return charset;
        }
        int nul = 0;
        for (byte b : head) {
            nul += b == 0 ? 1 : 0;
        }
        if (head.length >= 4 && nul * 4 >= head.length) {
            throw new UnsupportedEncodingException("the text looks like UTF-16 or UTF-32 without a byte order mark,"
                    + " which cannot be read reliably: save it as UTF-8 (or as UTF-16 with a byte order mark)");
        }
        return null;
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
