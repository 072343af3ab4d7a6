"""`python -m sentiment.worker`: one scoring process of a parallel load (see scoring.score_texts)."""

from sentiment.scoring import run_worker

if __name__ == "__main__":
    run_worker()
