"""Train the learned theme model: ``python -m analysis.feedback.train [EVAL_DIR]``.

Reads every labelled ``*.tsv`` in EVAL_DIR (default ``../shared/eval``; columns id, text,
required, also, polarity, source) and the hand-written probes ``tests/theme_probes.tsv`` (same
columns). Targets per theme: the first theme of each ``required`` group; the other members of a
group and the ``also`` themes are left out of that theme's fit (either answer is right). Praise
(pos or mixed) and criticism (neg or mixed) are two more columns. One logistic regression per
column (scikit-learn, a development dependency; liblinear, balanced classes, fixed seed). The
decision (``model.Decision``) is chosen by cross-validation grouped by source over the shared
rows, the probes always on the training side. Weights are float16 in an .npz with fixed dates,
so retraining writes the same bytes. The labelled sentences stay where they are: only weights
are written.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from analysis.feedback import features as F
from analysis.feedback.model import COLUMNS, MODEL_PATH, Decision, ThemeModel, decide_many

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT.parent / "shared" / "eval"
PROBES = ROOT / "tests" / "theme_probes.tsv"
SEED = 0
FOLDS = 5
C = 10.0  # inverse regularisation strength (3 and 30 scored the same in nested CV)
MIN_CHAR_GRAM_ROWS = 2  # a char n-gram must occur in this many training texts
GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95), (0.15, 0.2, 0.3, 0.4, 0.5, 1.01), (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
"""Decision values tried: add, guess (1.01: never guess) and generic. A guess needs 0.15 at least:
a text in another language or of words never seen scores about 0.1 for every theme, and must
come out unclear, not as the theme with the largest prior."""
Row = dict[str, str]


def read_labelled(path: Path) -> list[Row]:
    """The rows of one labelled TSV."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_rows(eval_dir: Path = EVAL_DIR) -> list[Row]:
    """Every row of every labelled TSV in ``eval_dir``, files in name order."""
    return [row for path in sorted(eval_dir.glob("*.tsv")) for row in read_labelled(path)]


def required_groups(row: Row) -> list[list[str]]:
    """The row's required groups: each is satisfied by any one of its themes."""
    return [group.split("|") for group in row["required"].split(";") if group]


def judge(row: Row, predicted: set[str]) -> bool:
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


def grouped_folds(rows: Sequence[Row], k: int = FOLDS, seed: int = SEED) -> list[tuple[np.ndarray, np.ndarray]]:
    """(train, test) index arrays of k folds that never split a source."""
    from sklearn.model_selection import GroupKFold

    groups = [source_group(row["source"]) for row in rows]
    k = min(k, len(set(groups)))
    return list(GroupKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(rows)), groups=groups))


def targets(rows: Sequence[Row]) -> tuple[np.ndarray, np.ndarray]:
    """(labels, counted) per row and column; counted is 0 where either answer is right."""
    labels, counted = np.zeros((len(rows), len(COLUMNS))), np.ones((len(rows), len(COLUMNS)))
    for i, row in enumerate(rows):
        for group in required_groups(row):
            labels[i, COLUMNS.index(group[0])] = 1
            for theme in group[1:]:
                counted[i, COLUMNS.index(theme)] = 0
        for theme in (theme for theme in row["also"].split(",") if theme):
            counted[i, COLUMNS.index(theme)] = 0
        polarity = row["polarity"]
        labels[i, -2:] = polarity in ("pos", "mixed"), polarity in ("neg", "mixed")
        if polarity not in ("pos", "neg", "mixed", "neutral"):
            counted[i, -2:] = 0
    return labels, np.maximum(counted, labels)


def _vocabulary(feature_rows: Sequence[dict[str, float]]) -> list[str]:
    counts: dict[str, int] = {}
    for row in feature_rows:
        for key in row:
            counts[key] = counts.get(key, 0) + 1
    return sorted(key for key, count in counts.items() if count >= (MIN_CHAR_GRAM_ROWS if key[0] == "c" else 1))


def _matrix(feature_rows: Sequence[dict[str, float]], keys: list[str]):  # noqa: ANN202 (a scipy sparse matrix)
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


def fit(feature_rows: Sequence[dict[str, float]], rows: Sequence[Row]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(feature keys, weights keys x COLUMNS, bias per column) of one logistic regression per column."""
    from sklearn.linear_model import LogisticRegression

    keys = _vocabulary(feature_rows)
    x, (y, counted) = _matrix(feature_rows, keys), targets(rows)
    weights, bias = np.zeros((len(keys), len(COLUMNS))), np.zeros(len(COLUMNS))
    for j in range(len(COLUMNS)):
        keep = counted[:, j] > 0
        if len(set(y[keep, j])) < 2:
            bias[j] = 10.0 if y[keep, j].any() else -10.0
            continue
        fitted = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", random_state=SEED)
        fitted.fit(x[keep], y[keep, j])
        weights[:, j], bias[j] = fitted.coef_[0], fitted.intercept_[0]
    return keys, weights.astype(np.float16), bias.astype(np.float16)


def arrays(keys: list[str], weights: np.ndarray, bias: np.ndarray, decision: Decision) -> dict[str, np.ndarray]:
    """The model file's arrays: the weights by feature kind (float16) with the vocabulary they belong to."""
    row = {key: i for i, key in enumerate(keys)}
    zero = np.zeros(len(COLUMNS), np.float16)

    def block(names: list[str]) -> np.ndarray:
        return np.array([weights[row[name]] if name in row else zero for name in names], np.float16).reshape(-1, len(COLUMNS))

    def of_kind(prefix: str) -> list[str]:
        return [key for key in keys if key.startswith(prefix)]

    stems = sorted({key[2:] for key in of_kind("u|") + of_kind("n|")} | {s for key in of_kind("b|") for s in key[2:].split(" ")})
    number = {stem: i for i, stem in enumerate(stems)}
    pairs = sorted((number[key[2:].split(" ")[0]] * len(stems) + number[key[2:].split(" ")[1]], key) for key in of_kind("b|"))
    classes = sorted({key[2:] for key in of_kind("l|") + of_kind("m|")})
    meta = {"columns": list(COLUMNS), "decision": {"add": decision.add, "guess": decision.guess, "generic": decision.generic}}
    return {
        "stems": np.array(stems, dtype=str), "grams": np.array([key[2:] for key in of_kind("c|")], dtype=str),
        "classes": np.array(classes, dtype=str), "bigram_keys": np.array([key for key, _ in pairs], dtype=np.int64),
        "WU": block(["u|" + s for s in stems]), "WN": block(["n|" + s for s in stems]), "WB": block([k for _, k in pairs]),
        "WC": block(of_kind("c|")), "WL": block(["l|" + c for c in classes]), "WM": block(["m|" + c for c in classes]),
        "WD": block(["d|short"])[0], "bias": bias.astype(np.float16), "meta": np.array(json.dumps(meta, sort_keys=True)),
    }


def file_bytes(model_arrays: dict[str, np.ndarray]) -> bytes:
    """The arrays as an .npz whose bytes depend on the arrays only (fixed member dates and order)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(model_arrays):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(model_arrays[name]), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


RuleSets = Sequence[set[str]]  # per row, the themes the rules found


def rule_theme_sets(rows: Sequence[Row]) -> list[set[str]]:
    """The themes the rules find in each row's text."""
    from analysis.feedback.classifier import classify_by_rules

    return [set(classify_by_rules(row["text"]).themes) for row in rows]


def choose_decision(probabilities: np.ndarray, rule_sets: RuleSets, rows: Sequence[Row]) -> Decision:
    """The decision of GRID with the most rows judged right (the rules' specific themes standing); ties to the first."""
    undecided = [i for i, themes in enumerate(rule_sets) if themes and not themes - {"generic"}]
    best, best_right = Decision(*(values[0] for values in GRID)), -1
    for candidate in itertools.starmap(Decision, itertools.product(*GRID)):
        decided = decide_many(probabilities[undecided], candidate)
        right = sum(judge(rows[i], themes) for i, (themes, _) in zip(undecided, decided))
        if right > best_right:
            best, best_right = candidate, right
    return best


def train(rows: Sequence[Row], probes: Sequence[Row], feature_rows: Sequence[dict[str, float]] | None = None,
          probe_features: Sequence[dict[str, float]] | None = None, rule_sets: RuleSets | None = None) -> dict[str, np.ndarray]:
    """The arrays of the model fitted on ``rows`` and ``probes``, its decision chosen by grouped CV
    over ``rows`` (each inner model fitted on the other folds and all the probes)."""
    feature_rows = list(feature_rows) if feature_rows is not None else [F.features(row["text"]) for row in rows]
    probe_features = list(probe_features) if probe_features is not None else [F.features(row["text"]) for row in probes]
    rule_sets = rule_sets if rule_sets is not None else rule_theme_sets(rows)
    probabilities = np.zeros((len(rows), len(COLUMNS)))
    for inner_train, inner_test in grouped_folds(rows):
        fitted = fit([feature_rows[i] for i in inner_train] + probe_features, [rows[i] for i in inner_train] + list(probes))
        held_out = [rows[i]["text"] for i in inner_test]
        probabilities[inner_test] = ThemeModel(arrays(*fitted, Decision(1, 1, 1))).read(held_out).probabilities
    decision = choose_decision(probabilities, rule_sets, rows)
    return arrays(*fit(feature_rows + probe_features, list(rows) + list(probes)), decision)


def model_bytes(rows: Sequence[Row], probes: Sequence[Row]) -> bytes:
    """The model file, byte for byte."""
    return file_bytes(train(rows, probes))


def main(argv: Sequence[str] | None = None) -> int:
    """Train from the labelled files and the probes, and write the model file."""
    args = list(sys.argv[1:] if argv is None else argv)
    eval_dir = Path(args[0]) if args else EVAL_DIR
    rows = load_rows(eval_dir)
    if not rows:
        print(f"No labelled rows in {eval_dir}.", file=sys.stderr)
        return 2
    MODEL_PATH.write_bytes(model_bytes(rows, read_labelled(PROBES)))
    print(f"{MODEL_PATH.name}: trained on {len(rows)} labelled texts and the probes; {MODEL_PATH.stat().st_size:,} bytes.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
