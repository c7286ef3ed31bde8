"""edgesim as a step-by-step environment for learning schedulers, in Gymnasium's shape (standard
library only; when `gymnasium` is importable, EdgesimEnv is a gymnasium.Env with its spaces).

An episode is a run of a scenario in which every round's plan comes from you: reset(seed) gives the
first round's observation, step(plan) runs that round on edgesim's event kernel and gives the next
observation, the round's reward and the round's common columns in `info`. A plan is a dict as an
external scheduler answers it (docs/guide/schedulers-python.md); a plan edgesim refuses raises
ValueError and the round still waits for another; a run that fails raises RuntimeError and the
episode is over. reset() without a seed starts from the file's seed plus the resets so far: a fresh
drop each episode, reproducibly.

Observations are what a scheduler sees (the external-scheduler snapshot), flattened: a dict from
path, with the unit in the name (e.g. "workers.speed_hz"), to a list of floats (numpy arrays when
gymnasium is there), keys in sorted order, shapes fixed by the first reset (observation_space).
Words (e.g. "uplink_noise") are left out; info["snapshot"] holds the snapshot itself, laid out
in rows (lists of objects, as an external scheduler reads it) or columns (objects of lists: half
the bytes); layout "binary", the default, sends the columns' numbers as raw doubles, decoded here
into the same lists (no number printed or parsed: the fastest). The reward is the scenario's (its `environment` section), unless
EdgesimEnv names another: "-latency" (s), "-latency-energy" with lam (s/J), or
"accuracy-gain-per-s" (the test accuracy gained over the round per second of it; info carries
"test_accuracy").

Several environments share one `edgesim serve` process (pass the same Server), so a vectorised
loop pays one JVM.
"""

import array
import base64
import itertools
import json
import math
import os
import subprocess
import sys

try:  # optional: subclass gymnasium.Env when it is there
    import gymnasium
    import numpy
    from gymnasium import spaces
except ImportError:  # pragma: no cover - the standard library is enough
    gymnasium = None
    numpy = None
    spaces = None

__all__ = ["Server", "EdgesimEnv", "flatten"]

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Server:
    """One `edgesim serve` process, answering JSON lines; environments share it."""

    def __init__(self, command=None):
        self._command = command or [os.path.join(ROOT, "edgesim"), "serve"]
        self._proc = subprocess.Popen(self._command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      text=True, bufsize=1)
        self._names = itertools.count()

    def name(self):
        return "env-%d" % next(self._names)

    def request(self, message):
        """Sends one request, returns its reply (a dict)."""
        self._proc.stdin.write(json.dumps(message, allow_nan=False) + "\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError("edgesim serve ended (exit code %s)" % self._proc.poll())
        return json.loads(line)

    def close(self):
        if self._proc.poll() is None:
            self._proc.stdin.close()
            self._proc.wait(timeout=60)
        self._proc.stdout.close()


def decode(value):
    """A snapshot sent in the binary layout with its lists of numbers as lists again ({"f64": base64})."""
    if isinstance(value, dict):
        if len(value) == 1 and "f64" in value:
            numbers = array.array("d", base64.b64decode(value["f64"]))
            if sys.byteorder == "big":
                numbers.byteswap()
            return numbers.tolist()
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def number(value):
    """A snapshot's value as a float: booleans 0/1, null (no value) NaN."""
    return math.nan if value is None else float(value)


def flatten(observation, prefix=""):
    """The snapshot's numbers (booleans as 0/1) as flat lists, by path, keys in sorted order; words left out."""
    out = {}

    def walk(value, path):
        if isinstance(value, dict):
            for key in sorted(value):
                walk(value[key], path + "." + key if path else key)
        elif isinstance(value, list):
            if value and all(isinstance(v, dict) for v in value):
                for key in sorted(value[0]):
                    walk([v[key] for v in value], path + "." + key)
            elif value and all(type(v) is float for v in value):
                out[path] = value  # floats already (the binary layout's): no copy
            elif not any(isinstance(v, str) for v in value):
                numbers = []
                for v in value:
                    if isinstance(v, list):
                        numbers.extend(number(x) for x in v)
                    else:
                        numbers.append(number(v))
                out[path] = numbers
        elif isinstance(value, bool):
            out[path] = [1.0 if value else 0.0]
        elif isinstance(value, (int, float)):
            out[path] = [float(value)]

    walk(observation, prefix)
    return out


_Base = gymnasium.Env if gymnasium is not None else object


class EdgesimEnv(_Base):
    """One environment over a scenario file; reset, step and close as Gymnasium has them."""

    metadata = {"render_modes": []}

    def __init__(self, scenario, reward=None, lam=None, server=None, layout="binary"):
        self._server = server or Server()
        self._own = server is None
        self._name = self._server.name()
        message = {"cmd": "make", "env": self._name, "scenario": scenario, "layout": layout}
        self._binary = layout == "binary"
        if reward is not None:
            message["reward"] = reward
        if lam is not None:
            message["lambda"] = lam
        self._check(self._server.request(message))
        self.observation_space = None  # its shapes are known at the first reset
        self.action_space = None  # a plan dict: its shape is the protocol's (docs/guide/schedulers-python.md)
        self._open = True

    @staticmethod
    def _check(reply):
        if "error" in reply:
            if reply.get("episode_over"):
                raise RuntimeError("the episode failed and is over (reset to start another): " + reply["error"])
            raise ValueError(reply["error"])
        return reply

    def _describe(self, flat):
        shapes = {k: (len(v),) for k, v in flat.items()}
        if spaces is not None:
            self.observation_space = spaces.Dict(
                {k: spaces.Box(-math.inf, math.inf, shape=s, dtype=numpy.float64) for k, s in shapes.items()})
        else:
            self.observation_space = {"type": "Dict", "spaces": {k: {"type": "Box", "shape": s}
                                                                 for k, s in shapes.items()}}

    def _observe(self, snapshot, info):
        """The flat observation (None after the last round); the snapshot itself into info."""
        if self._binary and snapshot is not None:
            snapshot = decode(snapshot)
        info["snapshot"] = snapshot
        if snapshot is None:
            return None
        flat = flatten(snapshot)
        if self.observation_space is None:
            self._describe(flat)
        if spaces is not None:
            flat = {k: numpy.asarray(v, dtype=numpy.float64) for k, v in flat.items()}
        return flat

    def reset(self, seed=None, options=None):
        """A new episode; (observation, info)."""
        message = {"cmd": "reset", "env": self._name}
        if seed is not None:
            message["seed"] = int(seed)
        reply = self._check(self._server.request(message))
        info = reply["info"]
        return self._observe(reply["observation"], info), info

    def step(self, action):
        """The round's plan; (observation, reward, terminated, truncated, info)."""
        reply = self._check(self._server.request({"cmd": "step", "env": self._name, "plan": action}))
        info = reply["info"]
        return (self._observe(reply["observation"], info), float(reply["reward"]), bool(reply["terminated"]),
                bool(reply["truncated"]), info)

    def close(self):
        if self._open:
            self._open = False
            try:
                self._check(self._server.request({"cmd": "close", "env": self._name}))
            finally:
                if self._own:
                    self._server.close()
