package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.engine.EngineConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Javalin and Jetty announce every step at INFO; the tests show only warnings and errors, as serve does. */
class ServerLoggingTest {

    @TempDir
    Path dir;

    @Test
    void startingServingAndStoppingLogNothingBelowAWarning() throws Exception {
        // the console handler of java.util.logging takes standard error when it is made: made here, before the capture
        java.util.logging.Logger.getLogger("").getHandlers();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ServerFixture fixture = new ServerFixture(dir, ServerOptions.defaults(0), EngineConfig.defaults(),
                ServerFixture.Plugins.NONE)) {
            assertThat(fixture.get("/api/health").statusCode()).isEqualTo(200);
            assertThat(fixture.get("/api/nothing").statusCode()).isEqualTo(404);
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("INFO");
    }
}
