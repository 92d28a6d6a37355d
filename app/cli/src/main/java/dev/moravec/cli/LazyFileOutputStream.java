package dev.moravec.cli;

import dev.moravec.catalog.OutputLock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A file that is created only when the first byte is written, so a run without rejects leaves none;
 * then it is locked for the run ({@link OutputLock}). It is a {@link java.io.FileOutputStream}, not a
 * channel, so an interrupt cannot close it in mid-write.
 */
final class LazyFileOutputStream extends OutputStream {

    private final Path file;
    private final boolean append;
    private OutputStream out;

    /**
     * @param file the file
     * @param append whether to add to what the file holds (else it is replaced)
     */
    LazyFileOutputStream(Path file, boolean append) {
        this.file = file;
        this.append = append;
    }

    private OutputStream out() throws IOException {
        if (out == null) {
            out = OutputLock.acquire(file).open(append); // a second run writing the same file is refused
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        out().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > 0) {
            out().write(b, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
