#!/usr/bin/env python3
"""Parse floor of the scale benchmark: reads a JSON Lines file line by line and parses each line
with orjson, keeping nothing. What any tool must at least spend to read the inventory.

Usage: floor.py FILE.jsonl
"""
import sys

import orjson


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    lines = 0
    loads = orjson.loads
    with open(sys.argv[1], "rb") as handle:
        for line in handle:
            if line.strip():
                loads(line)
                lines += 1
    print(f"{lines} lines parsed")


if __name__ == "__main__":
    main()
