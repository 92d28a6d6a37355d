package dev.moravec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.JsonViews;
import dev.moravec.app.OverrideFile;
import dev.moravec.app.OverrideStore;
import dev.moravec.model.AnalystOverride;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec override list}: the overrides kept in the data folder. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the overrides kept in the data folder.")
final class OverrideListCommand implements Callable<Integer> {

    /** The columns of the CSV, as the override file's CSV form has them, after the target. */
    static final List<String> CSV = List.of("target", "occupation", "task", "transferability", "verificationCost",
            "quadrant", "reason", "author", "date");

    @ParentCommand
    OverrideCommand parent;

    @Mixin
    DataMixin data;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json or csv.")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        Moravec moravec = parent.moravec;
        PrintWriter out = spec.commandLine().getOut();
        OverrideStore store = new OverrideStore(data.dir(moravec.environment), moravec.mapper);
        List<AnalystOverride> overrides = store.list();
        ObjectNode view = new JsonViews(moravec.mapper).overrideList(store.file().toString(), overrides,
                new OverrideFile(moravec.mapper));
        switch (format) {
            case json -> OutputFormat.printJson(out, moravec.mapper, view);
            case csv -> {
                List<ObjectNode> rows = new ArrayList<>();
                view.path("overrides").forEach(o -> rows.add((ObjectNode) o));
                OutputFormat.printCsv(out, CSV, rows);
            }
            case table -> {
                out.println(overrides.size() + " override" + (overrides.size() == 1 ? "" : "s") + " in " + store.file()
                        + (overrides.isEmpty() ? "; add one with: moravec override add" : ":"));
                if (!overrides.isEmpty()) {
                    Table table = new Table("TARGET", "SETS", "DATE", "AUTHOR", "REASON");
                    for (AnalystOverride override : overrides) {
                        table.row(override.target(), Format.overrideSet(override), override.date(), override.author(),
                                override.reason());
                    }
                    table.print(out);
                }
                out.flush();
            }
        }
        return ExitCodes.OK;
    }
}
