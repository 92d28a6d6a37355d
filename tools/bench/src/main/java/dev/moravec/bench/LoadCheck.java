package dev.moravec.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on a server on this machine: a fixed number of requests from a fixed number of
 * concurrent clients (each its own HTTP client, so its own connections), a mix of searches, rankings,
 * occupation drill-downs and one-task classifications, with a deadline after which it stops by itself.
 */
final class LoadCheck {

    /** The kinds of request in the mix, taken in turn. */
    enum Kind { SEARCH, RANK, OCCUPATION, CLASSIFY }

    /**
     * What a run measured.
     *
     * @param requests requests sent
     * @param errors requests that failed or answered other than 200
     * @param errorSamples the first few errors, to say why
     * @param elapsed the run's time
     * @param nanos each request's latency, by kind
     */
    record Result(int requests, long errors, List<String> errorSamples, Duration elapsed, Map<Kind, List<Long>> nanos) {

        List<Long> all() {
            List<Long> all = new ArrayList<>();
            nanos.values().forEach(all::addAll);
            return all;
        }
    }

    private static final List<String> QUERIES = List.of("software", "repair hydraulic", "patients", "drive truck",
            "budget OR financial", "teach students", "clean*", "inspect equipment", "legal documents", "customer");
    private static final List<String> LEVELS = List.of("major", "minor", "occupation");
    private static final List<String> STATEMENTS = List.of(
            "Write SQL queries and test them against sample data.",
            "Trim trees and remove branches using chainsaws.",
            "Prepare financial statements and reconcile accounts.",
            "Comfort patients and explain procedures to their families.",
            "Inspect welds for cracks and repair defective joints.");

    private final URI base;
    private final List<String> occupations;

    /**
     * @param base the server's address
     * @param occupations occupation codes to drill down into, in turn
     */
    LoadCheck(URI base, List<String> occupations) {
        this.base = base;
        this.occupations = occupations;
    }

    /**
     * Runs the load.
     *
     * @param requests how many requests in all
     * @param clients how many clients send them at once
     * @param deadline when to stop sending even if not all were sent
     * @return what was measured
     * @throws InterruptedException if interrupted
     */
    Result run(int requests, int clients, Duration deadline) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        Map<Kind, List<Long>> nanos = new EnumMap<>(Kind.class);
        Map<Kind, List<Long>> shared = new ConcurrentHashMap<>();
        for (Kind kind : Kind.values()) {
            shared.put(kind, Collections.synchronizedList(new ArrayList<>(requests / Kind.values().length + 1)));
        }
        long started = System.nanoTime();
        long stopAt = started + deadline.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build()) {
                        for (int i = next.getAndIncrement(); i < requests && System.nanoTime() < stopAt;
                                i = next.getAndIncrement()) {
                            Kind kind = Kind.values()[i % Kind.values().length];
                            long start = System.nanoTime();
                            try {
                                HttpResponse<byte[]> response = client.send(request(kind, i),
                                        HttpResponse.BodyHandlers.ofByteArray());
                                if (response.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    sample(samples, kind + " " + response.statusCode() + " "
                                            + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                                }
                            } catch (java.io.IOException e) {
                                errors.incrementAndGet();
                                sample(samples, kind + " " + e);
                            }
                            shared.get(kind).add(System.nanoTime() - start);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    errors.incrementAndGet();
                    sample(samples, "client failed: " + e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        int sent = 0;
        for (Kind kind : Kind.values()) {
            nanos.put(kind, new ArrayList<>(shared.get(kind)));
            sent += nanos.get(kind).size();
        }
        return new Result(sent, errors.get(), List.copyOf(samples), elapsed, nanos);
    }

    private static void sample(List<String> samples, String error) {
        if (samples.size() < 5) {
            samples.add(error.length() > 200 ? error.substring(0, 200) : error);
        }
    }

    private HttpRequest request(Kind kind, int i) {
        int turn = i / Kind.values().length;
        HttpRequest.Builder request = switch (kind) {
            case SEARCH -> HttpRequest.newBuilder(base.resolve("api/search?q="
                    + java.net.URLEncoder.encode(QUERIES.get(turn % QUERIES.size()), java.nio.charset.StandardCharsets.UTF_8)));
            case RANK -> HttpRequest.newBuilder(base.resolve("api/rank?level=" + LEVELS.get(turn % LEVELS.size())
                    + "&order=" + (turn % 2 == 0 ? "lagging" : "leading")));
            case OCCUPATION -> HttpRequest.newBuilder(base.resolve("api/occupations/"
                    + occupations.get(turn % occupations.size())));
            case CLASSIFY -> HttpRequest.newBuilder(base.resolve("api/classify"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \""
                            + STATEMENTS.get(turn % STATEMENTS.size()) + "\"}"));
        };
        return request.timeout(Duration.ofSeconds(30)).build();
    }
}
