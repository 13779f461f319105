"""The self-evaluation a pack carries (`self-evaluation.json`), and what differs in the books now.

A year's seal covers its transactions and their voucher copies, not what scores the year: a
`grant-actual` filed or corrected after the close, a new target or weight changes a closed,
sealed year's self-evaluation without touching a sealed entry. So the pack records the
self-evaluation it was made with, as its report shows it, machine-readably:

    {"year": 2025, "closed": true, "total": "79.56", "grade": "good", "weights": "100.00",
     "execution": {"rate": "96.04", "score": "9.60"},
     "indicators": [{"indicator": "服务对象满意度", "target": "90.00", "actual": "99.00",
                     "score": "20.00", "status": "met",
                     "evidence": "evidence/2025年服务对象满意度调查报告.pdf",
                     "evidence_sha256": "d54d0e6d…"}, …]}

and `mch-ledger verify-pack` works the same record out from the books and names each difference:
the total, the grade, each indicator's actual value and score, an indicator gone or added, and
evidence whose content changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ledger.i18n import Catalogue
from ledger.loading import LoadedLedger
from ledger.model import Year
from ledger.seals import file_sha256
from reports.render.cells import format_score

RECORD_NAME = "self-evaluation.json"
"""The record's name in the pack."""

Evidence = Mapping[str, tuple[str, Path]]
"""Indicator -> (its evidence's name in the pack, the file in the books)."""


def _shown(value: Any) -> str | None:
    """A score or value as the report shows it (two decimals), None for none."""
    return format_score(value) if value is not None else None


def _digest(path: Path) -> str | None:
    try:
        return file_sha256(path)
    except OSError:
        return None


def evaluation_record(ledger: LoadedLedger, year: Year, evidence: Evidence) -> dict[str, Any]:
    """The self-evaluation of `year` as the pack records it.

    Args:
        ledger: the loaded books.
        year: a fiscal year the books cover.
        evidence: each reported indicator's evidence, as the pack holds it.
    """
    evaluation = ledger.grant.performance.of_year(year)
    execution = evaluation.execution
    indicators = []
    for line in evaluation.indicators:
        name = line.target.name
        found = evidence.get(name)
        indicators.append(
            {
                "indicator": name,
                "target": _shown(line.target.value),
                "actual": _shown(line.actual),
                "score": _shown(line.score),
                "status": line.status,
                "evidence": found[0] if found else None,
                "evidence_sha256": _digest(found[1]) if found else None,
            }
        )
    return {
        "year": year,
        "closed": evaluation.closed,
        "total": _shown(evaluation.total),
        "grade": evaluation.grade,
        "weights": _shown(evaluation.weights),
        "execution": {
            "rate": _shown(execution.rate * 100) if execution.rate is not None else None,
            "score": _shown(execution.score),
        },
        "indicators": indicators,
    }


def record_bytes(record: Mapping[str, Any]) -> bytes:
    """The record as the pack's file: UTF-8 JSON, keys in order, one per line."""
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_record(content: bytes) -> dict[str, Any] | None:
    """A pack's record, or None when it does not read as one."""
    try:
        record = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("indicators"), list):
        return None
    return record


def differences(
    msg: Catalogue, year: Year, pack: Mapping[str, Any], books: Mapping[str, Any]
) -> list[str]:
    """Each way the books' self-evaluation of `year` differs from the one the pack carries."""

    def grade(value: object) -> str:
        return msg(f"grade-{value}") if value else msg("grade-none")

    def shown(value: object) -> str:
        return str(value) if value is not None else "—"

    found = []
    if pack.get("total") != books.get("total"):
        found.append(
            msg(
                "verify.evaluation-total",
                year=year,
                books=shown(books.get("total")),
                pack=shown(pack.get("total")),
            )
        )
    if pack.get("grade") != books.get("grade"):
        found.append(
            msg(
                "verify.evaluation-grade",
                year=year,
                books=grade(books.get("grade")),
                pack=grade(pack.get("grade")),
            )
        )
    execution = msg("perf-execution")
    packed = (pack.get("execution") or {}).get("score")
    now = (books.get("execution") or {}).get("score")
    if packed != now:
        found.append(
            msg(
                "verify.evaluation-value",
                name=execution,
                what=msg("verify.what-score"),
                books=shown(now),
                pack=shown(packed),
            )
        )
    in_pack = {
        line.get("indicator"): line for line in pack.get("indicators", []) if isinstance(line, dict)
    }
    in_books = {line["indicator"]: line for line in books["indicators"]}
    for name, line in in_pack.items():
        if name not in in_books:
            found.append(msg("verify.evaluation-gone", name=name, year=year))
            continue
        now_line = in_books[name]
        for key in ("actual", "score"):
            if line.get(key) != now_line[key]:
                found.append(
                    msg(
                        "verify.evaluation-value",
                        name=name,
                        what=msg(f"verify.what-{key}"),
                        books=shown(now_line[key]),
                        pack=shown(line.get(key)),
                    )
                )
        if line.get("evidence_sha256") != now_line["evidence_sha256"]:
            found.append(
                msg(
                    "verify.evaluation-evidence",
                    name=name,
                    pack=shown(line.get("evidence")),
                )
            )
    for name in in_books:
        if name not in in_pack:
            found.append(msg("verify.evaluation-new", name=name, year=year))
    return found
