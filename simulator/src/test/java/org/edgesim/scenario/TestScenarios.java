package org.edgesim.scenario;

/** Small valid scenarios for tests, as text to be mutated. */
public final class TestScenarios {
    private TestScenarios() {
    }

    /** A valid PARTEL scenario, 3 groups x 2 workers, in YAML. */
    public static String partelYaml() {
        return """
                name: tiny-partel
                seed: 7
                rounds: 3
                cell:
                  radius: 0.15 km
                radio:
                  bandwidth: 10 MHz
                  noiseDensity: -174 dBm/Hz
                  pathLoss: urban-macro
                  fading: rayleigh
                  apPower: 46 dBm
                  devicePower: 24 dBm
                devices:
                  cpu:
                    speed: {grid: [0.1 GHz, 1.0 GHz, 0.1 GHz]}
                protocol:
                  type: partel
                  groups: 3
                  workersPerGroup: 2
                  modelParameters: 10000
                  trainingSamples: 1000
                scheduler: baseline
                """;
    }

    /**
     * {@link #partelYaml()} as a study: two bandwidths, two schedulers, two replications, a figure
     * and one claim (a reduction at 10 MHz, its line 33 onwards).
     */
    public static String partelStudyYaml() {
        return partelYaml() + """
                sweep:
                  grid:
                    radio.bandwidth: [10 MHz, 20 MHz]
                  replications: 2
                  compare: [baseline, joint-paba]
                figures:
                  - name: latency
                    x: radio.bandwidth
                    y: realised_latency_s_mean
                claims:
                  - id: c1
                    figure: latency
                    statement: "joint PABA is faster"
                    kind: reduction
                    metric: realised_latency_s_mean
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: 10 MHz}
                    paper: 0.4
                    tolerance: "±0.05"
                    quote: "Test paper, Fig. 1: 'joint PABA is 40% faster'"
                """;
    }

    /** The same scenario in JSON. */
    public static String partelJson() {
        return """
                {
                  "name": "tiny-partel",
                  "seed": 7,
                  "rounds": 3,
                  "cell": {"radius": "0.15 km"},
                  "radio": {
                    "bandwidth": "10 MHz",
                    "noiseDensity": "-174 dBm/Hz",
                    "pathLoss": "urban-macro",
                    "fading": "rayleigh",
                    "apPower": "46 dBm",
                    "devicePower": "24 dBm"
                  },
                  "devices": {"cpu": {"speed": {"grid": ["0.1 GHz", "1.0 GHz", "0.1 GHz"]}}},
                  "protocol": {"type": "partel", "groups": 3, "workersPerGroup": 2,
                               "modelParameters": 10000, "trainingSamples": 1000},
                  "scheduler": "baseline"
                }
                """;
    }
}
