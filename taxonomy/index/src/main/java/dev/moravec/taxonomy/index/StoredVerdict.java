package dev.moravec.taxonomy.index;

import dev.moravec.model.ScorerShare;
import dev.moravec.model.Verdict;
import java.util.List;

/**
 * A verdict as the index keeps it with its task, with how much each scorer weighed in it (for the
 * intervals, which combine it again from resampled scorers) and the keys that tell whether it is still
 * valid.
 *
 * @param verdict the verdict
 * @param shares each scorer's weight in its T and V; empty for a verdict stored before they were
 *     (such a verdict is combined again by the next {@code classify --taxonomy})
 * @param contentKey a hash of what the task says (statement, occupation, type)
 * @param ratingKey a hash of the task's content and of the scorers (ids, versions, settings) that rated it
 * @param configKey a hash of the configuration that combined the ratings
 */
public record StoredVerdict(Verdict verdict, List<ScorerShare> shares, String contentKey, String ratingKey,
        String configKey) {

    /** Copies the shares. */
    public StoredVerdict {
        shares = List.copyOf(shares);
    }
}
