package dev.moravec.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An occupation or job family code: an O*NET-SOC 2019 code {@code ##-####.##} (an occupation), or a
 * SOC 2018 code {@code ##-####} (a detailed occupation, or a broad, minor or major group such as
 * {@code 15-1250}, {@code 15-1200}, {@code 15-0000}). The one place these forms are parsed.
 *
 * @param value the code as written
 */
public record OccupationCode(String value) {

    private static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}");
    private static final Pattern ONET_SOC = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");

    /**
     * Checks the form.
     *
     * @throws IllegalArgumentException if the value is neither form; the message says which forms are valid
     */
    public OccupationCode {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not an O*NET-SOC code (##-####.##) or SOC code (##-####)");
        }
    }

    /**
     * @param text a code, possibly with spaces around it
     * @return the code, or empty when the text is neither form
     */
    public static Optional<OccupationCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip();
        return isValid(code) ? Optional.of(new OccupationCode(code)) : Optional.empty();
    }

    /**
     * @param text a string
     * @return whether it is an O*NET-SOC or a SOC code
     */
    public static boolean isValid(String text) {
        return text != null && (isSoc(text) || isOnetSoc(text));
    }

    /**
     * @param text a string
     * @return whether it is a SOC code {@code ##-####}
     */
    public static boolean isSoc(String text) {
        return text != null && SOC.matcher(text).matches();
    }

    /**
     * @param text a string
     * @return whether it is an O*NET-SOC code {@code ##-####.##}
     */
    public static boolean isOnetSoc(String text) {
        return text != null && ONET_SOC.matcher(text).matches();
    }

    /** @return whether this is an O*NET-SOC code */
    public boolean isOccupation() {
        return isOnetSoc(value);
    }

    /**
     * The O*NET-SOC code a detailed SOC code stands for: {@code 15-1252} gives {@code 15-1252.00}.
     *
     * @return this code when it is an O*NET-SOC code, else the code with {@code .00}
     */
    public String onetSoc() {
        return isOccupation() ? value : value + ".00";
    }

    /**
     * The O*NET-SOC code a text names, where it is a code: {@code 15-1252} gives {@code 15-1252.00}.
     *
     * @param text a code, or any other text
     * @return the O*NET-SOC code, or the text as it is when it is no SOC or O*NET-SOC code
     */
    public static String onetSocOf(String text) {
        return isValid(text) ? new OccupationCode(text).onetSoc() : text;
    }

    /** @return the six-digit SOC part: {@code 15-1252.01} gives {@code 15-1252} */
    public String soc() {
        return value.substring(0, 7);
    }

    @Override
    public String toString() {
        return value;
    }
}
