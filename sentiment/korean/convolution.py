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
    rows: object  # a character's row of the embedding by its code point (0 padding, 1 any character not learned)
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
    learned = [ord(character) for character in stored["characters"].tolist()]
    rows = np.ones(max(learned) + 2, dtype=np.intp)  # the last: any code point past the learned ones
    rows[learned] = np.arange(2, len(learned) + 2)
    return Syllables(rows, kernels, out.transpose(1, 0, 2).reshape(-1) / members, float(stored["out.bias"].mean()))


def syllable_logits(texts: list[str], path: Path = SYLLABLES, batch: int = 64) -> list[float]:
    """The convolution's logit of each text (0 for an empty one), `batch` texts of about the same length at a
    time, each a row padded to the longest: each offset's rows of the tables looked up and added for the whole
    batch at once, the windows past a text's end left out of its maximum. Half the time of reading the texts one
    after another in a single row (a maximum over each text's stretch of it, numpy's reduceat, took half of that)."""
    import numpy as np

    model = syllables(path)
    widest = max(len(tables) for tables, _ in model.kernels)
    past = len(model.rows) - 1
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    logits = [0.0] * len(texts)
    for first in range(0, len(order), batch):
        chunk = order[first:first + batch]
        said = [texts[i] for i in chunk]
        lengths = np.array([len(text) for text in said])
        longest = max(int(lengths[-1]), 1)
        rows = np.zeros((len(chunk), longest + widest - 1), dtype=np.intp)
        points = np.frombuffer("".join(said).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        rows[np.arange(rows.shape[1]) < lengths[:, None]] = model.rows[np.minimum(points, past)]
        beyond = np.arange(longest) >= np.maximum(lengths, 1)[:, None]
        maxima = []
        for tables, bias in model.kernels:
            windows = tables[0][rows[:, :longest]]
            for offset in range(1, len(tables)):
                windows += tables[offset][rows[:, offset:offset + longest]]
            windows[beyond] = -np.inf
            maxima.append(windows.max(axis=1) + bias)
        read = np.maximum(np.concatenate(maxima, axis=1), 0.0) @ model.weight + model.bias
        for i, logit, text in zip(chunk, read, said):
            if text:
                logits[i] = float(logit)
    return logits
