package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.app.Environment;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line built for one command is that command as the whole command line has it. */
class CommandLineTest {

    private final Environment environment = new Environment(Path.of("."), Map.of(), InputStream.nullInputStream(),
            new PrintStream(java.io.OutputStream.nullOutputStream()));

    @Test
    void eachCommandBuiltAloneIsTheSameAsInTheWholeAndNamedAsItsAnnotationSays() {
        CommandLine whole = Moravec.commandLine(environment);
        assertThat(whole.getSubcommands().keySet()).containsExactlyElementsOf(Moravec.COMMANDS.keySet());
        for (Map.Entry<String, Class<?>> command : Moravec.COMMANDS.entrySet()) {
            String name = command.getKey();
            assertThat(command.getValue().getAnnotation(Command.class).name()).isEqualTo(name);
            CommandLine alone = Moravec.commandLine(environment, "--verbose", name, "--help");
            if (name.equals("help")) {
                assertThat(alone.getSubcommands().keySet()).as(name).hasSameSizeAs(Moravec.COMMANDS.keySet());
            } else {
                assertThat(alone.getSubcommands().keySet()).as(name).containsExactly(name);
            }
            assertThat(alone.getSubcommands().get(name).getUsageMessage()).as(name)
                    .isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
        }
    }

    @Test
    void argumentsThatNameNoCommandGetEveryCommandForTheHelpAndTheSuggestions() {
        assertThat(Moravec.commandLine(environment, "--version").getSubcommands()).hasSameSizeAs(Moravec.COMMANDS);
        assertThat(Moravec.commandLine(environment, "clasify", "x").getSubcommands()).hasSameSizeAs(Moravec.COMMANDS);
        assertThat(Moravec.commandLine(environment).getUsageMessage())
                .isEqualTo(Moravec.commandLine(environment, "help").getUsageMessage());
    }
}
