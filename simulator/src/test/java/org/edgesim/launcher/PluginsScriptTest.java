package org.edgesim.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launchers' plug-in class path (launcher/plugins.sh, sourced under {@code set -euo pipefail}
 * as ./edgesim does): every folder in EDGESIM_PLUGINS either adds its jars or its plug-in
 * classes, or stops the launcher with one line saying what is wrong; never a silent exit.
 */
class PluginsScriptTest {
    static final Path SCRIPT = Path.of("launcher", "plugins.sh").toAbsolutePath();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Result source(String plugins) throws Exception {
        Files.createDirectories(dir.resolve("root/plugins"));
        ProcessBuilder b = new ProcessBuilder("bash", "-c", "set -euo pipefail; root=\"$1\"; . \"$2\"; echo \"plugins=$plugins\"",
                "bash", dir.resolve("root").toString(), SCRIPT.toString());
        b.environment().put("EDGESIM_PLUGINS", plugins);
        Process p = b.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a class folder of a plug-in | classes  | 0 | plugins=FOLDER",
        "a folder of jars            | jars     | 0 | plugins=FOLDER/a.jar:FOLDER/b.jar",
        "a folder of bare classes    | bare     | 2 | edgesim: EDGESIM_PLUGINS names folder 'FOLDER', which holds no jar and no META-INF/services (a plug-in's class folder has them)",
        "an empty folder             | empty    | 2 | edgesim: EDGESIM_PLUGINS names folder 'FOLDER', which holds no jar and no META-INF/services (a plug-in's class folder has them)"})
    void aFolderIsUsedOrRefusedInOneLine(String kind, String folder, int code, String expected) throws Exception {
        Path f = Files.createDirectories(dir.resolve(folder));
        switch (folder) {
            case "classes" -> {
                Files.createDirectories(f.resolve("META-INF/services"));
                Files.writeString(f.resolve("META-INF/services/org.edgesim.sched.SchedulerProvider"), "x.Y\n");
                Files.createDirectories(f.resolve("x"));
                Files.write(f.resolve("x/Y.class"), new byte[] {1});
            }
            case "jars" -> {
                Files.write(f.resolve("a.jar"), new byte[] {1});
                Files.write(f.resolve("b.jar"), new byte[] {1});
            }
            case "bare" -> Files.write(f.resolve("Y.class"), new byte[] {1});
            default -> {
            }
        }
        Result r = source(f.toString());
        assertEquals(code, r.code(), r.toString());
        assertEquals(expected.replace("FOLDER", f.toString()), code == 0 ? r.out() : r.err());
    }
}
