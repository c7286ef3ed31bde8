package org.edgesim.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.edgesim.study.Study;
import org.edgesim.table.Range;

/**
 * {@code summary.csv}: per point, scheduler and metric, the number of replications, their mean,
 * sample standard deviation and the 95% confidence interval of the mean (Student's t with
 * {@code n - 1} degrees of freedom; a single replication has no interval), clipped to the values
 * the metric can take (its round column's {@link Range}: an accuracy's interval ends at 1, a loss's
 * at 0; the mean lies in the range, so clipping keeps the interval's coverage). {@code trace.csv}:
 * the same per point, scheduler, round and round column.
 */
final class Summary {
    private Summary() {
    }

    /**
     * Summarises {@code points.csv}'s rows (point, parameters, scheduler, replication, metrics);
     * {@code ranges}: round column (header) to its range, which its metrics {@code <column>_mean}
     * and {@code <column>_final} share.
     */
    static List<List<String>> of(Study study, List<List<String>> points, Map<String, Range> ranges) {
        int params = study.parameters().size();
        int[] keys = java.util.stream.IntStream.range(0, params + 2).toArray();
        return of(points, keys, params + 3, metric -> ranges.getOrDefault(
                metric.replaceFirst("_(mean|final)$", ""), Range.ANY));
    }

    /**
     * {@code paired.csv}: per point, scheduler other than {@code reference} and metric, the
     * differences {@code scheduler - reference} of the runs paired by replication (common random
     * numbers: the same draws): n, mean difference, its standard deviation and 95% interval, and
     * the relative difference of the means, {@code (mean - reference mean) / reference mean}.
     * Replications where either run failed are left out.
     */
    static List<List<String>> paired(Study study, List<List<String>> points, String reference) {
        int params = study.parameters().size();
        int scheduler = params + 1;
        int replication = params + 2;
        int firstMetric = params + 3;
        List<String> header = points.get(0);
        // (point columns) -> scheduler -> replication -> row
        Map<List<String>, Map<String, Map<String, List<String>>>> byPoint = new LinkedHashMap<>();
        for (List<String> row : points.subList(1, points.size())) {
            byPoint.computeIfAbsent(row.subList(0, params + 1), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.get(scheduler), k -> new LinkedHashMap<>()).put(row.get(replication), row);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> h = new ArrayList<>(header.subList(0, params + 2));
        h.addAll(List.of("reference", "metric", "n", "mean_difference", "sd", "ci95_low", "ci95_high",
                "relative_difference"));
        out.add(h);
        Map<Long, Double> t975 = new java.util.HashMap<>();
        for (var point : byPoint.entrySet()) {
            Map<String, List<String>> ref = point.getValue().get(reference);
            if (ref == null) {
                continue;
            }
            for (var other : point.getValue().entrySet()) {
                if (other.getKey().equals(reference)) {
                    continue;
                }
                for (int m = firstMetric; m < header.size(); m++) {
                    SummaryStatistics d = new SummaryStatistics();
                    SummaryStatistics base = new SummaryStatistics();
                    SummaryStatistics mine = new SummaryStatistics();
                    for (var run : other.getValue().entrySet()) {
                        List<String> r = ref.get(run.getKey());
                        if (r == null) {
                            continue;
                        }
                        double a = Double.parseDouble(run.getValue().get(m));
                        double b = Double.parseDouble(r.get(m));
                        d.addValue(a - b);
                        mine.addValue(a);
                        base.addValue(b);
                    }
                    long n = d.getN();
                    if (n == 0) {
                        continue;
                    }
                    double sd = n > 1 ? d.getStandardDeviation() : 0;
                    double half = n > 1 ? t975.computeIfAbsent(n, x -> new TDistribution(null, x - 1)
                            .inverseCumulativeProbability(0.975)) * sd / Math.sqrt(n) : 0;
                    List<String> line = new ArrayList<>(point.getKey());
                    line.add(other.getKey());
                    line.addAll(List.of(reference, header.get(m), Long.toString(n), Double.toString(d.getMean()),
                            Double.toString(sd), Double.toString(d.getMean() - half), Double.toString(d.getMean() + half),
                            Double.toString((mine.getMean() - base.getMean()) / base.getMean())));
                    out.add(line);
                }
            }
        }
        return out;
    }

    /**
     * Summarises {@code rounds.csv}'s rows (point, parameters, scheduler, replication, round, columns);
     * {@code ranges}: round column (header) to its range.
     */
    static List<List<String>> ofRounds(Study study, List<List<String>> rounds, Map<String, Range> ranges) {
        int params = study.parameters().size();
        int[] keys = java.util.stream.IntStream.concat(java.util.stream.IntStream.range(0, params + 2),
                java.util.stream.IntStream.of(params + 3)).toArray();
        return of(rounds, keys, params + 4, column -> ranges.getOrDefault(column, Range.ANY));
    }

    /**
     * One row per group of rows with equal {@code keys} columns (in the order groups first appear)
     * and per metric column from {@code firstMetric} on: the key values, the metric's name and its
     * statistics, the interval clipped to the metric's {@code range}.
     */
    private static List<List<String>> of(List<List<String>> table, int[] keys, int firstMetric,
                                         java.util.function.Function<String, Range> range) {
        List<String> header = table.get(0);
        Map<List<String>, List<List<String>>> groups = new LinkedHashMap<>();
        for (List<String> row : table.subList(1, table.size())) {
            List<String> key = new ArrayList<>(keys.length);
            for (int k : keys) {
                key.add(row.get(k));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<List<String>> out = new ArrayList<>();
        List<String> h = new ArrayList<>();
        for (int k : keys) {
            h.add(header.get(k));
        }
        h.addAll(List.of("metric", "n", "mean", "sd", "ci95_low", "ci95_high"));
        out.add(h);
        Map<Long, Double> t975 = new java.util.HashMap<>();
        List<Range> ranges = header.stream().map(range).toList();
        for (Map.Entry<List<String>, List<List<String>>> g : groups.entrySet()) {
            for (int m = firstMetric; m < header.size(); m++) {
                SummaryStatistics s = new SummaryStatistics();
                for (List<String> row : g.getValue()) {
                    s.addValue(Double.parseDouble(row.get(m)));
                }
                long n = s.getN();
                double mean = s.getMean();
                double sd = n > 1 ? s.getStandardDeviation() : 0;
                double half = n > 1 ? t975.computeIfAbsent(n, x -> new TDistribution(null, x - 1)
                        .inverseCumulativeProbability(0.975)) * sd / Math.sqrt(n) : 0;
                List<String> line = new ArrayList<>(g.getKey());
                line.addAll(List.of(header.get(m), Long.toString(n), Double.toString(mean), Double.toString(sd),
                        Double.toString(ranges.get(m).clip(mean - half)),
                        Double.toString(ranges.get(m).clip(mean + half))));
                out.add(line);
            }
        }
        return out;
    }
}
