package dev.moravec.api;

import java.util.List;
import java.util.OptionalInt;

/**
 * What the taxonomy records about an occupation, for scorers that rate a task from its context.
 *
 * @param code the O*NET-SOC code
 * @param title the title
 * @param jobZone the job zone from 1 (little preparation) to 5 (extensive), if known
 * @param descriptors skills, knowledge and other descriptors, where imported
 * @param tools tools and equipment used
 * @param technologies technology skills (software)
 * @since 1.1.0
 */
public record OccupationProfile(String code, String title, OptionalInt jobZone, List<OccupationDescriptor> descriptors,
        List<String> tools, List<String> technologies) {

    /** Copies the lists. */
    public OccupationProfile {
        descriptors = List.copyOf(descriptors);
        tools = List.copyOf(tools);
        technologies = List.copyOf(technologies);
    }
}
