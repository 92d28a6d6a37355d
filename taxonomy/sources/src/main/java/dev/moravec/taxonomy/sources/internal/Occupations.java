package dev.moravec.taxonomy.sources.internal;

import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import dev.moravec.taxonomy.sources.Occupation;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The occupations of a release being read, by O*NET-SOC code, in the order of Occupation Data.txt.
 * Every other file names occupations by code; a code this release does not hold is an error there.
 */
public final class Occupations {


    private final Map<String, OccupationBuilder> byCode = new LinkedHashMap<>();

    /**
     * The O*NET-SOC code of a row.
     *
     * @param row a row with the column {@code O*NET-SOC Code}
     * @return the code
     * @throws BadInputException naming the file, line and field, if it is not an O*NET-SOC code
     */
    public static String code(Table.Row row) throws BadInputException {
        String code = row.get("O*NET-SOC Code");
        if (!OccupationCode.isOnetSoc(code)) {
            throw new BadInputException(row.where("O*NET-SOC Code") + ": '" + code
                    + "' is not an O*NET-SOC code (##-####.##)");
        }
        return code;
    }

    /**
     * Adds an occupation.
     *
     * @param code its O*NET-SOC code
     * @param title its title
     * @return the occupation, to complete
     */
    OccupationBuilder add(String code, String title) {
        OccupationBuilder occupation = new OccupationBuilder(code, title);
        byCode.put(code, occupation);
        return occupation;
    }

    /**
     * The occupation a row is about.
     *
     * @param row a row with the column {@code O*NET-SOC Code}
     * @return the occupation
     * @throws BadInputException naming the file, line and field, if the code is malformed or not in the release
     */
    OccupationBuilder of(Table.Row row) throws BadInputException {
        String code = code(row);
        OccupationBuilder occupation = byCode.get(code);
        if (occupation == null) {
            throw new BadInputException(row.where("O*NET-SOC Code") + ": occupation " + code
                    + " is not in Occupation Data.txt; the release's files do not belong together");
        }
        return occupation;
    }

    /**
     * An occupation by code.
     *
     * @param code its O*NET-SOC code
     * @return the occupation, or {@code null} when the release does not hold it
     */
    OccupationBuilder get(String code) {
        return byCode.get(code);
    }

    /** @return the occupations, in the order of Occupation Data.txt */
    Collection<OccupationBuilder> all() {
        return byCode.values();
    }

    /**
     * The titles the release gives detailed SOC codes: an occupation whose code ends in {@code .00} is
     * the detailed occupation itself, and names it.
     *
     * @return titles by detailed SOC code, such as {@code 15-1252}
     */
    public Map<String, String> detailedTitles() {
        Map<String, String> titles = new HashMap<>();
        for (OccupationBuilder occupation : byCode.values()) {
            if (occupation.code.endsWith(".00")) {
                titles.putIfAbsent(occupation.code.substring(0, 7), occupation.title);
            }
        }
        return titles;
    }

    /** @return how many occupations the release holds */
    public int size() {
        return byCode.size();
    }

    /** @return the occupations as read, by code in code order */
    public Map<String, Occupation> build() {
        Map<String, Occupation> built = new TreeMap<>();
        byCode.forEach((code, occupation) -> built.put(code, occupation.build()));
        return built;
    }
}
