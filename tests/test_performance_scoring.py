"""Scoring as the self-evaluation form does it: each direction, its edges, the grade bounds.

Every figure here is worked out by hand from the README's rules.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ledger.performance.model import DEFAULT_SCORING
from ledger.performance.scoring import completion, grade, rounded, score

D = Decimal


@pytest.mark.parametrize(
    ("target", "actual", "share", "points"),
    [
        ("100", "85", "0.85", "25.5"),  # weight 30 x 0.85
        ("100", "100", "1", "30"),
        ("100", "130", "1.3", "30"),  # over the target: capped at the weight
        ("0", "0", "1", "30"),  # nothing asked: met
        ("100", "-5", "0", "0"),  # a negative actual scores nothing
    ],
)
def test_at_least_scores_its_share_capped_at_the_weight(target, actual, share, points):
    found = completion("at-least", D(target), D(actual))
    assert found == D(share)
    assert score(D(30), found) == D(points)


@pytest.mark.parametrize(
    ("target", "actual", "share", "points"),
    [
        ("300", "300", "1", "20"),  # at the target: full marks
        ("300", "250", "1", "20"),  # under it
        ("20", "0", "1", "20"),  # an actual of 0: full marks
        ("300", "320", "0.9375", "18.75"),  # 20 x 300 / 320
        ("0", "0", "1", "20"),
    ],
)
def test_at_most_is_full_marks_at_or_under_the_target(target, actual, share, points):
    found = completion("at-most", D(target), D(actual))
    assert found == D(share)
    assert score(D(20), found) == D(points)


@pytest.mark.parametrize(
    ("target", "actual", "share", "points"),
    [
        ("2", "2", "1", "10"),
        ("2", "3", "0.5", "5"),  # 10 x (1 - 1/2)
        ("2", "1", "0.5", "5"),  # under by as much: the same
        ("2", "5", "0", "0"),  # 1 - 3/2 is below 0: nothing
        ("0", "1", "0", "0"),  # nothing but 0 meets a target of 0
    ],
)
def test_exactly_loses_the_relative_deviation(target, actual, share, points):
    found = completion("exactly", D(target), D(actual))
    assert found == D(share)
    assert score(D(10), found) == D(points)


def test_scores_stay_exact_and_round_half_up_when_shown():
    # 15 x 89.2 / 90 = 14.8666…: exact inside, 14.87 when shown.
    exact = score(D(15), completion("at-least", D(90), D("89.2")))
    assert exact != D("14.87")
    assert rounded(exact) == D("14.87")
    assert rounded(D("0.125")) == D("0.13")  # half up, not half even
    assert rounded(D("2.675")) == D("2.68")


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        ("100", "excellent"),
        ("90", "excellent"),
        ("89.996", "good"),  # shown as 90.00, still 良: the grade reads the exact total
        ("80", "good"),
        ("79.99", "fair"),
        ("60", "fair"),
        ("59.99", "poor"),
        ("0", "poor"),
    ],
)
def test_grades_by_the_default_bounds(total, expected):
    assert grade(D(total), DEFAULT_SCORING) == expected


def test_grades_by_the_ledgers_bounds():
    scoring = DEFAULT_SCORING._replace(excellent=D(85), good=D(75), fair=D(60))
    assert grade(D(85), scoring) == "excellent"
    assert grade(D("84.9"), scoring) == "good"
    assert grade(D(75), scoring) == "good"
    assert grade(D(33), scoring) == "poor"
