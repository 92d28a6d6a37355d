package dev.moravec.api;

import java.util.OptionalDouble;

/**
 * One O*NET descriptor of an occupation: a skill, a knowledge area, an ability, a work activity or a
 * work context element, with its importance and level where rated.
 *
 * @param domain {@code skills}, {@code knowledge}, {@code abilities}, {@code workActivities} or
 *     {@code workContext}
 * @param id the O*NET content model element id, such as {@code 2.B.3.e}
 * @param name the element's name, such as "Programming"
 * @param importance importance from 1 to 5, if rated
 * @param level level from 0 to 7 (for work context, its context value), if rated
 * @since 1.1.0
 */
public record OccupationDescriptor(String domain, String id, String name, OptionalDouble importance,
        OptionalDouble level) {}
