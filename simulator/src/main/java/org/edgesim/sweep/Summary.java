package org.edgesim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.edgesim.scenario.Study;

/**
 * {@code summary.csv}: per point, scheduler and metric, the number of replications, their mean,
 * sample standard deviation and the 95% confidence interval of the mean (Student's t with
 * {@code n - 1} degrees of freedom; a single replication has no interval).
 */
final class Summary {
    private Summary() {
    }

    static List<List<String>> of(Study study, List<List<String>> points) {
        List<String> header = points.get(0);
        int params = study.parameters().size();
        int firstMetric = params + 3; // point, params..., scheduler, replication
        // Keyed by (point, scheduler), in the points' order.
        Map<String, List<List<String>>> groups = new LinkedHashMap<>();
        for (List<String> row : points.subList(1, points.size())) {
            groups.computeIfAbsent(row.get(0) + "\u0000" + row.get(params + 1), k -> new ArrayList<>()).add(row);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> h = new ArrayList<>(header.subList(0, params + 2));
        h.addAll(List.of("metric", "n", "mean", "sd", "ci95_low", "ci95_high"));
        out.add(h);
        for (List<List<String>> rows : groups.values()) {
            for (int m = firstMetric; m < header.size(); m++) {
                SummaryStatistics s = new SummaryStatistics();
                for (List<String> row : rows) {
                    s.addValue(Double.parseDouble(row.get(m)));
                }
                long n = s.getN();
                double mean = s.getMean();
                double sd = n > 1 ? s.getStandardDeviation() : 0;
                double half = n > 1 ? new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd
                        / Math.sqrt(n) : 0;
                List<String> line = new ArrayList<>(rows.get(0).subList(0, params + 2));
                line.addAll(List.of(header.get(m), Long.toString(n), Double.toString(mean), Double.toString(sd),
                        Double.toString(mean - half), Double.toString(mean + half)));
                out.add(line);
            }
        }
        return out;
    }
}
