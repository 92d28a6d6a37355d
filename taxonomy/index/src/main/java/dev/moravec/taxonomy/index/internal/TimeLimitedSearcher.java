package dev.moravec.taxonomy.index.internal;

import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher whose work stops at a deadline: the reader beneath it is wrapped so that expanding terms
 * (what wildcard, fuzzy and regular expression terms spend their time on), reading doc values and
 * vectors give up past the deadline ({@link ExitableDirectoryReader}), and collecting hits stops there
 * too ({@link IndexSearcher#setTimeout}, which also bounds a vector search).
 */
public final class TimeLimitedSearcher {

    private TimeLimitedSearcher() {}

    /**
     * @param searcher a searcher of the index's current content
     * @param limit how long, from now, it may work
     * @return a searcher of the same content that stops at the deadline
     * @throws IOException if the reader cannot be wrapped
     */
    public static IndexSearcher of(IndexSearcher searcher, Duration limit) throws IOException {
        QueryTimeoutImpl timeout = new QueryTimeoutImpl(limit.toMillis());
        IndexSearcher limited = new IndexSearcher(ExitableDirectoryReader.wrap((DirectoryReader) searcher.getIndexReader(),
                timeout));
        limited.setSimilarity(searcher.getSimilarity());
        limited.setTimeout(timeout);
        return limited;
    }
}
