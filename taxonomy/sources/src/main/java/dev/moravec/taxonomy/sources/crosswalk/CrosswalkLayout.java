package dev.moravec.taxonomy.sources.crosswalk;

import java.util.List;
import java.util.Locale;

/**
 * The official crosswalk layouts Moravec reads, each recognised by its header: the columns of its two
 * codes and their titles and, for the ISCO-08 crosswalk, the {@code part} flag. The O*NET-SOC 2019 to SOC
 * 2018 crosswalk is built in (an O*NET-SOC code's first seven characters are its SOC code), so it has no
 * layout here.
 */
public enum CrosswalkLayout {
    /** The BLS ISCO-08 to 2010 SOC crosswalk (August 2012, updated June 2015), its ISCO-08 sheet. */
    BLS_ISCO08_SOC2010("BLS ISCO-08 -> 2010 SOC crosswalk (2012, updated 2015)", Classification.ISCO_08,
            Classification.SOC_2010, "ISCO-08 Code", "ISCO-08 Title EN", "2010 SOC Code", "2010 SOC Title", "part"),
    /** The same crosswalk's 2010 SOC sheet: the same links, sorted by SOC, {@code part} about the SOC code. */
    BLS_SOC2010_ISCO08("BLS 2010 SOC -> ISCO-08 crosswalk (2012, updated 2015)", Classification.SOC_2010,
            Classification.ISCO_08, "2010 SOC Code", "2010 SOC Title", "ISCO-08 Code", "ISCO-08 Title EN", "part"),
    /** The BLS 2010 SOC to 2018 SOC crosswalk. */
    BLS_SOC2010_SOC2018("BLS 2010 SOC -> 2018 SOC crosswalk", Classification.SOC_2010, Classification.SOC_2018,
            "2010 SOC Code", "2010 SOC Title", "2018 SOC Code", "2018 SOC Title", null),
    /** The O*NET-SOC 2010 to O*NET-SOC 2019 taxonomy crosswalk of the National Center for O*NET Development. */
    ONET_SOC2010_SOC2019("O*NET-SOC 2010 -> O*NET-SOC 2019 crosswalk", Classification.ONET_SOC_2010,
            Classification.ONET_SOC_2019, "O*NET-SOC 2010 Code", "O*NET-SOC 2010 Title", "O*NET-SOC 2019 Code",
            "O*NET-SOC 2019 Title", null),
    /**
     * The ESCO to O*NET-SOC 2019 crosswalk of the O*NET Resource Center with the European Commission (built on
     * ESCO v1.1.0). Some of its rows key on a 3- or 4-digit ISCO-08 group instead of an ESCO occupation.
     */
    ESCO_ONET_SOC2019("ESCO -> O*NET-SOC 2019 crosswalk (O*NET Resource Center, ESCO v1.1.0)", Classification.ESCO,
            Classification.ONET_SOC_2019, "ESCO/ISCO Code", "ESCO/ISCO Title", "O*NET-SOC 2019 Code",
            "O*NET-SOC 2019 Title", null);

    private final String title;
    private final Classification from;
    private final Classification to;
    private final String fromCode;
    private final String fromTitle;
    private final String toCode;
    private final String toTitle;
    private final String part;

    CrosswalkLayout(String title, Classification from, Classification to, String fromCode, String fromTitle,
            String toCode, String toTitle, String part) {
        this.title = title;
        this.from = from;
        this.to = to;
        this.fromCode = fromCode;
        this.fromTitle = fromTitle;
        this.toCode = toCode;
        this.toTitle = toTitle;
        this.part = part;
    }

    /** @return what it is, for reports */
    public String title() {
        return title;
    }

    /** @return the classification of its first code */
    public Classification from() {
        return from;
    }

    /** @return the classification of its second code */
    public Classification to() {
        return to;
    }

    /** @return the column of its first code */
    public String fromCode() {
        return fromCode;
    }

    /** @return the column of its first code's title */
    public String fromTitle() {
        return fromTitle;
    }

    /** @return the column of its second code */
    public String toCode() {
        return toCode;
    }

    /** @return the column of its second code's title */
    public String toTitle() {
        return toTitle;
    }

    /** @return the column of the partial-match flag, or {@code null} when the layout has none */
    public String part() {
        return part;
    }

    /** @return the columns a header must have, in the layout's order */
    public List<String> columns() {
        return part == null ? List.of(fromCode, fromTitle, toCode, toTitle)
                : List.of(fromCode, fromTitle, part, toCode, toTitle);
    }

    /**
     * Whether a first-column code has a form this layout allows: the classification's, or, in the ESCO
     * crosswalk, a 3- or 4-digit ISCO-08 group.
     *
     * @param code the code
     * @return true if allowed
     */
    boolean allowsFrom(String code) {
        return from.isCode(code) || (this == ESCO_ONET_SOC2019 && code.matches("\\d{3,4}"));
    }

    /**
     * The layout a header is.
     *
     * @param header the header's cells
     * @return the layout whose columns the header has, first to last in order, or {@code null}
     */
    static CrosswalkLayout recognise(List<String> header) {
        List<String> cells = header.stream().map(c -> c.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
        for (CrosswalkLayout layout : values()) {
            int at = 0;
            boolean all = true;
            for (String column : layout.columns()) {
                int found = cells.subList(at, cells.size()).indexOf(column.toLowerCase(Locale.ROOT));
                if (found < 0) {
                    all = false;
                    break;
                }
                at += found + 1;
            }
            if (all && cells.indexOf(layout.fromCode.toLowerCase(Locale.ROOT))
                    < cells.indexOf(layout.toCode.toLowerCase(Locale.ROOT))) {
                return layout;
            }
        }
        return null;
    }
}
