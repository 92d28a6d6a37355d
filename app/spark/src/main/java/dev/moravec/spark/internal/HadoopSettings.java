package dev.moravec.spark.internal;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration, carried to the executors with a task (Hadoop's {@link Configuration}
 * is {@code Writable}, not {@code Serializable}), so that what they write reaches the file system the driver
 * named, with its settings (HDFS, S3 credentials).
 */
final class HadoopSettings implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private transient Configuration configuration;

    /**
     * @param configuration the driver's configuration
     */
    HadoopSettings(Configuration configuration) {
        this.configuration = configuration;
    }

    /** @return the configuration */
    Configuration configuration() {
        return configuration;
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        configuration.write(out);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        configuration = new Configuration(false);
        configuration.readFields(in);
    }
}
