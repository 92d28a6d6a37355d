package dev.moravec.semantic;

import dev.moravec.api.TaskScorer;
import dev.moravec.api.testkit.AbstractScorerContractTest;

/** The semantic scorer, with its built-in exemplars and learned layer, keeps the contract every scorer must keep. */
class SemanticScorerContractTest extends AbstractScorerContractTest {

    @Override
    protected TaskScorer createScorer() throws Exception {
        return new SemanticScorer(SharedEmbedder.get(), null, 8, null, 1.0, "1.0.0");
    }
}
