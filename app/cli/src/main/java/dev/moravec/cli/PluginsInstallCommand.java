package dev.moravec.cli;

import static dev.moravec.cli.PluginLabels.axes;

import dev.moravec.app.Session;
import dev.moravec.host.InstalledPlugins;
import dev.moravec.host.PluginHost;
import dev.moravec.host.PluginState;
import dev.moravec.host.PluginStatus;
import dev.moravec.model.BadInputException;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScorerRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code moravec plugins install JAR}. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Check a scorer jar and install it into the plugins folder.",
            "The jar must be an OSGi bundle that resolves against the running framework and registers a scorer,"
                    + " with valid settings; otherwise nothing changes. Its SHA-256 is recorded, so the jar runs"
                    + " as verified until it changes."})
final class PluginsInstallCommand extends PluginsSubcommand {

    @Parameters(paramLabel = "JAR", description = "The plugin jar, for example target/my-scorer-1.0.0.jar.")
    Path jar;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException(jar + " is not a file: give the path of a plugin jar");
        }
        checkIsBundle(jar);
        Path folder = folder();
        Path destination = folder.resolve(jar.getFileName().toString());
        boolean inPlace = Files.exists(destination) && Files.isSameFile(destination, jar);
        PluginStatus tried;
        List<ScorerHandle> others;
        try (Session session = inspect()) {
            tried = session.host().tryPlugin(jar, Files.exists(destination) ? destination : null);
            others = session.host().registry().all();
        }
        noteExitCalls(jar);
        if (tried.state() != PluginState.ACTIVE) {
            throw new BadInputException("cannot install " + jar + ": " + refusal(tried) + ". Nothing was changed");
        }
        String name = destination.getFileName().toString();
        InstalledPlugins record = record();
        Optional<InstalledPlugins.Jar> before = record.jar(folder, name);
        List<String> ids = tried.scorers().stream().map(ScorerHandle::id).toList();
        // the record first: a host watching the folder must find the jar verified the moment it appears
        record.record(folder, name, new InstalledPlugins.Jar(tried.sha256(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), tried.bundle(), ids));
        boolean copied = false;
        try {
            if (!inPlace) {
                copyInto(jar, destination);
            }
            copied = true;
        } finally {
            if (!copied) {
                if (before.isPresent()) {
                    record.record(folder, name, before.get());
                } else {
                    record.forget(folder, name);
                }
            }
        }
        PrintWriter out = out();
        out.println("Installed " + name + " (bundle " + tried.bundle() + ") into " + folder);
        out.println("SHA-256 " + tried.sha256() + " recorded in " + record.file());
        for (ScorerHandle scorer : tried.scorers()) {
            out.println("Scorer " + scorer.id() + " " + scorer.info().version() + " rates " + axes(scorer) + ": "
                    + scorer.info().description() + versionNote(scorer, others));
        }
        out.println("Commands started from now on use it; a running 'moravec serve' on this folder picks it up"
                + " within seconds. See it with 'moravec plugins info " + ids.get(0) + "'.");
        out.flush();
        return ExitCodes.OK;
    }

    // the calls that would end the process, which the host refuses as they are made: said, not refused,
    // since libraries in a plugin often have them in command-line tools the scorer never runs
    private void noteExitCalls(Path jar) throws IOException {
        List<String> calls = PluginHost.exitCalls(jar);
        if (!calls.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("moravec: note: " + jar.getFileName() + " has code that would end the process, which Moravec"
                    + " refuses as it is called (a rating that calls it fails): " + String.join(", ",
                            calls.subList(0, Math.min(5, calls.size())))
                    + (calls.size() > 5 ? " and " + (calls.size() - 5) + " more" : ""));
            err.flush();
        }
    }

    private static void checkIsBundle(Path jar) throws BadInputException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new BadInputException("cannot install " + jar + ": not a jar file (" + e.getMessage()
                    + "). Nothing was changed");
        }
        if (manifest == null || manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            throw new BadInputException("cannot install " + jar + ": not an OSGi bundle (its META-INF/MANIFEST.MF"
                    + " has no Bundle-SymbolicName); build it with bnd-maven-plugin, as plugins/example does."
                    + " Nothing was changed");
        }
    }

    private static String refusal(PluginStatus tried) {
        return switch (tried.state()) {
            case INVALID -> "it is not an installable OSGi bundle: " + tried.problem();
            case FAILED_TO_RESOLVE -> "it does not resolve against the running framework: " + tried.problem();
            case FAILED_TO_START -> "it resolves but its scorer does not start: " + tried.problem();
            case NO_SCORER -> "it registers no scorer: " + tried.problem();
            case MISCONFIGURED -> "the configuration's settings for it are wrong: " + tried.problem();
            default -> tried.state().label() + ": " + tried.problem();
        };
    }

    private static String versionNote(ScorerHandle scorer, List<ScorerHandle> others) {
        Optional<ScorerHandle> newest = others.stream().filter(h -> h.id().equals(scorer.id()))
                .max(Comparator.comparing((ScorerHandle h) -> h.info().version(), ScorerRegistry::compareVersions));
        if (newest.isEmpty()) {
            return "";
        }
        String other = newest.get().info().version();
        int c = ScorerRegistry.compareVersions(scorer.info().version(), other);
        return c > 0 ? " (newer than " + other + " beside it, so this version is active)"
                : c < 0 ? " (version " + other + " beside it is newer and stays active; this one is inactive)"
                : "";
    }

    // through a temporary file in the folder and an atomic move, so a watching host never reads half a jar
    private static void copyInto(Path jar, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Path temp = destination.resolveSibling("." + destination.getFileName() + ".installing");
        Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
        InstalledPlugins.replace(temp, destination);
    }
}
