package org.edgesim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.study.Study;

/** What differs between the study a folder's blocks were written for and this one, in a few words. */
final class StudyDifference {
    private StudyDifference() {
    }

    /**
     * E.g. {@code "seed: 20200310 there, 7 here"} or {@code "scheduler script x.py changed"}, from
     * the folder's {@code runs/study.json}: the scenario first, then the code.
     */
    static String of(Path runsStudy, Study study, org.edgesim.report.CodeIdentity code) throws IOException {
        if (!Files.exists(runsStudy)) {
            return "written by an earlier version or another study; no " + runsStudy.getFileName() + " says which";
        }
        ObjectMapper mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        JsonNode there = mapper.readTree(runsStudy.toFile());
        JsonNode here = mapper.valueToTree(study.base());
        String diff = first("", there.path("scenario"), here);
        if (diff != null) {
            return diff;
        }
        return code.differenceFrom(there.path("code")).orElse("edgesim " + there.path("edgesim").asText()
                + " wrote them; this is " + org.edgesim.report.BuildInfo.version());
    }

    private static String first(String path, JsonNode a, JsonNode b) {
        if (a.equals(b) || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) {
            return null;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String d = first(path + "[" + i + "]", a.get(i), b.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String d = first(path.isEmpty() ? k : path + "." + k, a.path(k), b.path(k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return (path.isEmpty() ? "the scenario" : path) + ": " + shorten(a) + " there, " + shorten(b) + " here";
    }

    private static String shorten(JsonNode n) {
        String s = n.isMissingNode() ? "absent" : n.toString();
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
