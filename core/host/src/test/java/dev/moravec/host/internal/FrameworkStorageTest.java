package dev.moravec.host.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache folders left by killed processes are deleted; those of live processes, and others, are not. */
class FrameworkStorageTest {

    @TempDir
    Path tmp;

    @Test
    void aNewCacheDeletesTheFoldersOfDeadProcessesAndKeepsTheRest() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = folderWithAFile("moravec-felix-pid" + gone.pid() + "-123");
        Path live = folderWithAFile("moravec-felix-pid" + ProcessHandle.current().pid() + "-456");
        Path older = folderWithAFile("moravec-felix-789"); // the name before process ids: owner unknown
        Path other = folderWithAFile("something-else");

        Path created = FrameworkStorage.create(tmp);

        assertThat(dead).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(older).isDirectory();
        assertThat(other).isDirectory();
        assertThat(created).isEmptyDirectory().isNotEqualTo(live);
        assertThat(created.getFileName().toString())
                .startsWith("moravec-felix-pid" + ProcessHandle.current().pid() + "-");
    }

    @Test
    void nothingToDeleteIsNotAnError() {
        assertThat(FrameworkStorage.deleteLeftovers(tmp)).isZero();
        assertThat(FrameworkStorage.deleteLeftovers(tmp.resolve("missing"))).isZero();
    }

    private Path folderWithAFile(String name) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(name).resolve("bundle1"));
        Files.writeString(folder.resolve("bundle.jar"), "x");
        return tmp.resolve(name);
    }
}
