package dev.moravec.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the host offers a scorer while it rates. The host implements this interface; scorers only
 * call it. New services (an occupation lookup, an embedder) are added as default methods, so a
 * scorer built against an older version of this package keeps working.
 *
 * @since 1.0.0
 */
@ProviderType
public interface ScoringContext {

    /**
     * Whether the host has given up waiting for the current call, because it ran past the per-task
     * time limit. A scorer doing long work should check this (or its thread's interrupt flag) now and
     * then and return early; whatever it returns after that is discarded.
     *
     * @return true once the call is abandoned
     */
    default boolean isCancelled() {
        return Thread.currentThread().isInterrupted();
    }

    /**
     * The imported taxonomy, for scorers that rate a task from what O*NET records about it.
     *
     * @return the taxonomy, or empty when none is available (for example in a scorer's own tests)
     * @since 1.1.0
     */
    default Optional<TaxonomyView> taxonomy() {
        return Optional.empty();
    }

    /**
     * A context for running a scorer outside the host, in its own tests or tools: it offers no
     * services and never cancels.
     *
     * @return a context with default behaviour
     */
    static ScoringContext standalone() {
        return new ScoringContext() {};
    }

    /**
     * A context offering a taxonomy, for a scorer's own tests and tools.
     *
     * @param taxonomy the taxonomy
     * @return a context whose {@link #taxonomy()} is the given one
     * @since 1.1.0
     */
    static ScoringContext withTaxonomy(TaxonomyView taxonomy) {
        Optional<TaxonomyView> view = Optional.of(taxonomy);
        return new ScoringContext() {
            @Override
            public Optional<TaxonomyView> taxonomy() {
                return view;
            }
        };
    }
}
