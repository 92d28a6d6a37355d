package dev.moravec.taxonomy.sources.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moravec.model.BadInputException;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrosswalkReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheIscoCrosswalkWithItsPartialFlagsLeadingZerosAndCodesWithoutPartners() throws Exception {
        Crosswalk isco = CrosswalkReader.read(FixtureRelease.sharedExtra("crosswalk-isco-soc2010.csv"));

        assertThat(isco.layout()).isEqualTo(CrosswalkLayout.BLS_ISCO08_SOC2010);
        assertThat(isco.links()).hasSize(8).first()
                .isEqualTo(new CrosswalkLink("0110", "55-1011", true));
        assertThat(isco.links()).contains(new CrosswalkLink("2120", "15-2021", false),
                new CrosswalkLink("2512", "15-1133", true), new CrosswalkLink("711", "47-2098", false));
        assertThat(isco.fromTitles()).containsEntry("0110", "Commissioned armed forces officers");
        CrosswalkLosses losses = isco.losses();
        assertThat(losses.rows()).isEqualTo(10);
        assertThat(losses.partialLinks()).isEqualTo(5);
        assertThat(losses.splitCodes()).as("2512 -> two SOC codes").isEqualTo(1);
        assertThat(losses.mergedCodes()).as("15-1132 <- 2512 and 2514").isEqualTo(1);
        assertThat(losses.fromWithoutPartner()).containsExactly("3119");
        assertThat(losses.toWithoutPartner()).containsExactly("15-1799");
        assertThat(losses.fromCodes()).isEqualTo(8);
        assertThat(losses.toCodes()).isEqualTo(8);
        assertThat(losses.notes()).anyMatch(n -> n.contains("2 title rows"))
                .anyMatch(n -> n.contains("footnote"))
                .anyMatch(n -> n.contains("3-digit ISCO-08 groups (711)"));
        assertThat(isco.summary()).contains("8 links", "5 partial matches", "2 codes without a partner");
    }

    @Test
    void dropsTheSplitAndMergeMarksFromTitlesAndSaysSo() throws Exception {
        Crosswalk soc = CrosswalkReader.read(FixtureRelease.sharedExtra("crosswalk-soc2010-soc2018.csv"));

        assertThat(soc.layout()).isEqualTo(CrosswalkLayout.BLS_SOC2010_SOC2018);
        assertThat(soc.links()).hasSize(9).noneMatch(CrosswalkLink::partial);
        assertThat(soc.fromTitles()).containsEntry("47-2098", "Construction Workers of Two Trades")
                .containsEntry("15-1132", "Software Developers, Applications");
        assertThat(soc.losses().splitCodes()).isEqualTo(1);
        assertThat(soc.losses().mergedCodes()).as("15-1252, 47-2111, 47-2152").isEqualTo(3);
        assertThat(soc.losses().notes()).anyMatch(n -> n.startsWith("3 titles carried a (#) or (##) mark"));
    }

    @Test
    void readsTheEscoCrosswalkWhoseRowsMayKeyOnIscoGroups() throws Exception {
        Crosswalk esco = CrosswalkReader.read(FixtureRelease.sharedExtra("crosswalk-esco-onet.csv"));

        assertThat(esco.layout()).isEqualTo(CrosswalkLayout.ESCO_ONET_SOC2019);
        assertThat(esco.links()).hasSize(9).contains(new CrosswalkLink("0110.1", "55-1011.00", false),
                new CrosswalkLink("7126", "47-2152.00", false));
        assertThat(esco.losses().notes()).anyMatch(n -> n.startsWith("1 rows key on 1 ISCO-08 groups"));
    }

    @Test
    void readsTheOnetTaxonomyCrosswalk() throws Exception {
        Crosswalk onet = CrosswalkReader.read(FixtureRelease.sharedExtra("crosswalk-onet2010-onet2019.csv"));

        assertThat(onet.from()).isEqualTo(Classification.ONET_SOC_2010);
        assertThat(onet.to()).isEqualTo(Classification.ONET_SOC_2019);
        assertThat(onet.losses().mergedCodes()).as("15-1252.00 <- two 2010 codes").isEqualTo(1);
    }

    @Test
    void countsARepeatedRowOnceAndReportsIt() throws Exception {
        Path file = write("2010 SOC Code,2010 SOC Title,2018 SOC Code,2018 SOC Title\n"
                + "11-1011,Chief Executives,11-1011,Chief Executives\n"
                + "11-1011,Chief Executives,11-1011,Chief Executives\n");

        Crosswalk crosswalk = CrosswalkReader.read(file);

        assertThat(crosswalk.links()).hasSize(1);
        assertThat(crosswalk.losses().duplicateRows()).isEqualTo(1);
        assertThat(crosswalk.summary()).contains("1 repeated rows");
    }

    @Test
    void refusesAFileInNoKnownLayoutListingTheLayouts() throws Exception {
        Path file = write("code,title\n11-1011,Chief Executives\n");

        assertThatThrownBy(() -> CrosswalkReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("crosswalk.csv: no crosswalk header")
                .hasMessageContaining("2010 SOC Code, 2010 SOC Title, 2018 SOC Code, 2018 SOC Title");
    }

    @Test
    void refusesAMalformedCodeNamingFileLineAndField() throws Exception {
        Path file = write("2010 SOC Code,2010 SOC Title,2018 SOC Code,2018 SOC Title\n"
                + "11-1011,Chief Executives,11-1011,Chief Executives\n"
                + "11-1011,Chief Executives,111011,Chief Executives\n");

        assertThatThrownBy(() -> CrosswalkReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("crosswalk.csv:3").hasMessageContaining("2018 SOC Code")
                .hasMessageContaining("'111011' is not a SOC 2018 code");
    }

    @Test
    void refusesAPartFlagOtherThanAStar() throws Exception {
        Path file = write("ISCO-08 Code,ISCO-08 Title EN,part,2010 SOC Code,2010 SOC Title\n"
                + "2512,Software developers,yes,15-1132,Software Developers\n");

        assertThatThrownBy(() -> CrosswalkReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("crosswalk.csv:2").hasMessageContaining("'yes' is not a partial-match flag");
    }

    @Test
    void refusesAMissingFileSayingWhichOption() {
        assertThatThrownBy(() -> CrosswalkReader.read(dir.resolve("absent.csv"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("absent.csv does not exist").hasMessageContaining("--crosswalk");
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("crosswalk.csv"), text);
    }
}
