"""Identity numbers (GB 11643): the check character against the published algorithm, masking.

The property test holds the product's check character to ISO 7064 MOD 11-2 as the standard
writes it (`beneficiary_helpers.iso7064_check`: weights 2^(i-1) mod 11 counted from the right,
and the check character completing the weighted sum to 1 modulo 11).
"""

from __future__ import annotations

import datetime

from beneficiary_helpers import iso7064_check, person_id
from hypothesis import given
from hypothesis import strategies as st

from ledger.beneficiaries.identity import (
    age_on,
    check_character,
    looks_like_identity,
    mask,
    mask_in_text,
    mask_name,
    parse_identity,
)

SEVENTEEN_DIGITS = st.text(alphabet="0123456789", min_size=17, max_size=17)
BIRTHS = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31))


@given(SEVENTEEN_DIGITS)
def test_the_check_character_is_iso_7064_mod_11_2(first17):
    assert check_character(first17) == iso7064_check(first17)


@given(SEVENTEEN_DIGITS, st.sampled_from("0123456789X"))
def test_a_number_is_refused_exactly_when_its_check_character_is_wrong(first17, check):
    judged = parse_identity(first17 + check)
    if check == iso7064_check(first17):
        assert judged.problem != "check-digit"
    else:
        assert judged.problem == "check-digit"


@given(BIRTHS, st.integers(min_value=0, max_value=999))
def test_a_well_formed_number_gives_its_birth_date_and_sex(birth, sequence):
    number = person_id(birth.strftime("%Y%m%d"), f"{sequence:03d}")
    judged = parse_identity(number)
    assert judged.birth == birth
    assert judged.problem == ("sex" if sequence % 2 else None)


def test_the_standards_own_examples():
    # GB 11643-1999, appendix: a woman born 1949-12-31 in 北京朝阳区 (check character X), and a
    # man born 1880-01-01 in 广东 (check character 4).
    woman = parse_identity("11010519491231002X")
    assert (woman.problem, woman.birth) == (None, datetime.date(1949, 12, 31))
    man = parse_identity("440524188001010014")
    assert (man.problem, man.birth) == ("sex", datetime.date(1880, 1, 1))
    assert parse_identity("11010519491231002x").problem is None  # a lower-case x is an X


def test_numbers_that_cannot_be_anyones():
    assert parse_identity(None).problem == "missing"
    assert parse_identity("  ").problem == "missing"
    assert parse_identity("11010519491231002").problem == "format"  # 17 characters
    assert parse_identity("110105194912310X2X").problem == "format"  # X inside
    assert parse_identity("110105491231002").problem == "format"  # the old 15-digit kind
    feb30 = "99030319900230" + "024"
    assert parse_identity(feb30 + iso7064_check(feb30)).problem == "birth-date"
    # Typed with spaces, full-width digits or Excel's text apostrophe: the same number.
    assert parse_identity("'１１０１０５ 19491231002X").text == "11010519491231002X"


def test_masking_shows_the_first_six_and_last_four_characters_at_most():
    assert mask("11010519491231002X") == "110105********002X"
    assert mask("1101051949") == "**********"
    assert mask_in_text("row 4: '11010519491231002X' is not a date") == (
        "row 4: '110105********002X' is not a date"
    )
    assert mask_in_text("JZ-2026-001 paid 5,710.00") == "JZ-2026-001 paid 5,710.00"
    assert mask_name("王秀英") == "王**"


@given(BIRTHS, st.integers(min_value=0, max_value=999))
def test_every_number_of_a_person_born_since_1900_looks_like_one_and_is_masked(birth, sequence):
    number = person_id(birth.strftime("%Y%m%d"), f"{sequence:03d}")
    assert looks_like_identity(number)
    old = number[:6] + number[8:17]  # the 15-digit kind: YYMMDD, no check character
    text = f"登记号{number}，“{number.lower()}”,{number[:17]} {old}。"
    head, tail = number[:6], number[-4:]
    assert mask_in_text(text) == (
        f"登记号{head}********{tail}，“{head}********{tail}”,"
        f"{head}*******{number[13:17]} {head}*****{old[-4:]}。"
    )


def test_what_looks_like_an_identity_number():
    # 18 characters, 17 (a digit lost), the old 15 (YYMMDD): a date of birth where it belongs.
    for text in (
        "11010519491231002X",
        "11010519491231002",
        "110105491231002",
        "990303199502300241",
    ):
        assert looks_like_identity(text), text
    # As a cell may hold it: Excel's apostrophe, full-width digits, spaces.
    assert looks_like_identity("'１１０１０５ 19491231002X")
    # Not a person's: register and voucher numbers, a bank account number or reference of as
    # many digits without a date of birth in its place, a sequence of 16 digits, an amount.
    for text in (
        "JZ-2026-001",
        "记-2026-005",
        "201000187654321",
        "6228480402564890018",
        "QX20240312000001",
        "1101051949123100",
        "990,102,199,201,010,642.00",
        "陈静",
    ):
        assert not looks_like_identity(text), text


def test_masking_in_text_leaves_other_numbers_alone():
    untouched = (
        "账号 201000187654321，流水号 QX20240312000001，卡号 6228480402564890018，"
        "摘要 a1101051949123100 2b，金额 990,102,199,201,010,642.00，"
        "摘要 77b19fdbdf900a2211010519491231002Xdd0"  # a digest: digits between letters
    )
    assert mask_in_text(untouched) == untouched
    assert mask_in_text("证号１１０１０５１９４９１２３１００２Ｘ。") == "证号110105********002X。"


def test_age_in_completed_years():
    birth = datetime.date(2008, 2, 29)
    assert age_on(birth, datetime.date(2026, 2, 28)) == 17
    assert age_on(birth, datetime.date(2026, 3, 1)) == 18


def test_a_number_printed_by_accident_is_masked():
    judged = parse_identity("11010519491231002X")
    assert "11010519491231002X" not in repr(judged)
    assert "110105********002X" in repr(judged)
