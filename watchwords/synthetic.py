"""Synthetic news corpora of any size, for benchmarks and scale-out tests.

Every sentence here was written for the project (no third-party text). A document is assembled from these
pieces by a random generator seeded with (``seed``, document number), so document k is the same whatever the
size of the corpus or the partition that makes it, and a corpus of a million reports can be generated partition by
partition without holding it. A report has a headline, a byline, a dateline, a lede, body paragraphs with direct
and indirect quotations attributed to officials, agencies, rights groups and residents (reporting verbs in several
forms, "according to" and chains such as "X told Y"), and wording of the codebook's frames (security, rights,
technology, control, legality, civic duty, human cost, error), with a mix per outlet type. Outlet types follow the
manifest's vocabulary; about one report in twelve is in Russian (a short text in Cyrillic written for the
project), so that language handling is exercised.

Not a model of any real coverage: the frequencies of frames and sources are set by the weights below.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

__all__ = ["synthetic_documents", "write_synthetic", "OUTLET_TYPES"]

OUTLET_TYPES = ("state media", "independent Russian media", "mainstream media", "Ukrainian media", "aggregator")
_OUTLETS = {
    "state media": ["Capital Wire", "State Courier", "Federal Herald"],
    "independent Russian media": ["Free Column", "Open River", "Night Edition"],
    "mainstream media": ["Daily Ledger", "Evening Standard Post", "The Observer Line"],
    "Ukrainian media": ["Kyiv Bulletin", "Dnipro Daily"],
    "aggregator": ["NewsHub", "Headline Stream"],
}
_CITIES = ["Moscow", "Northbridge", "Kazan", "Rivertown", "Samara", "Eastport", "Tver", "Lakeside"]
_OFFICIALS = [("the city's chief enlistment officer", "Ivan Morozov"), ("the deputy mayor", "Olga Petrova"),
              ("the head of the transport department", "Pavel Sokolov"), ("a police spokesman", "Andrei Volkov"),
              ("the regional governor", "Sergei Orlov")]
_OTHERS = [("a lawyer for the rights group Open Streets", "Maria Lebedeva"), ("a digital rights researcher", "Dina Kern"),
           ("a commuter", "Alexei"), ("a university professor", "Nina Frolova"), ("an opposition councillor", "Boris Gall")]
_AGENCIES = ["Capital Wire", "the Federal News Agency", "Reuters", "the Associated Press", "Interfax"]
_VERBS = ["said", "told reporters", "added", "stressed", "claimed", "warned", "noted", "explained", "insisted"]
_FRAMES = {
    "security": ["The system helps police find wanted criminals and keep the city safe.",
                 "Officials said the cameras prevent crime and protect residents.",
                 "The network has helped to solve crimes and reduce street crime."],
    "rights": ["Critics say the surveillance violates the right to privacy.",
               "Rights groups warned that personal data is collected without consent.",
               "The practice raises concerns about civil liberties and freedom of movement."],
    "technology": ["The facial recognition system can identify a face in seconds.",
                   "Engineers said the algorithm matches images against a database of photos.",
                   "The upgraded network of cameras processes millions of images a day."],
    "control": ["Activists described the cameras as a tool of repression and control.",
                "The system has been used to track down protesters and detain them in the metro.",
                "Observers said the authorities were building a digital gulag."],
    "legality": ["The law requires a court order before such data can be used.",
                 "Lawyers said the detentions had no legal basis.",
                 "A court ruled that the use of the cameras was lawful."],
    "duty": ["Officials reminded men of their duty to report to the enlistment office.",
             "Those who evade the draft face fines, the ministry said.",
             "Reservists were told to serve their country and answer the summons."],
    "human": ["Families said their sons were afraid to leave home.",
              "Many young men have fled abroad to avoid being sent to the front.",
              "A mother described how her son was stopped at a metro station."],
    "error": ["The system wrongly identified an innocent man as a suspect.",
              "Experts warned that the algorithm makes mistakes and shows bias.",
              "Errors in the database led to the detention of the wrong people."],
}
#: frame weights per outlet type (how often a paragraph carries each frame)
_MIX: dict[str, dict[str, float]] = {
    "state media": {"security": 5, "technology": 4, "duty": 4, "legality": 2, "rights": 1, "control": 0.5,
                    "human": 0.5, "error": 0.5},
    "independent Russian media": {"control": 5, "rights": 4, "human": 4, "legality": 3, "error": 2, "security": 1,
                                  "technology": 1, "duty": 1},
    "mainstream media": {"control": 3, "rights": 3, "technology": 3, "security": 2, "human": 2, "legality": 2,
                         "error": 1, "duty": 1},
    "Ukrainian media": {"control": 5, "human": 3, "duty": 2, "rights": 2, "security": 1, "technology": 1,
                        "legality": 1, "error": 1},
    "aggregator": {"technology": 3, "security": 3, "control": 2, "rights": 2, "duty": 2, "human": 1, "legality": 1,
                   "error": 1},
}
_HEADLINES = ["{city} uses face-recognition cameras to find men who skip the draft",
              "Cameras in the {city} metro help locate conscripts, official says",
              "{city} turns surveillance network on draft dodgers",
              "Rights groups alarmed as {city} expands facial recognition"]
_RUSSIAN = ("ЗАГОЛОВОК: Камеры в метро помогают находить призывников\n\n"
            "{city}. Камеры с системой распознавания лиц используются для поиска призывников, заявил {name}.\n\n"
            "«Система работает круглосуточно», — сообщил он журналистам. По словам правозащитников, это нарушает "
            "право на частную жизнь.\n")


def _quote(rng: random.Random, role: str, name: str, sentence: str) -> str:
    verb = rng.choice(_VERBS)
    inner = sentence.rstrip(".")
    style = rng.randrange(4)
    if style == 0:
        return f'"{inner}," {verb.split()[0]} {name}, {role}.'
    if style == 1:
        return f"{name}, {role}, {verb} that {inner[0].lower() + inner[1:]}."
    if style == 2:
        return f"According to {role}, {inner[0].lower() + inner[1:]}."
    agency = rng.choice(_AGENCIES)
    return f"{name} told {agency} that {inner[0].lower() + inner[1:]}."


def _document(k: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed * 1_000_003 + k)
    outlet_type = OUTLET_TYPES[rng.randrange(len(OUTLET_TYPES))]
    outlet = rng.choice(_OUTLETS[outlet_type])
    city = rng.choice(_CITIES)
    day = date(2023, 4, 1) + timedelta(days=rng.randrange(120))
    official_role, official = rng.choice(_OFFICIALS)
    other_role, other = rng.choice(_OTHERS)
    base = {"doc_id": f"syn{k:07d}", "outlet": outlet, "outlet_type": outlet_type, "date": day.isoformat(),
            "month": f"{day:%Y-%m}", "title": "", "language": "en"}
    if rng.random() < 1 / 12:
        text = _RUSSIAN.format(city=city, name=official)
        return {**base, "title": "Камеры в метро", "language": "ru", "text": text}
    headline = rng.choice(_HEADLINES).format(city=city)
    frames, weights = zip(*_MIX[outlet_type].items())
    paragraphs = [f"HEADLINE: {headline}", f"BYLINE: By {rng.choice(['A. Writer', 'B. Field', 'C. Desk'])}",
                  f"DATELINE: {city.upper()}, {day:%B} {day.day}",
                  f"Facial recognition cameras in {city} are being used to find men called up for military service, "
                  f"{official_role} {official} {rng.choice(['said', 'told reporters', 'announced'])} on {day:%A}."]
    for _ in range(rng.randrange(3, 9)):
        frame = rng.choices(frames, weights=weights)[0]
        sentence = rng.choice(_FRAMES[frame])
        speaker = (official_role, official) if frame in ("security", "technology", "duty") else (other_role, other)
        if rng.random() < 0.6:
            paragraphs.append(_quote(rng, speaker[0], speaker[1], sentence))
        else:
            paragraphs.append(sentence)
    if rng.random() < 0.3:
        paragraphs.append(f"{rng.choice(_AGENCIES)} contributed to this report.")
    return {**base, "title": headline, "text": "\n\n".join(paragraphs) + "\n"}


def synthetic_documents(n: int, *, seed: int = 0, start: int = 0) -> Iterator[dict[str, str]]:
    """Documents ``start`` to ``start + n - 1`` of the synthetic corpus ``seed``: dicts with doc_id, outlet,
    outlet_type, date, month (YYYY-MM), title, language and text (the Watchwords text format).

    Example:
        >>> docs = list(synthetic_documents(3, seed=1))
        >>> [d["doc_id"] for d in docs], docs[0] == next(synthetic_documents(1, seed=1))
        (['syn0000000', 'syn0000001', 'syn0000002'], True)
    """
    for k in range(start, start + n):
        yield _document(k, seed)


def write_synthetic(path: str | Path, documents: int, *, seed: int = 0) -> float:
    """Write documents 0 to ``documents - 1`` of the synthetic corpus ``seed`` as JSON lines (one report a line,
    the fields of :func:`synthetic_documents`), atomically (a temporary file, then a rename), one report at a time;
    returns the megabytes of text written.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> round(write_synthetic(Path(folder) / "s.jsonl", 3, seed=1), 4) > 0
        True
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    characters = 0
    with open(temporary, "w", encoding="utf-8") as handle:
        for document in synthetic_documents(documents, seed=seed):
            characters += len(document["text"])
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")
    os.replace(temporary, path)
    return characters / 1e6
