package dev.moravec.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file that is created only when the first byte is written, so a run without rejects leaves none. */
final class LazyFileOutputStream extends OutputStream {

    private final Path file;
    private OutputStream out;

    LazyFileOutputStream(Path file) {
        this.file = file;
    }

    private OutputStream out() throws IOException {
        if (out == null) {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            out = new BufferedOutputStream(Files.newOutputStream(file));
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
