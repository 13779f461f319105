"""Import messages speak the ledger's language: Chinese with `language "zh"`, English otherwise.

Refusals keep naming the file, the row and the column and saying what to do; the summary lines
and the ledger comment are the catalogue's too (`ledger/i18n/imports.py`). The Import page of
`mch-ledger serve` shows an extraction's refusal alone, in the ledger's language; `--lang`
overrides on the command line.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fava.application import create_app
from import_helpers import GOLDEN_LEDGER, STATEMENTS

import importers
from commands.main import main
from ledger.i18n import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]
ZH = '2024-01-01 custom "fava-option" "language" "zh"\n'
OPENING = '2025-01-01 * "期初余额"\n  Assets:Bank:QXRCB  4818.56 CNY\n  Income:Grant:County\n'


@pytest.fixture
def chinese(tmp_path):
    path = tmp_path / "ledger.beancount"
    path.write_text(ZH + GOLDEN_LEDGER.read_text(encoding="utf-8") + OPENING, encoding="utf-8")
    return path


def _broken(tmp_path):
    """The qxrcb sample with its 1,420.00 payment (row 8) lost: row 8's balance breaks."""
    lines = (STATEMENTS / "qxrcb.csv").read_bytes().decode("gbk").split("\r\n")
    del lines[7]
    path = tmp_path / "broken.csv"
    path.write_bytes("\r\n".join(lines).encode("gbk"))
    return path


def _run(*arguments):
    return CliRunner().invoke(main, ["import", *map(str, arguments)])


def test_a_refusal_in_chinese_names_file_row_and_column(tmp_path, chinese):
    broken = _broken(tmp_path)
    result = _run("extract", broken, "--ledger", chinese, "--append", chinese)
    assert result.exit_code == 1
    assert (
        f"错误：{broken}：第 8 行，“余额”列：余额 12,718.56 与上一行接不上（第 7 行："
        "14,818.56 -680.00 = 14,138.56）：有一行缺失或被合并，请重新下载对账单"
    ) in result.output
    assert "未写入任何内容：请更正上述对账单后重新运行" in result.output


def test_the_summary_and_the_ledger_comment_in_chinese(tmp_path, chinese):
    statement = shutil.copy(STATEMENTS / "qxrcb.csv", tmp_path / "明细.csv")
    result = _run("extract", statement, "--ledger", chinese, "--append", chinese)
    assert result.exit_code == 0, result.output
    assert f"{statement}：新增 8 笔，0 笔已在账簿中" in result.output
    assert f"{chinese}：已添加分录（原文件保存为 {chinese}.bak）" in result.output
    assert "; 由 mch-ledger import 从 明细.csv 导入" in chinese.read_text(encoding="utf-8")
    again = _run("extract", statement, "--ledger", chinese, "--append", chinese)
    assert f"{chinese}：没有需要添加的新分录" in again.output


def test_lang_overrides_the_ledgers_language(tmp_path, chinese):
    result = _run("extract", _broken(tmp_path), "--ledger", chinese, "--lang", "en")
    assert "error: " in result.output and "row 8, column 余额: the balance 12,718.56" in (
        result.output
    )


def test_english_when_the_ledger_does_not_say_chinese(tmp_path):
    ledger = shutil.copy(GOLDEN_LEDGER, tmp_path / "ledger.beancount")
    result = _run("extract", _broken(tmp_path), "--ledger", ledger)
    assert "nothing written: correct the statements above and run again" in result.output


def test_an_unknown_layout_lists_the_profiles_in_chinese(tmp_path, chinese):
    path = tmp_path / "s.csv"
    path.write_text("日期,金额,余额\n2025-01-01,1.00,1.00\n", encoding="utf-8")
    result = _run("identify", path, "--ledger", chinese)
    assert result.exit_code == 1
    assert "无法识别的对账单格式。看到的列：日期, 金额, 余额。" in result.output
    assert "qxrcb（清溪农商银行：缺少 交易日期, 交易时间, 日志号, 摘要" in result.output
    assert "；多出 日期, 金额）" in result.output


def test_fava_shows_an_extractions_refusal_alone_in_the_ledgers_language(
    tmp_path, chinese, serve_ledger
):
    config = Path(importers.__file__).with_name("fava_config.py")
    with chinese.open("a", encoding="utf-8") as file:
        file.write(f'\n2024-01-01 custom "fava-option" "import-config" "{config}"\n')
        file.write('2024-01-01 custom "fava-option" "import-dirs" "imports"\n')
    (tmp_path / "imports").mkdir()
    broken = shutil.move(_broken(tmp_path), tmp_path / "imports" / "broken.csv")
    refusal = (
        f"{broken}：第 8 行，“余额”列：余额 12,718.56 与上一行接不上（第 7 行："
        "14,818.56 -680.00 = 14,138.56）：有一行缺失或被合并，请重新下载对账单"
    )
    query = {"filename": str(broken), "importer": "mch-ledger.qxrcb"}

    # `mch-ledger serve`: the Import page shows the command line's message and nothing else
    # (no "Error calling method on importer", no traceback).
    client = serve_ledger(chinese, read_only=False, auto_commit=False).app.test_client()
    slug = next(iter(client.application.config["LEDGERS"].ledgers_by_slug))
    response = client.get(f"/{slug}/api/extract", query_string=query)
    assert response.status_code != 200
    assert json.loads(response.data) == {"error": refusal}
    # The ledger's own profiles' importer too: a file none of them reads.
    own = client.get(
        f"/{slug}/api/extract",
        query_string={"filename": str(broken), "importer": "mch-ledger.import-profiles"},
    )
    assert own.status_code != 200
    assert json.loads(own.data)["error"].startswith(f"{broken}：")
    assert "Traceback" not in json.loads(own.data)["error"]

    # Plain `fava` has no layer to word its error: the message ends Fava's traceback.
    plain = create_app([str(chinese)], load=True).test_client()
    error = json.loads(plain.get(f"/{slug}/api/extract", query_string=query).data)["error"]
    assert error.startswith("Error calling method on importer") and error.rstrip().endswith(refusal)


#: The files that read statements, registers and profiles, and the prefixes of their keys.
READERS = ("importers/*.py", "commands/imports.py", "ledger/tables.py", "ledger/places.py")
PREFIXES = ("import.", "table.", "place.")


def _keys_used() -> set[str]:
    """Every catalogue key the importer, the import commands and the table reader name."""
    keys = set()
    for path in (found for pattern in READERS for found in ROOT.glob(pattern)):
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r'"((?:import|table|place)\.[a-z0-9.-]+)"', text))
        if path.name == "profiles.py":
            keys |= {
                f"import.profile.{s}" for s in re.findall(r'_fail\(\s*[\w.]+,\s*"([a-z-]+)"', text)
            }
    return keys


def test_every_message_the_importer_names_is_in_the_catalogue_in_both_languages():
    used = _keys_used()
    assert len(used) > 100
    missing = sorted(key for key in used if key not in CATALOGUE)
    assert missing == []
    unused = sorted(k for k in CATALOGUE if k.startswith(PREFIXES) and k not in used)
    assert unused == []
