package dev.moravec.taxonomy.sources.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.taxonomy.sources.industry.IndustryEmployment;
import dev.moravec.taxonomy.sources.industry.IndustryEmploymentReader;
import dev.moravec.testing.TestData;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reads the real crosswalks, ESCO v1.2.1 and the OEWS sector file in {@code ../shared/data}; the expected
 * counts are those the data folder's README states for each file.
 */
class CrosswalkDataIT {

    private static Crosswalk read(String file) throws Exception {
        Crosswalk crosswalk = CrosswalkReader.read(TestData.require("crosswalks/" + file));
        System.out.println(crosswalk.summary());
        crosswalk.losses().notes().forEach(n -> System.out.println("  " + n));
        return crosswalk;
    }

    @Test
    void theIscoCrosswalkBothWays() throws Exception {
        Crosswalk isco = read("isco_soc_crosswalk_isco08_to_soc2010.csv");
        Crosswalk soc = read("isco_soc_crosswalk_soc2010_to_isco08.csv");

        assertThat(isco.layout()).isEqualTo(CrosswalkLayout.BLS_ISCO08_SOC2010);
        assertThat(soc.layout()).isEqualTo(CrosswalkLayout.BLS_SOC2010_ISCO08);
        for (Crosswalk crosswalk : new Crosswalk[] {isco, soc}) {
            assertThat(crosswalk.losses().rows()).isEqualTo(1125);
            assertThat(crosswalk.links()).hasSize(1125);
        }
        assertThat(isco.losses().fromCodes()).isEqualTo(438);
        assertThat(isco.losses().toCodes()).isEqualTo(840);
        assertThat(isco.links()).extracting(CrosswalkLink::from).contains("0110", "0210", "0310");
        Set<String> isco08 = new HashSet<>(isco.links().stream().map(l -> l.from() + ">" + l.to()).toList());
        Set<String> back = new HashSet<>(soc.links().stream().map(l -> l.to() + ">" + l.from()).toList());
        assertThat(back).as("the two sheets hold the same links").isEqualTo(isco08);
        assertThat(isco.losses().notes()).anyMatch(n -> n.contains("3-digit ISCO-08 groups"));
    }

    @Test
    void theSocAndOnetTaxonomyCrosswalks() throws Exception {
        Crosswalk soc = read("soc_2010_to_2018_crosswalk.csv");
        Crosswalk onet = read("2010_to_2019_Crosswalk.csv");

        assertThat(soc.links()).hasSize(900);
        assertThat(soc.losses().fromCodes()).isEqualTo(840);
        assertThat(soc.losses().toCodes()).isEqualTo(867);
        assertThat(onet.links()).hasSize(1164);
        assertThat(onet.losses().fromCodes()).isEqualTo(1110);
        assertThat(onet.losses().toCodes()).isEqualTo(1012);
    }

    @Test
    void theEscoCrosswalkAndTheClassificationItPointsInto() throws Exception {
        Crosswalk crosswalk = read("ESCO_to_ONET-SOC.csv");
        EscoClassification esco = EscoReader.read(TestData.require("esco/v1_2_1"));
        esco.report().forEach(System.out::println);

        assertThat(crosswalk.links()).hasSize(8627);
        assertThat(crosswalk.losses().fromCodes()).isEqualTo(3349);
        assertThat(crosswalk.losses().toCodes()).isEqualTo(958);
        assertThat(esco.version()).isEqualTo("ESCO v1.2.1");
        assertThat(esco.occupations()).hasSize(3039);
        assertThat(esco.groups()).hasSize(619);
        assertThat(esco.report()).anyMatch(l -> l.contains("4 rows repeat an occupation's URI"));
        Set<String> codes = new HashSet<>(esco.occupations().stream().map(EscoClassification.Occupation::code).toList());
        long absent = crosswalk.links().stream().map(CrosswalkLink::from).filter(Classification.ESCO::isCode).distinct()
                .filter(c -> !codes.contains(c)).count();
        assertThat(absent).as("ESCO codes of the crosswalk (v1.1.0) not in v1.2.1").isEqualTo(38);
    }

    @Test
    void theOewsSectorFile() throws Exception {
        IndustryEmployment industry = IndustryEmploymentReader.read(TestData.require("bls/natsector_M2024_dl.csv"));
        industry.report().forEach(System.out::println);

        assertThat(industry.sectors()).hasSize(20);
        assertThat(industry.sectors()).extracting(IndustryEmployment.Sector::naics).contains("54", "62");
        long suppressed = industry.sectors().stream().flatMap(s -> s.cells().stream())
                .filter(c -> c.employment() == null).count();
        assertThat(industry.report()).anyMatch(l -> l.contains(suppressed + " left out"));
    }
}
