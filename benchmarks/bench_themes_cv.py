"""Cross-validated quality of the feedback themes on the shared labelled data (never in-sample).

    python benchmarks/bench_themes_cv.py [EVAL_DIR]

Nested and grouped: the outer folds split the shared rows by source (one site's or repository's
sentences never sit on both sides, as ../shared/eval/README.md asks). In each outer fold the
model is trained by ``analysis.feedback.train.train`` on the other folds plus the hand-written
probes, and its decision is chosen there by an inner grouped CV over those training rows only;
the held-out fold is then classified by the rules alone, the model alone and the shipped hybrid.
Prints accuracy by score_themes.py's rule, polarity accuracy on the clearly positive/negative
rows (beside the share of those that are negative: what always answering "negative" scores), the
rate of ``generic`` on rows whose labels state a reason, the unclear share, per-theme precision
and recall, and a confusion table (labelled theme -> predicted themes).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.core.schema import THEMES  # noqa: E402
from analysis.feedback import features as F  # noqa: E402
from analysis.feedback import model as learned  # noqa: E402
from analysis.feedback import train as T  # noqa: E402
from analysis.feedback.classifier import ThemeResult, classify_by_rules  # noqa: E402
from analysis.feedback.hybrid import combine_many  # noqa: E402

POLARITY = {"neg": "negative", "pos": "positive"}
METHODS = ("rules", "model alone", "hybrid (shipped)")


def model_alone(reading: learned.Reading, row: int, decision: learned.Decision) -> ThemeResult:
    """The model's themes and polarity without the rules."""
    themes, unclear = learned.decide(reading.probabilities[row], decision)
    ordered = tuple(theme for theme in THEMES if theme in themes)
    return ThemeResult(ordered, learned.polarity(reading.probabilities[row]), {t: () for t in ordered},
                       {t: "negative" for t in ordered}, unclear)


def held_out_results(rows: list[dict], probes: list[dict]) -> dict[str, list[ThemeResult]]:
    """Per method, each row's result from the outer fold that held it out."""
    texts = [F.cut(row["text"])[0] for row in rows]
    features = [F.features(text) for text in texts]
    probe_features = [F.features(row["text"]) for row in probes]
    by_rules = [classify_by_rules(text) for text in texts]
    rule_sets = [set(result.themes) for result in by_rules]
    results: dict[str, list] = {"rules": list(by_rules), **{name: [None] * len(rows) for name in METHODS[1:]}}
    for number, (train, test) in enumerate(T.grouped_folds(rows), start=1):
        pick = lambda items, where: [items[i] for i in where]  # noqa: E731
        model = learned.ThemeModel(T.train(pick(rows, train), probes, pick(features, train), probe_features,
                                           pick(rule_sets, train)))
        print(f"fold {number}: {len(test)} held out; decision chosen inside the training folds: {model.decision}")
        reading = model.read(pick(texts, test))
        for row, (i, result) in enumerate(zip(test, combine_many(pick(texts, test), pick(by_rules, test), model))):
            results["hybrid (shipped)"][i] = result
            results["model alone"][i] = model_alone(reading, row, model.decision)
    return results


def labelled(row: dict) -> list[str]:
    """The themes a row's labels require (any member of a group)."""
    return [theme for group in T.required_groups(row) for theme in group]


def report(name: str, rows: list[dict], results: list[ThemeResult]) -> None:
    """Print the figures of one method."""
    right = [T.judge(row, set(result.themes)) for row, result in zip(rows, results)]
    clear = [(row, result) for row, result in zip(rows, results) if row["polarity"] in POLARITY]
    negative_share = sum(row["polarity"] == "neg" for row, _ in clear) / len(clear)
    reasoned = [result for row, result in zip(rows, results) if "generic" not in labelled(row)]
    print(f"\n== {name}: accuracy {sum(right) / len(rows):.3f} ({sum(right)}/{len(rows)})")
    print(f"polarity on clearly positive/negative rows: {sum(POLARITY[r['polarity']] == x.polarity for r, x in clear) / len(clear):.3f}"
          f" ({len(clear)} rows; always 'negative' would score {negative_share:.3f})")
    print(f"generic given to texts whose labels state a reason: {sum('generic' in x.themes for x in reasoned) / len(reasoned):.3f}"
          f" ({len(reasoned)} rows); unclear: {sum(x.unclear for x in results) / len(results):.3f}")
    print(f"{'theme':24}{'precision':>10}{'recall':>8}{'rows':>6}")
    for theme in THEMES:
        wanted = [theme in labelled(row) for row in rows]
        allowed = [wanted[i] or theme in rows[i]["also"].split(",") for i in range(len(rows))]
        predicted = [theme in result.themes for result in results]
        hits = sum(p and a for p, a in zip(predicted, allowed))
        found = sum(p and w for p, w in zip(predicted, wanted))
        precision = f"{hits / sum(predicted):.2f}" if any(predicted) else "-"
        print(f"{theme:24}{precision:>10}{found / max(1, sum(wanted)):>8.2f}{sum(wanted):>6}")
    confusion(rows, results)


def confusion(rows: list[dict], results: list[ThemeResult]) -> None:
    """Print labelled theme (rows) x predicted theme (columns), one count per pair in a text."""
    columns = [*THEMES, "unclear"]
    table = np.zeros((len(THEMES), len(columns)), dtype=int)
    for row, result in zip(rows, results):
        predicted = [*result.themes] + (["unclear"] if result.unclear else [])
        for theme in set(labelled(row)):
            for other in predicted:
                table[THEMES.index(theme), columns.index(other)] += 1
    print("confusion: labelled \\ predicted " + " ".join(f"{column[:5]:>5}" for column in columns))
    for theme, counts in zip(THEMES, table):
        print(f"  {theme:30}" + " ".join(f"{count:>5}" for count in counts))


def main() -> None:
    """Run the nested cross-validation and print the report of each method."""
    rows = T.load_rows(Path(sys.argv[1]) if len(sys.argv) > 1 else T.EVAL_DIR)
    probes = T.read_labelled(T.PROBES)
    print(f"{len(rows)} labelled texts, {len(T.grouped_folds(rows))} source-grouped folds (seed {T.SEED}); "
          f"each fold's model also trained on the {len(probes)} probes")
    started = time.perf_counter()
    results = held_out_results(rows, probes)
    print(f"({time.perf_counter() - started:.0f} s)")
    for name in METHODS:
        report(name, rows, results[name])


if __name__ == "__main__":
    main()
