package dev.moravec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.OverrideStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec override log}: the append-only audit log of every override change. */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Show the audit log of the overrides: who changed what, when, and the scores before and after.")
final class OverrideLogCommand implements Callable<Integer> {

    @ParentCommand
    OverrideCommand parent;

    @Mixin
    DataMixin data;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    ReportFormat format;

    @Override
    public Integer call() throws Exception {
        Moravec moravec = parent.moravec;
        PrintWriter out = spec.commandLine().getOut();
        OverrideStore store = new OverrideStore(data.dir(moravec.environment), moravec.mapper);
        List<ObjectNode> entries = store.log();
        if (format == ReportFormat.json) {
            ObjectNode view = moravec.mapper.createObjectNode();
            view.put("log", store.logFile().toString());
            view.putArray("entries").addAll(entries);
            OutputFormat.printJson(out, moravec.mapper, view);
            return ExitCodes.OK;
        }
        out.println(entries.size() + " change" + (entries.size() == 1 ? "" : "s") + " in " + store.logFile()
                + (entries.isEmpty() ? "" : ", oldest first:"));
        if (!entries.isEmpty()) {
            Table table = new Table("WHEN", "WHO", "ACTION", "TARGET", "BEFORE", "AFTER", "REASON");
            for (ObjectNode entry : entries) {
                table.row(entry.path("at").asText(), entry.path("who").asText(), entry.path("action").asText(),
                        entry.path("target").asText(), state(entry.path("before")), state(entry.path("after")),
                        entry.path("reason").asText());
            }
            table.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    // what a target was: its override, if any, and its task's and occupation's scores
    private static String state(JsonNode state) {
        StringBuilder text = new StringBuilder();
        JsonNode override = state.path("override");
        text.append(override.isObject() ? "override " + set(override) : "scorers");
        if (state.path("task").isObject()) {
            text.append("; task ").append(number(state.path("task").path("score"))).append(' ')
                    .append(state.path("task").path("quadrant").asText());
        }
        if (state.path("occupation").isObject()) {
            text.append("; occupation ").append(number(state.path("occupation").path("score")));
        }
        return text.toString();
    }

    private static String set(JsonNode override) {
        if (override.path("quadrant").isTextual()) {
            return override.path("quadrant").asText();
        }
        StringBuilder set = new StringBuilder();
        if (override.path("transferability").isNumber()) {
            set.append("T ").append(number(override.path("transferability")));
        }
        if (override.path("verificationCost").isNumber()) {
            set.append(set.isEmpty() ? "" : " ").append("V ").append(number(override.path("verificationCost")));
        }
        return set.toString();
    }

    private static String number(JsonNode value) {
        return value.isNumber() ? Format.unit(value.asDouble()) : "-";
    }
}
