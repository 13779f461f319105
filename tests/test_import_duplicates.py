"""Duplicates: by bank reference; without one, by date, amount, counterparty and balance.

Hand-worked: each statement below starts from a balance of 1,000.00, so every row's running
balance is written in the comments, and which rows are already in the ledger is stated.
"""

from __future__ import annotations

from decimal import Decimal

from import_helpers import (
    R,
    amounts,
    extract,
    golden_entries,
    new_transactions,
    statement_text,
    with_balances,
    write_statement,
)

from importers.importer import DUPLICATE


def _rows():
    return with_balances(
        Decimal("1000.00"),
        [
            R(
                "2025-03-03 09:00", "-1400.00", "王丽华", "报销督导检查差旅费", "转账", "QX01"
            ),  # -400
            R(
                "2025-03-04 09:00", "2000.00", "清溪县财政局", "县级配套资金", "拨款", "QX02"
            ),  # 1600
            R(
                "2025-03-05 09:00", "-1400.00", "王丽华", "报销督导检查差旅费", "转账", "QX03"
            ),  # 200
            R("2025-03-21 01:00", "3.20", "", "结息", "结息"),  # 203.20, no reference
            R("2025-03-31 01:00", "3.20", "", "结息", "结息", "000000"),  # 206.40, all zeros
        ],
    )


def test_a_statement_imported_twice_adds_nothing_the_second_time(tmp_path):
    path = write_statement(tmp_path / "s.csv", _rows())
    first = extract(path, golden_entries())
    assert len(new_transactions(first)) == 5
    again = extract(path, [*golden_entries(), *first])
    assert new_transactions(again) == []
    assert all(DUPLICATE in entry.meta for entry in again)  # the balance assertion too


def test_equal_payments_in_one_week_are_not_duplicates(tmp_path):
    # beangulp issue 179: its default calls the second 1,400.00 to 王丽华 a duplicate.
    rows = _rows()
    first = extract(write_statement(tmp_path / "a.csv", rows[:1]), golden_entries())
    later = extract(write_statement(tmp_path / "b.csv", rows), [*golden_entries(), *first])
    assert amounts(new_transactions(later)) == [
        Decimal("2000.00"),
        Decimal("-1400.00"),
        Decimal("3.20"),
        Decimal("3.20"),
    ]


def test_rows_without_reference_match_by_date_amount_counterparty_and_balance(tmp_path):
    rows = _rows()
    first = extract(write_statement(tmp_path / "a.csv", rows[:4]), golden_entries())
    interest = new_transactions(first)[3]
    assert "bank-ref" not in interest.meta
    assert interest.meta["bank-balance"] == "203.20"
    later = extract(write_statement(tmp_path / "b.csv", rows), [*golden_entries(), *first])
    # The 31 March interest has the same amount and counterparty but another date and balance.
    assert [(e.date.day, amounts([e])[0]) for e in new_transactions(later)] == [
        (31, Decimal("3.20"))
    ]


def test_an_existing_entry_matches_one_row_only(tmp_path):
    # +50, -50, +50 on one day, no references: rows 1 and 3 have equal keys (balance 1,050.00).
    rows = with_balances(
        Decimal("1000.00"),
        [
            R("2025-04-01 09:00", "50.00", "张敏", "退回补助", "转账"),  # 1050
            R("2025-04-01 10:00", "-50.00", "张敏", "补助", "转账"),  # 1000
            R("2025-04-01 11:00", "50.00", "张敏", "退回补助", "转账"),  # 1050
        ],
    )
    first = extract(write_statement(tmp_path / "a.csv", rows[:1]), golden_entries())
    later = extract(write_statement(tmp_path / "b.csv", rows), [*golden_entries(), *first])
    assert amounts(new_transactions(later)) == [Decimal("-50.00"), Decimal("50.00")]


def test_a_row_listed_twice_in_a_statement_is_taken_once(tmp_path):
    # Some exports repeat a page's last row at the top of the next page.
    rows = _rows()
    lines = statement_text(rows).split("\r\n")
    lines.insert(8, lines[7])  # the row of QX02 again
    path = tmp_path / "s.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    entries = extract(path, golden_entries())
    fresh = new_transactions(entries)
    assert [e.meta["bank-ref"] for e in fresh[:3]] == ["QX01", "QX02", "QX03"]
    repeated = [e for e in entries if DUPLICATE in e.meta and hasattr(e, "postings")]
    assert [e.meta.get("bank-ref") for e in repeated] == ["QX02"]
    assert "voucher" not in repeated[0].meta
    assert [e.meta["voucher"] for e in fresh] == [f"记-2025-00{n}" for n in range(1, 6)]


def test_overlapping_statements_in_either_order_give_each_row_once(tmp_path):
    rows = _rows()
    early = write_statement(tmp_path / "early.csv", rows[:3])
    late_rows = with_balances(rows[1]["balance"], [dict(r) for r in rows[2:]])
    late = write_statement(tmp_path / "late.csv", [dict(rows[1]), *late_rows])
    for order in ((early, late), (late, early)):
        ledger = golden_entries()
        for path in order:
            ledger = [*ledger, *new_transactions(extract(path, ledger))]
        imported = [e for e in ledger if hasattr(e, "postings") and "bank-ref" in e.meta]
        imported += [e for e in ledger if hasattr(e, "postings") and "bank-balance" in e.meta]
        assert sorted(amounts(imported)) == sorted(r["amount"] for r in rows)


def test_reversal_stays_as_the_bank_shows_it(tmp_path):
    rows = with_balances(
        Decimal("1000.00"),
        [
            R("2025-04-03 11:00", "-1080.00", "文汇商行", "购置办公用品", "转账", "R1"),  # -80
            R("2025-04-03 15:00", "1080.00", "文汇商行", "冲正：购置办公用品", "冲正", "R2"),
        ],
    )
    fresh = new_transactions(extract(write_statement(tmp_path / "s.csv", rows), golden_entries()))
    assert [(e.narration, amounts([e])[0]) for e in fresh] == [
        ("购置办公用品", Decimal("-1080.00")),
        ("冲正：购置办公用品", Decimal("1080.00")),
    ]
    assert [p.account for p in fresh[1].postings] == [
        "Expenses:MCH:Management",
        "Assets:Bank:QXRCB",
    ]
