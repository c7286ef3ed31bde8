"""A hand-written check of Gymnasium's contract for EdgesimEnv (standard library only), on PARTEL's
default set-up driven by the baseline's plans: types and shapes, determinism under the same seed,
a refused plan is an error and the environment stays usable, environments on one server apart, and
the rewards are the built-in baseline's realised latencies; observations laid out in rows, in
columns and in binary are the same numbers. Run by .ci/run:

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
from partel_baseline import plan, plan_from_observation as baseline  # noqa: E402

SCENARIO = os.path.join(HERE, "partel-baseline-python.yaml")


def episode(env, seed, rounds=3):
    """The rewards of the baseline's plans."""
    obs, info = env.reset(seed=seed)
    rewards = []
    for _ in range(rounds):
        obs, reward, terminated, truncated, info = env.step(baseline(obs))
        rewards.append(reward)
    return rewards


class ContractTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def shapes(self, env, obs):
        """The observation's keys and shapes, checked against the observation space."""
        space = env.observation_space
        spaces = space.spaces if hasattr(space, "spaces") else space["spaces"]
        shapes = {k: (len(v),) for k, v in obs.items()}
        self.assertEqual(list(obs), sorted(obs))
        self.assertEqual(sorted(shapes), sorted(spaces))
        for k, s in shapes.items():
            self.assertEqual(s, tuple(spaces[k].shape if hasattr(spaces[k], "shape") else spaces[k]["shape"]), k)
        for v in obs.values():
            self.assertTrue(all(isinstance(float(x), float) for x in v))
        return shapes

    def test_types_shapes_and_determinism(self):
        env = EdgesimEnv(SCENARIO, server=self.server)
        obs, info = env.reset(seed=3)
        self.assertIsInstance(obs, dict)
        self.assertIsInstance(info, dict)
        self.assertEqual(info["round"], 1)
        self.assertEqual(len(obs["workers.speed_hz"]), 225)
        self.assertNotIn("uplink_noise", obs, "words are left out")
        self.assertEqual(info["snapshot"]["uplink_noise"], "equal-share")
        first = self.shapes(env, obs)
        result = env.step(baseline(obs))
        self.assertEqual(len(result), 5)
        nxt, reward, terminated, truncated, info = result
        self.assertIsInstance(reward, float)
        self.assertIsInstance(terminated, bool)
        self.assertIsInstance(truncated, bool)
        self.assertEqual(info["round"], 1)
        self.assertEqual(reward, -info["realised_latency_s"])
        self.assertEqual(list(nxt["round"]), [2.0])
        self.assertEqual(self.shapes(env, nxt), first, "shapes fixed through the episode")
        self.assertEqual(episode(env, 3), episode(env, 3))
        self.assertNotEqual(episode(env, 3), episode(env, 4))
        env.close()

    def test_rows_columns_and_binary_give_the_same_observation(self):
        by_rows = EdgesimEnv(SCENARIO, server=self.server, layout="rows")
        by_columns = EdgesimEnv(SCENARIO, server=self.server, layout="columns")
        by_bytes = EdgesimEnv(SCENARIO, server=self.server, layout="binary")
        a, info = by_rows.reset(seed=9)
        b, _ = by_columns.reset(seed=9)
        c, _ = by_bytes.reset(seed=9)
        self.assertIsInstance(info["snapshot"]["workers"], list)
        self.assertEqual({k: list(v) for k, v in a.items()}, {k: list(v) for k, v in b.items()})
        self.assertEqual({k: list(v) for k, v in a.items()}, {k: list(v) for k, v in c.items()})
        self.assertEqual(flatten(info["snapshot"]), {k: list(v) for k, v in a.items()})
        for _ in range(3):
            step = plan(info["snapshot"])
            a, ra, _, _, info = by_rows.step(step)
            b, rb, *_ = by_columns.step(step)
            c, rc, *_ = by_bytes.step(step)
            self.assertEqual(ra, rb)
            self.assertEqual(ra, rc)
            self.assertEqual({k: list(v) for k, v in a.items()}, {k: list(v) for k, v in b.items()})
            self.assertEqual({k: list(v) for k, v in a.items()}, {k: list(v) for k, v in c.items()})
        by_rows.close()
        by_columns.close()
        by_bytes.close()

    def test_a_refused_plan_is_an_error_and_the_round_waits(self):
        env = EdgesimEnv(SCENARIO, server=self.server)
        plain = episode(env, 5)
        obs, _ = env.reset(seed=5)
        with self.assertRaises(ValueError):
            env.step({"blocks": [1], "shares": [1.0]})
        rewards = []
        for _ in range(3):
            obs, reward, *_ = env.step(baseline(obs))
            rewards.append(reward)
        self.assertEqual(rewards, plain, "the refused plan changed nothing")
        env.close()

    def test_environments_on_one_server_are_apart(self):
        a, b = EdgesimEnv(SCENARIO, server=self.server), EdgesimEnv(SCENARIO, server=self.server)
        alone_a, alone_b = episode(a, 7), episode(b, 8)
        oa, _ = a.reset(seed=7)
        ob, _ = b.reset(seed=8)
        ra, rb = [], []
        for _ in range(3):
            oa, r, *_ = a.step(baseline(oa))
            ra.append(r)
            ob, r, *_ = b.step(baseline(ob))
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
