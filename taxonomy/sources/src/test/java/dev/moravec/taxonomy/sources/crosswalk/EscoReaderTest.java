package dev.moravec.taxonomy.sources.crosswalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moravec.model.BadInputException;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscoReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsOccupationsWithTheirLabelsAndGroupsWithLeadingZeros() throws Exception {
        EscoClassification esco = EscoReader.read(FixtureRelease.sharedExtra("esco/occupations_en.csv").getParent());

        assertThat(esco.groups()).hasSize(25).first().extracting(EscoClassification.Group::code).isEqualTo("0");
        assertThat(esco.groups()).extracting(EscoClassification.Group::code).contains("01", "011", "0110");
        assertThat(esco.occupations()).extracting(EscoClassification.Occupation::code)
                .containsExactly("0110.1", "2120.1", "2511.4", "2512.4", "3119.2", "7126.1", "7411.1");
        EscoClassification.Occupation scientist = esco.occupations().get(2);
        assertThat(scientist.uri()).isEqualTo("http://data.europa.eu/esco/occupation/fixture-0003");
        assertThat(scientist.iscoGroup()).isEqualTo("2511");
        assertThat(scientist.label()).isEqualTo("data scientist");
        assertThat(scientist.alternativeLabels()).containsExactly("data expert", "research data scientist",
                "analytics wizard");
        assertThat(esco.version()).isEqualTo("ESCO");
    }

    @Test
    void keepsTheLatestRowOfAnOccupationListedTwiceAndReportsIt() throws Exception {
        EscoClassification esco = EscoReader.read(FixtureRelease.sharedExtra("esco/occupations_en.csv").getParent());

        EscoClassification.Occupation mathematician = esco.occupations().get(1);
        assertThat(mathematician.alternativeLabels()).containsExactly("maths researcher", "number theorist");
        assertThat(esco.report()).anyMatch(l -> l.contains("7 occupations (1 rows repeat an occupation's URI")
                && l.contains("8 rows read"));
    }

    @Test
    void takesTheVersionFromTheFolderName() throws Exception {
        Path source = FixtureRelease.sharedExtra("esco/occupations_en.csv").getParent();
        Path versioned = Files.createDirectories(dir.resolve("v1_2_1"));
        for (String file : new String[] {EscoReader.OCCUPATIONS, EscoReader.GROUPS}) {
            Files.copy(source.resolve(file), versioned.resolve(file));
        }

        assertThat(EscoReader.read(versioned).version()).isEqualTo("ESCO v1.2.1");
    }

    @Test
    void refusesAMalformedCodeNamingFileLineAndField() throws Exception {
        Files.writeString(dir.resolve(EscoReader.GROUPS), "code,preferredLabel\n2511,Systems analysts\n");
        Files.writeString(dir.resolve(EscoReader.OCCUPATIONS), "conceptUri,iscoGroup,preferredLabel,code\n"
                + "http://example.org/a,2511,analyst,2511\n");

        assertThatThrownBy(() -> EscoReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("occupations_en.csv:2").hasMessageContaining("code")
                .hasMessageContaining("'2511' is not an ESCO occupation code");
    }

    @Test
    void refusesAFolderWithoutTheFiles() {
        assertThatThrownBy(() -> EscoReader.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("ISCOGroups_en.csv is missing").hasMessageContaining("--esco");
    }
}
