package dev.moravec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {

    @Test
    void noOccupationIsInTwoFoldsAndEveryItemIsCheckedOnce() {
        long seed = new Random().nextLong();
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 30; round++) {
            int occupations = 2 + random.nextInt(60);
            int items = occupations + random.nextInt(400);
            List<String> groups = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                // every occupation has an item; some items have no occupation at all
                groups.add(i < occupations ? code(i) : random.nextInt(10) == 0 ? null : code(random.nextInt(occupations)));
            }
            int k = 2 + random.nextInt(Math.min(occupations, 10) - 1);
            GroupedFolds folds = GroupedFolds.assign(groups, k, random.nextLong());
            Map<String, Integer> foldOf = new HashMap<>();
            for (int i = 0; i < items; i++) {
                if (groups.get(i) != null) {
                    Integer earlier = foldOf.putIfAbsent(groups.get(i), folds.fold(i));
                    assertThat(earlier == null || earlier == folds.fold(i))
                            .as("seed %d round %d: %s in folds %s and %s", seed, round, groups.get(i), earlier, folds.fold(i))
                            .isTrue();
                }
            }
            int[] seen = new int[items];
            for (int f = 0; f < k; f++) {
                int[] checking = folds.checking(f);
                assertThat(checking).as("seed %d round %d fold %d", seed, round, f).isNotEmpty();
                int[] fitting = folds.fitting(f);
                assertThat(checking.length + fitting.length).isEqualTo(items);
                for (int i : checking) {
                    seen[i]++;
                    assertThat(Arrays.stream(fitting).map(j -> groups.get(j) != null && groups.get(j).equals(groups.get(i))
                            ? 1 : 0).sum()).as("seed %d: fitting shares an occupation with checking", seed).isZero();
                }
            }
            assertThat(seen).containsOnly(1);
        }
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndFoldsHoldNearlyEqualNumbersOfOccupations() {
        List<String> groups = IntStream.range(0, 100).mapToObj(i -> code(i % 23)).toList();
        GroupedFolds a = GroupedFolds.assign(groups, 5, 99);
        GroupedFolds b = GroupedFolds.assign(groups, 5, 99);
        GroupedFolds c = GroupedFolds.assign(groups, 5, 100);
        int[] foldsA = IntStream.range(0, 100).map(a::fold).toArray();
        assertThat(IntStream.range(0, 100).map(b::fold).toArray()).isEqualTo(foldsA);
        assertThat(IntStream.range(0, 100).map(c::fold).toArray()).isNotEqualTo(foldsA);
        int[] perFold = new int[5];
        for (int o = 0; o < 23; o++) {
            perFold[a.fold(o)]++;
        }
        assertThat(perFold).containsOnly(4, 5);
    }

    @Test
    void tooManyOrTooFewFoldsAreRefused() {
        List<String> groups = List.of("11-1011.00", "11-1011.00", "15-1252.00");
        assertThatThrownBy(() -> GroupedFolds.assign(groups, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot make 3 folds from 2 occupations: every fold needs at least one");
        assertThatThrownBy(() -> GroupedFolds.assign(groups, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String code(int i) {
        return String.format("%02d-%04d.00", 11 + i % 40, i);
    }
}
