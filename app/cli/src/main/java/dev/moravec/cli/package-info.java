/**
 * The command-line adapter: one picocli command per verb, each parsing its options, calling the
 * application services and printing their results.
 */
package dev.moravec.cli;
