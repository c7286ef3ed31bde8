"""A scheduler that learns: REINFORCE on PARTEL's bandwidth shares, in edgesim's step environment.

The policy keeps the baseline's blocks (proportional to each group's computation capability) and
learns how to share the band: worker k gets a share proportional to exp(theta . phi_k), with
phi_k = (log of its upload time at an equal share, log of its computation time), each centred on
the round's mean; theta = 0 is the baseline's equal shares. Exploration is on the parameters
(theta ~ N(mu, sigma^2) per episode) and mu follows REINFORCE's gradient of the episode's return
(the rounds' latencies, negated) against a running baseline. Clock only: no model is trained.

It ends by comparing the mean round latency of the learned policy (theta = mu) on held-out seeds
with the built-in `baseline` (the same seeds through the environment: its plans are the baseline's
Python twin) and `joint-paba` (edgesim run with each seed), and writes its learning curve as CSV
(with --chart also drawn by `edgesim chart`).

    python3 examples/python/reinforce_partel.py [--episodes 120] [--curve reinforce-curve.csv] [--chart]

numpy from Debian's python3-numpy.
"""

import argparse
import csv
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from edgesim_env import ROOT, EdgesimEnv  # noqa: E402
from partel_baseline import plan_from_observation as baseline_plan  # noqa: E402

SCENARIO = os.path.join(HERE, "partel-baseline-python.yaml")


def features(obs, blocks):
    """Per worker: log upload time at an equal share and log computation time, centred."""
    n = len(obs["workers.speed_hz"])
    block = np.asarray(blocks, dtype=float)[np.asarray(obs["workers.group"], dtype=int)]
    up = np.log(obs["bits_per_gradient"][0] * block
                / (obs["bandwidth_hz"][0] / n * np.asarray(obs["workers.up_efficiency_bit_per_s_per_hz"])))
    comp = np.log(obs["cycles_per_parameter_per_sample"][0] * np.asarray(obs["workers.samples"]) * block
                  / np.asarray(obs["workers.speed_hz"]))
    phi = np.array([up, comp]).T
    return phi - phi.mean(axis=0)


def policy(obs, theta):
    blocks = baseline_plan(obs)["blocks"]
    logits = features(obs, blocks) @ theta
    weights = np.exp(logits - logits.max())
    # A floor keeps every worker's share positive (each must upload its block).
    shares = 0.999 * weights / weights.sum() + 0.001 / len(weights)
    return {"blocks": blocks, "shares": shares.tolist()}


def episode(env, seed, plan):
    """The episode's round latencies under plan(snapshot)."""
    obs, _ = env.reset(seed=seed)
    latencies = []
    while True:
        obs, reward, terminated, truncated, _ = env.step(plan(obs))
        latencies.append(-reward)
        if terminated or truncated:
            return latencies


def joint_paba(seeds):
    """The built-in joint-paba's mean round latency over the seeds (edgesim run)."""
    with tempfile.TemporaryDirectory() as out:
        with open(SCENARIO) as f:
            text = f.read().replace("scheduler: python-baseline", "scheduler: joint-paba")
        yaml = os.path.join(out, "joint.yaml")
        with open(yaml, "w") as f:
            f.write(text)
        means = []
        for seed in seeds:
            folder = os.path.join(out, "s%d" % seed)
            subprocess.run([os.path.join(ROOT, "edgesim"), "run", yaml, "--seed", str(seed), "--out", folder, "-q"],
                           check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            with open(os.path.join(folder, "rounds.csv")) as f:
                means.append(np.mean([float(r["realised_latency_s"]) for r in csv.DictReader(f)]))
        return float(np.mean(means))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=120)
    parser.add_argument("--curve", default="reinforce-curve.csv")
    parser.add_argument("--chart", action="store_true", help="also draw the curve (edgesim chart: PNG, SVG, PDF)")
    args = parser.parse_args()
    rng = np.random.default_rng(2024)
    env = EdgesimEnv(SCENARIO)
    mu = np.zeros(2)
    sigma = 0.3
    rate = 0.05
    average, spread = None, 1.0
    curve = []
    for e in range(args.episodes):
        theta = mu + sigma * rng.standard_normal(2)
        latency = float(np.mean(episode(env, 1000 + e, lambda s: policy(s, theta))))
        ret = -latency
        if average is None:
            average = ret
        advantage = float(np.clip((ret - average) / spread, -3, 3))
        mu = mu + rate * advantage * (theta - mu) / sigma
        spread = 0.9 * spread + 0.1 * abs(ret - average)
        average = 0.9 * average + 0.1 * ret
        recent = [c[1] for c in curve[-9:]] + [latency]
        curve.append((e + 1, latency, float(np.mean(recent)), mu[0], mu[1]))
        if (e + 1) % 20 == 0:
            print("episode %d: mean round latency %.4f s, mu = (%.3f, %.3f)" % (e + 1, latency, mu[0], mu[1]),
                  flush=True)
    with open(args.curve, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["episode", "mean_round_latency_s", "moving_average_10_s", "mu_upload", "mu_compute"])
        w.writerows(curve)
    if args.chart:
        subprocess.run([os.path.join(ROOT, "edgesim"), "chart", args.curve, "--x", "episode", "--y",
                        "mean_round_latency_s,moving_average_10_s", "--y-label", "mean round latency (s)",
                        "--title", "REINFORCE on PARTEL's bandwidth shares (K = N = 15): round latency per episode"],
                       check=True, stdout=subprocess.DEVNULL)
    held_out = [1, 2, 3, 4, 5]
    learned = float(np.mean([np.mean(episode(env, s, lambda o: policy(o, mu))) for s in held_out]))
    baseline = float(np.mean([np.mean(episode(env, s, baseline_plan)) for s in held_out]))
    env.close()
    joint = joint_paba(held_out)
    print("held-out seeds %s, mean round latency: learned %.4f s, baseline %.4f s (%.1f%% less), joint-paba %.4f s"
          " (the learned is %.1f%% above it)" % (held_out, learned, baseline, 100 * (1 - learned / baseline), joint,
                                                 100 * (learned / joint - 1)))
    return 0 if learned < 0.95 * baseline else 1


if __name__ == "__main__":
    sys.exit(main())
