"""Steps per second of edgesim's step environment with one Python client over the pipe: PARTEL's
default set-up (K = N = 15, clock only), the baseline's plans, observations in the binary layout;
where a step's time goes (the client's planning, its JSON, edgesim's side: the round, its JSON and
the pipe). Run by `edgesim bench env` when python3 is there, or alone:

    python3 examples/python/bench_env.py [--episodes 40] [--layout binary|columns|rows]
"""

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from edgesim_env import EdgesimEnv, Server  # noqa: E402
from partel_baseline import plan_from_observation  # noqa: E402

SCENARIO = os.path.join(HERE, "partel-baseline-python.yaml")


class TimedServer(Server):
    """A server that adds up the seconds spent encoding, waiting for edgesim and decoding."""

    def __init__(self):
        super().__init__()
        self.encode = self.wait = self.decode = 0.0

    def request(self, message):
        a = time.perf_counter()
        line = json.dumps(message, allow_nan=False) + "\n"
        b = time.perf_counter()
        self._proc.stdin.write(line)
        self._proc.stdin.flush()
        reply = self._proc.stdout.readline()
        c = time.perf_counter()
        if not reply:
            raise RuntimeError("edgesim serve ended (exit code %s)" % self._proc.poll())
        out = json.loads(reply)
        d = time.perf_counter()
        self.encode += b - a
        self.wait += c - b
        self.decode += d - c
        return out


def run(env, episodes, first_seed):
    steps, planning = 0, 0.0
    for e in range(episodes):
        obs, _ = env.reset(seed=first_seed + e)
        done = False
        while not done:
            a = time.perf_counter()
            plan = plan_from_observation(obs)
            planning += time.perf_counter() - a
            obs, _, terminated, truncated, _ = env.step(plan)
            steps += 1
            done = terminated or truncated
    return steps, planning


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=40)
    parser.add_argument("--layout", default="binary", choices=["binary", "columns", "rows"])
    args = parser.parse_args()
    server = TimedServer()
    env = EdgesimEnv(SCENARIO, server=server, layout=args.layout)
    run(env, 10, 1000)  # warm: the JIT compiles edgesim's round
    server.encode = server.wait = server.decode = 0.0
    start = time.perf_counter()
    steps, planning = run(env, args.episodes, 0)
    seconds = time.perf_counter() - start
    env.close()
    server.close()
    flatten = seconds - planning - server.encode - server.wait - server.decode
    print("step environment, PARTEL K = N = 15, clock only, one Python client over the pipe (%s): %d steps in %.2f s"
          " = %.0f steps/s; per step %.3f ms: edgesim's side %.3f (the round, its JSON, the pipe), the client's"
          " JSON %.3f, flattening %.3f, planning %.3f" % (
              args.layout, steps, seconds, steps / seconds, 1e3 * seconds / steps, 1e3 * server.wait / steps,
              1e3 * (server.encode + server.decode) / steps, 1e3 * flatten / steps, 1e3 * planning / steps))


if __name__ == "__main__":
    main()
