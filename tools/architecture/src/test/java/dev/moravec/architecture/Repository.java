package dev.moravec.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The source tree the tests read: its root, and the modules the parent pom lists. */
final class Repository {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Repository() {}

    /** @return the repository's root: {@code moravec.root}, which the build sets, else two folders up */
    static Path root() {
        String root = System.getProperty("moravec.root");
        return (root != null ? Path.of(root) : Path.of("..", "..")).toAbsolutePath().normalize();
    }

    /** @return the folders of the modules the parent pom lists, in its order */
    static List<Path> modules() {
        List<Path> modules = new ArrayList<>();
        Matcher matcher = MODULE.matcher(read(root().resolve("pom.xml")));
        while (matcher.find()) {
            modules.add(root().resolve(matcher.group(1).strip()));
        }
        return modules;
    }

    /** @return the module folders, relative to the root, such as {@code core/model} */
    static List<String> moduleNames() {
        return modules().stream().map(m -> root().relativize(m).toString().replace('\\', '/')).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
