/**
 * JMH microbenchmarks of the scorers' inner loops and the output writer.
 */
package dev.moravec.bench.jmh;
