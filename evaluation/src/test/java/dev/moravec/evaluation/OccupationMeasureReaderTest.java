package dev.moravec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OccupationMeasureReaderTest {

    private final OccupationMeasureReader reader = new OccupationMeasureReader();

    private OccupationMeasure read(String name, String text, String code, String value) throws Exception {
        return reader.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), code, value, null);
    }

    @Test
    void findsTheCodeAndTheOneValueColumnAndKeepsEveryBadRowWithItsLine() throws Exception {
        OccupationMeasure measure = read("applicability.csv", """
                SOC Code,title,score
                15-1252,Software Developers,0.42
                47-2152.00,"Plumbers, Pipefitters",0.05
                15-99,Broken code,0.3
                15-2021,Mathematicians,
                29-1141,Nurses,high
                47-2111,Electricians,0.1
                """, null, null);
        assertThat(measure.codeColumn()).isEqualTo("SOC Code");
        assertThat(measure.valueColumn()).isEqualTo("score");
        assertThat(measure.name()).isEqualTo("score");
        assertThat(measure.scale()).isEqualTo("numeric");
        assertThat(measure.rows()).isEqualTo(6);
        assertThat(measure.values()).containsOnlyKeys("15-1252", "47-2152.00", "47-2111");
        assertThat(measure.values().get("47-2152.00")).isEqualTo(new OccupationMeasure.Value(0.05, 1, 3));
        assertThat(measure.badRows()).containsExactly(
                new OccupationMeasure.BadRow("applicability.csv:4",
                        "field 'SOC Code': '15-99' is not an O*NET-SOC code (##-####.##) or SOC code (##-####)"),
                new OccupationMeasure.BadRow("applicability.csv:5", "field 'score' is empty"),
                new OccupationMeasure.BadRow("applicability.csv:6", "field 'score': 'high' is not on the file's scale"
                        + " (numeric: any number)"));
    }

    @Test
    void taskRowsOfExposureLabelsAreAveragedPerCodeOnTheEvaluationsScale() throws Exception {
        OccupationMeasure measure = read("labels.tsv", """
                O*NET-SOC Code\tTask ID\tTask\thuman_exposure
                15-1252.00\t1\tWrite code\tE1
                15-1252.00\t2\tMeet clients\tE0
                15-1252.00\t3\tDocument APIs\tE2
                47-2152.00\t4\tCut pipe\tE0
                """, null, "human_exposure");
        assertThat(measure.scale()).isEqualTo("E0/E1/E2 (E0 = 0, E2 = 0.5, E1 = 1)");
        assertThat(measure.values().get("15-1252.00").value()).isCloseTo(0.5, within(1e-12));
        assertThat(measure.values().get("15-1252.00").rows()).isEqualTo(3);
        assertThat(measure.values().get("47-2152.00").value()).isZero();
        assertThatThrownBy(() -> read("labels.tsv", """
                O*NET-SOC Code\tTask ID\thuman_exposure
                15-1252.00\t1\tE1
                """, null, null)).isInstanceOf(BadInputException.class)
                .hasMessage("labels.tsv:1: several columns hold values (Task ID, human_exposure): name the measure's"
                        + " column with --value-column");
    }

    @Test
    void aMissingColumnOrAFileWithoutAUsableRowIsRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> read("m.csv", "occ,value\n15-1252,0.3\n", null, null))
                .hasMessageContaining("m.csv:1: no column of occupation codes").hasMessageContaining("--code-column");
        assertThatThrownBy(() -> read("m.csv", "code,value\n15-1252,0.3\n", null, "score"))
                .hasMessage("m.csv:1: no column 'score' among code, value: check --value-column");
        assertThatThrownBy(() -> read("m.csv", "code,value\nnope,0.3\n", null, "value"))
                .hasMessageContaining("m.csv: no row has both a valid code").hasMessageContaining("m.csv:2: field 'code'");
        assertThatThrownBy(() -> read("m.jsonl", "{\"code\": \"15-1252\"}\n", null, null))
                .hasMessageContaining("a measure is read from TSV or CSV");
    }
}
