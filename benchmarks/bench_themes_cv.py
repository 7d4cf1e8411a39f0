"""Cross-validated quality of the feedback themes on the shared labelled data (never in-sample).

    python benchmarks/bench_themes_cv.py [EVAL_DIR]

Folds split by source (one page's sentences never sit on both sides). In each fold the model is
fitted, and its decision thresholds chosen by an inner grouped CV, on the training folds only;
the held-out fold is then classified by the rules alone, the model alone and the hybrid. Prints
accuracy by score_themes.py's rule, polarity accuracy on the clearly positive/negative rows, the
rate of ``generic`` on rows whose labels state a reason, the unclear rate, per-theme precision
and recall, and a confusion table (labelled theme -> predicted themes).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.core.schema import THEMES  # noqa: E402
from analysis.feedback import features as F  # noqa: E402
from analysis.feedback import model as learned  # noqa: E402
from analysis.feedback import train as T  # noqa: E402
from analysis.feedback.classifier import ThemeResult, classify_by_rules  # noqa: E402
from analysis.feedback.hybrid import combine  # noqa: E402

POLARITY = {"neg": "negative", "pos": "positive"}
METHODS = ("rules", "model alone", "hybrid with learned themes", "shipped: rules + learned generic/unclear")


def model_alone(text: str, by_rules: ThemeResult, model: learned.ThemeModel) -> ThemeResult:
    """The model's themes without the rules (the polarity is still the rules')."""
    if not by_rules.themes:
        return by_rules
    themes, unclear = learned.decide(learned.read(text, model).probabilities, set(), False, model)
    ordered = tuple(theme for theme in THEMES if theme in themes)
    return ThemeResult(ordered, by_rules.polarity, {t: () for t in ordered}, {t: "negative" for t in ordered}, unclear)


def held_out_results(rows: list[dict]) -> dict[str, list[ThemeResult]]:
    """Per method, each row's result from the fold that held it out."""
    feature_rows = [F.features(row["text"]) for row in rows]
    by_rules = [classify_by_rules(row["text"]) for row in rows]
    rule_sets = T.rule_theme_sets(rows)
    results: dict[str, list] = {"rules": list(by_rules), **{name: [None] * len(rows) for name in METHODS[1:]}}
    for train, test in T.grouped_folds(rows):
        pick = lambda items, where: [items[i] for i in where]  # noqa: E731
        fold = (pick(rows, train), pick(feature_rows, train), pick(rule_sets, train))
        with_themes = learned.from_content(T.train(*fold, grid=T.LEARNED_THEMES_GRID))
        shipped = learned.from_content(T.train(*fold, grid=T.SHIPPED_GRID))
        for i in test:
            text = F.cut(rows[i]["text"])[0]
            results["model alone"][i] = model_alone(text, by_rules[i], with_themes)
            results["hybrid with learned themes"][i] = combine(text, by_rules[i], with_themes)
            results["shipped: rules + learned generic/unclear"][i] = combine(text, by_rules[i], shipped)
    return results


def report(name: str, rows: list[dict], results: list[ThemeResult]) -> None:
    """Print the figures of one method."""
    right = [T.judge(row, set(result.themes)) for row, result in zip(rows, results)]
    clear = [(row, result) for row, result in zip(rows, results) if row["polarity"] in POLARITY]
    reasoned = [result for row, result in zip(rows, results) if not any("generic" in g for g in T.required_groups(row))]
    print(f"\n== {name}: accuracy {sum(right) / len(rows):.3f} ({sum(right)}/{len(rows)})")
    print(f"polarity on clearly positive/negative rows: {sum(POLARITY[r['polarity']] == x.polarity for r, x in clear) / len(clear):.3f}"
          f" ({len(clear)} rows)")
    print(f"generic given to texts whose labels state a reason: {sum('generic' in x.themes for x in reasoned) / len(reasoned):.3f}"
          f" ({len(reasoned)} rows); unclear: {sum(x.unclear for x in results) / len(results):.3f}")
    confusion: dict[str, Counter] = {theme: Counter() for theme in THEMES}
    print(f"{'theme':24}{'precision':>10}{'recall':>8}{'rows':>6}")
    for theme in THEMES:
        wanted = [any(theme in g for g in T.required_groups(row)) for row in rows]
        allowed = [wanted[i] or theme in rows[i]["also"].split(",") for i in range(len(rows))]
        predicted = [theme in result.themes for result in results]
        hits = sum(p and a for p, a in zip(predicted, allowed))
        found = sum(p and w for p, w in zip(predicted, wanted))
        precision = hits / sum(predicted) if any(predicted) else float("nan")
        print(f"{theme:24}{precision:>10.2f}{found / max(1, sum(wanted)):>8.2f}{sum(wanted):>6}")
        for w, result in zip(wanted, results):
            if w:
                confusion[theme].update(result.themes or ("(unclear)",))
    print("confusion (labelled theme: predicted themes, most frequent first)")
    for theme, counts in confusion.items():
        print(f"  {theme}: " + ", ".join(f"{t} {n}" for t, n in counts.most_common(5)))


def main() -> None:
    """Run the cross-validation and print the report of each method."""
    rows = T.load_rows(Path(sys.argv[1]) if len(sys.argv) > 1 else T.EVAL_DIR)
    print(f"{len(rows)} labelled texts, {len(T.grouped_folds(rows))} source-grouped folds (seed {T.SEED})")
    results = held_out_results(rows)
    for name in METHODS:
        report(name, rows, results[name])


if __name__ == "__main__":
    main()
