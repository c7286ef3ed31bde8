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

    /** Dependency name to version, sorted, without edgesim's own version. */
    public static Map<String, String> dependencies() {
        Map<String, String> m = new TreeMap<>();
        for (String name : PROPS.stringPropertyNames()) {
            if (!name.equals("version")) {
                m.put(name, PROPS.getProperty(name));
            }
        }
        return m;
    }
}
