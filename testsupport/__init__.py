"""Test data the tests import as a package: the fuzz strategies, the checks the fuzz tests
share, and the differential test's calls (README, "Layout"). Never shipped: the wheel holds
``checker`` only.
"""
