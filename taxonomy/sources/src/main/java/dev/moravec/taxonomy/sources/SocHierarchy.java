package dev.moravec.taxonomy.sources;

import dev.moravec.model.OccupationCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SOC 2018 hierarchy: which group a code belongs to at each level, and the groups' titles. Major
 * and minor groups are built in (public fact); titles of broad and detailed groups come from imported
 * files. Immutable; {@link #withTitles(Map)} makes a copy with more titles.
 */
public final class SocHierarchy {

    private static final Map<String, String> BUILT_IN = readBuiltIn();

    private final Map<String, String> titles;

    private SocHierarchy(Map<String, String> titles) {
        this.titles = Collections.unmodifiableMap(titles);
    }

    /** @return the hierarchy with the built-in major and minor groups */
    public static SocHierarchy builtIn() {
        return new SocHierarchy(new HashMap<>(BUILT_IN));
    }

    /**
     * A copy with more (or corrected) titles.
     *
     * @param more group code to title, at any level
     * @return the new hierarchy
     */
    public SocHierarchy withTitles(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(titles);
        merged.putAll(more);
        return new SocHierarchy(merged);
    }

    /** @return every known group code with its title */
    public Map<String, String> titles() {
        return titles;
    }

    /**
     * The title of a group or occupation.
     *
     * @param code a SOC or O*NET-SOC code
     * @return its title, if known
     */
    public Optional<String> title(String code) {
        return Optional.ofNullable(titles.get(code));
    }

    /**
     * The code of the group a code belongs to at a level.
     *
     * @param code an O*NET-SOC code ({@code 15-1252.00}) or a SOC code at or below the level
     * @param level the level
     * @return the group's code, such as {@code 15-1200} for {@code 15-1252.00} at {@link SocLevel#MINOR}
     * @throws IllegalArgumentException if the code is not a SOC or O*NET-SOC code
     */
    public String groupOf(String code, SocLevel level) {
        if (code == null || !OccupationCode.isValid(code)) {
            throw new IllegalArgumentException("'" + code + "' is not a SOC or O*NET-SOC code");
        }
        String soc = code.substring(0, 7);
        return switch (level) {
            case MAJOR -> soc.substring(0, 2) + "-0000";
            case MINOR -> {
                // most minor groups are ##-#000; a few (15-1200, 31-1100, 51-5100) use two digits
                String twoDigits = soc.substring(0, 5) + "00";
                yield titles.containsKey(twoDigits) && !twoDigits.endsWith("000") ? twoDigits : soc.substring(0, 4) + "000";
            }
            case BROAD -> soc.substring(0, 6) + "0";
            case DETAILED -> soc;
            case OCCUPATION -> code.length() == 10 ? code : soc + ".00";
        };
    }

    /**
     * The groups above an occupation, from major to detailed, and the occupation itself.
     *
     * @param onetCode an O*NET-SOC code
     * @return the level, code and title (empty when unknown) of each step
     */
    public List<Node> path(String onetCode) {
        List<Node> path = new ArrayList<>();
        for (SocLevel level : SocLevel.values()) {
            String code = groupOf(onetCode, level);
            path.add(new Node(level, code, titles.get(code)));
        }
        return path;
    }

    /**
     * One step of a path.
     *
     * @param level its level
     * @param code its code
     * @param title its title, or {@code null} when unknown
     */
    public record Node(SocLevel level, String code, String title) {}

    /**
     * Every code of a level in the path of each given code, as a map from level to code.
     *
     * @param onetCode an O*NET-SOC code
     * @return each level's group code
     */
    public Map<SocLevel, String> groups(String onetCode) {
        Map<SocLevel, String> groups = new EnumMap<>(SocLevel.class);
        for (SocLevel level : SocLevel.values()) {
            groups.put(level, groupOf(onetCode, level));
        }
        return groups;
    }

    private static Map<String, String> readBuiltIn() {
        Map<String, String> titles = new HashMap<>();
        try (InputStream in = SocHierarchy.class.getResourceAsStream("soc-2018-groups.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                titles.put(fields[0], fields[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in SOC groups", e);
        }
        return titles;
    }
}
