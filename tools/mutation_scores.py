"""Print the mutation score of each mutated file from `mutmut results --all true`.

A mutant counts as killed when a test failed on it or it timed out (an endless loop is caught);
"survived" and "no tests" both count against the score. Run after `mutmut run` (`make mutation`).
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict

CAUGHT = {"killed", "timeout"}


def main() -> int:
    listing = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    by_module: dict[str, Counter] = defaultdict(Counter)
    for line in listing.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if not sep or "__mutmut_" not in name:
            continue
        module = name.rsplit(".", 1)[0]  # the last part names the mutant
        by_module[module][status] += 1
    if not by_module:
        print("no mutants: run `mutmut run` first")
        return 1
    for module, counts in sorted(by_module.items()):
        total = sum(counts.values())
        caught = sum(counts[s] for s in CAUGHT)
        rest = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s not in CAUGHT)
        left = rest or "none left"
        print(f"{module:35s} {caught / total:6.1%}  {caught}/{total} caught  ({left})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
