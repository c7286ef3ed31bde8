"""edgesim's external-scheduler protocol as a Python function (standard library only).

edgesim starts the scheduler's command once per run and, every round, writes one JSON line to its
standard input:

    {"protocol": "partel", "round": 1, "snapshot": {...}}

and reads the plan back as one JSON line from its standard output. `serve(plan)` does the loop:
`plan(snapshot)` returns the plan as a dict (numpy numbers are fine: they are converted). Write
diagnostics to standard error, never to standard output. The snapshot's and the plan's fields, with
their units, are listed in docs/guide/schedulers-python.md and docs/reference/snapshots.md.
"""

import json
import math
import sys

__all__ = ["serve", "largest_remainder"]


def _plain(value):
    """Lists, dicts and numbers json can write (numpy arrays and scalars included)."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def serve(plan, stdin=None, stdout=None):
    """Answers every request line on stdin with plan(snapshot) as a JSON line on stdout.

    plan may take one argument (the snapshot) or three (snapshot, protocol, round).
    """
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    try:
        takes_all = plan.__code__.co_argcount >= 3
    except AttributeError:
        takes_all = False
    for line in stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        snapshot = request["snapshot"]
        answer = plan(snapshot, request["protocol"], request["round"]) if takes_all else plan(snapshot)
        stdout.write(json.dumps(_plain(answer), allow_nan=False) + "\n")
        stdout.flush()


def largest_remainder(weights, total, minimum=1):
    """Integers proportional to weights that sum to total, each at least minimum.

    The largest-remainder (Hamilton) method, as edgesim's own Apportion: floors of the quotas, the
    leftover units to the largest fractional parts (ties to the lower index), then parts below the
    minimum raised one unit at a time from the currently largest part.
    """
    n = len(weights)
    if n == 0 or total < minimum * n:
        raise ValueError("cannot give %d parts at least %d each out of %d" % (n, minimum, total))
    s = 0.0
    for w in weights:
        s += w
    parts = []
    remainder = []
    given = 0
    for w in weights:
        quota = total * (w / s)
        p = math.floor(quota)
        parts.append(p)
        remainder.append(quota - p)
        given += p
    left = total - given
    while left != 0:
        if left > 0:
            best = _arg_max(remainder)
            parts[best] += 1
            remainder[best] = -math.inf
            left -= 1
        else:
            parts[_arg_max(parts)] -= 1
            left += 1
    for i in range(n):
        while parts[i] < minimum:
            parts[_arg_max(parts)] -= 1
            parts[i] += 1
    return parts


def _arg_max(values):
    best = 0
    for i in range(1, len(values)):
        if values[i] > values[best]:
            best = i
    return best
