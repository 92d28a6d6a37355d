package dev.moravec.evaluation;

import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.ScoringEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Brings labels and verdicts together: by task id, else by the statement's text normalised (lower
 * case, whitespace collapsed, punctuation at either end removed), since a label file and a catalog
 * from different O*NET releases may disagree on one but not the other.
 */
public final class Join {

    private Join() {}

    /**
     * Joins labels to verdicts someone already made, such as a {@code moravec classify} output.
     *
     * @param labels the labelled tasks
     * @param verdicts the verdicts; where two have the same id or statement, the first counts
     * @return every label matched or listed as unmatched
     */
    public static Joined byIdOrStatement(List<LabeledTask> labels, List<Verdict> verdicts) {
        Map<String, Verdict> byId = new HashMap<>();
        Map<String, Verdict> byStatement = new HashMap<>();
        for (Verdict verdict : verdicts) {
            byId.putIfAbsent(verdict.task().id(), verdict);
            byStatement.putIfAbsent(normalise(verdict.task().statement()), verdict);
        }
        List<LabeledVerdict> matched = new ArrayList<>();
        List<LabeledTask> unmatched = new ArrayList<>();
        for (LabeledTask label : labels) {
            Verdict verdict = label.id() == null ? null : byId.get(label.id());
            if (verdict == null && label.statement() != null) {
                verdict = byStatement.get(normalise(label.statement()));
            }
            if (verdict == null) {
                unmatched.add(label);
            } else {
                matched.add(new LabeledVerdict(label, verdict));
            }
        }
        return new Joined(matched, unmatched);
    }

    /**
     * Classifies the labelled tasks themselves. A label without a statement has nothing to classify
     * and is listed as unmatched.
     *
     * @param labels the labelled tasks
     * @param engine the engine that rates them
     * @return every label matched to its own verdict, or listed as unmatched
     * @throws InterruptedException if interrupted while the scorers work
     */
    public static Joined classify(List<LabeledTask> labels, ScoringEngine engine) throws InterruptedException {
        List<LabeledTask> rateable = new ArrayList<>();
        List<LabeledTask> unmatched = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (LabeledTask label : labels) {
            if (label.statement() == null) {
                unmatched.add(label);
                continue;
            }
            rateable.add(label);
            tasks.add(task(label));
        }
        List<Verdict> verdicts = engine.classify(tasks);
        List<LabeledVerdict> matched = new ArrayList<>(rateable.size());
        for (int i = 0; i < rateable.size(); i++) {
            matched.add(new LabeledVerdict(rateable.get(i), verdicts.get(i)));
        }
        return new Joined(matched, unmatched);
    }

    /**
     * The task a label describes, for scorers to rate: what they see of a catalog task, and nothing of
     * the label.
     *
     * @param label a labelled task with a statement
     * @return the task; its id is the label's, else its line number, as catalogs do
     */
    public static Task task(LabeledTask label) {
        String id = label.id() != null ? label.id() : Long.toString(label.line());
        return new Task(id, label.statement(), label.occupationCode(), label.type(), TaskWeights.NONE);
    }

    /**
     * A statement as the join compares it.
     *
     * @param statement the text
     * @return lower case, whitespace collapsed, with no punctuation at either end
     */
    public static String normalise(String statement) {
        String text = statement.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int from = 0;
        int to = text.length();
        while (from < to && !Character.isLetterOrDigit(text.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }
}
