/**
 * The application layer: the composition root that starts the plugin host, embedder, taxonomy index
 * and scoring engine, and the services and JSON views that every adapter (command line, server,
 * benchmarks) uses.
 */
package dev.moravec.app;
