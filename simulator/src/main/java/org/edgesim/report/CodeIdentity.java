package org.edgesim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The code that computed a result: edgesim's version, the git commit it was built from (and
 * whether the build's tree had uncommitted changes), the SHA-256 of each plug-in jar whose
 * schedulers it used, and of each file named in an external scheduler's command (a script). It
 * goes into every study fingerprint and manifest, so that resuming with other code is refused by
 * name instead of mixing rows.
 *
 * @param build   the SHA-256 of edgesim's own code (its jar or class folder) when the commit does
 *                not say it: a build with uncommitted changes or outside git; else empty
 * @param plugins a plug-in jar (or class folder) used, as its origin path, to its SHA-256
 * @param scripts a file named in an external scheduler's command, as written there, to its SHA-256
 */
public record CodeIdentity(String version, String commit, boolean dirty, String build,
                           SortedMap<String, String> plugins, SortedMap<String, String> scripts) {
    public CodeIdentity {
        plugins = Collections.unmodifiableSortedMap(new TreeMap<>(plugins));
        scripts = Collections.unmodifiableSortedMap(new TreeMap<>(scripts));
    }

    /** This build's identity with the given plug-ins and scripts (each a path to hash). */
    public static CodeIdentity of(List<Path> plugins, List<String> scripts) {
        SortedMap<String, String> p = new TreeMap<>();
        plugins.forEach(f -> p.put(f.toString(), sha256(f)));
        SortedMap<String, String> s = new TreeMap<>();
        scripts.forEach(f -> s.put(f, sha256(Path.of(f))));
        boolean known = !BuildInfo.dirty() && !BuildInfo.commit().equals("unknown");
        return new CodeIdentity(BuildInfo.version(), BuildInfo.commit(), BuildInfo.dirty(), known ? "" : ownCode(),
                p, s);
    }

    /** The SHA-256 of the jar or class folder edgesim's classes come from ("" when it cannot be told). */
    private static String ownCode() {
        try {
            java.security.CodeSource source = CodeIdentity.class.getProtectionDomain().getCodeSource();
            return source == null ? "" : sha256(Path.of(source.getLocation().toURI()));
        } catch (java.net.URISyntaxException | IllegalArgumentException | UncheckedIOException e) {
            return "";
        }
    }

    /** The identity as a few lines, for a fingerprint. */
    public String canonical() {
        StringBuilder sb = new StringBuilder("edgesim " + version + " commit " + commit + (dirty ? " dirty" : "")
                + (build.isEmpty() ? "" : " build " + build) + "\n");
        plugins.forEach((k, v) -> sb.append("plug-in ").append(k).append(' ').append(v).append('\n'));
        scripts.forEach((k, v) -> sb.append("script ").append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }

    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode n = mapper.createObjectNode();
        n.put("version", version);
        n.put("commit", commit);
        n.put("dirty", dirty);
        if (!build.isEmpty()) {
            n.put("build", build);
        }
        n.set("plugins", mapper.valueToTree(plugins));
        n.set("scripts", mapper.valueToTree(scripts));
        return n;
    }

    /**
     * What differs between the code that wrote {@code there} (a {@link #toJson} node, or missing)
     * and this one, in a few words, e.g. {@code scheduler script examples/python/x.py changed};
     * empty if nothing does.
     */
    public Optional<String> differenceFrom(JsonNode there) {
        if (there == null || there.isMissingNode() || !there.isObject()) {
            return Optional.of("they were written by an edgesim that did not record its code");
        }
        for (String kind : List.of("scripts", "plugins")) {
            Map<String, String> mine = kind.equals("scripts") ? scripts : plugins;
            String what = kind.equals("scripts") ? "scheduler script " : "plug-in jar ";
            JsonNode theirs = there.path(kind);
            for (Map.Entry<String, String> e : mine.entrySet()) {
                JsonNode h = theirs.path(e.getKey());
                if (h.isMissingNode()) {
                    return Optional.of(what + e.getKey() + " was not used there");
                }
                if (!h.asText().equals(e.getValue())) {
                    return Optional.of(what + e.getKey() + " changed");
                }
            }
            var names = theirs.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!mine.containsKey(name)) {
                    return Optional.of(what + name + " was used there, not here");
                }
            }
        }
        String theirCommit = there.path("commit").asText();
        boolean theirDirty = there.path("dirty").asBoolean();
        if (!theirCommit.equals(commit) || theirDirty != dirty) {
            return Optional.of("edgesim was built from commit " + brief(theirCommit, theirDirty) + " there, "
                    + brief(commit, dirty) + " here");
        }
        if (!there.path("build").asText("").equals(build)) {
            return Optional.of("edgesim's own code changed (the same commit " + brief(commit, false) + ", built with"
                    + " other uncommitted changes)");
        }
        if (!there.path("version").asText().equals(version)) {
            return Optional.of("edgesim " + there.path("version").asText() + " there, " + version + " here");
        }
        return Optional.empty();
    }

    private static String brief(String commit, boolean dirty) {
        return (commit.length() > 12 ? commit.substring(0, 12) : commit) + (dirty ? " (with uncommitted changes)" : "");
    }

    /** The SHA-256 of a file, or of a folder's files (names and contents, in name order). */
    public static String sha256(Path path) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.walk(path)) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        md.update(path.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest(md, f);
                    }
                }
            } else {
                digest(md, path);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to identify it", e);
        }
    }

    private static void digest(MessageDigest md, Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
