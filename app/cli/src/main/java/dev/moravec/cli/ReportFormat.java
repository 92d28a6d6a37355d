package dev.moravec.cli;

/** How the commands that print one document (evaluate, calibrate, plugins list) print it. */
enum ReportFormat {
    /** Text tables for a terminal. */
    table,
    /** One JSON document (the fields of evaluation reports are in docs/evaluation.md). */
    json
}
