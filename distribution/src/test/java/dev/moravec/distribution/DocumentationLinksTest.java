package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Markdown files of the repository hold together: every relative link reaches a file that exists,
 * every {@code #anchor} names a heading of its target (by GitHub's rules for heading ids), every
 * repository path named in inline code exists, and the README stays an overview a newcomer reads in a
 * few minutes.
 */
class DocumentationLinksTest {

    /** The repository's root: Maven runs the tests in {@code distribution/}. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final int README_MAX_LINES = 200;

    /** {@code [text](target)} and {@code ![alt](target "title")}; the text may hold one level of brackets. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*(<[^>]*>|[^\\s)]*)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    /** {@code [label]: target} */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s[^>]*\\b(?:id|name)\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");
    private static final Pattern LINE_ANCHOR = Pattern.compile("L\\d+(-L\\d+)?");
    /** A path in inline code that names a file or folder of this repository. */
    private static final Pattern REPOSITORY_PATH = Pattern.compile(
            "(?:core|app|taxonomy|evaluation|plugins|tools|distribution|scripts|docs|benchmarks|server)/[A-Za-z0-9._/-]*");

    @Test
    void everyMarkdownFileOfTheRepositoryIsChecked() {
        assertThat(markdownFiles()).extracting(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                .contains("README.md", "BENCHMARKS.md", "docs/README.md", "docs/commands.md", "docs/http-api.md",
                        "docs/configuration.md", "docs/plugins.md", "docs/scorers.md", "docs/evaluation.md",
                        "docs/architecture.md", "plugins/example/README.md");
    }

    @Test
    void everyRelativeLinkReachesItsTargetAndAnchor() {
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            for (Link link : links(file)) {
                String problem = problem(file, link.target());
                if (problem != null) {
                    broken.add(name(file) + ":" + link.line() + ": (" + link.target() + ") " + problem);
                }
            }
        }
        assertThat(broken).withFailMessage("%d broken link(s) in the Markdown files:%n  %s", broken.size(),
                String.join(System.lineSeparator() + "  ", broken)).isEmpty();
    }

    @Test
    void everyRepositoryPathInInlineCodeExists() {
        List<String> missing = new ArrayList<>();
        for (Path file : markdownFiles()) {
            List<String> lines = read(file);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                if (FENCE.matcher(lines.get(i)).find()) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                Matcher code = CODE_SPAN.matcher(lines.get(i));
                while (code.find()) {
                    String span = code.group(2).trim();
                    if (!REPOSITORY_PATH.matcher(span).matches() || isBuildOutput(span)) {
                        continue;
                    }
                    if (!Files.exists(ROOT.resolve(span))) {
                        missing.add(name(file) + ":" + (i + 1) + ": `" + span + "`");
                    }
                }
            }
        }
        assertThat(missing).withFailMessage("%d path(s) named in inline code do not exist in the repository:%n  %s",
                missing.size(), String.join(System.lineSeparator() + "  ", missing)).isEmpty();
    }

    @Test
    void theReadmeIsAnOverviewUnder200Lines() {
        List<String> lines = read(ROOT.resolve("README.md"));
        assertThat(lines.size()).withFailMessage(
                "README.md has %d lines; keep it an overview under %d lines and move details to docs/",
                lines.size(), README_MAX_LINES).isLessThan(README_MAX_LINES);
    }

    @Test
    void headingIdsFollowGitHubsRules() {
        assertThat(slug("Trust: which jars run")).isEqualTo("trust-which-jars-run");
        assertThat(slug("classify --taxonomy")).isEqualTo("classify---taxonomy");
        assertThat(slug("The inner loops (JMH)")).isEqualTo("the-inner-loops-jmh");
        assertThat(slug("Quality, measured on the calibration labels"))
                .isEqualTo("quality-measured-on-the-calibration-labels");
        assertThat(slug("Evaluation reports (`--format json`)")).isEqualTo("evaluation-reports---format-json");
        assertThat(slug("[Links](x.md) and *emphasis*")).isEqualTo("links-and-emphasis");
        assertThat(slug("Scorers: the embedding service against the raw model, classification with an empty and a filled cache"))
                .isEqualTo("scorers-the-embedding-service-against-the-raw-model-classification-with-an-empty-and-a-filled-cache");
    }

    /** @return why the link does not work, or null when it does */
    private static String problem(Path file, String target) {
        if (target.isEmpty()) {
            return "an empty link";
        }
        if (SCHEME.matcher(target).find()) {
            return null; // absolute: not this test's business
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved;
        if (pathPart.isEmpty()) {
            resolved = file;
        } else {
            String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
            resolved = (decoded.startsWith("/") ? ROOT.resolve(decoded.substring(1)) : file.getParent().resolve(decoded))
                    .normalize();
        }
        if (!resolved.startsWith(ROOT)) {
            return "leaves the repository";
        }
        if (isBuildOutput(ROOT.relativize(resolved).toString().replace('\\', '/'))) {
            return "points into build output, which a checkout does not have";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + ROOT.relativize(resolved);
        }
        if (anchor == null) {
            return null;
        }
        if (!resolved.getFileName().toString().endsWith(".md")) {
            return LINE_ANCHOR.matcher(anchor).matches() ? null
                    : "an anchor into a file that is not Markdown: " + ROOT.relativize(resolved);
        }
        Set<String> anchors = anchors(resolved);
        if (!anchors.contains(anchor)) {
            return "no heading '#" + anchor + "' in " + ROOT.relativize(resolved) + "; its headings are #"
                    + String.join(", #", anchors);
        }
        return null;
    }

    private static boolean isBuildOutput(String relative) {
        return relative.equals("target") || relative.startsWith("target/") || relative.contains("/target/")
                || relative.endsWith("/target");
    }

    /** A link and the line it starts on. */
    record Link(int line, String target) {}

    /** Every link outside fenced code blocks and code spans; a link may run over the lines of its paragraph. */
    static List<Link> links(Path file) {
        List<String> lines = read(file);
        List<Link> links = new ArrayList<>();
        boolean fenced = false;
        StringBuilder paragraph = new StringBuilder();
        List<Integer> starts = new ArrayList<>(); // offset in the paragraph where each line starts
        int firstLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            boolean fence = i < lines.size() && FENCE.matcher(line).find();
            boolean ends = i == lines.size() || fence || fenced || line.isBlank();
            if (ends && !paragraph.isEmpty()) {
                String text = withoutCodeSpans(paragraph.toString());
                Matcher m = INLINE_LINK.matcher(text);
                while (m.find()) {
                    links.add(new Link(firstLine + lineOf(starts, m.start()), unbracket(m.group(1))));
                }
                paragraph.setLength(0);
                starts.clear();
            }
            if (fence) {
                fenced = !fenced;
                continue;
            }
            if (fenced || i == lines.size() || line.isBlank()) {
                continue;
            }
            Matcher definition = REFERENCE_DEFINITION.matcher(line);
            if (definition.find()) {
                links.add(new Link(i + 1, unbracket(definition.group(1))));
                continue;
            }
            if (paragraph.isEmpty()) {
                firstLine = i + 1;
            } else {
                paragraph.append(' ');
            }
            starts.add(paragraph.length());
            paragraph.append(line);
        }
        return links;
    }

    private static int lineOf(List<Integer> starts, int offset) {
        int line = 0;
        for (int k = 0; k < starts.size(); k++) {
            if (starts.get(k) <= offset) {
                line = k;
            }
        }
        return line;
    }

    private static String unbracket(String target) {
        return target.startsWith("<") && target.endsWith(">") ? target.substring(1, target.length() - 1) : target;
    }

    /** Code spans become as many spaces, so offsets hold and nothing in them reads as a link. */
    private static String withoutCodeSpans(String text) {
        Matcher m = CODE_SPAN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, " ".repeat(m.group().length() - 1) + "c");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The ids GitHub gives the file's headings (repeats numbered -1, -2, ...), and its HTML anchors. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : read(file)) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String id = slug(heading.group(2));
                int repeat = seen.merge(id, 1, Integer::sum) - 1;
                anchors.add(repeat == 0 ? id : id + "-" + repeat);
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /**
     * A heading's id as GitHub makes it: the text as rendered (links by their text, no code marks or
     * emphasis), lower case, every character that is not a letter, a digit, a space, '-' or '_' removed,
     * and each space made a '-'.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").trim();
        StringBuilder id = new StringBuilder();
        text.toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                id.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                id.appendCodePoint(c);
            }
        });
        return id.toString();
    }

    /** Every Markdown file of the repository, leaving out build output and hidden folders. */
    static List<Path> markdownFiles() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(ROOT)
                            && (name.equals("target") || name.equals("node_modules") || name.startsWith("."));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }
}
