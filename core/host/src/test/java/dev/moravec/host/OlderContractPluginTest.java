package dev.moravec.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.testkit.AbstractScorerContractTest;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A plugin built against version 1.2 of the contract (it imports {@code dev.moravec.api} from 1.2, and
 * knows nothing of bottleneck factors or verification modes) still loads in the host that exports 1.3,
 * rates, keeps the whole contract, and names no factors.
 */
class OlderContractPluginTest extends AbstractScorerContractTest {

    private static Path plugins;
    private static PluginHost host;

    @BeforeAll
    static void startTheHostWithAnOlderPlugin() throws Exception {
        plugins = Files.createTempDirectory("moravec-older-plugin-");
        Path jar = TestBundles.build(plugins.resolve("older.jar"), "test.older", "1.2.0",
                "dev.moravec.testing.plugins.older", Map.of("Import-Package", "dev.moravec.api;version=\"[1.2,2)\",*"));
        try (JarFile bundle = new JarFile(jar.toFile())) {
            assertThat(bundle.getManifest().getMainAttributes().getValue("Import-Package"))
                    .as("the plugin asks for the contract from 1.2 on").contains("dev.moravec.api;version=\"[1.2,2)\"");
        }
        host = PluginHost.start(new HostOptions(TestBundles.runtimeBundles(), plugins, Map.of()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (host != null) {
            host.close();
        }
        try (var files = Files.walk(plugins)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    protected TaskScorer createScorer() {
        ScorerHandle handle = host.registry().active().stream().filter(h -> h.id().equals("older")).findFirst()
                .orElseThrow(() -> new AssertionError("the older plugin's scorer did not start: " + host.plugins()));
        return handle.scorer();
    }

    @Test
    void itRatesWithoutNamingFactors() throws Exception {
        Rating rating = createScorer().rate(Task.of("1", "Lift and carry furniture up stairs"), ScoringContext.standalone());
        assertThat(rating.transferability()).isPresent();
        assertThat(rating.bottlenecks()).isEmpty();
        assertThat(rating.verification()).isEmpty();
        assertThat(host.plugins()).anySatisfy(p -> assertThat(p.state()).isEqualTo(PluginState.ACTIVE));
    }
}
