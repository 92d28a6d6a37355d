package dev.moravec.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Text in another encoding (UTF-16, UTF-32) as the UTF-8 bytes every reader of the project reads, decoded
 * and encoded again as it streams. Characters that cannot be decoded become U+FFFD.
 */
public final class Utf8Transcoder extends InputStream {

    private final Reader reader;
    private final char[] chars = new char[8192];
    private byte[] bytes = new byte[0];
    private int position;
    private boolean carrying;
    private boolean ended;

    /**
     * @param in the text's bytes, after its byte order mark; this stream owns them
     * @param charset their encoding
     */
    public Utf8Transcoder(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == bytes.length) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, bytes.length - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }

    // decodes the next characters; a high surrogate at the end waits for its low half
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        int start = carrying ? 1 : 0;
        int read = reader.read(chars, start, chars.length - start);
        int length = start + Math.max(0, read);
        if (read < 0) {
            ended = true;
            if (length == 0) {
                return false;
            }
        }
        carrying = !ended && Character.isHighSurrogate(chars[length - 1]);
        int whole = carrying ? length - 1 : length;
        bytes = new String(chars, 0, whole).getBytes(StandardCharsets.UTF_8);
        position = 0;
        if (carrying) {
            chars[0] = chars[length - 1];
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
