package dev.moravec.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the imported taxonomy (O*NET) records about a task and its occupation, offered to scorers
 * through {@link ScoringContext#taxonomy()}. Thread-safe.
 *
 * @since 1.1.0
 */
@ProviderType
public interface TaxonomyView {

    /**
     * The work activities the taxonomy links a task to, found by the task's occupation and id.
     *
     * @param task the task
     * @return its activities; empty when the taxonomy does not hold the task
     */
    List<WorkActivity> activities(Task task);

    /**
     * An occupation's profile.
     *
     * @param code the O*NET-SOC code
     * @return the profile, or empty when the taxonomy does not hold the occupation
     */
    Optional<OccupationProfile> occupation(String code);
}
