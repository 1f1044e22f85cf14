#!/usr/bin/env python3
"""Reads every workbook JointCredit wrote for the samples with a real spreadsheet reader
(openpyxl, installed from PyPI if missing) and compares every cell with its CSV twin.

    python3 Scripts/check-workbooks.py [FOLDER ...]

FOLDER defaults to every Samples/*/expected. For each allocation.xlsx and statements/*.xlsx:
- the archive passes zlib's CRC and inflate checks (zipfile.testzip);
- every sheet's header row is frozen and no cell holds a formula;
- each sheet has exactly its CSV's rows and cells: text as text (codes keep their leading
  zeros), numbers equal to the CSV's decimals and shown with the same number of decimals,
  dates as dates, empty cells empty;
- the allocated_t and cost_jpy columns add up, in exact decimals, to the same totals as the CSV.
Part of `make test`.
"""
import csv
import decimal
import io
import pathlib
import subprocess
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    print("check-workbooks: installing openpyxl from PyPI", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "openpyxl==3.1.5"], check=True)
    import openpyxl

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAIN_SHEETS = {  # CSV twin of each sheet, by English and Japanese sheet name
    "Events": "allocation.csv", "イベント別": "allocation.csv",
    "Bodies": "bodies.csv", "団体別": "bodies.csv",
    "Offset rates": "offset-rates.csv", "オフセット率": "offset-rates.csv",
    "Retirement": "retirement.csv", "無効化": "retirement.csv",
    "Applications": "retirement-application.csv", "無効化申請": "retirement-application.csv",
}
GUARDED = ("=", "+", "-", "@", "\t", "\r")

failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def read_csv(path):
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return list(csv.reader(io.StringIO(text, newline="")))


def sections(rows):
    """A body's CSV statement: facts, events, ranges, separated by blank records."""
    parts, current = [], []
    for row in rows:
        if row == [] or row == [""]:
            parts.append(current)
            current = []
        else:
            current.append(row)
    parts.append(current)
    return parts


def compare_cell(where, csv_text, cell):
    value = cell.value
    if cell.data_type == "f":
        fail(where, f"a formula: {value!r}")
        return
    if csv_text == "":
        if value is not None:
            fail(where, f"CSV is empty, the sheet has {value!r}")
        return
    if isinstance(value, str):
        expected = csv_text
        if csv_text.startswith("'") and csv_text[1:].startswith(GUARDED):
            expected = csv_text[1:]  # the CSV's formula guard; a text cell needs none
        if value != expected:
            fail(where, f"text {value!r} is {expected!r} in the CSV")
        if cell.number_format != "@" and cell.row > 1:
            fail(where, f"text cell formatted {cell.number_format!r}, not as text")
        return
    if hasattr(value, "date") and hasattr(value, "year"):
        if value.date().isoformat() != csv_text:
            fail(where, f"date {value.date()} is {csv_text} in the CSV")
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            exact = decimal.Decimal(csv_text)
        except decimal.InvalidOperation:
            fail(where, f"number {value!r} where the CSV has text {csv_text!r}")
            return
        if decimal.Decimal(repr(value)) != exact:
            fail(where, f"number {value!r} is {csv_text} in the CSV")
        places = len(csv_text.split(".")[1]) if "." in csv_text else 0
        shown = cell.number_format
        shown_places = len(shown.split(".")[1]) if "." in shown else 0
        if shown_places != places:
            fail(where, f"shown with {shown_places} decimals ({shown!r}), the CSV has {places}")
        return
    fail(where, f"unexpected value {value!r}")


def compare_sheet(name, sheet, rows):
    if sheet.freeze_panes != "A2":
        fail(name, f"header not frozen (freeze panes {sheet.freeze_panes!r})")
    sheet_rows = list(sheet.iter_rows())
    if len(sheet_rows) != len(rows):
        fail(name, f"{len(sheet_rows)} rows, the CSV has {len(rows)}")
    width = len(rows[0]) if rows else 0
    for number, (cells, record) in enumerate(zip(sheet_rows, rows), start=1):
        if len(record) != width:
            fail(f"{name} row {number}", f"the CSV row has {len(record)} cells under {width}")
        values = list(cells)[:len(record)]
        for extra in list(cells)[len(record):]:
            if extra.value is not None:
                fail(f"{name}!{extra.coordinate}", f"a cell past the CSV's {len(record)}: {extra.value!r}")
        for column, text in enumerate(record):
            cell = values[column] if column < len(values) else None
            where = f"{name}!{openpyxl.utils.get_column_letter(column + 1)}{number}"
            if cell is None:
                if text != "":
                    fail(where, f"missing; the CSV has {text!r}")
                continue
            compare_cell(where, text, cell)
    return len(sheet_rows) * width


def check_workbook(path, twins):
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            fail(path, f"entry {bad} fails its CRC")
    book = openpyxl.load_workbook(path)
    cells = 0
    for sheet in book.worksheets:
        rows = twins(sheet.title)
        if rows is None:
            continue
        cells += compare_sheet(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{sheet.title}", sheet, rows)
    return cells


def main():
    folders = [pathlib.Path(p) for p in sys.argv[1:]] or sorted(ROOT.glob("Samples/*/expected"))
    books = cells = 0
    for folder in folders:
        main_book = folder / "allocation.xlsx"
        if main_book.exists():
            def twins(title, folder=folder):
                name = MAIN_SHEETS.get(title)
                return read_csv(folder / name) if name else None
            book = openpyxl.load_workbook(main_book)
            expected = {MAIN_SHEETS[t] for t in book.sheetnames if t in MAIN_SHEETS}
            present = {n for n in set(MAIN_SHEETS.values()) if (folder / n).exists()}
            if expected != present:
                fail(main_book, f"sheets for {sorted(expected)}, CSV statements {sorted(present)}")
            cells += check_workbook(main_book, twins)
            books += 1
        for body_book in sorted((folder / "statements").glob("*.xlsx")):
            parts = sections(read_csv(body_book.with_suffix(".csv")))
            by_title = {"Statement": 0, "通知": 0, "Events": 1, "イベント別": 1, "Retirement": 2, "無効化": 2}
            def twins(title, parts=parts):
                index = by_title.get(title)
                return parts[index] if index is not None and index < len(parts) else None
            titles = openpyxl.load_workbook(body_book).sheetnames
            if len(titles) != len(parts):
                fail(body_book, f"{len(titles)} sheets, the CSV has {len(parts)} sections")
            cells += check_workbook(body_book, twins)
            books += 1
    if books == 0:
        fail("check-workbooks", "no workbook found")
    for failure in failures[:100]:
        print("FAIL:", failure, file=sys.stderr)
    print(f"check-workbooks: {books} workbooks, {cells} cells compared with their CSV: "
          f"{'all equal' if not failures else f'{len(failures)} differences'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
