package org.edgesim.beyond;

import static org.edgesim.beyond.ImperfectKnowledgeTest.load;
import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunResult;
import org.edgesim.radio.Doppler;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moving devices (radio.mobility) and outdated channel knowledge (radio.csiAge): the Doppler sets
 * the coherence time and how far the channel the schedulers saw is from the one the round runs on.
 */
class OutdatedKnowledgeTest {
    private static final String MOBILITY = "  mobility: {speed: 3 km/h, carrier: 2.4 GHz}\n";

    /** J_0 by its power series, sum over m of (-1)^m (x/2)^(2m) / (m!)^2: independent of the library's. */
    private static double besselJ0(double x) {
        double term = 1;
        double sum = 1;
        for (int m = 1; m < 60; m++) {
            term *= -(x / 2) * (x / 2) / ((double) m * m);
            sum += term;
        }
        return sum;
    }

    @Test
    void dopplerIsClarkes() {
        Doppler d = new Doppler(3 / 3.6, 2.4e9);
        double fd = (3 / 3.6) * 2.4e9 / 299_792_458.0;
        assertEquals(fd, d.frequency(), 1e-12 * fd);
        assertEquals(6.671, d.frequency(), 1e-3, "a pedestrian at 2.4 GHz: about 6.7 Hz");
        assertEquals(0.423 / fd, d.coherenceTime(), 1e-12);
        assertEquals(1.0, d.correlation(0));
        // (the series is exact to ~1e-15 for arguments up to 5; beyond, its cancellation grows)
        for (double tau : new double[] {1e-3, 10e-3, 30e-3, 57e-3, 0.1}) {
            assertEquals(besselJ0(2 * Math.PI * fd * tau), d.correlation(tau), 1e-9, "tau = " + tau);
        }
        // The first zero of J_0, 2.404826: a channel that old tells nothing about the present one.
        assertEquals(0.0, d.correlation(2.404826 / (2 * Math.PI * fd)), 1e-6);
    }

    /** The coherence time defaults to the Doppler's; an explicit one wins. */
    @Test
    void mobilitySetsTheCoherenceTimeUnlessItIsGiven() throws Exception {
        Scenario moving = load("partel-fig5a.yaml", "  devicePower:", MOBILITY + "  devicePower:");
        assertEquals(new Doppler(3 / 3.6, 2.4e9).coherenceTime(), moving.radio().coherenceTime(), 1e-15);
        Scenario pinned = load("partel-fig5a.yaml", "  devicePower:", MOBILITY + "  coherenceTime: 1 s\n  devicePower:");
        assertEquals(1.0, pinned.radio().coherenceTime());
        assertEquals(0.0, pinned.radio().csiAge());
    }

    /**
     * Fresh knowledge changes nothing: mobility with csiAge 0 runs exactly as the same coherence
     * time given by hand, in every family.
     */
    @ParameterizedTest
    @ValueSource(strings = {"partel-fig5a.yaml", "feel-fig2.yaml", "async-fig2.yaml", "cpsl-fig7.yaml"})
    void freshKnowledgeIsTheCoherenceTimeAlone(String file) throws Exception {
        double tc = new Doppler(3 / 3.6, 2.4e9).coherenceTime();
        Scenario byHand = load(file, "  devicePower:", "  coherenceTime: " + tc + " s\n  devicePower:").withRounds(2);
        Scenario moving = load(file, "  devicePower:", MOBILITY + "  csiAge: 0 ms\n  devicePower:").withRounds(2);
        RunResult a = new Simulation(Catalog.standard()).run(byHand);
        RunResult b = new Simulation(Catalog.standard()).run(moving);
        assertEquals(a.rounds().rows(), b.rounds().rows(), file);
        assertEquals(a.devices().rows(), b.devices().rows(), file);
    }

    /**
     * The outdated gains the schedulers see are again unit-mean exponential, correlated rho^2 with
     * the true ones (rho = J_0(2 pi f_D csiAge)), uplink and downlink alike: Monte Carlo over 50
     * rounds of 225 devices, against the Jakes model's moments.
     */
    @Test
    void outdatedGainsHaveTheJakesStatistics() throws Exception {
        double age = 0.03;
        Scenario s = load("partel-fig5a.yaml", "  devicePower:", MOBILITY + "  csiAge: " + age + " s\n  devicePower:");
        double rho = new Doppler(3 / 3.6, 2.4e9).correlation(age);
        assertTrue(rho > 0.5 && rho < 0.8, "a telling age: rho = " + rho);
        RandomStreams streams = new RandomStreams(s.seed());
        Deployment deployment = org.edgesim.protocol.RoundEngine.deployment(s, streams);
        RoundConditions conditions = org.edgesim.protocol.RoundEngine.conditions(s, deployment, streams);
        int rounds = 50;
        int n = deployment.size();
        double[][] truth = new double[2][rounds * n];
        double[][] seen = new double[2][rounds * n];
        for (int r = 0; r < rounds; r++) {
            RoundConditions.Round c = conditions.next(r + 1);
            RoundConditions.Round v = c.seen();
            assertArrayEquals(c.largeScale(), v.largeScale(), "the large-scale gain is not outdated");
            for (int k = 0; k < n; k++) {
                truth[0][r * n + k] = c.gainUp()[k] / c.largeScale()[k];
                truth[1][r * n + k] = c.gainDown()[k] / c.largeScale()[k];
                seen[0][r * n + k] = v.gainUp()[k] / c.largeScale()[k];
                seen[1][r * n + k] = v.gainDown()[k] / c.largeScale()[k];
            }
        }
        // 11250 samples: the standard error of the mean is ~0.01, of the correlation ~0.01.
        for (int link = 0; link < 2; link++) {
            assertEquals(1.0, new Mean().evaluate(seen[link]), 0.04, "link " + link + ": unit mean");
            assertEquals(1.0, new Variance().evaluate(seen[link]), 0.1, "link " + link + ": exponential, variance 1");
            assertEquals(rho * rho, new PearsonsCorrelation().correlation(truth[link], seen[link]), 0.04,
                    "link " + link);
        }
    }

    /** Without small-scale fading there is nothing to be outdated: the rows are those of fresh knowledge. */
    @Test
    void withoutFadingAgeChangesNothing() throws Exception {
        String pinned = MOBILITY + "  coherenceTime: 100 s\n";
        RunResult fresh = new Simulation(Catalog.standard()).run(load("partel-fig5a.yaml", "fading: rayleigh",
                "fading: none", "  devicePower:", pinned + "  devicePower:").withRounds(2));
        RunResult old = new Simulation(Catalog.standard()).run(load("partel-fig5a.yaml", "fading: rayleigh",
                "fading: none", "  devicePower:", pinned + "  csiAge: 30 ms\n  devicePower:").withRounds(2));
        assertEquals(fresh.rounds().rows(), old.rounds().rows());
        assertEquals(fresh.devices().rows(), old.devices().rows());
    }

    /** CPSL's per-round SNR (Gaussian in dB), outdated: same law, correlated rho^2 with the true one. */
    @Test
    void outdatedCpslSnrKeepsItsLawAndCorrelatesRhoSquared() throws Exception {
        double age = 0.03;
        Scenario s = load("cpsl-fig7.yaml", "  devicePower:", MOBILITY + "  csiAge: " + age + " s\n  devicePower:");
        double rho = new Doppler(3 / 3.6, 2.4e9).correlation(age);
        RandomStreams streams = new RandomStreams(s.seed());
        Deployment deployment = org.edgesim.protocol.RoundEngine.deployment(s, streams);
        RoundConditions conditions = org.edgesim.protocol.RoundEngine.conditions(s, deployment, streams);
        var truthStream = streams.stream("test/snr");
        int rounds = 400;
        int n = deployment.size();
        double mean = 15;
        double sigma = 4;
        double[] truth = new double[rounds * n];
        double[] seen = new double[rounds * n];
        for (int r = 0; r < rounds; r++) {
            RoundConditions.Round c = conditions.next(r + 1);
            for (int k = 0; k < n; k++) {
                truth[r * n + k] = org.edgesim.rng.Draws.normal(truthStream, mean, sigma);
                seen[r * n + k] = c.csi().snrDb(k, truth[r * n + k], mean, sigma);
            }
        }
        assertEquals(mean, new Mean().evaluate(seen), 0.1);
        assertEquals(sigma, Math.sqrt(new Variance().evaluate(seen)), 0.1);
        assertEquals(rho * rho, new PearsonsCorrelation().correlation(truth, seen), 0.03);
    }

    /**
     * PARTEL plans on the instantaneous gains: with fresh knowledge (rounds of one block) the plan
     * keeps its promise, outdated by 30 ms it does not, while the links the rounds run on stay the
     * true ones. FEEL and async MEL plan on ergodic rates, which small-scale ageing leaves alone.
     */
    @Test
    void outdatedKnowledgeBreaksInstantaneousPlansOnly() throws Exception {
        String pinned = MOBILITY + "  coherenceTime: 100 s\n";
        RunResult fresh = new Simulation(Catalog.standard()).run(load("partel-fig5a.yaml", "  devicePower:",
                pinned + "  devicePower:").withRounds(4));
        RunResult old = new Simulation(Catalog.standard()).run(load("partel-fig5a.yaml", "  devicePower:",
                pinned + "  csiAge: 30 ms\n  devicePower:").withRounds(4));
        double[] promised = column(fresh.rounds(), "planned_latency_s");
        double[] kept = column(fresh.rounds(), "realised_latency_s");
        for (int i = 0; i < promised.length; i++) {
            assertEquals(promised[i], kept[i], 1e-12 * promised[i], "fresh: the promise is kept, round " + (i + 1));
        }
        double[] planned = column(old.rounds(), "planned_latency_s");
        double[] realised = column(old.rounds(), "realised_latency_s");
        for (int i = 0; i < planned.length; i++) {
            assertTrue(Math.abs(planned[i] - realised[i]) > 1e-6 * realised[i], "round " + (i + 1)
                    + " planned on outdated gains: " + planned[i] + " s vs " + realised[i] + " s");
        }
        assertArrayEquals(column(fresh.devices(), "gain_up"), column(old.devices(), "gain_up"), "the true links");
        for (String file : new String[] {"async-fig2.yaml"}) {
            RunResult a = new Simulation(Catalog.standard()).run(load(file, "  devicePower:", pinned
                    + "  devicePower:").withRounds(2));
            RunResult b = new Simulation(Catalog.standard()).run(load(file, "  devicePower:", pinned
                    + "  csiAge: 30 ms\n  devicePower:").withRounds(2));
            assertEquals(a.devices().rows(), b.devices().rows(), file + ": ergodic plans do not see the age");
        }
    }
}
