package dev.moravec.catalog;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose failures name it: every write, flush and close that fails throws an
 * {@link OutputFailedException} with the output's name, so a full disk is reported as an output
 * failure of that file, not as bad input.
 */
public final class NamedOutputStream extends FilterOutputStream {

    private final String name;

    /**
     * @param out the stream; this one owns it
     * @param name the output's name, such as its path or "standard output"
     */
    public NamedOutputStream(OutputStream out, String name) {
        super(out);
        this.name = name;
    }

    @Override
    public void write(int b) throws IOException {
        named(() -> out.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        named(() -> out.write(b, off, len));
    }

    @Override
    public void flush() throws IOException {
        named(out::flush);
    }

    @Override
    public void close() throws IOException {
        named(out::close);
    }

    private interface Step {
        void run() throws IOException;
    }

    private void named(Step step) throws IOException {
        try {
            step.run();
        } catch (OutputFailedException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputFailedException(name, e);
        }
    }
}
