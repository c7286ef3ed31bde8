package org.edgesim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** edgesim's version and the versions of its main dependencies, as Maven filtered them in. */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/edgesim-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    /** The git commit edgesim was built from, or {@code unknown} (a build outside a git clone). */
    public static String commit() {
        String c = PROPS.getProperty("git.commit", "");
        return c.matches("[0-9a-f]{40}") ? c : "unknown";
    }

    /** Whether the build's working tree had changes not committed (false when unknown). */
    public static boolean dirty() {
        return Boolean.parseBoolean(PROPS.getProperty("git.dirty", "false"));
    }

    /** Dependency name to version, sorted, without edgesim's own version. */
    public static Map<String, String> dependencies() {
        Map<String, String> m = new TreeMap<>();
        for (String name : PROPS.stringPropertyNames()) {
            if (!name.equals("version") && !name.startsWith("git.")) {
                m.put(name, PROPS.getProperty(name));
            }
        }
        return m;
    }
}
