package dev.moravec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalogs a careless or hostile user gives: JSON nested past the parser's limit, numbers past its
 * limit and numbers too large to hold, a 5 MB header, terminal escape sequences, UTF-16 and UTF-32. Each
 * is read or refused as bad input naming the file and line, in a message of readable length with the
 * input's control characters escaped; never a NullPointerException.
 */
class HostileInputTest {

    private static final String DEEP = "[".repeat(1001) + "]".repeat(1001);
    private static final String HUGE = "9".repeat(1001);

    private final ObjectMapper mapper = new ObjectMapper();
    private final CatalogReaders readers = new CatalogReaders(mapper);

    @TempDir
    Path dir;

    private List<CatalogEntry> read(String name, byte[] bytes) throws Exception {
        List<CatalogEntry> entries = new ArrayList<>();
        try (CatalogReader reader = readers.open(name, new ByteArrayInputStream(bytes), Optional.empty())) {
            for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private List<CatalogEntry> read(String name, String text) throws Exception {
        return read(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Rejection rejection(CatalogEntry entry) {
        assertThat(entry).isInstanceOf(Rejection.class);
        return (Rejection) entry;
    }

    @Test
    void jsonLinesNestedPastTheLimitOrWithANumberPastItAreRejectedWithTheirLine() throws Exception {
        List<CatalogEntry> entries = read("tasks.jsonl", "{\"statement\": \"Write code\"}\n"
                + "{\"statement\": \"Deep\", \"extra\": " + DEEP + "}\n"
                + "{\"statement\": \"Huge\", \"importance\": " + HUGE + "}\n"
                + "{\"statement\": \"Large\", \"importance\": " + "9".repeat(999) + "}\n");
        assertThat(entries.get(0)).isInstanceOf(CatalogRecord.class);
        assertThat(rejection(entries.get(1)).message()).isEqualTo("tasks.jsonl:2: not valid JSON: past a limit of the"
                + " parser: Document nesting depth (1001) exceeds the maximum allowed (1000)");
        assertThat(rejection(entries.get(2)).message()).startsWith("tasks.jsonl:3: not valid JSON: past a limit of the"
                + " parser: Number value length (1001) exceeds the maximum allowed (1000)");
        // a number the parser reads but a double cannot hold: refused, and shown cut to a readable length
        assertThat(rejection(entries.get(3)).message()).isEqualTo("tasks.jsonl:4: field 'importance': '"
                + "9".repeat(80) + "... (999 characters)' is not a number");
    }

    @Test
    void aJsonArrayNestedPastTheLimitIsBadInputWithItsLine() {
        assertThatThrownBy(() -> read("tasks.json", "[{\"statement\": \"Write code\"},\n{\"statement\": \"Deep\", \"x\": "
                + DEEP + "}]")).isInstanceOf(BadInputException.class)
                .hasMessage("tasks.json:2: past a limit of the parser: Document nesting depth (1001) exceeds the maximum"
                        + " allowed (1000); the array cannot be read past this point");
        assertThatThrownBy(() -> read("tasks.json", DEEP)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("tasks.json:1: ");
    }

    @Test
    void aHugeNumberInACsvCatalogIsRejectedCut() throws Exception {
        List<CatalogEntry> entries = read("tasks.csv", "id,statement,importance\n1,Write code," + HUGE + "\n");
        assertThat(rejection(entries.get(0)).message()).isEqualTo("tasks.csv:2: field 'importance': '" + "9".repeat(80)
                + "... (1001 characters)' is not a number");
    }

    @Test
    void aFiveMegabyteHeaderGivesAMessageOfReadableLength() {
        String header = "id\t" + "x".repeat(5_000_000);
        assertThatThrownBy(() -> read("tasks.tsv", header + "\n1\tWrite code\n")).isInstanceOf(BadInputException.class)
                .hasMessage("tasks.tsv:1: no task statement column among 'id', '" + "x".repeat(80)
                        + "... (5000000 characters)'; name the column that holds the task text 'Task' or 'Statement'");
    }

    @Test
    void controlCharactersFromTheInputAreEscapedInMessages() throws Exception {
        List<CatalogEntry> entries = read("tasks.tsv", "id\tstatement\tImportance\n1\tWrite code\t\u001b[2J\u001b]0;pwned\u0007\n");
        assertThat(rejection(entries.get(0)).message()).isEqualTo("tasks.tsv:2: field 'Importance':"
                + " '\\u001B[2J\\u001B]0;pwned\\u0007' is not a number");
        assertThatThrownBy(() -> read("tasks.tsv", "id\t\u001b[31mred\n1\tx\n")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'\\u001B[31mred'").hasMessageNotContaining("\u001b");
    }

    @Test
    void utf16AndUtf32WithAByteOrderMarkAreRead() throws Exception {
        String tsv = "id\tstatement\n1\tÉcrire du code\n2\tRédiger un mémo 📄\n";
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("UTF-32BE"),
                Charset.forName("UTF-32LE"))) {
            byte[] bytes = ("\uFEFF" + tsv).getBytes(charset);
            List<CatalogEntry> entries = read("tasks.tsv", bytes);
            assertThat(entries).as(charset.name()).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(CatalogRecord.class));
            assertThat(((CatalogRecord) entries.get(1)).task().statement()).as(charset.name()).isEqualTo("Rédiger un mémo 📄");
        }
    }

    @Test
    void aCatalogStreamedThroughAPipeIsReadAsItArrivesNotOnceKilobytesHave() throws Exception {
        // 40 bytes have arrived; a read past them would wait for a writer that waits for the first record
        Arrived pipe = new Arrived("Task ID\tTask\n1\tWrite code\n2\tRead code\n".getBytes(StandardCharsets.UTF_8));
        try (CatalogReader reader = readers.open("-", pipe, Optional.of(CatalogFormat.TSV))) {
            // the CSV parser hands a record on once the next line starts
            assertThat(((CatalogRecord) reader.next()).task().statement()).isEqualTo("Write code");
            pipe.close = true;
            assertThat(((CatalogRecord) reader.next()).task().statement()).isEqualTo("Read code");
            assertThat(reader.next()).isNull();
        }
    }

    /**
     * A pipe holding what has arrived so far: reading past it fails (a real pipe would block) until the
     * writer closes it, then it ends.
     */
    private static final class Arrived extends java.io.InputStream {
        private final byte[] bytes;
        private int position;
        volatile boolean close;

        Arrived(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (len == 0) {
                return 0;
            }
            if (position == bytes.length) {
                if (close) {
                    return -1;
                }
                throw new java.io.IOException("read past the bytes that have arrived: a pipe would block here");
            }
            int n = Math.min(len, bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - position;
        }
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefusedSayingWhichEncodingIsNeeded() {
        byte[] bytes = "id\tstatement\n1\tWrite code\n".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> read("tasks.tsv", bytes)).isInstanceOf(BadInputException.class)
                .hasMessage("tasks.tsv: the text looks like UTF-16 or UTF-32 without a byte order mark, which cannot be"
                        + " read reliably: save it as UTF-8 (or as UTF-16 with a byte order mark)");
    }

    @Test
    void aConfigurationFileNestedPastTheLimitIsBadInputNamingIt() throws Exception {
        Path config = Files.writeString(dir.resolve("moravec.json"), "{\"scorers\": " + DEEP + "}");
        assertThatThrownBy(() -> ConfigurationFile.read(config, mapper)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(config.toString());
    }
}
