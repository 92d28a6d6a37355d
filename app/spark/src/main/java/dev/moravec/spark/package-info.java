/**
 * The Spark adapter of the application layer: {@code moravec spark classify} (Spark embedded in the
 * launcher's JVM, or driving a cluster) and the job jar's main for {@code spark-submit}. Both parse their
 * options, hand the work to the driver's classifier and report its summary; the work itself is in
 * {@code internal}.
 */
package dev.moravec.spark;
