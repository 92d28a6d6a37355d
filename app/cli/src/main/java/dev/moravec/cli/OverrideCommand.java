package dev.moravec.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code moravec override}: add, list and remove analyst overrides, and read their audit log. */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = {"Correct a rating after the scorers, keeping a record of why: analyst overrides kept in the data"
                + " folder (overrides.jsonl), each change logged in overrides-log.jsonl.",
            "Rankings, show, bottlenecks, compare, explain, the API and the page apply them; --no-overrides shows the"
                + " scorers' verdicts, --overrides FILE applies a file of your own instead."},
        subcommands = {OverrideAddCommand.class, OverrideListCommand.class, OverrideRemoveCommand.class,
                OverrideLogCommand.class})
final class OverrideCommand {

    @ParentCommand
    Moravec moravec;
}
