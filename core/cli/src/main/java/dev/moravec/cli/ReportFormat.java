package dev.moravec.cli;

/** How the evaluate and calibrate commands print their report. */
enum ReportFormat {
    /** Text tables for a terminal. */
    table,
    /** One JSON document, with the fields the README documents. */
    json
}
