package dev.moravec.taxonomy.sources.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moravec.model.BadInputException;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndustryEmploymentReaderTest {

    @TempDir
    Path dir;

    private static IndustryEmployment.Cell cell(IndustryEmployment.Sector sector, String code) {
        return sector.cells().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void readsSectorsAndTheirDetailedCellsAsPublished() throws Exception {
        IndustryEmployment industry = IndustryEmploymentReader.read(FixtureRelease.sharedExtra("industry.csv"));

        assertThat(industry.sectors()).extracting(IndustryEmployment.Sector::naics).containsExactly("51", "23");
        IndustryEmployment.Sector information = industry.sectors().get(0);
        assertThat(information.title()).isEqualTo("Information");
        assertThat(information.employment()).isEqualTo(10000);
        assertThat(information.cells()).extracting(IndustryEmployment.Cell::code)
                .containsExactly("15-1252", "15-2021", "47-2111");
        assertThat(cell(information, "15-1252")).isEqualTo(new IndustryEmployment.Cell("15-1252", "Software Developers",
                4000.0, "published", 120000.0, "published"));
    }

    @Test
    void estimatesSuppressedEmploymentFromTheNearestPublishedGroupAndReportsWhatItCannot() throws Exception {
        IndustryEmployment industry = IndustryEmploymentReader.read(FixtureRelease.sharedExtra("industry.csv"));
        IndustryEmployment.Sector information = industry.sectors().get(0);
        IndustryEmployment.Sector construction = industry.sectors().get(1);

        assertThat(cell(information, "15-2021").employment()).as("the broad group's 800, none published").isEqualTo(800);
        assertThat(cell(information, "15-2021").employmentHow()).isEqualTo("estimated");
        assertThat(cell(construction, "47-2152").employment()).isEqualTo(1500);
        assertThat(cell(construction, "55-1011").employment()).as("no group of 55 is published").isNull();
        assertThat(cell(construction, "55-1011").employmentHow()).isEqualTo("suppressed");
        assertThat(industry.report()).anyMatch(l -> l.contains("employment suppressed (**) in 3 cells: 2 estimated")
                && l.contains("1 left out"));
    }

    @Test
    void findsSuppressedWagesAsDocumentedNeverAsZero() throws Exception {
        IndustryEmployment industry = IndustryEmploymentReader.read(FixtureRelease.sharedExtra("industry.csv"));
        IndustryEmployment.Sector information = industry.sectors().get(0);
        IndustryEmployment.Sector construction = industry.sectors().get(1);

        assertThat(cell(information, "47-2111").annualWage()).as("top-coded: the highest published percentile")
                .isEqualTo(200000);
        assertThat(cell(information, "47-2111").wageHow()).isEqualTo("top-coded");
        assertThat(cell(construction, "47-2152").annualWage()).as("hourly 30 x 2,080").isEqualTo(62400);
        assertThat(cell(construction, "15-1252").annualWage()).as("the other sectors' mean").isEqualTo(120000);
        assertThat(cell(construction, "15-1252").wageHow()).isEqualTo("other-sectors");
        assertThat(cell(construction, "55-1011").annualWage()).isNull();
        assertThat(cell(construction, "55-1011").wageHow()).isEqualTo("none");
        assertThat(cell(information, "15-2021").annualWage()).as("no sector publishes one").isNull();
        assertThat(industry.report()).anyMatch(l -> l.contains("1 top-coded (#) counted at $200,000")
                && l.contains("1 published hourly only") && l.contains("1 suppressed (*) taking the occupation's mean")
                && l.contains("2 without a wage (left out of wage bills)"));
    }

    @Test
    void refusesANationalFileSayingWhichOptionTakesIt() throws Exception {
        Path file = Files.writeString(dir.resolve("national.csv"), "NAICS,NAICS_TITLE,I_GROUP,OCC_CODE,OCC_TITLE,O_GROUP,"
                + "TOT_EMP,A_MEAN\n000000,Cross-industry,cross-industry,00-0000,All Occupations,total,100,50000\n");

        assertThatThrownBy(() -> IndustryEmploymentReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("national.csv:2").hasMessageContaining("--employment")
                .hasMessageContaining("--industry-employment");
    }

    @Test
    void refusesAMalformedNumberNamingFileLineAndField() throws Exception {
        Path file = Files.writeString(dir.resolve("sector.csv"), "NAICS,NAICS_TITLE,I_GROUP,OCC_CODE,OCC_TITLE,O_GROUP,"
                + "TOT_EMP,A_MEAN\n51,Information,sector,00-0000,All Occupations,total,lots,50000\n");

        assertThatThrownBy(() -> IndustryEmploymentReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("sector.csv:2").hasMessageContaining("TOT_EMP")
                .hasMessageContaining("neither a number nor a BLS mark");
    }
}
