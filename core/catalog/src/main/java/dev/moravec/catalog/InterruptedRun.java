package dev.moravec.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.moravec.model.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an interrupted classification run left behind, read from its output and rejects files: how
 * many whole records each holds (the {@link ResumePoint} a resumed run starts from) and, when the run
 * was killed while writing, how many bytes of an unfinished record (or gzip member) follow the last
 * whole one. {@link #repair()} cuts those off, so the resumed run appends after a whole record.
 *
 * @param point where the resumed run starts
 * @param output the output file
 * @param outputKeep the bytes of the output up to its last whole record
 * @param outputSize the output's size now
 * @param rejects the rejects file
 * @param rejectsKeep the bytes of the rejects up to their last whole record
 * @param rejectsSize the rejects' size now
 * @param scorers the scorers of the output's last record, id to version (CSV, which has no versions,
 *     maps each id of its header to {@code null}); empty when the output has no record
 */
public record InterruptedRun(ResumePoint point, Path output, long outputKeep, long outputSize, Path rejects,
        long rejectsKeep, long rejectsSize, Map<String, String> scorers) {

    /**
     * Reads what an interrupted run wrote. Files that do not exist count as empty.
     *
     * @param output the output file
     * @param csv whether the output is CSV (else JSON Lines)
     * @param gzip whether the output is gzip-compressed (as members, as {@link CatalogClassifier} writes it)
     * @param rejects the rejects file (JSON Lines)
     * @param mapper the JSON mapper
     * @return what the files hold
     * @throws IOException if a file cannot be read
     * @throws BadInputException if the last whole record cannot be read as the run's output
     */
    public static InterruptedRun find(Path output, boolean csv, boolean gzip, Path rejects, ObjectMapper mapper)
            throws IOException, BadInputException {
        RecordScanner.Mark out;
        long outputSize = Files.exists(output) ? Files.size(output) : 0;
        long outputKeep;
        try (InputStream in = Files.exists(output) ? Files.newInputStream(output) : InputStream.nullInputStream()) {
            RecordScanner scanner = new RecordScanner(csv);
            if (gzip) {
                GzipMembers.Cut cut = GzipMembers.scan(in, scanner);
                out = cut.mark();
                outputKeep = cut.bytes();
            } else {
                scanPlain(in, scanner);
                out = scanner.mark();
                outputKeep = out.bytes();
            }
        }
        long rejectsSize = Files.exists(rejects) ? Files.size(rejects) : 0;
        RecordScanner.Mark rejected;
        try (InputStream in = Files.exists(rejects) ? Files.newInputStream(rejects) : InputStream.nullInputStream()) {
            RecordScanner scanner = new RecordScanner(false);
            scanPlain(in, scanner);
            rejected = scanner.mark();
        }

        long records = out.records();
        boolean header = false;
        String lastId = null;
        Map<String, String> scorers = new LinkedHashMap<>();
        if (csv && records > 0) {
            header = true;
            records--;
            for (String column : csvRow(out.first(), output)) {
                if (column.endsWith(".status")) {
                    scorers.put(column.substring(0, column.length() - ".status".length()), null);
                }
            }
            if (records > 0) {
                lastId = csvRow(out.last(), output).get(0);
            }
        } else if (records > 0) {
            JsonNode last = json(out.last(), output, mapper);
            lastId = last.path("id").asText();
            for (JsonNode rating : last.path(VerdictJson.RATINGS)) {
                scorers.put(rating.path(VerdictJson.SCORER).asText(), rating.path(VerdictJson.VERSION).asText());
            }
        }
        if (lastId != null && lastId.isEmpty()) {
            throw new BadInputException("cannot resume: the last record of " + output + " has no task id; is it the"
                    + " output of 'moravec classify'? Run without --resume to start again");
        }
        String lastRejection = null;
        if (rejected.records() > 0) {
            JsonNode last = json(rejected.last(), rejects, mapper);
            lastRejection = last.path("source").asText() + ":" + last.path("line").asLong();
        }
        return new InterruptedRun(new ResumePoint(records, rejected.records(), lastId, lastRejection, header),
                output, outputKeep, outputSize, rejects, rejected.bytes(), rejectsSize, scorers);
    }

    private static void scanPlain(InputStream in, RecordScanner scanner) throws IOException {
        byte[] buffer = new byte[1 << 20];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            scanner.feed(buffer, 0, n);
        }
    }

    private static JsonNode json(byte[] record, Path file, ObjectMapper mapper) throws BadInputException {
        try {
            JsonNode node = mapper.readTree(record);
            if (node instanceof ObjectNode) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new BadInputException("cannot resume: the last whole line of " + file + " is not a JSON object: "
                + preview(record) + ". Run without --resume to start again");
    }

    private static List<String> csvRow(byte[] record, Path file) throws BadInputException {
        try {
            List<String> row = Arrays.asList(new CsvMapper().readerFor(String[].class).<String[]>readValue(record));
            if (!row.isEmpty()) {
                return row;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new BadInputException("cannot resume: a record of " + file + " is not CSV: " + preview(record)
                + ". Run without --resume to start again");
    }

    private static String preview(byte[] record) {
        String text = new String(record, 0, Math.min(record.length, 120), StandardCharsets.UTF_8);
        return "'" + text + (record.length > 120 ? "...'" : "'");
    }

    /** @return the bytes after the output's last whole record, which {@link #repair()} cuts off */
    public long outputCut() {
        return outputSize - outputKeep;
    }

    /** @return the bytes after the rejects' last whole record, which {@link #repair()} cuts off */
    public long rejectsCut() {
        return rejectsSize - rejectsKeep;
    }

    /**
     * Cuts off what follows the last whole record of the output and of the rejects.
     *
     * @throws IOException if a file cannot be truncated
     */
    public void repair() throws IOException {
        truncate(output, outputKeep, outputSize);
        truncate(rejects, rejectsKeep, rejectsSize);
    }

    private static void truncate(Path file, long keep, long size) throws IOException {
        if (keep < size) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(keep);
            }
        }
    }
}
