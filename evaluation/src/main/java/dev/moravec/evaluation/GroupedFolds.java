package dev.moravec.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * K folds for cross-validation in which every group (occupation) lies in exactly one fold, so a
 * configuration is never checked on tasks of an occupation whose other tasks it was fitted on. The
 * groups are shuffled with the seed and dealt out in turn, so folds hold nearly equal numbers of
 * groups; the same groups and seed give the same folds.
 */
public final class GroupedFolds {

    private final int[] foldOfItem;
    private final int folds;

    private GroupedFolds(int[] foldOfItem, int folds) {
        this.foldOfItem = foldOfItem;
        this.folds = folds;
    }

    /**
     * Assigns items to folds by group.
     *
     * @param groups each item's group; an item with a {@code null} group is a group of its own
     * @param folds the number of folds, at least 2 and at most the number of groups
     * @param seed the seed of the shuffle
     * @return the folds
     * @throws IllegalArgumentException if the number of folds is out of range
     */
    public static GroupedFolds assign(List<String> groups, int folds, long seed) {
        List<String> keys = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            // a prefix no occupation code has keeps the stand-alone items apart from real groups
            keys.add(groups.get(i) != null ? "g:" + groups.get(i) : "i:" + i);
        }
        List<String> distinct = new ArrayList<>(new TreeSet<>(keys)); // sorted first: the shuffle alone decides
        if (folds < 2) {
            throw new IllegalArgumentException("the number of folds must be at least 2, was " + folds);
        }
        if (folds > distinct.size()) {
            throw new IllegalArgumentException("cannot make " + folds + " folds from " + distinct.size()
                    + " occupations: every fold needs at least one");
        }
        Collections.shuffle(distinct, new Random(seed));
        Map<String, Integer> foldOfGroup = new HashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            foldOfGroup.put(distinct.get(i), i % folds);
        }
        int[] foldOfItem = new int[groups.size()];
        for (int i = 0; i < keys.size(); i++) {
            foldOfItem[i] = foldOfGroup.get(keys.get(i));
        }
        return new GroupedFolds(foldOfItem, folds);
    }

    /** @return the number of folds */
    public int folds() {
        return folds;
    }

    /**
     * @param item an item's index
     * @return the fold it is checked in
     */
    public int fold(int item) {
        return foldOfItem[item];
    }

    /**
     * @param fold a fold
     * @return the items checked in it, ascending
     */
    public int[] checking(int fold) {
        return items(fold, true);
    }

    /**
     * @param fold a fold
     * @return the items the fold's configuration is fitted on: all the others, ascending
     */
    public int[] fitting(int fold) {
        return items(fold, false);
    }

    private int[] items(int fold, boolean in) {
        return java.util.stream.IntStream.range(0, foldOfItem.length).filter(i -> (foldOfItem[i] == fold) == in)
                .toArray();
    }
}
