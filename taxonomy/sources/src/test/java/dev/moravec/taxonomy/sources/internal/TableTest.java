package dev.moravec.taxonomy.sources.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moravec.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The O*NET table reader on hostile files: a number too large to hold, a 5 MB header, escape sequences.
 * Each is bad input naming the file, line and field, in a message of readable length.
 */
class TableTest {

    private static Table open(String text, List<String> required) throws Exception {
        return Table.open("Job Zones.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), '\t', required);
    }

    @Test
    void aNumberTooLargeToHoldIsNotANumberShownCut() throws Exception {
        try (Table table = open("O*NET-SOC Code\tJob Zone\n15-1252.00\t" + "9".repeat(1001) + "\n", List.of("Job Zone"))) {
            Table.Row row = table.next();
            assertThatThrownBy(() -> row.number("Job Zone")).isInstanceOf(BadInputException.class)
                    .hasMessage("Job Zones.txt:2: field 'Job Zone': '" + "9".repeat(80) + "... (1001 characters)' is not a"
                            + " number");
        }
    }

    @Test
    void aFiveMegabyteHeaderWithEscapeSequencesGivesAReadableMessage() {
        String header = "\u001b[2J" + "x".repeat(5_000_000) + "\tO*NET-SOC Code";
        assertThatThrownBy(() -> open(header + "\n1\t2\n", List.of("Job Zone"))).isInstanceOf(BadInputException.class)
                .hasMessage("Job Zones.txt:1: the column 'Job Zone' is missing (the header has '\\u001B[2J"
                        + "x".repeat(76) + "... (5000004 characters)', 'O*NET-SOC Code'); is this the right file?");
    }
}
