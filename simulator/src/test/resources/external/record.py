"""Runs an example scheduler (its plan function) and logs every line exchanged, for the tests.

python3 record.py LOG SCHEDULER.py: requests and answers are appended to LOG in the order they pass.
"""
import importlib.util
import os
import sys

log_path, twin = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(os.path.abspath(twin)))
from edgesim_scheduler import serve  # noqa: E402

spec = importlib.util.spec_from_file_location("twin", twin)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)


class Tee:
    def __init__(self, stream, log):
        self.stream, self.log = stream, log

    def __iter__(self):
        for line in self.stream:
            self.log.write(line)
            self.log.flush()
            yield line

    def write(self, text):
        self.log.write(text)
        self.stream.write(text)

    def flush(self):
        self.log.flush()
        self.stream.flush()


with open(log_path, "a", encoding="utf-8") as log:
    serve(module.plan, stdin=Tee(sys.stdin, log), stdout=Tee(sys.stdout, log))
