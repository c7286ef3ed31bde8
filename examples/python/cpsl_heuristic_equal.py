"""CPSL's speed-sorted clustering with equal subcarriers in Python, the twin of edgesim's
`cpsl-heuristic-equal`.

Devices sorted by compute speed (fastest first, ties to the lower index) and cut into consecutive
clusters; within a cluster of K_m devices each gets floor(C / K_m) subcarriers, the first C mod K_m
one more.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from edgesim_scheduler import serve  # noqa: E402


def plan(s):
    devices = s["devices"]
    size = s["cluster_size"]
    c = s["subcarriers"]
    order = sorted(range(len(devices)), key=lambda k: (-devices[k]["speed_hz"], k))
    clusters = [order[m * size:(m + 1) * size] for m in range(len(devices) // size)]
    x = [0] * len(devices)
    for members in clusters:
        for i, k in enumerate(members):
            x[k] = c // len(members) + (1 if i < c % len(members) else 0)
    return {"clusters": clusters, "subcarriers": x}


if __name__ == "__main__":
    serve(plan)
