package dev.moravec.taxonomy.index;

import dev.moravec.model.BadInputException;
import java.util.Locale;

/** What a ranking weighs occupations by within a family, a group or an industry. */
public enum WeightBasis {
    /** National (or industry) employment where imported, else each occupation equally. */
    EMPLOYMENT,
    /** Wage bill, employment times mean annual wage, where wages were imported; else as {@link #EMPLOYMENT}. */
    WAGES;

    /** @return the name commands and the API take: {@code employment} or {@code wages} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The basis a name gives.
     *
     * @param name {@code employment} or {@code wages} (any case), or {@code null} for employment
     * @return the basis
     * @throws BadInputException if the name is neither
     */
    public static WeightBasis parse(String name) throws BadInputException {
        if (name == null || name.isBlank()) {
            return EMPLOYMENT;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "employment" -> EMPLOYMENT;
            case "wages", "wage", "wage-bill" -> WAGES;
            default -> throw new BadInputException("--weight must be employment or wages, not '" + name + "'");
        };
    }
}
