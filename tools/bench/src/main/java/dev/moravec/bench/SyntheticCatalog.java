package dev.moravec.bench;

import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Synthetic catalogs for benchmarks: as many task statements as wanted, recombined from the parts of
 * the built-in starter catalog's statements. Each statement of the starter catalog splits into its
 * verb, its object and the phrases that follow (from the first preposition or conjunction on); a new
 * statement joins a verb, an object and none, one or two such phrases taken from statements of one
 * SOC major group, so its words belong together, and it keeps an occupation of that group. The
 * output is a gzip-compressed TSV in the layout of O*NET's Task Statements, with the occupation's title.
 *
 * <p>A catalog depends only on its size and seed: the same arguments give the same records, however
 * many threads compress it. Tasks are made in chunks, each from a random generator seeded by the seed
 * and the chunk's number, and each chunk is compressed as one gzip member (every gzip reader reads
 * the members as one stream), so chunks are made and compressed in parallel and written in order.
 */
public final class SyntheticCatalog {

    /** The header of a synthetic catalog. */
    public static final String HEADER = "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type";

    private static final int CHUNK = 1 << 15;
    private static final Pattern TAIL = Pattern.compile(" (?=(?:to|for|with|in|on|at|from|using|by|so that|before|after"
            + "|during|under|against|into|through|when|as|until|across|within|without|between|and then|while|"
            + "according to|based on|such as) )");

    /** The parts of one SOC major group's statements, and its occupations. */
    private record Group(List<String[]> occupations, List<String> verbs, List<String> objects, List<String> tails) {}

    private final List<Group> groups;
    private final int[] groupOfStatement;

    private SyntheticCatalog(List<Group> groups, int[] groupOfStatement) {
        this.groups = groups;
        this.groupOfStatement = groupOfStatement;
    }

    /**
     * The generator of the built-in starter catalog's vocabulary.
     *
     * @return the generator
     */
    public static SyntheticCatalog fromStarterCatalog() {
        Map<String, Group> byMajorGroup = new LinkedHashMap<>();
        List<Integer> statementGroups = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(StarterCatalog.open(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split("\t", -1);
                String code = f[0];
                Group group = byMajorGroup.computeIfAbsent(code.substring(0, 2),
                        k -> new Group(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                if (group.occupations().stream().noneMatch(o -> o[0].equals(code))) {
                    group.occupations().add(new String[] {code, f[1]});
                }
                split(f[3], group);
                statementGroups.add(new ArrayList<>(byMajorGroup.keySet()).indexOf(code.substring(0, 2)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + StarterCatalog.NAME, e);
        }
        byMajorGroup.forEach((major, group) -> {
            if (group.verbs().isEmpty()) {
                throw new IllegalStateException("the starter catalog's group " + major + " has no statement that"
                        + " splits into a verb and an object");
            }
        });
        return new SyntheticCatalog(List.copyOf(byMajorGroup.values()),
                statementGroups.stream().mapToInt(Integer::intValue).toArray());
    }

    // "Train new cooks in knife skills." -> verb "train", object "new cooks", tail "in knife skills"
    private static void split(String statement, Group group) {
        String text = statement.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        int space = text.indexOf(' ');
        if (space < 0) {
            return;
        }
        String verb = text.substring(0, space);
        String rest = text.substring(space + 1);
        String[] parts = TAIL.split(rest, 2);
        if (parts.length == 2) {
            group.tails().add(parts[1]);
        }
        if (!verb.endsWith(",")) { // "Shampoo, condition, and blow-dry ..." does not split into verb and object
            group.verbs().add(verb.toLowerCase(Locale.ROOT));
            group.objects().add(parts[0]);
        }
    }

    /**
     * One task of a catalog.
     *
     * @param random the chunk's generator
     * @param number the task's number, from 1
     * @param line where the TSV line goes
     */
    private void task(Random random, long number, StringBuilder line) {
        Group group = groups.get(groupOfStatement[random.nextInt(groupOfStatement.length)]);
        String[] occupation = pick(random, group.occupations());
        String verb = pick(random, group.verbs());
        line.append(occupation[0]).append('\t').append(occupation[1]).append("\tG").append(number).append('\t')
                .append(Character.toUpperCase(verb.charAt(0))).append(verb, 1, verb.length()).append(' ')
                .append(pick(random, group.objects()));
        int tails = random.nextInt(20);
        if (tails >= 4 && !group.tails().isEmpty()) { // 80% have a phrase after the object, a fifth of those two
            line.append(' ').append(pick(random, group.tails()));
            if (tails >= 16) {
                line.append(' ').append(pick(random, group.tails()));
            }
        }
        line.append(".\t").append(random.nextInt(5) == 0 ? "Supplemental" : "Core").append('\n');
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * Writes a catalog as gzip-compressed TSV with a header line.
     *
     * @param tasks how many tasks
     * @param seed the seed
     * @param threads how many threads make and compress chunks
     * @param out where the catalog goes; not closed
     * @throws IOException if writing fails
     * @throws InterruptedException if the calling thread is interrupted
     */
    public void write(long tasks, long seed, int threads, OutputStream out) throws IOException, InterruptedException {
        if (tasks < 0 || threads < 1) {
            throw new IllegalArgumentException("tasks must not be negative and threads at least 1");
        }
        out.write(member((HEADER + "\n").getBytes(StandardCharsets.UTF_8)));
        long chunks = (tasks + CHUNK - 1) / CHUNK;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "moravec-generate");
            thread.setDaemon(true);
            return thread;
        });
        BlockingQueue<Future<byte[]>> pending = new ArrayBlockingQueue<>(2 * threads);
        try {
            long next = 0;
            for (long written = 0; written < chunks; written++) {
                while (next < chunks && pending.remainingCapacity() > 0) {
                    long chunk = next++;
                    pending.add(pool.submit(() -> chunk(chunk, Math.min(tasks, (chunk + 1) * CHUNK), seed)));
                }
                out.write(pending.take().get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("making a chunk of the catalog failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The tasks of one chunk, up to (not including) task number {@code end + 1}, as a gzip member. */
    private byte[] chunk(long chunk, long end, long seed) throws IOException {
        // Random's algorithm is specified, so a seed gives the same catalog on every JVM
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + chunk);
        StringBuilder text = new StringBuilder(CHUNK * 140);
        for (long number = chunk * CHUNK + 1; number <= end; number++) {
            task(random, number, text);
        }
        return member(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] member(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }
}
