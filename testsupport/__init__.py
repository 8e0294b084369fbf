"""Test data and helpers the tests import as a package: the fuzz strategies, the checks the
fuzz tests share, the differential test's calls, and what the browser tests, the engine tests
and the benchmark share (the tests' server, the engines' drivers, Lighthouse, the command
line's estimate) (README, "Layout"). Never shipped: the wheel holds ``checker`` only.
"""
