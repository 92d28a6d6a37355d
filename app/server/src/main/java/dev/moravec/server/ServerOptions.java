package dev.moravec.server;

import java.time.Duration;
import java.util.List;
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
 * @param allowedOrigins the web origins (such as {@code https://dashboard.example.org}) whose pages may
 *     call the API from a browser (CORS); none by default, so only the server's own page can
 * @param searchTimeLimit how long one search may take; longer ones stop and get 503
 * @param headerTimeout how long a client may take to send a request's line and headers, from the
 *     moment it connects; a connection that sends none in that time is closed
 * @param idleTimeout the longest a connection may stay silent, within a request (its body) or between
 *     requests
 */
public record ServerOptions(String host, int port, long maxBodyBytes, int maxBatch, Duration classifyTimeout,
        int maxPoints, List<String> allowedOrigins, Duration searchTimeLimit, Duration headerTimeout,
        Duration idleTimeout) {

    /** The address the server binds unless told otherwise: loopback only. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * Checks the values and copies the origins.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(classifyTimeout, "classifyTimeout");
        allowedOrigins = List.copyOf(allowedOrigins);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be 0 (any free port) to 65535, was " + port);
        }
        if (maxBodyBytes < 1 || maxBatch < 1 || maxPoints < 1 || !positive(classifyTimeout)
                || !positive(searchTimeLimit) || !positive(headerTimeout) || !positive(idleTimeout)) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * Options with the default origins (none), search time limit (2 s) and read deadlines (10 s for a
     * request's headers, 30 s of silence).
     *
     * @param host the address to bind
     * @param port the port; 0 picks a free one
     * @param maxBodyBytes the largest request body accepted
     * @param maxBatch the most tasks one classify request may hold
     * @param classifyTimeout how long one classify request may take in all
     * @param maxPoints the most scatter points one request may ask for
     */
    public ServerOptions(String host, int port, long maxBodyBytes, int maxBatch, Duration classifyTimeout, int maxPoints) {
        this(host, port, maxBodyBytes, maxBatch, classifyTimeout, maxPoints, List.of(), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    /**
     * The defaults: loopback, the given port, bodies up to 1 MiB, batches up to 1,000 tasks, 30 s per
     * classify request, up to 20,000 scatter points, no other origin, 2 s per search, 10 s to send a
     * request's headers, 30 s of silence at most.
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
        return new ServerOptions(address, port, maxBodyBytes, maxBatch, classifyTimeout, maxPoints, allowedOrigins,
                searchTimeLimit, headerTimeout, idleTimeout);
    }

    /**
     * The same options, letting pages of other origins call the API.
     *
     * @param origins the origins, such as {@code https://dashboard.example.org}
     * @return the options
     */
    public ServerOptions withAllowedOrigins(List<String> origins) {
        return new ServerOptions(host, port, maxBodyBytes, maxBatch, classifyTimeout, maxPoints, origins,
                searchTimeLimit, headerTimeout, idleTimeout);
    }
}
