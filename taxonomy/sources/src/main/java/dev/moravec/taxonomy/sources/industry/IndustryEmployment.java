package dev.moravec.taxonomy.sources.industry;

import java.util.List;

/**
 * Employment and mean wages by industry and occupation, as read from an OEWS industry file.
 *
 * @param file the file's name
 * @param sectors the sectors, in the file's order
 * @param report what was read, and what was estimated or left out with the reason, one line each
 */
public record IndustryEmployment(String file, List<Sector> sectors, List<String> report) {

    /** Copies the lists. */
    public IndustryEmployment {
        sectors = List.copyOf(sectors);
        report = List.copyOf(report);
    }

    /**
     * One industry sector.
     *
     * @param naics its NAICS code, such as {@code 54}
     * @param title its title
     * @param employment its total employment as published
     * @param cells its detailed occupations
     */
    public record Sector(String naics, String title, double employment, List<Cell> cells) {

        /** Copies the list. */
        public Sector {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One detailed occupation in a sector.
     *
     * @param code its SOC code as OEWS gives it (a detailed code, or a code OEWS aggregates several under)
     * @param title its title
     * @param employment its employment in the sector, or {@code null} when suppressed and not estimable
     * @param employmentHow {@code published}, {@code estimated} (an equal share of what its nearest
     *     published group holds beyond its published cells) or {@code suppressed}
     * @param annualWage its mean annual wage in the sector, or {@code null} when none could be found
     * @param wageHow {@code published}, {@code top-coded}, {@code hourly}, {@code other-sectors} (its
     *     employment-weighted mean over the sectors that publish one) or {@code none}
     */
    public record Cell(String code, String title, Double employment, String employmentHow, Double annualWage,
            String wageHow) {}
}
