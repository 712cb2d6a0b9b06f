"""A small hand-written dump: four threads, copies of two comments planted across them."""

from __future__ import annotations

import json
from pathlib import Path

PASTE = ("The new port deal gives the shipping company control of the northern docks for "
         "ninety nine years and nobody in parliament read the contract before the vote")
SLOGAN = ("Every single council member who voted for the bridge tolls should be asked to "
          "drive the morning commute twice a week and then explain the fees to the rest of us")
EDITED = PASTE.replace("nobody", "no one")
WRAPPED = ("Someone posted this on another board, worth reading. " + PASTE
           + " Make of it what you will, I am just passing it along.")
OTHER = (
    "I drove past the stadium on Sunday and the car park was already full by noon again",
    "Does anyone know whether the library on the high street is open during the holidays",
    "My grandmother grew tomatoes on that balcony for thirty years without a single greenhouse",
    "The ferry timetable changed in March and the early boat now leaves twenty minutes sooner",
    "Short one.",
)

#: (thread, post id, author, timestamp, text), in file order.
ROWS = (
    ("harbour", "1", "ann", 1_600_000_000, PASTE),
    ("harbour", "2", "ben", 1_600_000_600, OTHER[0]),
    ("harbour", "3", "cat", 1_600_001_200, SLOGAN),
    ("bridge", "1", "dan", 1_600_100_000, OTHER[1]),
    ("bridge", "2", "eve", 1_600_100_500, EDITED),
    ("bridge", "3", "cat", 1_600_100_900, SLOGAN),
    ("market", "1", "fay", 1_600_200_000, OTHER[2]),
    ("market", "2", "gus", 1_600_200_400, WRAPPED),
    ("market", "3", "hal", 1_600_200_800, OTHER[4]),
    ("ferry", "1", "ivy", 1_600_300_000, OTHER[3]),
    ("ferry", "2", "cat", 1_600_300_300, SLOGAN),
)

#: The planted clusters, as (thread, post id) in file order.
PLANTED = (
    (("harbour", "1"), ("bridge", "2"), ("market", "2")),
    (("harbour", "3"), ("bridge", "3"), ("ferry", "2")),
)


def write_jsonl(path: Path, rows: tuple[tuple[str, str, str, int, str], ...] = ROWS) -> Path:
    """Write rows as a JSON Lines dump with a ``thread`` field."""
    path.write_text("".join(json.dumps({"thread": t, "id": i, "author": a, "timestamp": ts,
                                        "text": text}) + "\n"
                            for t, i, a, ts, text in rows), encoding="utf-8")
    return path
