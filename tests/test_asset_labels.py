"""`mch-ledger labels`: asset labels whose QR codes scan back to their card numbers.

The page is printed as the accountant would see it: Chromium renders it, each label is
photographed (a screenshot) and OpenCV's QR detector reads the code, as a phone would.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy
import pytest
from asset_helpers import EACH_RULE, copy_asset_ledger
from bs4 import BeautifulSoup
from click.testing import CliRunner
from playwright.sync_api import sync_playwright
from test_fava_browser import CHROMIUM, CHROMIUM_ARGS

from commands.main import main

DEMO = Path(__file__).resolve().parents[1] / "main.beancount"


def run(*args: str):
    return CliRunner().invoke(main, ["labels", *args])


def scanned(page_path: Path) -> dict[str, str]:
    """Each label's card number as printed, and what its QR code reads as."""
    found = {}
    detector = cv2.QRCodeDetector()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1000, "height": 1400}, device_scale_factor=2)
        page.goto(page_path.as_uri())
        for label in page.locator(".label").all():
            image = cv2.imdecode(numpy.frombuffer(label.screenshot(), numpy.uint8), 1)
            text, _, _ = detector.detectAndDecode(image)
            found[label.get_attribute("data-card")] = text
        browser.close()
    return found


def test_the_demos_2026_labels_scan_to_their_cards(tmp_path):
    target = tmp_path / "标签.html"
    result = run(str(DEMO), "--year", "2026", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert "已写入 5 张资产标签" in result.output
    page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    label = page.select_one('.label[data-card="ZC-2026-004"]').get_text(" ", strip=True)
    assert "婴儿培养箱 YP-100" in label and "儿科病房" in label and "王丽华" in label
    # The cards bought in 2026; the Doppler monitor transferred out in 2026 is not in use.
    expected = [f"ZC-2026-00{n}" for n in range(1, 6)]
    assert scanned(target) == {card: card for card in expected}


def test_a_years_labels_are_its_cards_in_use_at_its_end():
    def labelled(*args: str) -> dict[str, str]:
        result = run(str(DEMO), *args)
        assert result.exit_code == 0, result.output
        page = BeautifulSoup(result.output, "html.parser")
        return {tag["data-card"]: tag.get_text(" ", strip=True) for tag in page(class_="label")}

    # The Doppler monitor transferred to 石桥乡卫生院 on 2026-06-18: in use at the end of 2024
    # (where it was then, as the register keeps it), not at the end of 2026 nor now.
    of_2024 = labelled("--year", "2024")
    assert list(of_2024) == [f"ZC-2024-00{n}" for n in range(1, 7)]
    assert "产科门诊 · 保管人 张敏" in of_2024["ZC-2024-002"]
    assert "ZC-2024-002" not in labelled("--year", "2026")
    assert "ZC-2024-002" not in labelled()


def test_labels_of_the_cards_in_use_or_asked_for(tmp_path):
    result = run(str(DEMO))
    cards = [
        tag["data-card"] for tag in BeautifulSoup(result.output, "html.parser")(class_="label")
    ]
    # Every card in use: sixteen cards less the Doppler monitor transferred in 2026.
    assert len(cards) == 15 and "ZC-2024-002" not in cards
    result = run(str(DEMO), "--card", "ZC-2025-003", "--card", "ZC-2024-001", "--lang", "en")
    cards = [
        tag["data-card"] for tag in BeautifulSoup(result.output, "html.parser")(class_="label")
    ]
    assert cards == ["ZC-2025-003", "ZC-2024-001"]
    assert "asset labels" in result.output


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--card", "ZC-404"], "no register holds these cards: ZC-404"),
        (["--card", "ZC-001", "--card", "ZC-999"], "ZC-999"),
    ],
)
def test_a_card_in_no_register_is_refused(tmp_path, args, words):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE)
    target = tmp_path / "labels.html"
    result = run(str(ledger), *args, "--output", str(target))
    assert result.exit_code == 1
    assert words in result.output
    assert not target.exists()


def test_a_register_that_does_not_read_is_refused(tmp_path):
    ledger = copy_asset_ledger(tmp_path, EACH_RULE)
    register = ledger.with_suffix(".csv")
    register.write_text(register.read_text(encoding="utf-8") + "ZC-001,x,y,1,1,z,,,,,在用,,\n")
    target = tmp_path / "labels.html"
    result = run(str(ledger), "--output", str(target))
    assert result.exit_code == 1
    assert "row 22, column 卡片编号" in result.output
    assert not target.exists()
