package dev.moravec.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the server listens and the limits it puts on requests.
 *
 * @param host the address to bind, {@code 127.0.0.1} (loopback only) unless the user asks otherwise
 * @param port the port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param maxBatch the most tasks one classify request may hold; more get 422
 * @param classifyTimeout how long one classify request may take in all; longer ones get 503 (each
 *     scorer call is also bounded by the engine's per-task time limit, and a slow one fails alone)
 * @param maxPoints the most scatter points one request may ask for
 */
public record ServerOptions(String host, int port, long maxBodyBytes, int maxBatch, Duration classifyTimeout,
        int maxPoints) {

    /** The address the server binds unless told otherwise: loopback only. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(classifyTimeout, "classifyTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be 0 (any free port) to 65535, was " + port);
        }
        if (maxBodyBytes < 1 || maxBatch < 1 || maxPoints < 1 || classifyTimeout.isNegative() || classifyTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * The defaults: loopback, the given port, bodies up to 1 MiB, batches up to 1,000 tasks, 30 s per
     * classify request, up to 20,000 scatter points.
     *
     * @param port the port; 0 picks a free one
     * @return the options
     */
    public static ServerOptions defaults(int port) {
        return new ServerOptions(LOOPBACK, port, 1 << 20, 1000, Duration.ofSeconds(30), 20_000);
    }

    /**
     * The same options bound to another address.
     *
     * @param address the address, such as {@code 0.0.0.0} for every interface
     * @return the options
     */
    public ServerOptions withHost(String address) {
        return new ServerOptions(address, port, maxBodyBytes, maxBatch, classifyTimeout, maxPoints);
    }
}
