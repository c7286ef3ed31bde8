"""Read edgesim's results with pandas and redraw PARTEL's Fig. 5a with matplotlib.

From a sweep of scenarios/partel-fig5a.yaml it
  * loads points.csv (one row per bandwidth, scheduler and replication), groups it by
    (radio.bandwidth, scheduler) and computes the mean of realised_latency_s_mean with a
    t-based 95% confidence interval (mean +- t(0.975, n-1) sd / sqrt(n), its lower end clipped
    at 0, as summary.csv does: a latency is never negative);
  * checks those means and intervals against edgesim's own summary.csv to 1e-9 relative and
    exits with 1 if they differ (a changed file format fails here rather than in a paper);
  * draws latency against bandwidth (MHz), one line per scheduler with its 95% error bars,
    to a PNG;
  * prints paired.csv's differences from the reference scheduler (paired by replication) at
    each bandwidth, with their 95% intervals.
With --run it also reads one run's folder (manifest.json, rounds.csv, devices.csv) and prints
each round's latency and the devices' mean energy.

Debian's Python, with python3-pandas and python3-matplotlib, from the repository root:

    /usr/bin/python3 examples/python/results.py                # runs the --quick sweep (~5 s)
    /usr/bin/python3 examples/python/results.py RESULT_DIR     # a finished sweep of partel-fig5a
    /usr/bin/python3 examples/python/results.py --run RUN_DIR --out fig5a.png

RESULT_DIR comes from `./edgesim run scenarios/partel-fig5a.yaml --out RESULT_DIR`, RUN_DIR from
a single run (`./edgesim run scenarios/partel-baseline.yaml --out RUN_DIR`). The files and their
columns: docs/guide/python-results.md.
"""

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless: no display needed
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "scenarios/partel-fig5a.yaml"
X = "radio.bandwidth"  # the swept parameter, in Hz (SI units in every CSV)
Y = "realised_latency_s_mean"  # per run: realised_latency_s averaged over its rounds
RTOL = 1e-9
# Colour (Okabe-Ito), marker and dash per scheduler, in the study's order, as edgesim draws them.
STYLES = [("#0072B2", "s", "--"), ("#E69F00", "^", ":"), ("#009E73", "D", "-."),
          ("#D55E00", "o", "-")]


def t_quantile_975(df):
    """97.5% quantile of Student's t with df degrees of freedom (no SciPy needed).

    Bisection on P(|T| < t), summed exactly for integer df (Abramowitz & Stegun 26.7.3-4).
    """
    def central(t):
        theta = math.atan(t / math.sqrt(df))
        c2, term, total = math.cos(theta) ** 2, 1.0, 1.0
        if df % 2 == 0:
            for k in range(1, df // 2):
                term *= c2 * (2 * k - 1) / (2 * k)
                total += term
            return math.sin(theta) * total
        for k in range(1, (df - 1) // 2):
            term *= c2 * (2 * k) / (2 * k + 1)
            total += term
        extra = math.sin(theta) * math.cos(theta) * total if df > 1 else 0.0
        return 2 / math.pi * (theta + extra)

    low, high = 0.0, 1000.0
    for _ in range(100):
        mid = (low + high) / 2
        low, high = (mid, high) if central(mid) < 0.95 else (low, mid)
    return (low + high) / 2


def mean_ci(points):
    """n, mean, sd and t-based 95% interval of Y per (bandwidth, scheduler), in file order."""
    stats = (points.groupby([X, "scheduler"], sort=False)[Y]
             .agg(n="count", mean="mean", sd="std").reset_index())
    t = stats["n"].map(lambda n: t_quantile_975(n - 1) if n > 1 else math.nan)
    half = t * stats["sd"] / np.sqrt(stats["n"])
    # As summary.csv: the interval clipped to the values the column can take (a latency's, at least 0).
    stats["ci95_low"], stats["ci95_high"] = (stats["mean"] - half).clip(lower=0), stats["mean"] + half
    return stats


def check_against_summary(stats, summary):
    """Number of groups whose n, mean or interval differs from summary.csv (0: all agree)."""
    theirs = summary[summary["metric"] == Y]
    both = stats.merge(theirs, on=[X, "scheduler"], how="outer",
                       suffixes=("", "_edgesim"), indicator=True)
    bad = both["_merge"] != "both"
    bad |= both["n"] != both["n_edgesim"]
    for col in ["mean", "ci95_low", "ci95_high"]:  # |ours - edgesim's| <= RTOL |edgesim's|
        bad |= ~np.isclose(both[col], both[col + "_edgesim"], rtol=RTOL, atol=0.0)
    if bad.any():
        print(f"MISMATCH with summary.csv ({Y}) in {bad.sum()} of {len(both)} groups:",
              file=sys.stderr)
        cols = [X, "scheduler", "n", "n_edgesim", "mean", "mean_edgesim", "_merge"]
        print(both.loc[bad, cols].to_string(index=False, float_format="%.15g"), file=sys.stderr)
    return int(bad.sum())


def draw(stats, names, path):
    """Latency vs bandwidth in MHz, one line with 95% error bars per scheduler."""
    fig, ax = plt.subplots(figsize=(7, 4.8))
    for i, (scheduler, s) in enumerate(stats.groupby("scheduler", sort=False)):
        colour, marker, dash = STYLES[i % len(STYLES)]
        ax.errorbar(s[X] / 1e6, s["mean"],
                    yerr=[s["mean"] - s["ci95_low"], s["ci95_high"] - s["mean"]],
                    label=names.get(scheduler, scheduler), color=colour, marker=marker,
                    linestyle=dash, markersize=5, capsize=3, linewidth=1.4)
    ax.set_xlabel("bandwidth (MHz)")
    ax.set_ylabel("expected one-round latency (s)")
    n = stats["n"].min() if stats["n"].nunique() == 1 else f"{stats['n'].min()}-{stats['n'].max()}"
    ax.set_title(f"PARTEL Fig. 5a, redrawn from points.csv\n"
                 f"mean over {n} drops per point, t-based 95% confidence intervals", fontsize=11)
    ax.set_xticks(sorted(stats[X].unique() / 1e6))
    ax.grid(True, alpha=0.3)
    ax.legend(frameon=False)
    fig.tight_layout()
    fig.savefig(path, dpi=150)
    plt.close(fig)


def print_paired(paired):
    """paired.csv for Y: scheduler minus reference, mean [95% CI] per bandwidth (s)."""
    rows = paired[paired["metric"] == Y].copy()
    rows["cell"] = [f"{m:+.3f} [{lo:+.3f}, {hi:+.3f}]" for m, lo, hi
                    in zip(rows["mean_difference"], rows["ci95_low"], rows["ci95_high"])]
    rows["bandwidth (MHz)"] = rows[X] / 1e6
    table = rows.pivot(index="bandwidth (MHz)", columns="scheduler", values="cell")
    table = table[list(pd.unique(rows["scheduler"]))]  # keep the study's scheduler order
    table.index = table.index.map("{:g}".format)
    reference = ", ".join(pd.unique(rows["reference"]))
    print(f"\nPaired differences of {Y} from {reference} (s), mean [95% CI], from paired.csv:")
    print(table.to_string())


def show_run(folder):
    """One run: its manifest, rounds.csv and devices.csv, per round."""
    manifest = json.loads((folder / "manifest.json").read_text())
    rounds = pd.read_csv(folder / "rounds.csv")
    devices = pd.read_csv(folder / "devices.csv")
    units = {c["column"]: c["unit"] for c in manifest["files"]["rounds.csv"]}
    print(f"\nRun {folder}: {manifest['protocol']} / {manifest['scheduler']}, "
          f"seed {manifest['seed']}, {manifest['rounds']} round(s)")
    print(f"rounds.csv {rounds.shape[0]} rows x {rounds.shape[1]} columns; "
          f"devices.csv {devices.shape[0]} rows x {devices.shape[1]} columns "
          f"({devices['device'].nunique()} devices); "
          f"realised_latency_s in {units['realised_latency_s']!r}")
    # Energy per device and round: computing plus radio (NaN when the scenario has no energy model).
    devices["energy_J"] = devices["compute_energy_J"] + devices["radio_energy_J"]
    per_round = rounds[["round", "scheduler", "realised_latency_s", "energy_J"]].merge(
        devices.groupby("round")["energy_J"].mean().rename("mean_device_energy_J"), on="round")
    print(per_round.to_string(index=False))
    if per_round["mean_device_energy_J"].isna().all():
        print("(energy is NaN: the scenario has no energy model)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="?", type=Path,
                        help=f"a sweep's results folder (default: run {SCENARIO} --quick)")
    parser.add_argument("--run", type=Path, help="also read a single run's folder")
    parser.add_argument("--out", type=Path, default=Path("fig5a-from-python.png"),
                        help="PNG to write (default: %(default)s)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.results
        if folder is None:
            folder = Path(tmp) / "partel-fig5a"
            print(f"Running ./edgesim run {SCENARIO} --quick --out {folder} -q")
            subprocess.run([str(ROOT / "edgesim"), "run", SCENARIO, "--quick",
                            "--out", str(folder), "-q"], cwd=ROOT, check=True)
        points = pd.read_csv(folder / "points.csv")
        summary = pd.read_csv(folder / "summary.csv") if (folder / "summary.csv").exists() else None
        paired = pd.read_csv(folder / "paired.csv") if (folder / "paired.csv").exists() else None
        study = json.loads((folder / "study.json").read_text())

    print(f"points.csv: {len(points)} rows = {points[X].nunique()} bandwidths x "
          f"{points['scheduler'].nunique()} schedulers x {points['replication'].nunique()} "
          f"replications")
    stats = mean_ci(points)
    names = {}
    for figure in study["scenario"].get("figures", []):
        names.update(figure.get("seriesNames", {}))
    draw(stats, names, args.out)
    print(f"Wrote {args.out}")

    failures = 0
    if summary is None:
        print("No summary.csv: means not checked")
    else:
        failures = check_against_summary(stats, summary)
        if not failures:
            print(f"{len(stats)} means and 95% intervals agree with summary.csv "
                  f"(relative tolerance {RTOL:g})")
    if paired is not None:
        print_paired(paired)
    if args.run is not None:
        show_run(args.run)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
