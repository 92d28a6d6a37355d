package dev.moravec.spark.internal;

import org.apache.spark.sql.SparkSession;

/** A Spark session in the test's JVM, on loopback, without the web UI: what a test reads and writes with. */
final class LocalSpark {

    private LocalSpark() {}

    /**
     * @return a {@code local[2]} session; the caller stops it
     */
    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("moravec test").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }
}
