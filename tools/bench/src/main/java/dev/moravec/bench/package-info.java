/**
 * The moravec-bench command: benchmarks and load checks of the product, run beside it and never in it.
 */
package dev.moravec.bench;
