package org.edgesim.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Rules about the sources that keep the design honest. */
class SourceRulesTest {
    private static final Path MAIN = Path.of("src/main/java/org/edgesim");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** A protocol's own folder (its rounds, section and schedulers), not the shared protocol package. */
    private static boolean inAProtocol(Path p) {
        return p.startsWith(MAIN.resolve("protocol")) && !p.getParent().equals(MAIN.resolve("protocol"));
    }

    /** A protocol's schedulers ({@code protocol/<name>/schedulers/}). */
    private static boolean scheduler(Path p) {
        return inAProtocol(p) && p.getParent().getFileName().toString().equals("schedulers");
    }

    /** A protocol's scenario section ({@code protocol/<name>/<Name>Spec.java}): the file format's, checked against the scenario's other sections. */
    private static boolean section(Path p) {
        return inAProtocol(p) && p.getFileName().toString().endsWith("Spec.java");
    }

    /** A protocol's rounds and schedulers: what runs, as opposed to its section of the file format. */
    private static boolean runs(Path p) {
        return inAProtocol(p) && !section(p) || p.startsWith(MAIN.resolve("sched"));
    }

    private static List<String> offenders(Pattern forbidden, java.util.function.Predicate<Path> applies) throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path p : sources()) {
            if (!applies.test(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (forbidden.matcher(lines.get(i)).find()) {
                    bad.add(p + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        return bad;
    }

    @Test
    void thereAreSourcesToScan() throws IOException {
        assertTrue(sources().size() > 30, "the scan must see the main sources; run from the module folder");
    }

    @Test
    void noRandomnessOutsideNamedSsjStreams() throws IOException {
        Pattern forbidden = Pattern.compile(
                "java\\.util\\.Random\\b|new Random\\(|Math\\.random|SecureRandom|ThreadLocalRandom|SplittableRandom"
                        + "|setSeed\\(System|currentTimeMillis\\(\\)\\s*\\)|UUID\\.randomUUID");
        assertEquals(List.of(), offenders(forbidden, p -> true));
    }

    @Test
    void onlyTheKernelTouchesSsjSimulationEvents() throws IOException {
        Pattern simevents = Pattern.compile("umontreal\\.ssj\\.simevents");
        assertEquals(List.of(), offenders(simevents, p -> !p.startsWith(MAIN.resolve("kernel"))));
    }

    @Test
    void theKernelImportsNoOtherEdgesimPackage() throws IOException {
        Pattern other = Pattern.compile("import\\s+(static\\s+)?org\\.edgesim\\.(?!kernel\\.)");
        assertEquals(List.of(), offenders(other, p -> p.startsWith(MAIN.resolve("kernel"))));
    }

    @Test
    void onlyThePlotPackageImportsJFreeChart() throws IOException {
        Pattern jfree = Pattern.compile("import\\s+org\\.jfree\\.");
        assertEquals(List.of(), offenders(jfree, p -> !p.startsWith(MAIN.resolve("report/plot"))));
    }

    @Test
    void onlyTheDjlPackageImportsDjl() throws IOException {
        Pattern djl = Pattern.compile("import\\s+ai\\.djl\\.");
        assertEquals(List.of(), offenders(djl, p -> !p.startsWith(MAIN.resolve("learning/djl"))));
    }

    @Test
    void noStaticMutableState() throws IOException {
        Pattern mutableStatic = Pattern.compile("^\\s*(public|private|protected)?\\s*static\\s+(?!final)(?!class)(?!record)"
                + "(?!interface)(?!enum)(?!<)[\\w<>\\[\\], ]+\\s+\\w+\\s*(=|;)");
        assertEquals(List.of(), offenders(mutableStatic, p -> true));
    }

    /** The round engine rests on the domain only: no scenario, protocol, report or learning in it. */
    @Test
    void theRoundEngineImportsOnlyTheDomain() throws IOException {
        Pattern other = Pattern.compile("(import\\s+(static\\s+)?|[^\\w.])org\\.edgesim\\."
                + "(?!(kernel|rng|radio|channel|device|cell|round)\\.)\\w+\\.");
        assertEquals(List.of(), offenders(other, p -> p.startsWith(MAIN.resolve("round"))));
    }

    /**
     * The channel's laws (fading, path loss, shadowing, TR 38.901, Shannon's rates) are wired once,
     * by the round engine; the protocols' own folders and the schedulers read rates through the
     * channel's door ({@code Channel}), take their links from it ({@code Air}, {@code Link}), and
     * know what schedulers know of it ({@code ChannelKnowledge}) and CPSL's named law
     * ({@code SnrDbLaw}), never the laws themselves. Adding a fading law then touches the channel
     * package, its scenario spec and their tests only.
     */
    @Test
    void protocolsAndSchedulersReadTheChannelThroughItsDoor() throws IOException {
        Pattern laws = Pattern.compile("org\\.edgesim\\.channel\\.(?!(Channel|ChannelKnowledge|SnrDbLaw|Air|Link|AnalogAggregation)\\b)");
        assertEquals(List.of(), offenders(laws, SourceRulesTest::runs));
    }

    /**
     * The door is used: no protocol reads the fading law through the scenario or Shannon's rates
     * directly (a scheduler's own closed forms, e.g. PABA's rate as a function of its band, stay the
     * scheduler's).
     */
    @Test
    void noProtocolReadsTheFadingLawOrShannonDirectly() throws IOException {
        Pattern direct = Pattern.compile("\\.fading\\(\\)|\\bRates\\.");
        assertEquals(List.of(), offenders(direct, SourceRulesTest::runs));
    }

    /**
     * One cell is the ordinary case of several: a protocol states what a transfer is and its steady
     * link by its model ({@code Link.Timed}, {@code Link.Slotted}); whether it goes through the air
     * several cells share or in fading blocks is the channel's choice ({@code Air}), never a branch of
     * a protocol on the cells (it may ask the engine how many there are, {@code cellCount()}, and
     * whether it learns hierarchically) or on the coherence time.
     */
    @Test
    void protocolsLeaveTheKindOfLinkToTheChannel() throws IOException {
        Pattern choice = Pattern.compile("Link\\.(Shared|Blocks|SlottedBlocks|\\*)|\\bMedium\\b|\\bFadingBlocks\\b"
                + "|\\bCoherence\\b|engine\\.cells\\(\\)|coherenceTime\\(\\)|new (Shared|Blocks|SlottedBlocks)\\(");
        assertEquals(List.of(), offenders(choice, SourceRulesTest::runs));
    }

    /** Domain packages take their own small value types, not the scenario's records. */
    @Test
    void theDomainDoesNotKnowTheScenarioFormat() throws IOException {
        Pattern scenario = Pattern.compile("org\\.edgesim\\.scenario\\.");
        List<String> domain = List.of("kernel", "rng", "radio", "channel", "device", "cell", "round", "sched");
        assertEquals(List.of(), offenders(scenario, p -> scheduler(p)
                || domain.stream().anyMatch(d -> p.startsWith(MAIN.resolve(d)))));
    }

    /**
     * A protocol describes its phases on the engine; no class of its rounds grows past 250 lines (its
     * section of the file format and its schedulers' mathematics are not its rounds).
     */
    @Test
    void noProtocolClassIsOver250Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Path p : sources()) {
            if (p.startsWith(MAIN.resolve("protocol")) && !section(p) && !scheduler(p)
                    && Files.readAllLines(p).size() > 250) {
                long_.add(p + ": " + Files.readAllLines(p).size() + " lines");
            }
        }
        assertEquals(List.of(), long_);
    }
}
