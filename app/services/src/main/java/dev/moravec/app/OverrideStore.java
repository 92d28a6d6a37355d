package dev.moravec.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Scores;
import dev.moravec.model.Thresholds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The analyst overrides kept in the data folder, with their audit log: {@code overrides.jsonl} holds the
 * overrides in effect (JSON Lines, as {@link OverrideFile} reads them), rewritten whole on every change;
 * {@code overrides-log.jsonl} gets one line per change and is only ever appended to: when, who, what
 * (added, replaced, removed), the override before and after, and the target's scores before and after.
 * Thread-safe within a process; a change replaces the file in one move, so a reader never sees half of it.
 */
public final class OverrideStore {

    /** The file of the overrides in effect, in the data folder. */
    public static final String FILE = "overrides.jsonl";

    /** The append-only audit log, in the data folder. */
    public static final String LOG = "overrides-log.jsonl";

    /**
     * A target's scores, as a change's log line records them before and after it.
     *
     * @param task the task's T, V, S and quadrant, or {@code null} for an occupation's override
     * @param occupation the occupation's mean T, V and S, or {@code null} before it is classified
     */
    public record Effect(Scores task, Scores occupation) {}

    private final Path file;
    private final Path log;
    private final ObjectMapper mapper;
    private final OverrideFile format;
    private Read cached;

    /** The file's content as last read, with the time and size it had then. */
    private record Read(FileTime modified, long size, List<AnalystOverride> overrides) {}

    /**
     * @param dataDir the data folder
     * @param mapper the project's mapper
     */
    public OverrideStore(Path dataDir, ObjectMapper mapper) {
        this.file = dataDir.resolve(FILE);
        this.log = dataDir.resolve(LOG);
        this.mapper = mapper;
        this.format = new OverrideFile(mapper);
    }

    /** @return the file of the overrides in effect */
    public Path file() {
        return file;
    }

    /** @return the audit log */
    public Path logFile() {
        return log;
    }

    /**
     * The overrides in effect, read again only when the file changed (as after an {@code override add} while
     * a server runs).
     *
     * @return the overrides, in the order they were added; none when the file does not exist
     * @throws IOException if the file cannot be read
     * @throws BadInputException if the file was edited into something malformed; the message names the line
     */
    public synchronized List<AnalystOverride> list() throws IOException, BadInputException {
        if (!Files.exists(file)) {
            return List.of();
        }
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        if (cached == null || !cached.modified().equals(modified) || cached.size() != size) {
            cached = new Read(modified, size, format.read(file));
        }
        return cached.overrides();
    }

    /**
     * The overrides in effect, ready to apply.
     *
     * @param thresholds where the quadrants are split
     * @return the overrides
     * @throws IOException if the file cannot be read
     * @throws BadInputException if the file is malformed
     */
    public AnalystOverrides current(Thresholds thresholds) throws IOException, BadInputException {
        return new AnalystOverrides(list(), thresholds);
    }

    /**
     * Adds an override, replacing the one of the same target if there is one, and logs the change.
     *
     * @param override the override
     * @param who who makes the change
     * @param before the target's scores before
     * @param after the target's scores after
     * @return the log line written
     * @throws IOException if a file cannot be written
     * @throws BadInputException if the file in effect is malformed
     */
    public synchronized ObjectNode put(AnalystOverride override, String who, Effect before, Effect after)
            throws IOException, BadInputException {
        List<AnalystOverride> overrides = new ArrayList<>(list());
        AnalystOverride replaced = null;
        for (int i = 0; i < overrides.size(); i++) {
            if (overrides.get(i).target().equals(override.target())) {
                replaced = overrides.set(i, override);
            }
        }
        if (replaced == null) {
            overrides.add(override);
        }
        write(overrides);
        return append(replaced == null ? "add" : "replace", override.target(), override.reason(), who, replaced, override,
                before, after);
    }

    /**
     * Removes the override of a target and logs the change.
     *
     * @param occupation the target's occupation
     * @param taskId the target's task, or {@code null} for the occupation's own override
     * @param who who makes the change
     * @param reason why
     * @param before the target's scores before
     * @param after the target's scores after
     * @return the log line written
     * @throws IOException if a file cannot be written
     * @throws BadInputException if there is no such override, or the file in effect is malformed
     */
    public synchronized ObjectNode remove(String occupation, String taskId, String who, String reason, Effect before,
            Effect after) throws IOException, BadInputException {
        String target = AnalystOverride.target(occupation, taskId);
        List<AnalystOverride> overrides = new ArrayList<>(list());
        AnalystOverride removed = overrides.stream().filter(o -> o.target().equals(target)).findFirst()
                .orElseThrow(() -> new BadInputException("there is no override of " + target + " in " + file
                        + "; see them with: moravec override list"));
        overrides.remove(removed);
        write(overrides);
        return append("remove", target, reason, who, removed, null, before, after);
    }

    /**
     * The audit log, oldest first.
     *
     * @return one object per change
     * @throws IOException if the log cannot be read
     * @throws BadInputException if a line is not JSON
     */
    public List<ObjectNode> log() throws IOException, BadInputException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<ObjectNode> entries = new ArrayList<>();
        long number = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (IOException e) {
                throw new BadInputException(log + ":" + number + ": the audit log holds a line that is not JSON", e);
            }
            if (node instanceof ObjectNode entry) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private void write(List<AnalystOverride> overrides) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        StringBuilder text = new StringBuilder();
        for (AnalystOverride override : overrides) {
            text.append(mapper.writeValueAsString(format.json(override))).append('\n');
        }
        Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), "." + FILE, ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        cached = null;
    }

    private ObjectNode append(String action, String target, String reason, String who, AnalystOverride before,
            AnalystOverride after, Effect scoresBefore, Effect scoresAfter) throws IOException {
        ObjectNode entry = mapper.createObjectNode();
        entry.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        entry.put("who", Objects.requireNonNull(who, "who"));
        entry.put("action", action);
        entry.put("target", target);
        entry.put("reason", reason);
        entry.set("before", state(before, scoresBefore));
        entry.set("after", state(after, scoresAfter));
        Files.writeString(log, mapper.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return entry;
    }

    private ObjectNode state(AnalystOverride override, Effect effect) {
        ObjectNode state = mapper.createObjectNode();
        if (override == null) {
            state.putNull("override");
        } else {
            state.set("override", format.json(override));
        }
        if (effect.task() == null) {
            state.putNull("task");
        } else {
            VerdictJson.putScores(state.putObject("task"), effect.task());
        }
        if (effect.occupation() == null) {
            state.putNull("occupation");
        } else {
            ObjectNode occupation = state.putObject("occupation");
            VerdictJson.putScores(occupation, effect.occupation());
            occupation.remove(VerdictJson.QUADRANT);
        }
        return state;
    }
}
