package dev.moravec.taxonomy.sources;

import java.util.Locale;

/** The levels of the SOC 2018 hierarchy, with O*NET-SOC occupations below the detailed groups. */
public enum SocLevel {
    /** Major groups such as {@code 15-0000} Computer and Mathematical Occupations. */
    MAJOR,
    /** Minor groups such as {@code 15-1200} Computer Occupations. */
    MINOR,
    /** Broad occupations such as {@code 15-1250} Software and Web Developers, Programmers, and Testers. */
    BROAD,
    /** Detailed occupations such as {@code 15-1252} Software Developers. */
    DETAILED,
    /** O*NET-SOC occupations such as {@code 15-1252.00}. */
    OCCUPATION;

    /** @return the level's name in lower case, as commands take it */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
