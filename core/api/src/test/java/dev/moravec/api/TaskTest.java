package dev.moravec.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void stripsIdAndStatement() {
        Task task = Task.of(" 42 ", "  Write SQL queries ");
        assertThat(task.id()).isEqualTo("42");
        assertThat(task.statement()).isEqualTo("Write SQL queries");
        assertThat(task.occupation()).isEmpty();
        assertThat(task.taskType()).isEmpty();
    }

    @Test
    void acceptsOnetSocAndSocCodes() {
        assertThat(new Task("1", "x", "15-1252.00", TaskType.CORE, TaskWeights.NONE).occupation())
                .hasValue("15-1252.00");
        assertThat(new Task("1", "x", "15-1252", null, TaskWeights.NONE).occupation()).hasValue("15-1252");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> Task.of("", "x")).withMessageStartingWith("id");
        assertThatIllegalArgumentException().isThrownBy(() -> Task.of("1", " ")).withMessageStartingWith("statement");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Task("1", "x", "15-12", null, TaskWeights.NONE))
                .withMessageContaining("occupation code '15-12'");
    }

    @Test
    void parsesTaskTypesAsCatalogsWriteThem() {
        assertThat(TaskType.parse("Core")).hasValue(TaskType.CORE);
        assertThat(TaskType.parse(" supplemental ")).hasValue(TaskType.SUPPLEMENTAL);
        assertThat(TaskType.parse("n/a")).isEmpty();
        assertThat(TaskType.parse("")).isEmpty();
        assertThat(TaskType.parse(null)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> TaskType.parse("major")).withMessageContaining("'major'");
    }

    @Test
    void checksWeightsAgainstTheirScales() {
        TaskWeights weights = new TaskWeights(OptionalDouble.of(4.2), OptionalDouble.of(100), OptionalDouble.empty());
        assertThat(weights.isKnown()).isTrue();
        assertThat(TaskWeights.NONE.isKnown()).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TaskWeights(OptionalDouble.of(0.5), OptionalDouble.empty(), OptionalDouble.empty()))
                .withMessage("importance 0.5 is outside its scale [1, 5]");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TaskWeights(OptionalDouble.empty(), OptionalDouble.of(101), OptionalDouble.empty()))
                .withMessageStartingWith("relevance");
    }

    @Test
    void scorerInfoChecksItsId() {
        assertThat(new ScorerInfo("my-scorer2", "1.0.0", "d", java.util.Set.of(Axis.TRANSFERABILITY)).id())
                .isEqualTo("my-scorer2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScorerInfo("My Scorer", "1", "d", java.util.Set.of(Axis.TRANSFERABILITY)))
                .withMessageContaining("'My Scorer'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ScorerInfo("x", "1", "d", java.util.Set.of()))
                .withMessageContaining("rates no axis");
    }
}
