package dev.moravec.api;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a scorer is: the identity the host reports, configures and records with every rating.
 *
 * @param id a short stable name, lower case letters, digits and hyphens, starting with a letter
 *     ({@code lexicon}); configuration files and output columns use it
 * @param version the scorer's version, changed whenever its ratings may change ({@code 1.2.0})
 * @param description one sentence saying what the scorer looks at
 * @param axes the axes it may rate; never empty. A rating on an axis not listed here is refused.
 * @since 1.0.0
 */
public record ScorerInfo(String id, String version, String description, Set<Axis> axes) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * Checks the identity.
     *
     * @throws IllegalArgumentException if the id is not a valid scorer id, the version or description
     *     is blank, or no axis is given
     */
    public ScorerInfo {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("scorer id '" + id
                    + "' is invalid: use 1 to 40 lower case letters, digits and hyphens, starting with a letter");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("scorer '" + id + "' has no version");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("scorer '" + id + "' has no description");
        }
        if (axes == null || axes.isEmpty()) {
            throw new IllegalArgumentException("scorer '" + id + "' rates no axis");
        }
        axes = Set.copyOf(axes);
    }
}
