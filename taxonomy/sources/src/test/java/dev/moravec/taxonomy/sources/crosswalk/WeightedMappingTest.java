package dev.moravec.taxonomy.sources.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightedMappingTest {

    private static CrosswalkLink link(String from, String to) {
        return new CrosswalkLink(from, to, false);
    }

    @Test
    void sharesACodesWeightEquallyWhenEmploymentIsUnknown() {
        WeightedMapping mapping = WeightedMapping.of(List.of(link("2512", "15-1132"), link("2512", "15-1133"),
                link("2514", "15-1132")), code -> null);

        assertThat(mapping.partners("2512")).containsOnlyKeys("15-1132", "15-1133")
                .allSatisfy((code, w) -> assertThat(w).isEqualTo(0.5));
        assertThat(mapping.partners("2514")).containsExactly(Map.entry("15-1132", 1.0));
    }

    @Test
    void sharesItByEmploymentWhenEveryPartnersIsKnownElseEqually() {
        List<CrosswalkLink> links = List.of(link("a", "x"), link("a", "y"), link("b", "x"), link("b", "z"));
        Map<String, Double> employment = Map.of("x", 300.0, "y", 100.0);

        WeightedMapping mapping = WeightedMapping.of(links, employment::get);

        assertThat(mapping.partners("a")).containsEntry("x", 0.75).containsEntry("y", 0.25);
        assertThat(mapping.partners("b")).as("z's employment is unknown").containsEntry("x", 0.5).containsEntry("z", 0.5);
    }

    @Test
    void reversedMapsTheSecondCodesBack() {
        WeightedMapping back = WeightedMapping.reversed(List.of(link("2512", "15-1132"), link("2514", "15-1132")),
                code -> null);

        assertThat(back.partners("15-1132")).containsEntry("2512", 0.5).containsEntry("2514", 0.5);
    }

    @Test
    void reportsTheShareLostWhereTheNextStepHasNoPartner() {
        WeightedMapping first = WeightedMapping.of(List.of(link("a", "x"), link("a", "y"), link("b", "y")), code -> null);
        WeightedMapping second = WeightedMapping.function(List.of("x"), code -> code.toUpperCase());

        WeightedMapping chain = first.then(second);

        assertThat(chain.partners("a")).containsExactly(Map.entry("X", 0.5));
        assertThat(chain.lost("a")).isEqualTo(0.5);
        assertThat(chain.partners("b")).isEmpty();
        assertThat(chain.lost("b")).isEqualTo(1.0);
        assertThat(chain.codesWithLosses()).containsExactly("a", "b");
    }

    /**
     * Random three-step chains of random many-to-many links: the composed mapping must equal the sum over every
     * path of the product of its link weights, as the oracle computes them from the links alone (an equal share
     * per partner); each code's reached weight plus its lost share is one.
     */
    @Test
    void aChainEqualsTheCompositionOfItsLinks() {
        long seed = new Random().nextLong();
        System.out.println("WeightedMappingTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<List<CrosswalkLink>> steps = new ArrayList<>();
            for (int step = 0; step < 3; step++) {
                steps.add(randomLinks(random, "s" + step + "-", "s" + (step + 1) + "-"));
            }
            WeightedMapping chain = WeightedMapping.of(steps.get(0), code -> null)
                    .then(WeightedMapping.of(steps.get(1), code -> null))
                    .then(WeightedMapping.of(steps.get(2), code -> null));

            for (int i = 0; i < 6; i++) {
                String code = "s0-" + i;
                Map<String, Double> expected = oracle(steps, code);
                Map<String, Double> actual = chain.partners(code);
                assertThat(actual.keySet()).as("seed %d round %d code %s", seed, round, code)
                        .isEqualTo(expected.keySet());
                expected.forEach((to, w) -> assertThat(actual.get(to)).as("seed %d %s -> %s", seed, code, to)
                        .isCloseTo(w, within(1e-12)));
                boolean linked = steps.get(0).stream().anyMatch(l -> l.from().equals(code));
                if (linked) {
                    double total = actual.values().stream().mapToDouble(Double::doubleValue).sum() + chain.lost(code);
                    assertThat(total).as("seed %d: weight of %s conserved", seed, code).isCloseTo(1.0, within(1e-12));
                }
            }
        }
    }

    private static List<CrosswalkLink> randomLinks(Random random, String from, String to) {
        Set<CrosswalkLink> links = new HashSet<>();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            links.add(link(from + random.nextInt(6), to + random.nextInt(6)));
        }
        return new ArrayList<>(links);
    }

    // every path's product of equal shares, summed per final code
    private static Map<String, Double> oracle(List<List<CrosswalkLink>> steps, String start) {
        Map<String, Double> reached = Map.of(start, 1.0);
        for (List<CrosswalkLink> step : steps) {
            Map<String, Double> next = new HashMap<>();
            for (Map.Entry<String, Double> at : reached.entrySet()) {
                List<String> partners = step.stream().filter(l -> l.from().equals(at.getKey())).map(CrosswalkLink::to)
                        .toList();
                for (String partner : partners) {
                    next.merge(partner, at.getValue() / partners.size(), Double::sum);
                }
            }
            reached = next;
        }
        return reached;
    }
}
