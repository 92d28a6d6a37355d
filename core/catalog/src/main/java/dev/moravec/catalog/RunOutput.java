package dev.moravec.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;

/**
 * Where a classification run writes: the records, in input order, and the rejected records. The run
 * writes whole batches of whole records and flushes after each, so the streams always end at a record
 * boundary when the run ends or stops.
 *
 * @param format the layout of the records
 * @param gzip whether the records are gzip-compressed: one gzip member per batch, which every gzip
 *     reader reads as one stream, so batches compress in parallel and a file cut short can be repaired
 *     at a member's end
 * @param records where records go; the caller owns and closes it
 * @param rejects where rejected records go, as JSON Lines ({@link RejectsWriter}); the caller owns it
 * @param mapper the mapper rejected records are written with
 */
public record RunOutput(VerdictFormat format, boolean gzip, OutputStream records, OutputStream rejects,
        ObjectMapper mapper) {}
