/**
 * How the Spark job works inside: what the driver ships to the executors (the runtime bundles, the plugin
 * jars it trusts and the configuration), the plugin host each executor JVM starts once, reading catalogs
 * with Spark's readers and Moravec's column recognition, rating partitions in batches, the verdict
 * records as Spark rows, the aggregations in Spark SQL and the run's summary.
 */
package dev.moravec.spark.internal;
