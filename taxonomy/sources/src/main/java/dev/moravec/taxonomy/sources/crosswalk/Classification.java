package dev.moravec.taxonomy.sources.crosswalk;

import dev.moravec.model.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The occupational classifications Moravec reads crosswalks between. The taxonomy itself is on O*NET-SOC
 * 2019 (whose codes extend SOC 2018's); the others are reached through imported crosswalks. Codes are
 * kept as strings as the files write them, so the leading zeros of ISCO-08 and ESCO codes stay.
 */
public enum Classification {
    /** O*NET-SOC 2019 occupations, such as {@code 15-1252.00}: the taxonomy's own. */
    ONET_SOC_2019("onet2019", "O*NET-SOC 2019", "\\d{2}-\\d{4}\\.\\d{2}"),
    /** O*NET-SOC 2010 occupations, such as {@code 15-1132.00}. */
    ONET_SOC_2010("onet2010", "O*NET-SOC 2010", "\\d{2}-\\d{4}\\.\\d{2}"),
    /** The 2018 Standard Occupational Classification, such as {@code 15-1252}. */
    SOC_2018("soc2018", "SOC 2018", "\\d{2}-\\d{4}"),
    /** The 2010 Standard Occupational Classification, such as {@code 15-1132}. */
    SOC_2010("soc2010", "SOC 2010", "\\d{2}-\\d{4}"),
    /** ISCO-08 groups of one to four digits, such as {@code 2} (major), {@code 25}, {@code 251}, {@code 2512} (unit). */
    ISCO_08("isco08", "ISCO-08", "\\d{1,4}"),
    /** ESCO occupations, by their code (an ISCO-08 unit group and a dotted suffix, such as {@code 2511.4}). */
    ESCO("esco", "ESCO", "\\d{4}(\\.\\d+)+");

    /** The classifications a query can be asked in, as {@code --classification} takes them. */
    public static final List<Classification> QUERYABLE = List.of(SOC_2018, SOC_2010, ISCO_08, ESCO);

    private final String label;
    private final String title;
    private final Pattern code;

    Classification(String label, String title, String code) {
        this.label = label;
        this.title = title;
        this.code = Pattern.compile(code);
    }

    /** @return the name commands and the API take, such as {@code isco08} */
    public String label() {
        return label;
    }

    /** @return the name people read, such as {@code ISCO-08} */
    public String title() {
        return title;
    }

    /**
     * Whether a code has this classification's form (not whether it exists).
     *
     * @param text the code as written
     * @return true if it has the form
     */
    public boolean isCode(String text) {
        return text != null && code.matcher(text).matches();
    }

    /**
     * The classification a query names.
     *
     * @param name {@code soc2018}, {@code soc2010}, {@code isco08} or {@code esco} (any case), or {@code null}
     *     for the default, SOC 2018
     * @return the classification
     * @throws BadInputException if the name is none of them
     */
    public static Classification parse(String name) throws BadInputException {
        if (name == null || name.isBlank()) {
            return SOC_2018;
        }
        String key = name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (Classification classification : QUERYABLE) {
            if (classification.label.equals(key)) {
                return classification;
            }
        }
        throw new BadInputException("--classification must be one of "
                + String.join(", ", QUERYABLE.stream().map(Classification::label).toList()) + ", not '" + name + "'");
    }

    /**
     * The classification a label names, any of them.
     *
     * @param label a label, such as {@code onet2010}
     * @return the classification
     * @throws IllegalArgumentException if the label names none
     */
    public static Classification ofLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no classification '" + label + "'"));
    }
}
