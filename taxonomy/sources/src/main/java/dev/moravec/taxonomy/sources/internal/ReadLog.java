package dev.moravec.taxonomy.sources.internal;

import dev.moravec.model.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What an import has read so far: a progress line per file, and each file used or skipped with the reason. */
public final class ReadLog {

    private final Consumer<String> progress;
    private final List<String> used = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    /**
     * @param progress told a line per file read
     */
    public ReadLog(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Says that a file is being read.
     *
     * @param fileName its name
     */
    public void reading(String fileName) {
        progress.accept("reading " + fileName);
    }

    /**
     * Says that a file the user named is being read, after checking that it is there.
     *
     * @param file the file
     * @param option the command-line option that names it, without its dashes, for the message
     * @return the file's name, for messages
     * @throws BadInputException if the file does not exist
     */
    public String reading(Path file, String option) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist: check the --" + option + " path");
        }
        String name = file.getFileName().toString();
        reading(name);
        return name;
    }

    /**
     * Records a file used and what it gave.
     *
     * @param line such as {@code Job Zones.txt: 923 job zones}
     */
    public void used(String line) {
        used.add(line);
    }

    /**
     * Records a file skipped and why.
     *
     * @param line such as {@code Skills.txt: not in the release (...)}
     */
    public void skipped(String line) {
        skipped.add(line);
    }

    /** @return the files used, in the order read */
    public List<String> used() {
        return used;
    }

    /** @return the files skipped, in the order met */
    public List<String> skipped() {
        return skipped;
    }
}
