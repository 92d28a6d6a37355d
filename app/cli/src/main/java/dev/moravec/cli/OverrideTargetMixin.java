package dev.moravec.cli;

import picocli.CommandLine.Option;

/** What an override is about: {@code --occupation CODE}, and {@code --task ID} for one of its tasks. */
public final class OverrideTargetMixin {

    @Option(names = "--occupation", paramLabel = "CODE", required = true,
            description = "The O*NET-SOC code of the occupation (of the task's occupation, with --task).")
    public String occupation;

    @Option(names = "--task", paramLabel = "ID",
            description = "The id of one task of the occupation; without it, every task of the occupation.")
    public String task;

    @Option(names = "--author", paramLabel = "NAME", description = "Who decides it (default: the user's login name).")
    public String author;

    /** @return the O*NET-SOC code: a SOC code {@code 15-1252} means {@code 15-1252.00} */
    public String occupationCode() {
        return dev.moravec.model.OccupationCode.onetSocOf(occupation);
    }

    /** @return the author given, else the user's login name */
    public String who() {
        return author != null && !author.isBlank() ? author : System.getProperty("user.name", "unknown");
    }
}
