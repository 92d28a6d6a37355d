package dev.moravec.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of every module says in its {@code package-info.java}, in one sentence at least, what it holds. */
class PackageInfoTest {

    @Test
    void everyPackageHasADocumentedPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path module : Repository.modules()) {
            Path sources = module.resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> dirs = Files.walk(sources)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    boolean hasClasses;
                    try (Stream<Path> files = Files.list(dir)) {
                        hasClasses = files.anyMatch(f -> f.toString().endsWith(".java")
                                && !f.getFileName().toString().equals("package-info.java"));
                    }
                    Path info = dir.resolve("package-info.java");
                    if (hasClasses && (!Files.exists(info) || !Files.readString(info).contains("/**"))) {
                        missing.add(Repository.root().relativize(dir).toString());
                    }
                }
            }
        }
        assertThat(missing).as("packages without a package-info.java that says what they hold").isEmpty();
    }
}
