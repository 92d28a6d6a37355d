package dev.moravec.taxonomy.sources;

import java.util.List;
import java.util.Map;

/**
 * A taxonomy read from files, ready to index: occupations, their tasks, and the hierarchy's titles.
 *
 * @param occupations the occupations by code, in code order
 * @param tasks the tasks, in release order
 * @param hierarchy the SOC hierarchy with every title the files gave
 * @param report what was read
 */
public record Release(Map<String, Occupation> occupations, List<TaxonomyTask> tasks, SocHierarchy hierarchy,
        ImportReport report) {}
