"""Rules voucher-missing, voucher-duplicate and document-missing."""

from __future__ import annotations

from grant_ledgers import PREAMBLE, assert_findings, expected_marks, findings_of, funding


def test_voucher_missing_on_the_dedicated_account_only(write_ledger):
    assert_findings(
        write_ledger(
            """
            2024-01-02 * "Province" "allocation"  ; expect: voucher-missing
              Income:Funding:Province  -100000.00 CNY
              Assets:Bank:Grant-Account

            2024-02-02 * "Supplier" "on credit: not on the dedicated account"
              document: "copy.pdf"
              Expenses:Program:Admin  800.00 CNY
              Liabilities:Payable
            """
        )
    )


def test_voucher_missing_suggests_the_next_number_of_the_year(write_ledger):
    path = write_ledger(
        """
        2024-01-02 * "Province" "allocation"
          voucher: "记-2024-014"
          Income:Funding:Province  -100000.00 CNY
          Assets:Bank:Grant-Account

        2024-01-03 * "Bank" "fee"
          Expenses:Fees  10.00 CNY
          Assets:Bank:Grant-Account
        """
    )
    [finding] = findings_of(path)
    assert finding.rule == "voucher-missing"
    assert 'voucher: "记-2024-015"' in finding.message


def test_voucher_missing_continues_a_format_with_a_suffix(write_ledger):
    path = write_ledger(
        """
        2025-01-02 * "Province" "allocation"
          voucher: "付字2025第0041号"
          Income:Funding:Province  -100000.00 CNY
          Assets:Bank:Grant-Account

        2025-01-03 * "Bank" "fee"
          Expenses:Fees  10.00 CNY
          Assets:Bank:Grant-Account
        """
    )
    [finding] = findings_of(path)
    assert 'voucher: "付字2025第0042号"' in finding.message


def test_voucher_duplicate_points_at_the_second_use(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-03-18 * "Hospital" "monitor"
              voucher: "记-2024-015"
              document: "copy.pdf"
              Expenses:Program:Admin  800.00 CNY
              Assets:Bank:Grant-Account

            2024-03-19 * "Hospital" "monitor parts"  ; expect: voucher-duplicate
              voucher: "记-2024-015"
              document: "copy.pdf"
              Expenses:Program:Admin  100.00 CNY
              Assets:Bank:Grant-Account

            2024-03-20 * "Hospital" "cables"
              voucher: "记-2024-016"
              document: "copy.pdf"
              Expenses:Program:Admin  50.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def test_document_missing_absent_wrong_path_too_few(write_ledger):
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-03-01 * "Hotel" "no copy"  ; expect: document-missing
              voucher: "V-1"
              Expenses:Program:Admin  800.00 CNY
              Assets:Bank:Grant-Account

            2024-03-02 * "Hotel" "copy not on file"  ; expect: document-missing
              voucher: "V-2"
              document: "vouchers/2024/V-2.pdf"
              Expenses:Program:Admin  800.00 CNY
              Assets:Bank:Grant-Account

            2024-03-03 * "Hotel" "two attachments declared, one linked"  ; expect: document-missing
              voucher: "V-3"
              document: "copy.pdf"
              attachments: 2
              Expenses:Program:Admin  800.00 CNY
              Assets:Bank:Grant-Account

            2024-03-04 * "Hotel" "refund: also an entry on a category"  ; expect: document-missing
              voucher: "V-4"
              Expenses:Program:Admin  -100.00 CNY
              Assets:Bank:Grant-Account
            """,
        )
    )


def test_documents_found_beside_the_file_in_the_documents_folder_or_by_name(write_ledger, tmp_path):
    (tmp_path / "vouchers" / "2024").mkdir(parents=True)
    (tmp_path / "vouchers" / "2024" / "V-1.pdf").write_bytes(b"%PDF")
    folder = tmp_path / "docs" / "Expenses" / "Program" / "Admin"
    folder.mkdir(parents=True)
    (folder / "2024-03-02.V-2.pdf").write_bytes(b"%PDF")
    (folder / "2024-03-03.V-3.pdf").write_bytes(b"%PDF")
    assert_findings(
        write_ledger(
            funding(2024),
            """
            2024-03-01 * "Hotel" "relative to the ledger file"
              voucher: "V-1"
              document: "vouchers/2024/V-1.pdf"
              Expenses:Program:Admin  800.00 CNY
              Assets:Bank:Grant-Account

            2024-03-02 * "Hotel" "relative to the documents folder"
              voucher: "V-2"
              document: "Expenses/Program/Admin/2024-03-02.V-2.pdf"
              Expenses:Program:Admin  800.00 CNY
              Assets:Bank:Grant-Account

            2024-03-03 * "Hotel" "a document Beancount found in the documents folder, by name"
              voucher: "V-3"
              document: "2024-03-03.V-3.pdf"
              document-2: "copy.pdf"
              attachments: 2
              Expenses:Program:Admin  800.00 CNY
              Assets:Bank:Grant-Account
            """,
            preamble=PREAMBLE + 'option "documents" "docs"\n',
        )
    )


def test_document_relative_to_an_included_file(write_ledger, tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "V-1.pdf").write_bytes(b"%PDF")
    included = tmp_path / "2024" / "entries.beancount"
    included.write_text(
        funding(2024)
        + """
2024-03-01 * "Hotel" "copy beside the included file"
  voucher: "V-1"
  document: "V-1.pdf"
  Expenses:Program:Admin  800.00 CNY
  Assets:Bank:Grant-Account

2024-03-02 * "Hotel" "copy beside the main file only"  ; expect: document-missing
  voucher: "V-2"
  document: "2024/V-1.pdf"
  Expenses:Program:Admin  800.00 CNY
  Assets:Bank:Grant-Account
""",
        encoding="utf-8",
    )
    findings = findings_of(write_ledger('include "2024/entries.beancount"\n'))
    expected = expected_marks(included.read_text(encoding="utf-8"))
    assert {(f.rule, f.line) for f in findings} == expected
    assert {f.file for f in findings} == {str(included)}
