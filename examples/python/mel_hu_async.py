"""Async MEL's heterogeneity-unaware scheduler in Python, the twin of edgesim's `hu-async`.

Equal task allocation: d / K samples each (the first d mod K one more), kept within the bounds;
each learner then does as many local updates as fit in the cycle T, its time being
c2 tau d + c1 d + c0 seconds.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from edgesim_scheduler import serve  # noqa: E402


def updates_that_fit(cycle, learner, samples):
    c2, c1, c0 = learner["c2_s_per_sample_update"], learner["c1_s_per_sample"], learner["c0_s"]
    spare = cycle - c0 - c1 * samples
    if spare < 0:
        raise ValueError("learner %d cannot receive %d samples and return within the cycle" % (learner["index"], samples))
    tau = math.floor(spare / (c2 * samples))
    while tau > 0 and c2 * tau * samples + c1 * samples + c0 > cycle:
        tau -= 1
    return tau


def plan(s):
    n = len(s["learners"])
    d = s["samples"]
    lo, hi = s["min_share_samples"], s["max_share_samples"]
    samples = [max(lo, min(hi, d // n + (1 if k < d % n else 0))) for k in range(n)]
    total = sum(samples)
    while total != d:  # move samples to (or from) the learner with the most room, lowest index first
        room = [hi - x if total < d else x - lo for x in samples]
        best = max(range(n), key=lambda k: (room[k], -k))
        step = min(room[best], abs(d - total))
        samples[best] += step if total < d else -step
        total += step if total < d else -step
    updates = [updates_that_fit(s["cycle_s"], s["learners"][k], samples[k]) for k in range(n)]
    return {"samples": samples, "updates": updates}


if __name__ == "__main__":
    serve(plan)
