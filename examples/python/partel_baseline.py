"""PARTEL's baseline scheduler in Python, the twin of edgesim's built-in `baseline`.

Blocks proportional to each group's computation capability (the sum of its workers' clock speeds),
rounded to integers that sum to N_p; the band shared equally, 1 / (K N) each. edgesim computes the
planned latency from these decisions, as it does for the built-in.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from edgesim_scheduler import largest_remainder, serve  # noqa: E402


def plan(s):
    capability = [0.0] * s["groups"]
    for w in s["workers"]:
        capability[w["group"]] += w["speed_hz"]
    blocks = largest_remainder(capability, s["model_parameters"], 1)
    n = len(s["workers"])
    return {"blocks": blocks, "shares": [1.0 / n] * n}


def plan_from_observation(obs):
    """The same plan from EdgesimEnv's flat observation (edgesim_env.py)."""
    return plan({"groups": int(obs["groups"][0]), "model_parameters": int(obs["model_parameters"][0]),
                 "workers": [{"group": int(g), "speed_hz": float(v)}
                             for g, v in zip(obs["workers.group"], obs["workers.speed_hz"])]})


if __name__ == "__main__":
    serve(plan)
