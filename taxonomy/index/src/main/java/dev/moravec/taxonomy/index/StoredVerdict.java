package dev.moravec.taxonomy.index;

import dev.moravec.model.Verdict;

/**
 * A verdict as the index keeps it with its task, with the keys that tell whether it is still valid.
 *
 * @param verdict the verdict
 * @param contentKey a hash of what the task says (statement, occupation, type)
 * @param ratingKey a hash of the task's content and of the scorers (ids, versions, settings) that rated it
 * @param configKey a hash of the configuration that combined the ratings
 */
public record StoredVerdict(Verdict verdict, String contentKey, String ratingKey, String configKey) {
}
