package dev.moravec.cli;

import dev.moravec.catalog.NamedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Standard output as {@code classify} writes its records to it: every write error reaches the run (the
 * process's standard output is a plain {@link FileOutputStream}, not {@link System#out}, which swallows
 * errors), named after the file standard output is redirected to where the system says which, so a full
 * disk or a closed pipe ends the run with exit code 5 and the path. Closing it leaves standard output open.
 */
final class StandardOutput {

    private StandardOutput() {}

    /**
     * @param stdout the environment's standard output
     * @return the stream to write records to
     */
    static OutputStream open(OutputStream stdout) {
        return new NamedOutputStream(new FilterOutputStream(stdout) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // standard output stays open
            }
        }, name(stdout));
    }

    // "standard output (/data/rated.jsonl)" when it is redirected to a file, as Linux tells in /proc
    static String name(OutputStream stdout) {
        try {
            if (stdout instanceof FileOutputStream file && file.getFD() == FileDescriptor.out) {
                Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/1"));
                if (target.isAbsolute() && Files.isRegularFile(target)) {
                    return "standard output (" + target + ")";
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or no /proc: the plain name says enough
        }
        return "standard output";
    }
}
