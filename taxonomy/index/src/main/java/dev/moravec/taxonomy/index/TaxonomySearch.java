package dev.moravec.taxonomy.index;

import dev.moravec.api.Embedder;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quoted;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.internal.FamilyFacets;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.index.internal.BoundedQueryParser;
import dev.moravec.taxonomy.index.internal.TimeLimitedSearcher;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Searches the taxonomy with Lucene's query syntax: tasks by their statements (and, less, by their
 * occupation's title and work activities), or occupations by title, alternate titles and description,
 * so that a job title people use finds its occupation. Results can be filtered by a family at any
 * SOC level and by quadrant, and the matched text comes back with the matches marked. A semantic
 * search finds them by meaning instead, nearest to the query's embedding, once their vectors are in the
 * index (classifying the taxonomy stores them).
 *
 * <p>Every search has a time limit ({@link #DEFAULT_TIME_LIMIT} unless given): past it the search stops
 * reading and throws {@link SearchTimeoutException}. A query that would be slow before the search starts
 * (a regular expression with a huge automaton, dozens of fuzzy terms) is refused as bad input.
 */
public final class TaxonomySearch {

    /**
     * A search.
     *
     * @param text the query, in Lucene query syntax
     * @param occupations search occupations instead of tasks
     * @param family a SOC group or occupation code the results must belong to, or {@code null}
     * @param quadrant the quadrant the tasks must be in, or {@code null}
     * @param limit the most results to return
     * @param classification with {@code occupations}, the classification whose codes to search by their titles
     *     and labels
     */
    public record Request(String text, boolean occupations, String family, Quadrant quadrant, int limit,
            Classification classification) {

        /**
         * A search of the taxonomy itself.
         *
         * @param text the query
         * @param occupations search occupations instead of tasks
         * @param family the family, or {@code null}
         * @param quadrant the quadrant, or {@code null}
         * @param limit the most results
         */
        public Request(String text, boolean occupations, String family, Quadrant quadrant, int limit) {
            this(text, occupations, family, quadrant, limit, Classification.SOC_2018);
        }

        /** @return whether it searches the codes of another classification than SOC 2018 */
        boolean otherClassification() {
            return occupations && classification != Classification.SOC_2018;
        }
    }

    private static final Map<String, Float> TASK_FIELDS =
            Map.of(IndexFields.STATEMENT, 1.0f, IndexFields.TITLE, 0.3f, IndexFields.ACTIVITIES, 0.2f);
    private static final Map<String, Float> OCCUPATION_FIELDS =
            Map.of(IndexFields.TITLE, 4.0f, IndexFields.ALTERNATE_TITLES, 2.0f, IndexFields.DESCRIPTION, 0.5f);

    /** How long a search may take unless told otherwise: ample for any sensible query on the full O*NET. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

    private final TaxonomyIndex index;
    private final String markOpen;
    private final String markClose;
    private final Duration timeLimit;

    /**
     * @param index the index
     * @param markOpen what marks the start of a match in highlights, such as {@code <mark>}
     * @param markClose what marks its end
     */
    public TaxonomySearch(TaxonomyIndex index, String markOpen, String markClose) {
        this(index, markOpen, markClose, DEFAULT_TIME_LIMIT);
    }

    /**
     * @param index the index
     * @param markOpen what marks the start of a match in highlights, such as {@code <mark>}
     * @param markClose what marks its end
     * @param timeLimit how long one search may take
     */
    public TaxonomySearch(TaxonomyIndex index, String markOpen, String markClose, Duration timeLimit) {
        this.index = index;
        this.markOpen = markOpen;
        this.markClose = markClose;
        this.timeLimit = timeLimit;
    }

    /**
     * Runs a search.
     *
     * @param request the search
     * @return the hits, best first
     * @throws BadInputException if the query is not valid Lucene syntax, or would be too slow to search
     * @throws SearchTimeoutException if the search ran past its time limit
     * @throws IOException if the index cannot be read
     */
    public List<SearchHit> search(Request request) throws BadInputException, IOException {
        if (request.otherClassification()) {
            new Classifications(index).require(request.classification());
            if (request.family() != null || request.quadrant() != null) {
                throw new BadInputException("--family and --quadrant filter the taxonomy's own tasks and occupations;"
                        + " leave them out when searching " + request.classification().title() + " codes");
            }
        }
        Map<String, Float> fields = request.occupations() ? OCCUPATION_FIELDS : TASK_FIELDS;
        Query text = parse(request.text(), fields, QueryParser.Operator.AND);
        List<SearchHit> hits = run(request, text);
        if (hits.isEmpty() && request.text().strip().contains(" ")) {
            hits = run(request, parse(request.text(), fields, QueryParser.Operator.OR)); // every word was too strict
        }
        return hits;
    }

    /**
     * Runs a search by meaning: the tasks (or occupations) whose vectors are nearest to the query's,
     * with the same filters. The relevance of a hit is the cosine similarity of the two vectors.
     *
     * @param request the search; its text is embedded as it is, without query syntax
     * @param embedder the embedder that made the index's vectors
     * @return the hits, nearest first
     * @throws BadInputException if the index holds no vectors yet, saying how to store them
     * @throws SearchTimeoutException if the search ran past its time limit
     * @throws IOException if the index cannot be read
     */
    public List<SearchHit> semantic(Request request, Embedder embedder) throws BadInputException, IOException {
        if (request.otherClassification()) {
            throw new BadInputException("--semantic searches the taxonomy's own tasks and occupations; search "
                    + request.classification().title() + " codes by their words, without --semantic");
        }
        Query filter = filter(request, new FieldExistsQuery(IndexFields.VECTOR));
        int withVectors = index.search(searcher -> searcher.count(filter));
        if (withVectors == 0) {
            throw new BadInputException("the taxonomy index " + index.path() + " has no " + (request.occupations()
                    ? "occupation" : "task") + " vectors" + (request.family() != null || request.quadrant() != null
                    ? " matching the filters" : "") + " yet: run 'moravec classify --taxonomy' once, which embeds"
                    + " every task and occupation and stores the vectors, then search again");
        }
        float[] vector = embedder.embed(request.text());
        Query knn = new KnnFloatVectorQuery(IndexFields.VECTOR, vector, Math.max(1, request.limit()), filter);
        return index.search(searcher -> {
            List<SearchHit> hits = hits(TimeLimitedSearcher.of(searcher, timeLimit), request, knn, null);
            // Lucene scores unit vectors' dot products as (1 + cos) / 2: report the cosine itself
            return hits.stream().map(hit -> new SearchHit(hit.kind(), hit.code(), hit.title(), hit.taskId(),
                    hit.statement(), hit.scores(), null, 2 * hit.relevance() - 1)).toList();
        });
    }

    private Query parse(String text, Map<String, Float> fields, QueryParser.Operator operator) throws BadInputException {
        MultiFieldQueryParser parser = new BoundedQueryParser(fields, index.analyzer());
        parser.setDefaultOperator(operator);
        try {
            Query query = parser.parse(text);
            if (text.strip().contains(" ") && !text.contains("\"")) {
                // the whole text as a phrase in a title counts most: "software engineer" finds its occupation
                String field = fields.containsKey(IndexFields.ALTERNATE_TITLES) ? IndexFields.ALTERNATE_TITLES : IndexFields.STATEMENT;
                Query phrase = new QueryParser(field, index.analyzer()).parse("\"" + QueryParser.escape(text) + "\"");
                query = new BooleanQuery.Builder()
                        .add(query, BooleanClause.Occur.MUST)
                        .add(new BoostQuery(phrase, 2.0f), BooleanClause.Occur.SHOULD)
                        .build();
            }
            return query;
        } catch (ParseException e) {
            throw new BadInputException("cannot read the query " + Quoted.of(text) + ": " + e.getMessage().lines()
                    .findFirst().orElse("") + " (Lucene query syntax: words, \"phrases\", AND, OR, NOT, field:word, word*)",
                    e);
        }
    }

    private List<SearchHit> run(Request request, Query text) throws IOException {
        Query built = filter(request, text);
        if (request.otherClassification()) {
            return index.search(searcher -> new GroupScores(index, searcher, request.classification())
                    .hits(hits(TimeLimitedSearcher.of(searcher, timeLimit), request, built, text)));
        }
        return index.search(searcher -> hits(TimeLimitedSearcher.of(searcher, timeLimit), request, built, text));
    }

    // the query restricted to the requested kind, family and quadrant
    private static Query filter(Request request, Query query) {
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        if (request.otherClassification()) {
            return filtered.add(new TermQuery(new Term(IndexFields.KIND, "group")), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexFields.CLASSIFICATION, request.classification().label())),
                            BooleanClause.Occur.FILTER)
                    .build();
        }
        filtered.add(new TermQuery(new Term(IndexFields.KIND, request.occupations() ? "occupation" : "task")),
                BooleanClause.Occur.FILTER);
        if (request.family() != null) {
            filtered.add(new TermQuery(new Term(IndexFields.FAMILY, request.family())), BooleanClause.Occur.FILTER);
        }
        if (request.quadrant() != null) {
            filtered.add(new TermQuery(new Term(IndexFields.QUADRANT, request.quadrant().name())), BooleanClause.Occur.FILTER);
        }
        return filtered.build();
    }

    private List<SearchHit> hits(IndexSearcher searcher, Request request, Query query, Query text) throws IOException {
        TopDocs top;
        String[] highlights;
        try {
            top = searcher.search(query, Math.max(1, request.limit()));
            if (searcher.timedOut()) {
                throw new SearchTimeoutException(timeLimit);
            }
            highlights = text == null ? new String[top.scoreDocs.length]
                    : highlight(searcher, request.occupations(), text, top);
        } catch (ExitableDirectoryReader.ExitingReaderException e) {
            throw new SearchTimeoutException(timeLimit);
        }
        StoredFields fields = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc scoreDoc = top.scoreDocs[i];
            Document doc = fields.document(scoreDoc.doc);
            String verdict = IndexFields.stored(doc, IndexFields.VERDICT);
            if (request.occupations()) {
                OccupationScore score = verdict == null ? null : index.verdicts().occupationScore(verdict);
                hits.add(new SearchHit("occupation", IndexFields.stored(doc, IndexFields.CODE),
                        IndexFields.stored(doc, IndexFields.TITLE), null, null,
                        score == null ? Scores.NONE : score.means(), highlights[i], scoreDoc.score));
            } else {
                hits.add(new SearchHit("task", IndexFields.stored(doc, IndexFields.CODE),
                        IndexFields.stored(doc, IndexFields.TITLE), IndexFields.stored(doc, IndexFields.TASK_ID),
                        IndexFields.stored(doc, IndexFields.STATEMENT), index.verdicts().scores(verdict), highlights[i],
                        scoreDoc.score));
            }
        }
        return hits;
    }

    private String[] highlight(IndexSearcher searcher, boolean occupations, Query text, TopDocs top) throws IOException {
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter(markOpen, markClose, " ... ", false))
                .withHighlightPhrasesStrictly(false)
                .build();
        String[] result = new String[top.scoreDocs.length];
        List<String> fields = occupations
                ? List.of(IndexFields.TITLE, IndexFields.ALTERNATE_TITLES, IndexFields.DESCRIPTION)
                : List.of(IndexFields.STATEMENT);
        for (String field : fields) {
            String[] passages = highlighter.highlight(field, text, top, 1);
            for (int i = 0; i < result.length; i++) {
                if (result[i] == null && passages[i] != null && passages[i].contains(markOpen)) {
                    result[i] = field.equals(IndexFields.ALTERNATE_TITLES) ? "also known as: " + passages[i] : passages[i];
                }
            }
        }
        return result;
    }

    /**
     * Whether a family or occupation is in the taxonomy.
     *
     * @param code a SOC group or O*NET-SOC occupation code at any level
     * @return true if an occupation of the index belongs to it
     * @throws IOException if the index cannot be read
     */
    public boolean hasFamily(String code) throws IOException {
        return index.search(searcher -> searcher.count(new TermQuery(new Term(IndexFields.FAMILY, code))) > 0);
    }

    /**
     * How many tasks lie below each child of a family, counted with the index's hierarchical facets.
     *
     * @param path the family's path from the top, such as {@code ["15-0000"]}; empty for the major groups
     * @return each child's code and its number of tasks
     * @throws IOException if the index cannot be read
     */
    public Map<String, Long> taskCounts(String... path) throws IOException {
        return index.search(searcher -> FamilyFacets.taskCounts(searcher, path));
    }
}
