"""The learned theme model's share of classifying many distinct feedback texts.

    python benchmarks/bench_theme_model.py [N]

Builds N distinct feedback texts (default 100,000: e-mails, one-liners and notes from
``feedback_text.distinct_feedback``, made unique by a running number), classifies them by the
rules alone (``classify_by_rules``, warm: its cache holds them), then times what the model adds:
loading the model file, and ``hybrid.combine_many`` (which reads, in one batch, the texts where
the rules found no specific theme or judged nothing). Prints each time and the model's share.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from feedback_text import distinct_feedback  # noqa: E402

from analysis.feedback import features as F  # noqa: E402
from analysis.feedback import model as learned  # noqa: E402
from analysis.feedback.classifier import classify_by_rules  # noqa: E402
from analysis.feedback.hybrid import combine_many, needs_model  # noqa: E402


def distinct_texts(count: int) -> list[str]:
    """``count`` distinct feedback texts (a running number makes the few repeated notes distinct)."""
    texts = distinct_feedback([f"Company {i}" for i in range(count)], ["Data Analyst"] * count)
    seen: set[str] = set()
    unique = []
    for number, text in enumerate(texts):
        text = text if text not in seen else f"{text} (#{number})"
        seen.add(text)
        unique.append(text)
    return unique


def main() -> None:
    """Time the rules, the model's load and the model's reading on N distinct texts."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    texts = [F.cut(text)[0] for text in distinct_texts(count)]
    started = time.perf_counter()
    by_rules = [classify_by_rules(text) for text in texts]
    rules_seconds = time.perf_counter() - started
    started = time.perf_counter()
    learned.load()
    load_seconds = time.perf_counter() - started
    started = time.perf_counter()
    combine_many(texts, by_rules)
    model_seconds = time.perf_counter() - started
    read = sum(map(needs_model, by_rules))
    print(f"{len(texts):,} distinct texts; the model reads {read:,} of them")
    print(f"rules {rules_seconds:.2f} s; model load {load_seconds:.3f} s; model reading and decision {model_seconds:.2f} s")
    total = rules_seconds + load_seconds + model_seconds
    print(f"model share: {(load_seconds + model_seconds) / total:.1%} of {total:.2f} s")


if __name__ == "__main__":
    main()
