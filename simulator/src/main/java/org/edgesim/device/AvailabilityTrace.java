package org.edgesim.device;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * When devices are away, read from a CSV file in the style of FedScale's availability traces: a
 * header {@code device,off,on} and one row per outage, device {@code device} (0-based) being
 * unavailable from simulated time {@code off} to {@code on} (seconds). A device that is away stops
 * computing and resumes where it stopped when it is back.
 */
public final class AvailabilityTrace {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).get();

    /** Per device, its outages {@code [off, on)} sorted by start, not overlapping. */
    private final List<List<double[]>> outages;

    private AvailabilityTrace(List<List<double[]>> outages) {
        this.outages = outages;
    }

    /** A pause of a computation: after {@code workBefore} seconds of work, away for {@code length}. */
    public record Pause(double workBefore, double length) {
    }

    /**
     * Reads {@code file} for {@code devices} devices.
     *
     * @throws IllegalArgumentException naming the file, the line and the rule broken
     */
    public static AvailabilityTrace read(Path file, int devices) {
        List<List<double[]>> outages = new ArrayList<>();
        for (int k = 0; k < devices; k++) {
            outages.add(new ArrayList<>());
        }
        try (Reader in = Files.newBufferedReader(file)) {
            var parser = FORMAT.parse(in);
            if (!parser.getHeaderNames().equals(List.of("device", "off", "on"))) {
                throw new IllegalArgumentException(file + ":1: the header must be 'device,off,on', got '"
                        + String.join(",", parser.getHeaderNames()) + "'");
            }
            for (CSVRecord r : parser) {
                long line = r.getRecordNumber() + 1;
                if (r.size() != 3) {
                    throw new IllegalArgumentException(file + ":" + line + ": expected 3 fields, got " + r.size());
                }
                int k;
                double off;
                double on;
                try {
                    k = Integer.parseInt(r.get(0));
                    off = Double.parseDouble(r.get(1));
                    on = Double.parseDouble(r.get(2));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + line + ": not a number (" + e.getMessage() + ")");
                }
                if (k < 0 || k >= devices) {
                    throw new IllegalArgumentException(file + ":" + line + ": device " + k + " is not one of the "
                            + devices + " devices (0-based)");
                }
                if (!(off >= 0) || !(on > off) || !Double.isFinite(on)) {
                    throw new IllegalArgumentException(file + ":" + line + ": needs 0 <= off < on, finite, got off = "
                            + off + ", on = " + on);
                }
                outages.get(k).add(new double[] {off, on});
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        for (int k = 0; k < devices; k++) {
            List<double[]> o = outages.get(k);
            o.sort(Comparator.comparingDouble(x -> x[0]));
            for (int i = 1; i < o.size(); i++) {
                if (o.get(i)[0] < o.get(i - 1)[1]) {
                    throw new IllegalArgumentException(file + ": device " + k + "'s outages [" + o.get(i - 1)[0] + ", "
                            + o.get(i - 1)[1] + ") and [" + o.get(i)[0] + ", " + o.get(i)[1] + ") overlap");
                }
            }
        }
        return new AvailabilityTrace(outages);
    }

    /**
     * The pauses of a computation of {@code work} seconds that device {@code k} starts at simulated
     * time {@code start}: begun while away, it waits for the device's return.
     */
    public List<Pause> pauses(int k, double start, double work) {
        List<Pause> out = new ArrayList<>();
        double t = start;
        double done = 0;
        for (double[] o : outages.get(k)) {
            if (o[1] <= t) {
                continue;
            }
            double before = Math.max(0, o[0] - t);
            if (done + before >= work) {
                break;
            }
            done += before;
            out.add(new Pause(done, o[1] - Math.max(o[0], t)));
            t = o[1];
        }
        return out;
    }
}
