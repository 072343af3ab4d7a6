"""Rebuild `sentiment/korean/korean_syllables.npz`, the Korean scorer's second reader: a small convolution over a
text's characters, learned from the labelled reviews of ../shared/data/korean-sentiment/ (README there;
NSMC movie reviews, CC0, and KoBEST SentiNeg product reviews, CC BY-SA 4.0, SK Telecom) with the product
reviews' negated rewrites, weighed as `build_korean_lexicon.learn` weighs them. As the lexicon, the file shipped learns on every
development row, and bench/bench_korean.py learns a sibling on the build rows alone (`learn_reviews`) to report
on the held-out ones.

Why a second reader: the lexicon is linear over morphemes and syllable runs, and stops at about 0.843 of
the held-out movie reviews however it is learned (bench/README.md). Windows of two to four characters,
each character a learned vector, read what no listed feature holds (a word misspelt its own way, a run of
words without spaces, slang) and err elsewhere than the lexicon; their logit joins the lexicon's z at
`korean.SYLLABLE_WEIGHT`. Two are learned alike from two seeds (SEEDS) and their logits averaged.

The scorer reads the file with numpy alone; learning it needs PyTorch, which the app does not:
`make korean-model` installs it (the CPU build, torch==2.13.0) and runs this. About four minutes.

Run: .venv/bin/python bench/build_korean_syllables.py
"""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

from build_korean_lexicon import PRODUCT_WEIGHT, negated, split  # noqa: E402
from sentiment import korean  # noqa: E402

EMBEDDING, FILTERS, WIDTHS = 128, 64, (2, 3, 4)
EPOCHS, BATCH, RATE, DROPOUT = 8, 64, 2e-3, 0.5
MIN_COUNT = 2  # a character seen once is read as any unknown one
LONGEST = 150  # characters learned from (the reviews are under 140)
# Two convolutions learned alike from two seeds, their logits averaged: alone each reads the cross-validated movie
# reviews 0.836, the two 0.841 (their logits correlate 0.96); with the regression 0.8548 -> 0.8557 (bench/README.md)
SEEDS = (20261206, 20261207)


class Convolution(nn.Module):
    def __init__(self, characters: int):
        super().__init__()
        self.embedding = nn.Embedding(characters + 2, EMBEDDING, padding_idx=0)
        self.widths = nn.ModuleList([nn.Conv1d(EMBEDDING, FILTERS, width) for width in WIDTHS])
        self.dropout = nn.Dropout(DROPOUT)
        self.out = nn.Linear(FILTERS * len(WIDTHS), 1)

    def forward(self, rows: torch.Tensor) -> torch.Tensor:
        vectors = self.embedding(rows).transpose(1, 2)
        padding = rows == 0
        maxima = []
        for convolution in self.widths:
            windows = torch.relu(convolution(vectors))
            windows = windows.masked_fill(padding[:, :windows.shape[2]].unsqueeze(1), 0.0)  # begun past the end
            maxima.append(windows.max(dim=2).values)
        return self.out(self.dropout(torch.cat(maxima, 1))).squeeze(1)


def as_rows(texts: list[str], characters: dict[str, int]) -> torch.Tensor:
    """Each text's characters' rows, padded so that every window begun in the text fits (as the scorer reads)."""
    length = min(LONGEST, max(len(text) for text in texts)) + max(WIDTHS) - 1
    found = np.zeros((len(texts), length), np.int64)
    for i, text in enumerate(texts):
        ids = [characters.get(character, 1) for character in text[:LONGEST]]
        found[i, :len(ids)] = ids
    return torch.from_numpy(found)


def learn(texts: list[str], labels: list[int], weights: list[float]) -> dict[str, np.ndarray]:
    """The convolutions of SEEDS learned on these texts, as the arrays `korean.syllables` reads: each one's arrays
    stacked, the members first."""
    members = [learn_one(texts, labels, weights, seed) for seed in SEEDS]
    return {"characters": members[0]["characters"],
            **{name: np.stack([member[name] for member in members]) for name in members[0] if name != "characters"}}


def learn_one(texts: list[str], labels: list[int], weights: list[float], seed: int) -> dict[str, np.ndarray]:
    """One convolution learned on these texts from this seed."""
    torch.manual_seed(seed)
    shuffle = random.Random(seed)
    seen: dict[str, int] = {}
    for text in texts:
        for character in text:
            seen[character] = seen.get(character, 0) + 1
    kept = sorted(character for character, n in seen.items() if n >= MIN_COUNT)
    characters = {character: row + 2 for row, character in enumerate(kept)}
    model = Convolution(len(kept))
    optimiser = torch.optim.Adam(model.parameters(), lr=RATE)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, EPOCHS)
    by_length = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # batches of like length pad little
    batches = [by_length[i:i + BATCH] for i in range(0, len(by_length), BATCH)]
    model.train()
    for _ in range(EPOCHS):
        shuffle.shuffle(batches)
        for batch in batches:
            read = model(as_rows([texts[i] for i in batch], characters))
            wanted = torch.tensor([float(labels[i]) for i in batch])
            weight = torch.tensor([weights[i] for i in batch])
            loss = (nn.functional.binary_cross_entropy_with_logits(read, wanted, reduction="none") * weight).sum() \
                / weight.sum()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        schedule.step()
    learned = {name: value.detach().numpy() for name, value in model.state_dict().items()}
    return {"characters": np.array(kept), "embedding": learned["embedding.weight"].astype(np.float16),
            **{f"conv{i}.weight": learned[f"widths.{i}.weight"].astype(np.float16) for i in range(len(WIDTHS))},
            **{f"conv{i}.bias": learned[f"widths.{i}.bias"] for i in range(len(WIDTHS))},
            "out.weight": learned["out.weight"][0], "out.bias": learned["out.bias"]}


def learn_reviews(movie_reviews: list[tuple[str, int]], product_reviews: list[tuple[str, int]], path: Path) -> None:
    """The convolution learned on these reviews (text, label) as the lexicon learns them, with the product
    reviews' negated rewrites, written to `path`."""
    products = product_reviews + [(new, 1 - y) for text, y in product_reviews if (new := negated(text))]
    rows = [(text, y, 1.0) for text, y in movie_reviews] + [(text, y, PRODUCT_WEIGHT) for text, y in products]
    arrays = learn([text for text, _, _ in rows], [y for _, y, _ in rows], [w for _, _, w in rows])
    np.savez_compressed(path, **arrays)
    print(f"the character convolution: {len(SEEDS)} learned, {len(arrays['characters'])} characters, {len(rows)} rows "
          "with their rewrites")


def main() -> None:
    parts = split()
    learn_reviews(parts["build_movies"] + parts["held_movies"], parts["build_products"] + parts["held_products"],
                  korean.SYLLABLES)
    print(f"written to {korean.SYLLABLES}, learned on every development row")


if __name__ == "__main__":
    main()
