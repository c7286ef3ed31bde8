package org.edgesim.report.plot;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one typeface of every figure, DejaVu Sans, in its plain and bold faces: AWT draws the PNG
 * with it, the SVG names it, and the PDF embeds a subset of the same TrueType files, so that text
 * measured for the layout is the text printed. The files are found where fontconfig keeps them
 * (Debian's {@code fonts-dejavu-core}: {@code /usr/share/fonts/truetype/dejavu/}).
 */
final class FigureFonts {
    static final String FAMILY = "DejaVu Sans";
    /** The faces figures use, as TrueType file names. */
    static final List<String> FILES = List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf");

    private FigureFonts() {
    }

    /** The figures' font: {@code style} is {@link Font#PLAIN} or {@link Font#BOLD}, {@code size} in points. */
    static Font of(int style, float size) {
        return new Font(FAMILY, style, 1).deriveFont(size);
    }

    /**
     * The TrueType files of the figures' faces, in {@link #FILES}' order.
     *
     * @throws IOException when a face is not installed (the PDF would otherwise fall back to an
     *                     unembedded base-14 font, which journals refuse)
     */
    static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String name : FILES) {
            out.add(find(name).orElseThrow(() -> new IOException("font file " + name + " not found under "
                    + directories() + "; install DejaVu Sans (Debian: fonts-dejavu-core)")));
        }
        return out;
    }

    private static Optional<Path> find(String name) throws IOException {
        for (Path dir : directories()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir, 6)) {
                Optional<Path> hit = walk.filter(p -> p.getFileName().toString().equals(name)).sorted().findFirst();
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return Optional.empty();
    }

    /** Where fontconfig and the JDK look for fonts, the system's first. */
    private static List<Path> directories() {
        String home = System.getProperty("user.home", "");
        return List.of(Paths.get("/usr/share/fonts"), Paths.get("/usr/local/share/fonts"),
                Paths.get(home, ".local/share/fonts"), Paths.get(home, ".fonts"),
                Paths.get(System.getProperty("java.home", ""), "lib", "fonts"));
    }
}
