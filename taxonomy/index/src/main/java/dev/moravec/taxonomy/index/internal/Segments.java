package dev.moravec.taxonomy.index.internal;

import java.util.Collection;
import java.util.function.Supplier;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.SimpleCollector;

/** Runs collectors that write into shared state: the index's searchers visit one segment at a time. */
public final class Segments {

    private Segments() {}

    /**
     * A collector manager whose collectors add to what the caller holds.
     *
     * @param collector makes one collector
     * @param <C> the collector
     * @return the manager
     */
    public static <C extends SimpleCollector> CollectorManager<C, Void> inOrder(Supplier<C> collector) {
        return new CollectorManager<>() {
            @Override
            public C newCollector() {
                return collector.get();
            }

            @Override
            public Void reduce(Collection<C> collectors) {
                return null;
            }
        };
    }
}
