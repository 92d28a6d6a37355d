package dev.moravec.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.testkit.AbstractScorerContractTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The descriptor scorer keeps the contract every scorer must keep, with a taxonomy to read: the fixture
 * links the contract's sample tasks to work activities and occupations, so the checks run on real
 * ratings rather than on abstentions.
 */
class DescriptorScorerContractTest extends AbstractScorerContractTest {

    private static final ScoringContext CONTEXT = ScoringContext.withTaxonomy(new FixtureTaxonomy());

    @Override
    protected TaskScorer createScorer() throws Exception {
        return new DescriptorScorer(null, "1.0.0");
    }

    @Override
    protected ScoringContext context() {
        return CONTEXT;
    }

    @Test
    void theContractRatesMostOfItsTasksFromTheirOwnActivities() throws Exception {
        List<String> rated = new ArrayList<>();
        List<String> abstained = new ArrayList<>();
        for (Task task : sampleTasks()) {
            Rating rating = scorer().rate(task, context());
            if (rating.transferability().isPresent() && rating.verificationCost().isPresent()) {
                rated.add(task.id());
                assertThat(rating.evidence()).as(task.id()).anySatisfy(e -> assertThat(e).startsWith("activity '"));
            } else {
                abstained.add(task.id());
            }
        }
        assertThat(rated.size()).as("contract tasks rated on both axes: %s", rated)
                .isGreaterThanOrEqualTo(sampleTasks().size() * 3 / 4);
        // the taxonomy finds a task by its occupation: the four sample tasks without one stay unlinked
        assertThat(abstained).containsExactlyInAnyOrder("contract-6", "contract-13", "contract-16", "contract-19");
    }
}
