package dev.moravec.descriptors;

import dev.moravec.api.ScoringContext;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.testkit.AbstractScorerContractTest;

/** The descriptor scorer keeps the contract every scorer must keep, with a taxonomy to read. */
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
}
