package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.RejectsWriter;
import dev.moravec.catalog.Rejection;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The rejects of the rating pass, written beside the verdicts in the same pass over the input: each task
 * attempt writes the records its partition rejects to a file of its own (created at the first one), named
 * complete once it has read its whole partition; when the job has succeeded, the driver keeps one complete
 * file per partition ({@link #commit}) and drops the rest. Every complete attempt of a partition read the
 * same rows and rejected the same records, so a task Spark retried, or ran twice speculatively, leaves
 * its partition's rejects once. Lines as {@code classify}'s rejects file ({@link RejectsWriter}).
 */
final class RejectsOutput implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private static final String ATTEMPTS = "_attempts";
    private static final Pattern COMPLETE = Pattern.compile("part-(\\d+)-\\d+\\.jsonl");

    private final String dir;
    private final SerializableConfiguration hadoop; // what the executors write with: the driver's file systems

    /**
     * @param dir the rejects folder
     * @param configuration the driver's Hadoop configuration
     */
    RejectsOutput(String dir, Configuration configuration) {
        this.dir = dir;
        this.hadoop = new SerializableConfiguration(configuration);
    }

    /**
     * On an executor: the rejects of one task attempt.
     *
     * @param partition the partition it reads
     * @param attempt the attempt's id, unique in the application
     * @param mapper the mapper that writes the lines
     * @return the writer; nothing is created until the first rejection
     */
    Attempt open(int partition, long attempt, ObjectMapper mapper) {
        return new Attempt(partition, attempt, mapper);
    }

    /**
     * On the driver, once the job has succeeded: one complete file per partition moved into the rejects
     * folder as {@code part-NNNNN.jsonl}, the attempts' folder deleted. The folder exists afterwards, empty
     * when nothing was rejected.
     *
     * @throws IOException if the file system fails
     */
    void commit() throws IOException {
        Path folder = new Path(dir);
        Path attempts = new Path(folder, ATTEMPTS);
        FileSystem fs = folder.getFileSystem(hadoop.value());
        fs.mkdirs(folder);
        if (!fs.exists(attempts)) {
            return;
        }
        // by partition, one complete file: every complete attempt of a partition rejected the same records
        Map<Integer, Path> kept = new TreeMap<>();
        for (FileStatus file : fs.listStatus(attempts)) {
            Matcher name = COMPLETE.matcher(file.getPath().getName());
            if (name.matches()) {
                kept.putIfAbsent(Integer.parseInt(name.group(1)), file.getPath());
            }
        }
        for (Map.Entry<Integer, Path> file : kept.entrySet()) {
            Path target = new Path(folder, String.format(java.util.Locale.ROOT, "part-%05d.jsonl", file.getKey()));
            if (!fs.rename(file.getValue(), target)) {
                throw new IOException("cannot move " + file.getValue() + " to " + target);
            }
        }
        fs.delete(attempts, true);
    }

    /**
     * On the driver, when the job failed: the attempts' files deleted.
     *
     * @throws IOException if the file system fails
     */
    void abort() throws IOException {
        Path attempts = new Path(new Path(dir), ATTEMPTS);
        attempts.getFileSystem(hadoop.value()).delete(attempts, true);
    }

    /** One task attempt's rejects. Not thread-safe: a task reads its partition on one thread. */
    final class Attempt {
        private final int partition;
        private final long attempt;
        private final ObjectMapper mapper;
        private RejectsWriter writer;
        private Path file;
        private Path written; // the file while the attempt writes it
        private boolean ended;

        private Attempt(int partition, long attempt, ObjectMapper mapper) {
            this.partition = partition;
            this.attempt = attempt;
            this.mapper = mapper;
        }

        /**
         * @param rejection a record the partition rejects
         * @throws IOException if writing fails
         */
        void write(Rejection rejection) throws IOException {
            if (writer == null) {
                file = new Path(new Path(new Path(dir), ATTEMPTS),
                        String.format(java.util.Locale.ROOT, "part-%05d-%d.jsonl", partition, attempt));
                written = new Path(file.getParent(), file.getName() + ".tmp");
                writer = new RejectsWriter(written.getFileSystem(hadoop.value()).create(written, true), mapper);
            }
            writer.write(rejection);
        }

        /**
         * The partition is read: the file, if any, is closed and named complete. Again, does nothing.
         *
         * @throws IOException if closing or renaming fails
         */
        void complete() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            if (writer != null) {
                writer.close();
                if (!written.getFileSystem(hadoop.value()).rename(written, file)) {
                    throw new IOException("cannot rename " + written + " to " + file);
                }
            }
        }

        /** The task ended before its partition was read: the file, if any, is closed and left incomplete. */
        void abandon() {
            if (ended) {
                return;
            }
            ended = true;
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    // the attempt failed already; its file is never kept
                }
            }
        }
    }
}
