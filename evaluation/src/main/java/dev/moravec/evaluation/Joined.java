package dev.moravec.evaluation;

import dev.moravec.model.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels joined to verdicts: the labelled tasks that found a verdict, in label file order, and those
 * that did not, which reports count and list.
 *
 * @param matched the labelled tasks with their verdicts
 * @param unmatched the labelled tasks no verdict was found for
 */
public record Joined(List<LabeledVerdict> matched, List<LabeledTask> unmatched) {

    /** Copies the lists. */
    public Joined {
        matched = List.copyOf(matched);
        unmatched = List.copyOf(unmatched);
    }

    /** @return the verdicts, in the order of {@link #matched()} */
    public List<Verdict> verdicts() {
        return matched.stream().map(LabeledVerdict::verdict).toList();
    }

    /**
     * The same labels with other verdicts, for example the same ratings combined under another
     * configuration.
     *
     * @param verdicts one per matched task, in the same order
     * @return the joined labels
     */
    public Joined withVerdicts(List<Verdict> verdicts) {
        if (verdicts.size() != matched.size()) {
            throw new IllegalArgumentException(verdicts.size() + " verdicts for " + matched.size() + " labelled tasks");
        }
        List<LabeledVerdict> replaced = new ArrayList<>(matched.size());
        for (int i = 0; i < matched.size(); i++) {
            replaced.add(new LabeledVerdict(matched.get(i).label(), verdicts.get(i)));
        }
        return new Joined(replaced, unmatched);
    }
}
