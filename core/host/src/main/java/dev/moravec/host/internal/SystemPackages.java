package dev.moravec.host.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.TaskScorer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The packages the host exports to plugin bundles through the system bundle: the Moravec api, Jackson
 * and SLF4J, the stand-ins for the calls that would end the process (for plugin classes rewritten by
 * {@link ExitCalls}), and the Configuration Admin and Metatype APIs the host shares with their runtime bundles
 * (so both sides see one class of each), each with the version its own jar declares. Read from the jars' OSGi manifests, so the
 * versions always match the classes on the host's class path.
 */
public final class SystemPackages {

    private SystemPackages() {}

    /**
     * The value of {@code org.osgi.framework.system.packages.extra}.
     *
     * @return the export clauses, comma-separated
     * @throws IllegalStateException if a jar has no OSGi manifest; the host was built wrongly
     */
    public static String exports() {
        Set<String> clauses = new LinkedHashSet<>();
        for (Class<?> anchor : List.of(TaskScorer.class, JsonFactory.class, ObjectMapper.class,
                com.fasterxml.jackson.annotation.JsonProperty.class, org.slf4j.Logger.class,
                org.osgi.service.cm.ConfigurationAdmin.class, org.osgi.service.metatype.MetaTypeService.class)) {
            clauses.addAll(exportsOf(anchor));
        }
        clauses.add(ExitCalls.GUARD_PACKAGE + ";version=\"1.0.0\"");
        return String.join(",", clauses);
    }

    static List<String> exportsOf(Class<?> anchor) {
        Manifest manifest = manifestOf(anchor);
        String header = manifest == null ? null : manifest.getMainAttributes().getValue("Export-Package");
        if (header == null || header.isBlank()) {
            throw new IllegalStateException("the jar of " + anchor.getName()
                    + " has no OSGi Export-Package header, so plugins cannot import it; rebuild Moravec");
        }
        return splitClauses(header);
    }

    private static Manifest manifestOf(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) { // a class folder in a development build
                Path file = location.resolve("META-INF/MANIFEST.MF");
                if (!Files.exists(file)) {
                    return null;
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot read the manifest of " + anchor.getName() + "'s jar", e);
        }
    }

    /**
     * Splits a manifest header into its clauses at the commas outside quotes.
     *
     * @param header the header value
     * @return the clauses
     */
    static List<String> splitClauses(String header) {
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().strip());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        if (!clause.isEmpty()) {
            clauses.add(clause.toString().strip());
        }
        return clauses;
    }
}
