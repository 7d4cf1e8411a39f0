"""Train the learned theme model: ``python -m analysis.feedback.train [EVAL_DIR]``.

Reads every labelled ``*.tsv`` in EVAL_DIR (default ``../shared/eval``; columns id, text,
required, also, polarity, source), fits one-vs-rest logistic regression per theme over
``analysis.feedback.features`` (scikit-learn, a development dependency; fixed seed), chooses the
decision thresholds by source-grouped cross-validation inside the training rows only, and writes
``analysis/feedback/theme_model.json`` (rounded weights, sorted keys: the same bytes every run).
The labelled sentences stay in EVAL_DIR; only weights are written.
"""
from __future__ import annotations

import csv
import itertools
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from analysis.core.schema import THEMES
from analysis.feedback import features as F
from analysis.feedback.model import MODEL_PATH, ThemeModel, decide

EVAL_DIR = Path(__file__).resolve().parents[3] / "shared" / "eval"
SEED = 0
FOLDS = 5
C = 10.0  # inverse regularisation strength
MIN_CHAR_GRAM_ROWS = 2  # a char n-gram must occur in this many training texts
DIGITS = 2  # weights are rounded to this many decimals; smaller ones are dropped
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
ADDED = (0.9, 0.95, 0.99, 1.01)  # 1.01: the model adds nothing to the rules' themes
GENERICS = (0.2, 0.3, 0.4, 0.5, 0.6)
NEVER = (1.01,)
LEARNED_THEMES_GRID = (THRESHOLDS, ADDED, GENERICS)
SHIPPED_GRID = (NEVER, NEVER, GENERICS)
"""What ships: the rules' themes, and the learned ``generic`` score to tell boilerplate from a
reason no theme matched. Cross-validated (benchmarks/bench_themes_cv.py), adding learned themes
to the rules did not beat the rules alone, so the learned themes are not used (or shipped)."""


def load_rows(eval_dir: Path = EVAL_DIR) -> list[dict[str, str]]:
    """Every row of every labelled TSV in ``eval_dir``, files in name order."""
    rows = []
    for path in sorted(eval_dir.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def required_groups(row: dict[str, str]) -> list[list[str]]:
    """The row's required groups: each is satisfied by any one of its themes."""
    return [group.split("|") for group in row["required"].split(";") if group]


def judge(row: dict[str, str], predicted: set[str]) -> bool:
    """Whether a prediction is right, by the rule of ../shared/tools/score_themes.py: not empty,
    every required group met, nothing outside required or also."""
    groups = [set(group) for group in required_groups(row)]
    allowed = set().union(*groups) | {theme for theme in row["also"].split(",") if theme}
    return bool(predicted) and all(group & predicted for group in groups) and predicted <= allowed


def source_group(source: str) -> str:
    """The site or repository a sentence came from: folds never split one."""
    source = source.split("#")[0]
    if source.startswith("github:"):
        return "github:" + re.split(r"[@:]", source[len("github:"):])[0]
    host = re.sub(r"^[a-z]+://", "", source).split("/")[0].lower()
    return host.removeprefix("www.")


def grouped_folds(rows: Sequence[dict[str, str]], k: int = FOLDS, seed: int = SEED) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) index arrays of k folds that never split a source."""
    from sklearn.model_selection import GroupKFold

    groups = [source_group(row["source"]) for row in rows]
    k = min(k, len(set(groups)))
    return list(GroupKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(rows)), groups=groups))


def targets(rows: Sequence[dict[str, str]]) -> tuple[np.ndarray, np.ndarray]:
    """Per theme: 1 for the first theme of each required group, 0 for themes not named; a
    theme that is an alternative or tolerated is left out of that theme's fit (mask 0)."""
    y, mask = np.zeros((len(rows), len(THEMES))), np.ones((len(rows), len(THEMES)))
    for i, row in enumerate(rows):
        for group in required_groups(row):
            y[i, THEMES.index(group[0])] = 1
            for theme in group[1:]:
                mask[i, THEMES.index(theme)] = 0
        for theme in (theme for theme in row["also"].split(",") if theme):
            mask[i, THEMES.index(theme)] = 0
    return y, np.maximum(mask, y)


def _vocabulary(feature_rows: Sequence[dict[str, float]]) -> list[str]:
    counts: dict[str, int] = {}
    for row in feature_rows:
        for key in row:
            counts[key] = counts.get(key, 0) + 1
    return sorted(key for key, count in counts.items() if count >= (MIN_CHAR_GRAM_ROWS if key[0] == "c" else 1))


def _matrix(feature_rows: Sequence[dict[str, float]], keys: list[str]):
    from scipy.sparse import csr_matrix

    index = {key: j for j, key in enumerate(keys)}
    data, columns, starts = [], [], [0]
    for row in feature_rows:
        for key, value in row.items():
            if key in index:
                columns.append(index[key])
                data.append(value)
        starts.append(len(columns))
    return csr_matrix((data, columns, starts), shape=(len(feature_rows), len(keys)))


def fit(feature_rows: Sequence[dict[str, float]], rows: Sequence[dict[str, str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(feature keys, weights keys x themes, bias per theme) of one logistic regression per theme."""
    from sklearn.linear_model import LogisticRegression

    keys = _vocabulary(feature_rows)
    x, (y, mask) = _matrix(feature_rows, keys), targets(rows)
    weights, bias = np.zeros((len(keys), len(THEMES))), np.zeros(len(THEMES))
    for j in range(len(THEMES)):
        keep = mask[:, j] > 0
        if len(set(y[keep, j])) < 2:
            bias[j] = 10.0 if y[keep, j].any() else -10.0
            continue
        fitted = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", random_state=SEED)
        fitted.fit(x[keep], y[keep, j])
        weights[:, j], bias[j] = fitted.coef_[0], fitted.intercept_[0]
    return keys, np.round(weights, DIGITS), np.round(bias, DIGITS)


def predict(keys: list[str], weights: np.ndarray, bias: np.ndarray, feature_rows: Sequence[dict[str, float]]) -> np.ndarray:
    """Probabilities (texts x themes) of a fitted model."""
    scores = _matrix(feature_rows, keys) @ weights + bias
    return 1 / (1 + np.exp(-scores))


def decision_model(threshold: float, added: float, generic: float) -> ThemeModel:
    """A model holding only a decision, for ``analysis.feedback.model.decide``."""
    return ThemeModel(THEMES, {}, np.zeros((0, len(THEMES))), np.zeros(len(THEMES)),
                      np.full(len(THEMES) - 1, threshold), added, generic)


def choose_decision(probabilities: np.ndarray, rule_sets: Sequence[tuple[set[str], bool]],
                    rows: Sequence[dict[str, str]], grid: tuple = SHIPPED_GRID) -> tuple[float, float, float]:
    """The (threshold, added, generic) of the grid with the most rows judged right; ties to the first."""
    best, best_right = tuple(values[0] for values in grid), -1
    for candidate in itertools.product(*grid):
        model = decision_model(*candidate)
        right = sum(judge(row, decide(p, rules, short, model)[0])
                    for row, p, (rules, short) in zip(rows, probabilities, rule_sets))
        if right > best_right:
            best, best_right = candidate, right
    return best


def out_of_fold(feature_rows: Sequence[dict[str, float]], rows: Sequence[dict[str, str]], seed: int = SEED) -> np.ndarray:
    """Probabilities of each row from a model fitted on the folds without its source."""
    probabilities = np.zeros((len(rows), len(THEMES)))
    for train, test in grouped_folds(rows, seed=seed):
        model = fit([feature_rows[i] for i in train], [rows[i] for i in train])
        probabilities[test] = predict(*model, [feature_rows[i] for i in test])
    return probabilities


def rule_theme_sets(rows: Sequence[dict[str, str]]) -> list[tuple[set[str], bool]]:
    """The themes the rules find in each row's text, and whether the text is a short note."""
    from analysis.feedback.classifier import classify_by_rules

    return [(set(classify_by_rules(row["text"]).themes), len(F.read_words(F.cut(row["text"])[0])[0]) <= F.SHORT_WORDS)
            for row in rows]


def content(model: tuple[list[str], np.ndarray, np.ndarray], decision: tuple[float, float, float], rows: int) -> dict:
    """The model file's content: the non-zero weights per feature key, the bias and the decision."""
    keys, weights, bias = model
    threshold, added, generic = decision
    used = [j for j in range(len(THEMES)) if THEMES[j] == "generic" or threshold < 1 or added < 1]
    kept = {key: [[j, float(weights[i, j])] for j in used if weights[i, j] != 0] for i, key in enumerate(keys)}
    return {"themes": list(THEMES), "bias": [float(b) for b in bias],
            "thresholds": {theme: threshold for theme in THEMES[:-1]}, "added": added, "generic": generic,
            "rows": rows, "weights": {key: pairs for key, pairs in kept.items() if pairs}}


def train(rows: Sequence[dict[str, str]], feature_rows: Sequence[dict[str, float]] | None = None,
          rule_sets: Sequence[tuple[set[str], bool]] | None = None, grid: tuple = SHIPPED_GRID) -> dict:
    """The model file's content: weights fitted on all rows, the decision chosen by grouped CV on them."""
    feature_rows = feature_rows if feature_rows is not None else [F.features(row["text"]) for row in rows]
    rule_sets = rule_sets if rule_sets is not None else rule_theme_sets(rows)
    decision = choose_decision(out_of_fold(feature_rows, rows), rule_sets, rows, grid)
    return content(fit(feature_rows, rows), decision, len(rows))


def model_bytes(rows: Sequence[dict[str, str]]) -> bytes:
    """The model file, byte for byte."""
    return (json.dumps(train(rows), sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Train from the labelled files and write the model file."""
    args = list(sys.argv[1:] if argv is None else argv)
    rows = load_rows(Path(args[0]) if args else EVAL_DIR)
    if not rows:
        print(f"No labelled rows in {args[0] if args else EVAL_DIR}.", file=sys.stderr)
        return 2
    MODEL_PATH.write_bytes(model_bytes(rows))
    print(f"{MODEL_PATH.name}: trained on {len(rows)} labelled texts; {MODEL_PATH.stat().st_size:,} bytes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
