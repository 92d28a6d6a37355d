package dev.moravec.cli;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file that is created only when the first byte is written, so a run without rejects leaves none.
 * It is a {@link FileOutputStream}, not a channel, so an interrupt cannot close it in mid-write.
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
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            out = new BufferedOutputStream(new FileOutputStream(file.toFile(), append), 1 << 16);
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
