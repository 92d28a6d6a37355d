package com.example.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.testkit.AbstractScorerContractTest;
import org.junit.jupiter.api.Test;

/** The scorer contract from Moravec's test-kit, and what this scorer itself promises. */
class PresenceScorerTest extends AbstractScorerContractTest {

    private static PresenceScorer defaults() {
        return new PresenceScorer("1.0.0", "visit,travel,drive,install,repair,inspect,patients,in person,on site,customers",
                "report,spreadsheet,code,software,email,document,analyze,calculate,draft", 0.6);
    }

    @Override
    protected TaskScorer createScorer() {
        return defaults();
    }

    @Test
    void workOnSiteLagsAndDeskWorkLeads() throws Exception {
        Rating onSite = defaults().rate(Task.of("1", "Drive to customers and install water heaters"), context());
        Rating atDesk = defaults().rate(Task.of("2", "Draft a report from the spreadsheet"), context());
        assertThat(onSite.transferability().getAsDouble()).isLessThan(0.5);
        assertThat(onSite.verificationCost().getAsDouble()).isGreaterThan(0.5);
        assertThat(atDesk.transferability().getAsDouble()).isGreaterThan(0.5);
        assertThat(atDesk.verificationCost().getAsDouble()).isLessThan(0.5);
        assertThat(onSite.evidence()).contains("'drive' -> done on site");
    }

    @Test
    void theWordsAreSettings() throws Exception {
        PresenceScorer scorer = new PresenceScorer("1.0.0", "harvest", "ledger", 0.5);
        assertThat(scorer.rate(Task.of("1", "Harvest the apples"), context()).evidence())
                .containsExactly("'harvest' -> done on site");
        assertThat(scorer.rate(Task.of("2", "Drive a bus"), context()).isAbstention()).isTrue();
    }
}
