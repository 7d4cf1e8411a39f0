"""The cue regex split by first character gives the very matches of the one regex it stands for."""
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.feedback import rules
from analysis.feedback.dispatch import Dispatched, first_items

PROJECT = Path(__file__).resolve().parent.parent
PROBES = PROJECT / "tests" / "theme_probes.tsv"


def spans(matches):
    return [(match.span(), match.lastgroup) for match in matches]


@pytest.mark.parametrize(("regex", "items"), [
    (r"(?<!some\s)degrees?(?!\s+of)", ("d",)),  # a lookbehind starts nothing
    (r"\w+(?:-\w+)?\s+fields", (r"\w",)),
    (r"[$£€]\s?\d", ("[$£€]",)),
    (r"(?:over|under)?qualified", ("o", "u", "q")),  # an optional group: what follows may start
    (r"(?P<x>[.!?]+(?=\s|$)|\n|\s-+\s)", ("[.!?]", r"\n", r"\s")),
    (r"(?:ab)*c|d{0,2}e", ("a", "c", "d", "e")),
    (r".x", None),
])
def test_first_items_are_the_characters_a_match_can_start_with(regex, items):
    assert first_items(regex) == items


def test_an_alternative_that_can_match_nothing_is_refused():
    with pytest.raises(ValueError):
        first_items("a?")


def test_a_small_dispatched_alternation_matches_as_the_whole_regex():
    dispatched = Dispatched(["(?P<neg__0>)"], [r"good(?P<pos__0>)", r"go(?P<verb__0>)", r"\d+k(?P<pay__0>)", r"[$£](?P<pay__1>)"])
    whole = re.compile(dispatched.whole)
    text = "Good? good. go-go gone $5k £ 5k isn't a$ goodness... n't"
    assert spans(dispatched.finditer(text)) == spans(whole.finditer(text))
    assert spans(dispatched.finditer(text, 3, 20)) == spans(whole.finditer(text, 3, 20))
    for position in range(len(text)):
        found, expected = dispatched.match(text, position), whole.match(text, position)
        assert (found and found.span(), found and found.lastgroup) == (expected and expected.span(), expected and expected.lastgroup)


def probe_texts() -> list[str]:
    lines = PROBES.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t")[1].lower() for line in lines]


def test_the_cue_pattern_matches_as_the_whole_regex_on_probes_and_shuffled_words():
    cues = rules.CUE_PATTERN
    whole = re.compile(cues.whole)
    texts = probe_texts()
    words = " ".join(texts).split()
    rng = random.Random(4)
    texts += [" ".join(rng.choices(words, k=rng.randint(3, 30))) for _ in range(300)]
    for text in texts:
        assert spans(cues.finditer(text)) == spans(whole.finditer(text)), text
        for word in re.finditer(r"\w+", text):
            found, expected = cues.match(text, word.start()), whole.match(text, word.start())
            assert (found and found.span(), found and found.lastgroup) == (expected and expected.span(), expected and expected.lastgroup)


def test_one_sentence_compiles_only_the_letters_it_needs():
    script = ("from analysis.feedback import rules; from analysis.feedback.classifier import classify_by_rules;"
              "classify_by_rules('You lacked Python experience');"
              "print(len(rules.CUE_PATTERN._by_units), len(rules.CUE_PATTERN.words))")
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, check=True)
    compiled, letters = map(int, done.stdout.split())
    assert 0 < compiled <= 8 < letters
