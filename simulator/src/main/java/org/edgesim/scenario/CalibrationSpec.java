package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A channel calibration file ({@code calibration: tr38901-large-scale}): TR 38.901 §7.8.1's
 * large-scale calibration run on edgesim's channel, each model's coupling-loss and geometry CDFs
 * drawn against the reference curves the file states, and its claims decided by their intervals.
 * A scenario file with a {@code calibration} key is one of these, not a protocol's scenario.
 *
 * @param calibration    which calibration: {@code tr38901-large-scale}
 * @param name           the study's name (its folder under {@code results/<paper>/})
 * @param paper          the results folder it belongs to (default {@code channel})
 * @param description    one line
 * @param seed           the master seed
 * @param drops          drops per model (each: new positions and channel draws), the replications
 * @param devicesPerDrop devices per drop, in the centre site's hexagon
 * @param quickDrops     drops with {@code --quick}
 * @param carrier        the carrier
 * @param indoorShare    the share of devices indoors
 * @param highLossShare  the share of indoor devices in high-loss buildings
 * @param antenna        the sectors' antenna
 * @param models         the deployments, each with its reference curves
 * @param claims         what the run is checked against, tolerances written before it
 */
public record CalibrationSpec(@JsonProperty(required = true) String calibration,
                              @JsonProperty(required = true) String name,
                              String paper, String description, Long seed, Integer drops, Integer devicesPerDrop,
                              Integer quickDrops, @Unit(Dimension.FREQUENCY) @JsonProperty(required = true) Double carrier,
                              Double indoorShare, Double highLossShare,
                              @JsonProperty(required = true) Antenna antenna,
                              @JsonProperty(required = true) List<Model> models,
                              List<CalibrationClaim> claims) {
    public static final String LARGE_SCALE = "tr38901-large-scale";
    /** The reference curves' percentiles: 5, 10, ..., 95. */
    public static final int REFERENCE_POINTS = 19;
    /** The metrics a calibration claim reads. */
    public static final List<String> METRICS = List.of("coupling_loss_dB", "geometry_dB");

    public CalibrationSpec {
        if (!calibration.equals(LARGE_SCALE)) {
            throw new InvalidField("calibration", "must be '" + LARGE_SCALE + "', got '" + calibration + "'");
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new InvalidField("name", "must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        paper = paper == null ? "channel" : paper;
        seed = seed == null ? 1L : seed;
        drops = drops == null ? 50 : (int) InvalidField.atLeast("drops", drops, 2);
        devicesPerDrop = devicesPerDrop == null ? 30 : (int) InvalidField.atLeast("devicesPerDrop", devicesPerDrop, 1);
        quickDrops = quickDrops == null ? 5 : (int) InvalidField.atLeast("quickDrops", quickDrops, 2);
        indoorShare = indoorShare == null ? 0.8 : share("indoorShare", indoorShare);
        highLossShare = highLossShare == null ? 0.0 : share("highLossShare", highLossShare);
        if (models.isEmpty()) {
            throw new InvalidField("models", "needs at least one deployment");
        }
        Set<String> modelNames = new HashSet<>();
        for (Model m : models) {
            if (!modelNames.add(m.model())) {
                throw new InvalidField("models", "'" + m.model() + "' appears twice");
            }
        }
        claims = claims == null ? List.of() : List.copyOf(claims);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            CalibrationClaim c = claims.get(i);
            if (!ids.add(c.id())) {
                throw new InvalidField("claims." + i + ".id", "'" + c.id() + "' appears twice");
            }
            if (!modelNames.contains(c.model())) {
                throw new InvalidField("claims." + i + ".model", "'" + c.model() + "' is not one of the models " + modelNames);
            }
        }
    }

    private static double share(String field, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new InvalidField(field, "must be in [0, 1], got " + v);
        }
        return v;
    }

    /**
     * The sectors' antenna: a vertical column of {@code elements} Table 7.3-1 elements,
     * {@code spacing} wavelengths apart, tilted to the zenith angle {@code tilt}.
     */
    public record Antenna(@JsonProperty(required = true) Integer elements,
                          @JsonProperty(required = true) Double spacing,
                          @Unit(Dimension.ANGLE) @JsonProperty(required = true) Double tilt) {
        public Antenna {
            InvalidField.atLeast("elements", elements, 1);
            if (elements > 64) {
                throw new InvalidField("elements", "is " + elements + "; at most 64");
            }
            if (!(spacing > 0 && spacing <= 4)) {
                throw new InvalidField("spacing", "must be in (0, 4] wavelengths, got " + spacing);
            }
            if (!(tilt >= 0 && tilt <= 180)) {
                throw new InvalidField("tilt", "is a zenith angle: 0 to 180 deg (102 deg: 12 deg below the horizon), got "
                        + tilt);
            }
        }
    }

    /**
     * One deployment and its reference curves.
     *
     * @param model       {@code 3gpp-uma} or {@code 3gpp-umi}
     * @param isd         inter-site distance
     * @param bsHeight    the sites' antenna height
     * @param minDistance the least distance between a device and a site
     * @param reference   the curves to compare with, at the 5th, 10th, ..., 95th percentiles
     */
    public record Model(@JsonProperty(required = true) String model,
                        @Unit(Dimension.LENGTH) @JsonProperty(required = true) Double isd,
                        @Unit(Dimension.LENGTH) @JsonProperty(required = true) Double bsHeight,
                        @Unit(Dimension.LENGTH) @JsonProperty(required = true) Double minDistance,
                        @JsonProperty(required = true) Reference reference) {
        public Model {
            if (!model.equals("3gpp-uma") && !model.equals("3gpp-umi")) {
                throw new InvalidField("model", "the large-scale calibration's deployments are 3gpp-uma and 3gpp-umi, got '"
                        + model + "'");
            }
            if (!(isd > 0)) {
                throw new InvalidField("isd", "must be > 0 m, got " + isd);
            }
            if (!(minDistance >= 0 && minDistance < isd / 2)) {
                throw new InvalidField("minDistance", "must be at least 0 m and below half the inter-site distance, got "
                        + minDistance + " m");
            }
        }
    }

    /**
     * Reference curves: each a list of 19 values in dB at the 5th to 95th percentiles, rising.
     *
     * @param source       where the numbers come from
     * @param couplingLoss coupling loss as the calibration curves plot it: the serving link's gain, dB
 *                     (negative: -120 is a loss of 120 dB)
     * @param geometry     geometry, dB
     */
    public record Reference(@JsonProperty(required = true) String source,
                            @JsonProperty(required = true) List<Double> couplingLoss,
                            @JsonProperty(required = true) List<Double> geometry) {
        public Reference {
            curve("couplingLoss", couplingLoss);
            curve("geometry", geometry);
        }

        private static void curve(String field, List<Double> v) {
            if (v.size() != REFERENCE_POINTS) {
                throw new InvalidField(field, "needs " + REFERENCE_POINTS + " values (the 5th to the 95th percentile in"
                        + " steps of 5), got " + v.size());
            }
            for (int i = 1; i < v.size(); i++) {
                if (!(v.get(i) >= v.get(i - 1))) {
                    throw new InvalidField(field, "must rise with the percentile: " + v.get(i - 1) + " then " + v.get(i));
                }
            }
        }

        /** The curve of {@code metric} ({@link #METRICS}). */
        public List<Double> of(String metric) {
            return metric.equals(METRICS.get(0)) ? couplingLoss : geometry;
        }
    }

    /**
     * A claim: the percentile {@code percentile} of {@code metric} over the devices of
     * {@code model}'s drops against the reference curve's value there, within {@code tolerance}
     * (written before the run).
     */
    public record CalibrationClaim(@JsonProperty(required = true) String id,
                                   @JsonProperty(required = true) String model,
                                   @JsonProperty(required = true) String metric,
                                   @JsonProperty(required = true) Integer percentile,
                                   @JsonProperty(required = true) String tolerance,
                                   @JsonProperty(required = true) String statement,
                                   String note) {
        public CalibrationClaim {
            if (!id.matches("[A-Za-z0-9-]+")) {
                throw new InvalidField("id", "must be letters, digits or '-', got '" + id + "'");
            }
            if (!METRICS.contains(metric)) {
                throw new InvalidField("metric", "must be one of " + METRICS + ", got '" + metric + "'");
            }
            if (percentile < 5 || percentile > 95 || percentile % 5 != 0) {
                throw new InvalidField("percentile", "must be one of the reference's 5, 10, ..., 95, got " + percentile);
            }
            try {
                Tolerance.parse(tolerance);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("tolerance", e.getMessage());
            }
        }

        /** The reference's value at this claim's percentile. */
        public double reference(Reference r) {
            return r.of(metric).get(percentile / 5 - 1);
        }
    }

    /** The model named {@code name}. */
    public Model model(String modelName) {
        return models.stream().filter(m -> m.model().equals(modelName)).findFirst().orElseThrow();
    }

    /** Whether {@code text} (a scenario file's) is a calibration file: a top-level {@code calibration} key. */
    public static boolean isCalibration(String text) {
        if (text.stripLeading().startsWith("{")) {
            try {
                return new ObjectMapper().readTree(text).has("calibration");
            } catch (JsonProcessingException e) {
                return false; // not even JSON: the scenario loader says why
            }
        }
        return text.lines().anyMatch(l -> l.startsWith("calibration:"));
    }

    /** Whether {@code file} is a calibration file, read within the scenario files' size limit (else a located error). */
    public static boolean isCalibration(Path file) throws ScenarioException {
        return isCalibration(ScenarioLoader.read(file));
    }

    /** Reads and checks a calibration file; a broken rule is a {@link ScenarioException} at its line. */
    public static CalibrationSpec load(Path file) throws ScenarioException {
        String name = file.toString();
        String text = ScenarioLoader.read(file);
        ScenarioLoader.Format format = ScenarioLoader.Format.of(name);
        ObjectMapper mapper = ScenarioLoader.mapper(format);
        if (text.isBlank()) {
            throw new ScenarioException(name, 1, 1, "", "the file is empty");
        }
        LocationIndex index = LocationIndex.of(mapper.getFactory(), text);
        ScenarioLoader.checkTokens(name, mapper, text);
        try {
            return mapper.readValue(text, CalibrationSpec.class);
        } catch (JsonProcessingException e) {
            throw ScenarioLoader.translate(name, e, index);
        }
    }

}
