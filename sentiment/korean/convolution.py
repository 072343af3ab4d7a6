"""The second reader: a convolution over the text's characters (`korean_syllables.npz`, learned by
`bench/build_korean_syllables.py`), read with numpy alone as tables worked out once per character."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

# A second reader beside the lexicon: a convolution over the text's characters (`bench/build_korean_syllables.py`,
# learned on every development row, as the lexicon is; bench/bench_korean.py reads a sibling learned on the build
# rows alone). Its logit, SYLLABLE_WEIGHT times, joins z where no rule read the text (`_ruled`). Chosen by five-fold
# cross-validation of the build rows (a convolution and a regression learned on four fifths read the fifth): movie
# reviews 0.8502 -> 0.8548 at 0.3 (0.8542 at 0.2, 0.8552 at 0.5), product reviews 0.9505 -> 0.9520, their rewrites
# 0.8455 (0.8440 at 0.5); two convolutions learned from two seeds, their logits averaged, 0.8557 / 0.9520 / 0.8455.
SYLLABLES = Path(__file__).resolve().parent / "korean_syllables.npz"
SYLLABLE_WEIGHT = 0.3


class Syllables(NamedTuple):
    characters: dict[str, int]  # a character's row of the embedding (0 padding, 1 any character not learned)
    kernels: list  # per width: (width, characters, filters) tables of each offset's part, and the filters' bias
    weight: object  # the filters' maxima -> the logit
    bias: float


@lru_cache(maxsize=2)
def syllables(path: Path = SYLLABLES) -> Syllables:
    """The character convolutions (learned alike from several seeds) as one whose filters are theirs side by side
    and whose logit is the mean of theirs, each filter's part of every offset worked out once per character:
    reading a text is then looking rows up and adding them, with no product of matrices."""
    import numpy as np  # here, not above: a scoring process that meets no Korean never loads it

    stored = np.load(path)
    embeddings = stored["embedding"].astype(np.float32)  # members x characters x embedding
    kernels = []
    while f"conv{len(kernels)}.weight" in stored:
        weights = stored[f"conv{len(kernels)}.weight"].astype(np.float32)  # members x filters x embedding x width
        tables = np.stack([np.concatenate([embedding @ weight[:, :, offset].T  # einsum: 0.5 s
                                           for embedding, weight in zip(embeddings, weights)], axis=1)
                           for offset in range(weights.shape[3])])  # the members' filters side by side
        kernels.append((tables, stored[f"conv{len(kernels)}.bias"].astype(np.float32).reshape(-1)))
    members, filters = weights.shape[:2]
    # the maxima come width by width, each width's filters member by member; the members' logits are averaged
    out = stored["out.weight"].astype(np.float32).reshape(members, len(kernels), filters)
    return Syllables({character: row + 2 for row, character in enumerate(stored["characters"].tolist())},
                     kernels, out.transpose(1, 0, 2).reshape(-1) / members, float(stored["out.bias"].mean()))


def syllable_logits(texts: list[str], path: Path = SYLLABLES, batch: int = 32) -> list[float]:
    """The convolution's logit of each text (0 for an empty one), `batch` texts at a time so that its
    tables' rows stay in the cache (32 a batch read review sentences 10% faster than 64, 40% faster than 128), and
    each offset's rows added in place. Each text is followed by the widest window less one of padding, so that its
    last windows read nothing of the next text."""
    import numpy as np

    model = syllables(path)
    padding = [0] * (max(len(tables) for tables, _ in model.kernels) - 1)
    logits: list[float] = []
    for first in range(0, len(texts), batch):
        chunk = texts[first:first + batch]
        rows: list[int] = []
        bounds: list[int] = []
        for text in chunk:
            bounds += [len(rows), len(rows) + max(len(text), 1)]
            rows += [model.characters.get(character, 1) for character in text] + padding
        found = np.array(rows + padding)
        maxima = []
        for tables, bias in model.kernels:
            windows = tables[0][found[:len(rows)]]
            for offset in range(1, len(tables)):
                windows += tables[offset][found[offset:offset + len(rows)]]
            windows += bias
            maxima.append(np.maximum.reduceat(windows, bounds, axis=0)[::2])
        read = np.maximum(np.concatenate(maxima, axis=1), 0.0) @ model.weight + model.bias
        logits += [float(logit) if text else 0.0 for logit, text in zip(read, chunk)]
    return logits
