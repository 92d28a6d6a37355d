package dev.moravec.taxonomy.index.internal;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Lucene's query parser, refusing what would take long before a search even starts: a regular
 * expression whose automaton would be too large ({@code /a{1000000}/} builds a million states, in
 * seconds, before any time limit can see it) and more than a few dozen wildcard, fuzzy, prefix or
 * regular expression terms (each is expanded against the whole term dictionary). Not thread-safe: one
 * per query.
 */
public final class BoundedQueryParser extends MultiFieldQueryParser {

    /** The most states a regular expression's automaton may be estimated to have. */
    public static final long MAX_REGEXP_STATES = 10_000;

    /** The most expanded terms (wildcard, fuzzy, prefix, regular expression) per field searched. */
    public static final int MAX_EXPANDED_TERMS = 20;

    private final int fields;
    private int expanded;

    /**
     * @param fields the fields searched, with their boosts
     * @param analyzer the index's analyzer
     */
    public BoundedQueryParser(Map<String, Float> fields, Analyzer analyzer) {
        super(fields.keySet().toArray(String[]::new), analyzer, fields);
        this.fields = fields.size();
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        if (field != null) {
            count();
            long states = states(regExp(termStr));
            if (states > MAX_REGEXP_STATES) {
                throw new ParseException("the regular expression /" + termStr + "/ is too complex: its automaton would"
                        + " have about " + (states >= Long.MAX_VALUE / 2 ? "countless" : String.valueOf(states))
                        + " states, and at most " + MAX_REGEXP_STATES + " are searched");
            }
        }
        try {
            return super.getRegexpQuery(field, termStr);
        } catch (TooComplexToDeterminizeException e) {
            throw new ParseException("the regular expression /" + termStr + "/ is too complex to search");
        }
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        if (field != null) {
            count();
        }
        return super.getFuzzyQuery(field, termStr, minSimilarity);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        if (field != null) {
            count();
        }
        return super.getWildcardQuery(field, termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        if (field != null) {
            count();
        }
        return super.getPrefixQuery(field, termStr);
    }

    private void count() throws ParseException {
        if (++expanded > MAX_EXPANDED_TERMS * fields) {
            throw new ParseException("the query has more than " + MAX_EXPANDED_TERMS + " wildcard, fuzzy (~) or regular"
                    + " expression terms; use fewer");
        }
    }

    private static RegExp regExp(String text) throws ParseException {
        try {
            return new RegExp(text);
        } catch (IllegalArgumentException e) {
            throw new ParseException("the regular expression /" + text + "/ is not valid: " + e.getMessage());
        }
    }

    // an upper estimate of the automaton's states, saturating instead of overflowing
    private static long states(RegExp node) {
        if (node == null) {
            return 0;
        }
        return switch (node.kind) {
            case REGEXP_UNION, REGEXP_CONCATENATION, REGEXP_INTERSECTION -> add(states(node.exp1), states(node.exp2));
            case REGEXP_OPTIONAL, REGEXP_REPEAT -> add(states(node.exp1), 1);
            // a complement determinizes its operand: its size may grow exponentially
            case REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> times(states(node.exp1), states(node.exp1));
            case REGEXP_REPEAT_MIN -> times(states(node.exp1), node.min + 1L);
            case REGEXP_REPEAT_MINMAX -> times(states(node.exp1), Math.max(1L, node.max));
            case REGEXP_STRING -> node.s.length();
            case REGEXP_INTERVAL -> times(node.digits, 10);
            default -> 1;
        };
    }

    private static long add(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    private static long times(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
