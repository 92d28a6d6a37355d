package dev.moravec.server.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Deadlines for reading requests, so that slow clients cannot hold the server's connections and threads
 * (the attack that sends a request a byte at a time): a client that has not sent a whole request line
 * and headers within the header deadline of connecting is disconnected, a connection silent past the
 * idle timeout is closed (also in the middle of a body), and a body must arrive at 16 KiB/s at least
 * (checked as the body is read: Jetty's own minimum data rate counts from the first byte, so it failed small
 * bodies that a busy server read a few milliseconds late).
 */
public final class ReadDeadlines implements Connection.Listener {

    /** The slowest a request body may arrive, in bytes per second: a 1 MiB body in about a minute. */
    static final long MIN_BODY_RATE = 16 * 1024;

    /** How long reading a body may wait for bytes before its rate is checked. */
    static final long BODY_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Scheduler scheduler;
    private final Duration header;

    private ReadDeadlines(Scheduler scheduler, Duration header) {
        this.scheduler = scheduler;
        this.header = header;
    }

    /**
     * Applies the deadlines to a running server's connectors; they hold for the connections made from now.
     *
     * @param server the Jetty server
     * @param header how long a client may take to send its first request's line and headers
     * @param idle how long a connection may stay silent
     */
    public static void apply(Server server, Duration header, Duration idle) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector http) {
                http.setIdleTimeout(idle.toMillis());
                http.addEventListener(new ReadDeadlines(http.getScheduler(), header));
            }
        }
    }

    @Override
    public void onOpened(Connection connection) {
        scheduler.schedule(() -> {
            if (connection.getMessagesIn() <= 0 && connection.getEndPoint().isOpen()) {
                connection.getEndPoint().close(); // no whole request head in time
            }
        }, header.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {}
}
