package dev.moravec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.api.Task;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.VerdictAggregator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinTest {

    private static Verdict verdict(String id, String statement) {
        return new VerdictAggregator(EngineConfig.defaults()).combine(Task.of(id, statement),
                List.of(Fixtures.rated("lex", 0.5, 0.5)));
    }

    private static LabeledTask label(long line, String id, String statement) {
        return new LabeledTask(line, id, statement, null, null, null, "E1", 1, true);
    }

    @Test
    void joinsByIdThenByNormalisedStatementAndListsTheRest() {
        List<Verdict> verdicts = List.of(verdict("100", "Write SQL queries to extract data."),
                verdict("200", "Trim hedges"), verdict("300", "Sort incoming mail"));
        LabeledTask byId = label(2, "200", "a different wording of the task");
        LabeledTask byStatement = label(3, "999", "  \"write sql   QUERIES to extract data\" ");
        LabeledTask withoutId = label(4, null, "sort incoming mail!");
        LabeledTask nowhere = label(5, "400", "Tune pianos");
        LabeledTask idOnly = label(6, "500", null);
        Joined joined = Join.byIdOrStatement(List.of(byId, byStatement, withoutId, nowhere, idOnly), verdicts);
        assertThat(joined.matched()).extracting(m -> m.verdict().task().id()).containsExactly("200", "100", "300");
        assertThat(joined.matched()).extracting(LabeledVerdict::label).containsExactly(byId, byStatement, withoutId);
        assertThat(joined.unmatched()).containsExactly(nowhere, idOnly);
    }

    @Test
    void normalisingIgnoresCaseSpacingAndPunctuationAtTheEnds() {
        assertThat(Join.normalise("  Write\tSQL  queries.\n")).isEqualTo("write sql queries");
        assertThat(Join.normalise("\"Don't stop.\"")).isEqualTo("don't stop");
        assertThat(Join.normalise("...")).isEmpty();
    }
}
