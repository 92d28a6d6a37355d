package dev.moravec.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests reach the real data beside the project ({@code ../shared/data}): the environment
 * variable {@code MORAVEC_TEST_DATA} names it, else the build passes it as the system property
 * {@code moravec.test.data}. A test that needs a file calls {@link #require(String)} and is skipped,
 * with the reason, when the file is absent.
 */
public final class TestData {

    private TestData() {}

    /** @return the data folder, which may not exist */
    public static Path root() {
        String env = System.getenv("MORAVEC_TEST_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String property = System.getProperty("moravec.test.data");
        return Path.of(property != null ? property : "../shared/data").toAbsolutePath().normalize();
    }

    /**
     * A file or folder of the real data, or a skipped test.
     *
     * @param relative its path inside the data folder, such as {@code onet/db_29_1_text/Task Statements.txt}
     * @return the path
     */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), () -> "skipped: the real data file " + path
                + " is absent; set MORAVEC_TEST_DATA to the folder holding ../shared/data to run this test");
        return path;
    }

    /** @return O*NET 29.1's Task Statements file, or a skipped test */
    public static Path onetTaskStatements() {
        return require("onet/db_29_1_text/Task Statements.txt");
    }
}
