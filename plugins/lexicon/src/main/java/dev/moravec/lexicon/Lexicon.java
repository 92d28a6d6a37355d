package dev.moravec.lexicon;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * A lexicon of cues, each a phrase that signals a category of work with known transferability and
 * verification cost, matched on word stems. Immutable and thread-safe once loaded.
 *
 * <p>The file is JSON: {@code name}, {@code description}, {@code leadingWordWeight} (how much more
 * the statement's first word counts), {@code confidenceScale} (the total cue weight at which
 * confidence reaches 63%), and {@code categories}, each with a {@code name}, a
 * {@code transferability} and/or a {@code verificationCost} in [0, 1], the {@code verification} mode
 * of the work it signals (one of {@link VerificationMode}; its verification cost defaults to the
 * mode's {@link VerificationMode#typicalCost() typical cost}), the bottleneck {@code factors} it
 * raises (factor name to strength in [0, 1]), an optional {@code weight} and its {@code cues}:
 * phrases, each optionally followed by {@code ^weight}.
 */
final class Lexicon {

    private final String name;
    private final double leadingWordWeight;
    private final double confidenceScale;
    private final Analyzer analyzer;
    private final Node root = new Node();

    private Lexicon(String name, double leadingWordWeight, double confidenceScale, Analyzer analyzer) {
        this.name = name;
        this.leadingWordWeight = leadingWordWeight;
        this.confidenceScale = confidenceScale;
        this.analyzer = analyzer;
    }

    /**
     * Reads a lexicon.
     *
     * @param in the JSON; not closed
     * @param source the file's name, for messages
     * @param mapper the mapper to read it with
     * @return the lexicon
     * @throws LexiconException if the file is not a valid lexicon; the message names the category and cue
     */
    static Lexicon read(InputStream in, String source, ObjectMapper mapper) throws LexiconException {
        LexiconFile file;
        try {
            file = mapper.readerFor(LexiconFile.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new LexiconException(source + ":" + line + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LexiconException("cannot read lexicon " + source + ": " + e.getMessage());
        }
        if (file == null || file.categories == null || file.categories.isEmpty()) {
            throw new LexiconException(source + ": the lexicon has no categories");
        }
        Lexicon lexicon = new Lexicon(file.name == null ? source : file.name,
                file.leadingWordWeight == null ? 1.0 : positive(source, "leadingWordWeight", file.leadingWordWeight),
                file.confidenceScale == null ? 1.5 : positive(source, "confidenceScale", file.confidenceScale),
                new EnglishAnalyzer());
        for (CategoryFile category : file.categories) {
            lexicon.add(source, category);
        }
        return lexicon;
    }

    private static double positive(String source, String key, double value) throws LexiconException {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new LexiconException(source + ": " + key + " must be a positive number, was " + value);
        }
        return value;
    }

    private void add(String source, CategoryFile file) throws LexiconException {
        String where = source + ": category '" + file.name + "'";
        if (file.name == null || file.name.isBlank()) {
            throw new LexiconException(source + ": a category has no name");
        }
        Optional<VerificationMode> mode = mode(where, file.verification);
        Double verificationCost = file.verificationCost == null && mode.isPresent()
                ? Double.valueOf(mode.get().typicalCost()) : file.verificationCost;
        Map<BottleneckFactor, Double> factors = factors(where, file.factors);
        if (file.transferability == null && verificationCost == null && factors.isEmpty()) {
            throw new LexiconException(where + " rates neither transferability nor verificationCost, and names no factors");
        }
        for (Double value : new Double[] {file.transferability, verificationCost}) {
            if (value != null && !(value >= 0 && value <= 1)) {
                throw new LexiconException(where + ": value " + value + " is outside [0, 1]");
            }
        }
        double weight = file.weight == null ? 1.0 : positive(where, "weight", file.weight);
        if (file.cues == null || file.cues.isEmpty()) {
            throw new LexiconException(where + " has no cues");
        }
        Category category = new Category(file.name, optional(file.transferability), optional(verificationCost), mode,
                factors);
        for (String cue : file.cues) {
            String phrase = cue;
            double cueWeight = 1.0;
            int caret = cue.lastIndexOf('^');
            if (caret >= 0) {
                phrase = cue.substring(0, caret);
                try {
                    cueWeight = Double.parseDouble(cue.substring(caret + 1));
                } catch (NumberFormatException e) {
                    throw new LexiconException(where + ": cue '" + cue + "' has a weight that is not a number");
                }
                positive(where + ": cue '" + cue + "'", "its weight", cueWeight);
            }
            List<Token> stems = analyze(phrase);
            if (stems.isEmpty()) {
                throw new LexiconException(where + ": cue '" + cue + "' has no content words (only stop words)");
            }
            Node node = root;
            for (Token stem : stems) {
                node = node.children.computeIfAbsent(stem.term, t -> new Node());
            }
            node.add(new Entry(category, weight * cueWeight));
        }
    }

    private static Optional<VerificationMode> mode(String where, String name) throws LexiconException {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(VerificationMode.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new LexiconException(where + ": verification '" + name + "' is not one of "
                    + Arrays.toString(VerificationMode.values()));
        }
    }

    private static Map<BottleneckFactor, Double> factors(String where, Map<String, Double> named) throws LexiconException {
        Map<BottleneckFactor, Double> factors = new EnumMap<>(BottleneckFactor.class);
        if (named == null) {
            return factors;
        }
        for (Map.Entry<String, Double> entry : named.entrySet()) {
            BottleneckFactor factor;
            try {
                factor = BottleneckFactor.valueOf(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new LexiconException(where + ": factor '" + entry.getKey() + "' is not one of "
                        + Arrays.toString(BottleneckFactor.values()));
            }
            Double strength = entry.getValue();
            if (strength == null || !(strength >= 0 && strength <= 1)) {
                throw new LexiconException(where + ": the strength of " + factor + " " + strength + " is outside [0, 1]");
            }
            factors.put(factor, strength);
        }
        return Collections.unmodifiableMap(factors);
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** @return the lexicon's name */
    String name() {
        return name;
    }

    /** @return how much more the first word of a statement counts */
    double leadingWordWeight() {
        return leadingWordWeight;
    }

    /** @return the total cue weight at which confidence reaches 1 - 1/e */
    double confidenceScale() {
        return confidenceScale;
    }

    /**
     * Finds the cues in a text: at each word, the longest cue starting there, then on after it.
     *
     * @param text the text
     * @return the matches in text order
     */
    List<Match> match(String text) {
        List<Token> tokens = analyze(text);
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Node node = root;
            Node longest = null;
            int end = i;
            for (int j = i; j < tokens.size(); j++) {
                node = node.children.get(tokens.get(j).term);
                if (node == null) {
                    break;
                }
                if (!node.entries.isEmpty()) {
                    longest = node;
                    end = j + 1;
                }
            }
            if (longest == null) {
                i++;
                continue;
            }
            String surface = text.substring(tokens.get(i).start, tokens.get(end - 1).end);
            for (Entry entry : longest.entries) {
                matches.add(new Match(surface, i, entry.category, entry.weight));
            }
            i = end;
        }
        return matches;
    }

    private List<Token> analyze(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e); // cannot happen with a string
        }
        return tokens;
    }

    /**
     * A category of work: where it lies on the axes, how an attempt at it is checked, and what holds it back.
     *
     * @param name its name, for evidence
     * @param transferability its transferability, or empty
     * @param verificationCost its verification cost, or empty
     * @param mode how an attempt at such work is checked, or empty
     * @param factors the bottleneck factors it raises, with their strengths
     */
    record Category(String name, OptionalDouble transferability, OptionalDouble verificationCost,
            Optional<VerificationMode> mode, Map<BottleneckFactor, Double> factors) {}

    /**
     * One cue found in a text.
     *
     * @param surface the words as the text writes them
     * @param position the index of its first word among the text's content words
     * @param category what it signals
     * @param weight the cue's weight, the category's included
     */
    record Match(String surface, int position, Category category, double weight) {}

    private record Token(String term, int start, int end) {}

    private record Entry(Category category, double weight) {}

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Entry> entries = new ArrayList<>(1);

        /**
         * Adds a category's cue; the same category's cue of the same stems ('write' and 'writing') is one cue,
         * of the larger weight, so that inflections listed side by side do not count twice.
         */
        void add(Entry entry) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).category() == entry.category()) {
                    if (entry.weight() > entries.get(i).weight()) {
                        entries.set(i, entry);
                    }
                    return;
                }
            }
            entries.add(entry);
        }
    }

    private record LexiconFile(
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("leadingWordWeight") Double leadingWordWeight,
            @JsonProperty("confidenceScale") Double confidenceScale,
            @JsonProperty("categories") List<CategoryFile> categories) {}

    private record CategoryFile(
            @JsonProperty("name") String name,
            @JsonProperty("transferability") Double transferability,
            @JsonProperty("verificationCost") Double verificationCost,
            @JsonProperty("verification") String verification,
            @JsonProperty("factors") Map<String, Double> factors,
            @JsonProperty("weight") Double weight,
            @JsonProperty("cues") List<String> cues) {}
}
