package org.edgesim.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every document a reader follows leads somewhere: relative links in README.md and docs/ reach a
 * file of the repository, and every {@code .md} file that a source file, scenario or example cites
 * is in the repository (the papers' write-ups are docs/models/, not files outside it).
 */
class DocumentLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CITED = Pattern.compile("(?<![\\w./-])([\\w./-]*[\\w-]\\.md)\\b");
    /** Pages edgesim writes into a results folder: cited by the code that writes them, not in the repository. */
    private static final Set<String> WRITTEN = Set.of("index.md", "claims.md");

    private static List<Path> files(Path dir, String... endings) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("node_modules")
                    && !p.toString().contains("/target/") && (!p.startsWith(ROOT.resolve("results")) || p.getParent().equals(ROOT.resolve("results")))
                    && !p.startsWith(ROOT.resolve(".git"))).filter(p -> {
                        for (String e : endings) {
                            if (p.toString().endsWith(e)) {
                                return true;
                            }
                        }
                        return false;
                    }).sorted().toList();
        }
    }

    @Test
    void relativeLinksInTheDocumentsReachAFile() throws IOException {
        List<Path> documents = new ArrayList<>(files(ROOT.resolve("docs"), ".md"));
        documents.add(ROOT.resolve("README.md"));
        documents.addAll(files(ROOT.resolve("examples"), ".md"));
        documents.add(ROOT.resolve("results/README.md"));
        List<String> dead = new ArrayList<>();
        for (Path doc : documents) {
            String text = Files.readString(doc).replaceAll("(?s)```.*?```", "");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;
                }
                String file = target.replaceAll("#.*", "");
                if (!Files.exists(doc.getParent().resolve(file))) {
                    dead.add(ROOT.relativize(doc) + ": " + target);
                }
            }
        }
        assertEquals(List.of(), dead, "dead relative links");
    }

    @Test
    void everyCitedMarkdownFileIsInTheRepository() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String dir : List.of("simulator/src", "spark/src", "scenarios", "examples")) {
            sources.addAll(files(ROOT.resolve(dir), ".java", ".yaml", ".yml", ".py", ".csv", ".json", ".sh"));
        }
        // A citation names a page by its path from the root, from the citing file, or from another page
        // (a generated page's link, e.g. ../guide/sweeps.md): it must end a page's path.
        List<String> pages = new ArrayList<>();
        for (Path page : files(ROOT, ".md")) {
            pages.add("/" + ROOT.relativize(page).toString().replace('\\', '/'));
        }
        List<String> missing = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = CITED.matcher(lines.get(i));
                while (m.find()) {
                    String cited = m.group(1);
                    String tail = "/" + cited.replaceAll("^(\\.\\./|\\./)+", "");
                    boolean found = WRITTEN.contains(Path.of(cited).getFileName().toString()) || Files.exists(source.getParent().resolve(cited))
                            || pages.stream().anyMatch(p -> p.endsWith(tail));
                    if (!found) {
                        missing.add(ROOT.relativize(source) + ":" + (i + 1) + ": " + cited);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "cited .md files not in the repository");
    }
}
