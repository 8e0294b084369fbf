"""The benchmark (scripts/bench) and its goals (goals.py), written once."""
