"""A hand-written check of Gymnasium's contract for EdgesimEnv (standard library only), on PARTEL's
default set-up driven by the baseline's plans: types and shapes, determinism under the same seed,
a refused plan is an error and the environment stays usable, environments on one server apart, and
the rewards are the built-in baseline's realised latencies. Run by .ci/run:

    python3 examples/python/test_edgesim_env.py
"""

import csv
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from edgesim_env import ROOT, EdgesimEnv, Server, flatten  # noqa: E402
from partel_baseline import plan  # noqa: E402

SCENARIO = os.path.join(HERE, "partel-baseline-python.yaml")


def episode(env, seed, rounds=3):
    obs, info = env.reset(seed=seed)
    rewards = []
    for _ in range(rounds):
        obs, reward, terminated, truncated, info = env.step(plan(obs))
        rewards.append(reward)
    return rewards


class ContractTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_types_shapes_and_determinism(self):
        env = EdgesimEnv(SCENARIO, server=self.server)
        obs, info = env.reset(seed=3)
        self.assertIsInstance(obs, dict)
        self.assertIsInstance(info, dict)
        self.assertEqual(info["round"], 1)
        flat = flatten(obs)
        self.assertEqual(len(flat["workers.speed_hz"]), 225)
        self.assertEqual(list(flat), sorted(flat))
        self.assertIsNotNone(env.observation_space)
        result = env.step(plan(obs))
        self.assertEqual(len(result), 5)
        nxt, reward, terminated, truncated, info = result
        self.assertIsInstance(reward, float)
        self.assertIsInstance(terminated, bool)
        self.assertIsInstance(truncated, bool)
        self.assertEqual(info["round"], 1)
        self.assertEqual(reward, -info["realised_latency_s"])
        self.assertEqual(nxt["round"], 2)
        self.assertEqual(episode(env, 3), episode(env, 3))
        self.assertNotEqual(episode(env, 3), episode(env, 4))
        env.close()

    def test_a_refused_plan_is_an_error_and_the_round_waits(self):
        env = EdgesimEnv(SCENARIO, server=self.server)
        plain = episode(env, 5)
        obs, _ = env.reset(seed=5)
        with self.assertRaises(ValueError):
            env.step({"blocks": [1], "shares": [1.0]})
        rewards = []
        for _ in range(3):
            obs, reward, *_ = env.step(plan(obs))
            rewards.append(reward)
        self.assertEqual(rewards, plain, "the refused plan changed nothing")
        env.close()

    def test_environments_on_one_server_are_apart(self):
        a = EdgesimEnv(SCENARIO, server=self.server)
        b = EdgesimEnv(SCENARIO, server=self.server)
        alone_a, alone_b = episode(a, 7), episode(b, 8)
        oa, _ = a.reset(seed=7)
        ob, _ = b.reset(seed=8)
        ra, rb = [], []
        for _ in range(3):
            oa, r, *_ = a.step(plan(oa))
            ra.append(r)
            ob, r, *_ = b.step(plan(ob))
            rb.append(r)
        self.assertEqual((ra, rb), (alone_a, alone_b))
        a.close()
        b.close()

    def test_rewards_are_the_built_in_baselines_latencies(self):
        env = EdgesimEnv(SCENARIO, server=self.server)
        rewards = episode(env, 20200310)
        env.close()
        with tempfile.TemporaryDirectory() as out:
            with open(SCENARIO) as f:
                text = f.read().replace("scheduler: python-baseline", "scheduler: baseline")
            yaml = os.path.join(out, "baseline.yaml")
            with open(yaml, "w") as f:
                f.write(text)
            subprocess.run([os.path.join(ROOT, "edgesim"), "run", yaml, "--rounds", "3", "--out",
                            os.path.join(out, "run"), "-q"], check=True, cwd=ROOT)
            with open(os.path.join(out, "run", "rounds.csv")) as f:
                realised = [float(r["realised_latency_s"]) for r in csv.DictReader(f)]
        self.assertEqual(rewards, [-x for x in realised])


if __name__ == "__main__":
    unittest.main()
