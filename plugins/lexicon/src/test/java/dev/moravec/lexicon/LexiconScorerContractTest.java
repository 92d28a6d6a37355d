package dev.moravec.lexicon;

import dev.moravec.api.TaskScorer;
import dev.moravec.api.testkit.AbstractScorerContractTest;

/** The lexicon scorer keeps the contract every scorer must keep. */
class LexiconScorerContractTest extends AbstractScorerContractTest {

    @Override
    protected TaskScorer createScorer() throws Exception {
        return new LexiconScorer(null, "1.0.0");
    }
}
