package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The module dependency graph in {@code docs/architecture.md} is the one the poms declare: for each
 * module, its dependencies on other Moravec modules at compile scope (groupId {@code dev.moravec}, no
 * {@code test} or {@code provided} scope), each artifactId named by its module's folder.
 */
class ModuleGraphTest {

    private static final Path ROOT = DocumentationLinksTest.ROOT;
    private static final String GROUP = "dev.moravec";

    @Test
    void theArchitecturePagesGraphIsThePoms() throws Exception {
        Map<String, Set<String>> declared = fromPoms();
        Map<String, Set<String>> documented = fromArchitecturePage();

        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Set<String>> module : declared.entrySet()) {
            Set<String> written = documented.get(module.getKey());
            if (!module.getValue().equals(written)) {
                differences.add((written == null ? "missing: " : "should read: ") + line(module.getKey(), module.getValue()));
            }
        }
        for (String module : documented.keySet()) {
            if (!declared.containsKey(module)) {
                differences.add("not a module of the build: " + line(module, documented.get(module)));
            }
        }
        assertThat(differences).withFailMessage(
                "docs/architecture.md's module dependency graph differs from the poms:%n  %s",
                String.join(System.lineSeparator() + "  ", differences)).isEmpty();
    }

    private static String line(String module, Set<String> dependencies) {
        return dependencies.isEmpty() ? module + " ->" : module + " -> " + String.join(", ", dependencies);
    }

    /** Each module folder of the parent pom and its compile-scope dependencies on other modules, in pom order. */
    private static Map<String, Set<String>> fromPoms() throws Exception {
        List<String> modules = new ArrayList<>();
        for (Element module : children(child(pom(ROOT), "modules"), "module")) {
            modules.add(module.getTextContent().trim());
        }
        Map<String, String> folderOf = new LinkedHashMap<>();
        for (String module : modules) {
            folderOf.put(text(pom(ROOT.resolve(module)), "artifactId"), module);
        }
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (String module : modules) {
            Set<String> dependencies = new LinkedHashSet<>();
            for (Element dependency : children(child(pom(ROOT.resolve(module)), "dependencies"), "dependency")) {
                String group = text(dependency, "groupId");
                String scope = text(dependency, "scope");
                if (!(GROUP.equals(group) || "${project.groupId}".equals(group))
                        || "test".equals(scope) || "provided".equals(scope)) {
                    continue;
                }
                String artifact = text(dependency, "artifactId");
                String folder = folderOf.get(artifact);
                assertThat(folder).as("%s depends on %s:%s, which no module of the build is", module, group, artifact)
                        .isNotNull();
                dependencies.add(folder);
            }
            graph.put(module, dependencies);
        }
        return graph;
    }

    /** The lines {@code module -> dep, dep} of the first code block under the graph's heading. */
    private static Map<String, Set<String>> fromArchitecturePage() throws Exception {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/architecture.md"));
        int heading = lines.indexOf("## Module dependency graph");
        assertThat(heading).as("docs/architecture.md has a '## Module dependency graph' heading").isNotNegative();
        int open = heading + 1;
        while (open < lines.size() && !lines.get(open).startsWith("```")) {
            open++;
        }
        assertThat(open).as("a code block follows the heading").isLessThan(lines.size());
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (int i = open + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int arrow = line.indexOf("->");
            assertThat(arrow).as("line %d of docs/architecture.md reads 'module -> dep, dep': %s", i + 1, line)
                    .isPositive();
            Set<String> dependencies = new LinkedHashSet<>();
            for (String dependency : line.substring(arrow + 2).split(",")) {
                if (!dependency.isBlank()) {
                    dependencies.add(dependency.strip());
                }
            }
            String module = line.substring(0, arrow).strip();
            assertThat(graph.put(module, dependencies)).as("%s is listed once", module).isNull();
        }
        return graph;
    }

    private static Element pom(Path folder) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(folder.resolve("pom.xml").toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent != null) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element element && element.getTagName().equals(name)) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
