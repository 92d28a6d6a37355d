package dev.moravec.taxonomy.sources;

/**
 * One O*NET descriptor of an occupation: a skill, a knowledge area, an ability, a work activity or a
 * work context element, with its importance and level where O*NET rates them.
 *
 * @param domain {@code skills}, {@code knowledge}, {@code abilities}, {@code workActivities} or {@code workContext}
 * @param id the content model element id, such as {@code 2.B.3.e}
 * @param name the element's name, such as "Programming"
 * @param importance importance (1-5, scale IM), or {@code null}
 * @param level level (0-7, scale LV), or {@code null}; for work context, the context value (scale CX)
 */
public record Descriptor(String domain, String id, String name, Double importance, Double level) {}
