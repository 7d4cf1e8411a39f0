"""The words trackers use for statuses, stages and tick marks, one table per language.

To teach the reader a language, add a table to ``STATUS_WORDS`` (and its tick words to
``TICKS``): each entry is a regular-expression alternative matched as whole words against the
value lower-cased with accents removed ("Rückmeldung" -> "ruckmeldung", "Réponse" -> "reponse"),
so entries may be written with or without accents. ``statuses.py`` compiles one pattern per
meaning from all tables together, so a file may mix languages.
"""
from __future__ import annotations

import re
import unicodedata

MEANINGS = ("not_applied", "offer_lost", "offer", "withdrawn", "no_response", "role_closed", "rejected",
            "in_progress", "approach", "final", "second", "first", "applied")
"""What a word can say, in the order the reader tries them (an earlier meaning wins)."""

ENGLISH: dict[str, tuple[str, ...]] = {
    "not_applied": (r"wish ?list", r"bookmark\w*", "saved", "need to apply", "to apply", r"not (yet )?applied",
                    "didn t apply", "did not apply", "didnt apply", "never applied", "haven t applied",
                    r"plan(ning)? to apply", "applying", "draft", "prospect"),
    "offer_lost": ("no offer", r"offer (rescinded|withdrawn|revoked)", "rescinded"),
    "offer": ("offers?", r"negotiat\w*", "accepted", "hired", "signed", "job offer"),
    "withdrawn": (r"withdr\w*", "pulled out", "i declined", "not interested", "lost interest", "decided not to",
                  "declined to", "retracted", "dropped out", "self rejected", "i rejected"),
    "no_response": (r"no (response|reply|replies|answer|news|contact)", r"ghost\w*", "never heard", "not heard",
                    "never responded", "unanswered", "silence", "no word"),
    "role_closed": (r"(position|role|job|posting|vacancy|req)\b.*\b(removed|closed|filled|cancell?ed|on hold|frozen|pulled|expired)",
                    "hiring freeze", r"internal (hire|candidate)", "filled internally",
                    "job closed", "closed", r"cancell?ed", "on hold"),
    "rejected": (r"reje\w*", "rejec", "not selected", "unsuccessful", "declined", "turned down",
                 r"not (moving|progressing|proceeding)", "no longer", "denied", r"fail\w*", "not a fit",
                 "not hired", "refused", r"regret\w*", "dismissed", "not chosen", "passed on", "no thanks", "nope",
                 "did not pass", "didn t pass", "not progressed", "lost"),
    "in_progress": ("pending", "in progress", "ongoing", "waiting", "awaiting", "under review", "in review",
                    "reviewing", "active", "open", "submitted", "applied", "scheduled", r"next steps?",
                    "considering", r"shortlist\w*", "interviewing", "in process", "sent", "processing", "new"),
    "approach": ("inquiry", "enquiry", "reached out", "sourced", "contacted", "approached", "inbound"),
    "final": (r"final\w*", "onsite", "on site", "panel", "superday", "super day", "last round", "third", "3rd",
              "round 3", r"assessment (center|centre)", "loop"),
    "second": ("second", "2nd", "round 2", "technical interview", "tech interview", "case study", "take home",
               "follow up interview", "team interview", "inter2", "interview 2"),
    "first": (r"interview\w*", "inter", "intvw", r"screen\w*", "phone", "call", "recruiter", "hr",
              "hiring manager", "coding challenge", "code challenge", "challenge", "assessment", "test",
              "codesignal", "hackerrank", "oa", "first", "1st", "round 1", "video", "campus"),
    "applied": ("applied", "submitted", "application", "sent"),
}

GERMAN: dict[str, tuple[str, ...]] = {
    "not_applied": ("merkliste", "vorgemerkt", "noch nicht beworben", "nicht beworben", "entwurf",
                    r"geplant\w*", "zu bewerben"),
    "offer": ("zusage", r"angebot\w*", r"vertragsangebot\w*", "eingestellt", "angenommen", "vertrag"),
    "withdrawn": (r"zuruckgezogen\w*", "selbst abgesagt", "ich habe abgesagt", "kein interesse"),
    "no_response": (r"keine (ruckmeldung|antwort|reaktion)", "ohne (ruckmeldung|antwort)", "nie gehort"),
    "role_closed": (r"stelle\b.*\b(besetzt|gestrichen|zuruckgezogen)", "intern besetzt", "anderweitig besetzt"),
    "rejected": ("absage", "abgelehnt", "ablehnung", "nicht berucksichtigt", "leider nein", "nicht weiter"),
    "in_progress": ("offen", "in bearbeitung", "ausstehend", r"wartend\w*", "laufend", "eingereicht",
                    "gesendet", "versendet", "beworben"),
    "final": (r"abschluss\w*", r"final\w*", r"dritt\w*", "3 gesprach", "assessment center"),
    "second": (r"zweit\w*", "2 gesprach", r"fachgesprach\w*", r"fachinterview\w*"),
    "first": (r"\w*gesprach\w*", r"telefoninterview\w*", r"einladung\w*", r"erst\w*", "1 gesprach"),
    "applied": ("beworben", "bewerbung", "eingereicht"),
}

FRENCH: dict[str, tuple[str, ...]] = {
    "not_applied": ("a postuler", "pas encore postule", "non postule", "brouillon", "favoris?", "envisage"),
    "offer": ("offre", "offre d emploi recue", "proposition", "embauche", "acceptee?", "promesse d embauche"),
    "withdrawn": (r"desiste\w*", r"retiree?", r"abandon\w*", "candidature retiree"),
    "no_response": ("sans reponse", "pas de reponse", "aucune reponse", "aucun retour", "sans nouvelles",
                    "pas de nouvelles", "sans retour"),
    "role_closed": (r"poste\b.*\b(pourvu|ferme|annule|supprime)", "pourvu en interne", "recrutement annule"),
    "rejected": ("refus", r"refusee?", r"rejetee?", r"non retenue?", "negatif", "reponse negative",
                 "pas retenu", "candidature non retenue"),
    "in_progress": ("en cours", "en attente", r"postulee?", "candidature envoyee", r"envoyee?", "a l etude"),
    "final": (r"entretien final", "dernier entretien", r"troisieme entretien", "3e entretien"),
    "second": (r"deuxieme entretien", "2e entretien", "second entretien", "entretien technique"),
    "first": (r"entretiens?\w*", "entretien telephonique", "premier entretien", "1er entretien", "appel",
              "test technique"),
    "applied": (r"postulee?", "candidature"),
}

STATUS_WORDS: dict[str, dict[str, tuple[str, ...]]] = {"en": ENGLISH, "de": GERMAN, "fr": FRENCH}

TICKS: dict[str, dict[str, tuple[str, ...]]] = {
    "reached": {"en": ("x", "y", "yes", "true", "1", "done", "✓", "✔", "✔️", "☑", "☑️", "✅"),
                "de": ("ja",), "fr": ("oui",)},
    "not_reached": {"en": ("n", "no", "false", "0", "☐"), "de": ("nein",), "fr": ("non",)},
    "blank": {"en": ("n/a", "na", "-", "–", "—", "none", "null", "nan")},
    "ghosted": {"en": ("g", "ghosted", "ghost")},
}
"""Tick marks in a stage column. A date or a word naming the stage also counts as reached; any
other word is not understood and counted nowhere."""


def fold(text: str) -> str:
    """Lower case without accents or emoji: "Rückmeldung ✅" -> "ruckmeldung " ("ß" -> "ss")."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return decomposed.encode("ascii", "ignore").decode("ascii")


def pattern_of(meaning: str) -> re.Pattern[str]:
    """One whole-word pattern for a meaning, from every language's table."""
    entries = [fold(entry) for table in STATUS_WORDS.values() for entry in table.get(meaning, ())]
    return re.compile(r"\b(" + "|".join(entries) + r")\b")


def tick_words(kind: str) -> frozenset[str]:
    """Every language's tick words of one kind ("reached", "not_reached", "blank", "ghosted")."""
    return frozenset(word for words in TICKS[kind].values() for word in words)


def plain_words(min_length: int = 6) -> frozenset[str]:
    """The plain words (no pattern syntax) of the tables other than English, folded: spellings the
    typo corrector leaves alone ("reponse" is French, not a typo of "response")."""
    words = set()
    for language, table in STATUS_WORDS.items():
        if language == "en":
            continue
        for entries in table.values():
            for entry in entries:
                words |= {word for word in re.split(r"[^a-z]+", fold(entry)) if len(word) >= min_length
                          and not re.search(re.escape(word) + r"[?*\\(|]", fold(entry))}
    return frozenset(words)
