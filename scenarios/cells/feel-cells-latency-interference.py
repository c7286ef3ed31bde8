#!/usr/bin/env python3
"""The estimate behind cells-feel-reuse1-interference-limited (feel-cells-latency.yaml), computed
apart from the simulator: under reuse 1 on 7 hexagonal cells (inter-site distance 500 m), the mean
over the cells of the interference density their uplinks hear, W/Hz,

    I_c / W = (P / W) sum_{j != c} mean over x in hexagon H_j of g(|x - s_c|),

each other cell radiating one device's P = 28 dBm on average (its TDMA slots fill its frame) from a
point uniform in its hexagon, g the urban-macro mean path gain 10^-(12.81 + 3.76 log10 d[km]),
W = 10 MHz, every neighbour uploading during the whole of the cell's upload. Needs numpy."""
import numpy as np

ISD = 500.0
R = ISD / np.sqrt(3)  # the hexagon's circumradius, the scenario's cell radius 288.675 m
AXIAL = [(0, 0), (1, 0), (0, 1), (-1, 1), (-1, 0), (0, -1), (1, -1)]  # centre, then the first ring
SITES = [np.array([ISD * (q + r / 2.0), ISD * r * np.sqrt(3) / 2]) for q, r in AXIAL]
P_W = 10 ** (28 / 10) / 1000
W_HZ = 10e6


def gain(d_m):
    return 10 ** (-(128.1 + 37.6 * np.log10(d_m / 1000)) / 10)


def hexagon(step_m=1.0):
    """Grid points (step_m apart) of the hexagon around the origin: nearer it than any neighbour site."""
    xs = np.arange(-R, R, step_m) + step_m / 2
    x, y = np.meshgrid(xs, xs)
    pts = np.stack([x.ravel(), y.ravel()], 1)
    d0 = np.hypot(pts[:, 0], pts[:, 1])
    inside = np.ones(len(pts), bool)
    for s in SITES[1:]:
        inside &= np.hypot(pts[:, 0] - s[0], pts[:, 1] - s[1]) > d0
    return pts[inside]


def main():
    h = hexagon()
    per_cell = []
    for c, sc in enumerate(SITES):
        i = sum(P_W * gain(np.hypot(*(h + SITES[j] - sc).T)).mean() for j in range(len(SITES)) if j != c)
        per_cell.append(i / W_HZ)
    print("per cell, W/Hz:", " ".join(f"{v:.3g}" for v in per_cell))
    print(f"mean over the 7 cells: {np.mean(per_cell):.3g} W/Hz; band x3: [{np.mean(per_cell) / 3:.2g},"
          f" {np.mean(per_cell) * 3:.2g}]")


if __name__ == "__main__":
    main()
