"""Splits the collected corpus into tune (2/3) and heldout (1/3), stratified by kind, with a fixed seed.

Run once, from this folder, with the collected documents in ./pool (NAME.txt + NAME.json): python3 split.py
The split is committed before any rule is written against the corpus; it is never redone.
"""
import collections
import json
import os
import random
import shutil

SEED = 18
POOL = "pool"

by_kind = collections.defaultdict(list)
for name in sorted(os.listdir(POOL)):
    if name.endswith(".json"):
        with open(os.path.join(POOL, name), encoding="utf-8") as f:
            by_kind[json.load(f)["kind"]].append(name[:-5])

rng = random.Random(SEED)
for kind in sorted(by_kind):
    names = sorted(by_kind[kind])
    rng.shuffle(names)
    held = round(len(names) / 3)
    for i, base in enumerate(names):
        target = "heldout" if i < held else "tune"
        for ext in (".txt", ".json"):
            shutil.move(os.path.join(POOL, base + ext), os.path.join(target, base + ext))
    print(kind, len(names), "heldout", held)
