"""FEEL's gradient-based baseline in Python, the twin of edgesim's `feel-full-batch-equal-slots`.

Every device computes a gradient on a full batch of Bmax samples, and every device gets an equal
share Tf / K of each uplink and downlink TDMA frame. edgesim computes the planned times from these
slots, as it does for the built-in.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from edgesim_scheduler import serve  # noqa: E402


def plan(s):
    n = len(s["devices"])
    return {
        "update": "gradient",
        "batches": [s["max_batch"]] * n,
        "slot_up_s": [s["frame_up_s"] / n] * n,
        "slot_down_s": [s["frame_down_s"] / n] * n,
    }


if __name__ == "__main__":
    serve(plan)
