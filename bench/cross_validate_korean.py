"""Choose how the Korean lexicon is learned by five-fold cross-validation on the build rows alone.

One random tenth of the rows (about 3,900 movie reviews) moves by ±0.6 points from one draw to
another, more than most choices of how to learn (which rows, how features weigh, the penalty) change
it. Here every build row is scored once, by a regression learned on the other four fifths (a review's
negated rewrite always in the same fifth as the review), so a choice is judged on all 39,000 movie
reviews; the held-out rows of `bench/bench_korean.py` are never read. What is printed is the
regression's own sign (no hand-written word), for the movie reviews, the product reviews and the
product reviews' rewrites.

Run: .venv/bin/python bench/cross_validate_korean.py [--product-weight 4] [--min-count 3]
     [--strength 0.1] [--scale C3=2 ...]   (feature groups: CH, C3, SB, pairs, morphemes)
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402

from build_korean_lexicon import (  # noqa: E402
    MIN_COUNT, PRODUCT_WEIGHT, STRENGTH, featurised, fit, negated, split, to_matrix)

FOLDS = 5
SEED = 20261204  # which fold each review falls in
KINDS = ("movie reviews", "product reviews", "product rewrites")


def feature_group(key: str) -> str:
    for suffix in ("/CH", "/C3", "/SB"):
        if key.endswith(suffix):
            return suffix[1:]
    return "pairs" if "+" in key else "morphemes"


def build_rows() -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """The build rows as `learn` reads them: texts, labels, kind (index into KINDS) and the review each
    row comes from (a rewrite shares its review's)."""
    parts = split()
    movies, products = parts["build_movies"], parts["build_products"]
    rewrites = [(i, new, 1 - y) for i, (text, y) in enumerate(products) if (new := negated(text))]
    texts = [t for t, _ in movies] + [t for t, _ in products] + [t for _, t, _ in rewrites]
    labels = [y for _, y in movies] + [y for _, y in products] + [y for _, _, y in rewrites]
    kinds = [0] * len(movies) + [1] * len(products) + [2] * len(rewrites)
    source = list(range(len(movies) + len(products))) + [len(movies) + i for i, _, _ in rewrites]
    return texts, np.array(labels, float), np.array(kinds), np.array(source)


def cross_validated(counted, labels, kinds, source, product_weight: float, min_count: int, strength: float,
                    scales: dict[str, float]) -> dict[str, float]:
    seen: dict[str, int] = {}
    for row in counted:
        for key in row:
            seen[key] = seen.get(key, 0) + 1
    keys = sorted(key for key, n in seen.items() if n >= min_count)
    index = {key: i for i, key in enumerate(keys)}
    column_scale = sparse.diags([scales.get(feature_group(key), 1.0) for key in keys] + [1.0])
    matrix = sparse.csr_matrix(to_matrix(counted, index) @ column_scale)
    weights = np.where(kinds == 0, 1.0, product_weight)
    fold = np.random.default_rng(SEED).integers(0, FOLDS, source.max() + 1)[source]
    right = np.zeros(len(labels), bool)
    for held in range(FOLDS):
        learned = fold != held
        w = fit(matrix[learned], labels[learned], weights[learned], strength * len(labels) / 1000)
        right[~learned] = ((matrix[~learned] @ w) > 0) == (labels[~learned] == 1)
    return {kind: float(right[kinds == k].mean()) for k, kind in enumerate(KINDS)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--product-weight", type=float, default=PRODUCT_WEIGHT)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--strength", type=float, default=STRENGTH)
    parser.add_argument("--scale", action="append", default=[], metavar="GROUP=FACTOR")
    options = parser.parse_args()
    scales = {group: float(factor) for group, factor in (item.split("=") for item in options.scale)}
    texts, labels, kinds, source = build_rows()
    found = cross_validated(featurised(texts), labels, kinds, source, options.product_weight, options.min_count,
                            options.strength, scales)
    print(f"{FOLDS}-fold, {len(texts)} build rows: " + ", ".join(f"{kind} {share:.4f}" for kind, share in found.items()))


if __name__ == "__main__":
    main()
