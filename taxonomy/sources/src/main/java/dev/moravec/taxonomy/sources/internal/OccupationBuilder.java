package dev.moravec.taxonomy.sources.internal;

import dev.moravec.taxonomy.sources.Descriptor;
import dev.moravec.taxonomy.sources.Occupation;
import java.util.ArrayList;
import java.util.List;

/** An occupation being read: each file of the release adds what it knows about it. */
final class OccupationBuilder {

    final String code;
    final String title;
    String description;
    Integer jobZone;
    Double employment;
    Double annualWage;
    final List<String> alternateTitles = new ArrayList<>();
    final List<Descriptor> descriptors = new ArrayList<>();
    final List<String> tools = new ArrayList<>();
    final List<String> technologies = new ArrayList<>();
    final List<String> emergingTasks = new ArrayList<>();

    OccupationBuilder(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /** @return the occupation as read so far */
    Occupation build() {
        return new Occupation(code, title, description, jobZone, alternateTitles, employment, descriptors, tools,
                technologies, emergingTasks, annualWage);
    }
}
