#!/usr/bin/env python3
"""Reads every workbook JointCredit wrote for the samples with a real spreadsheet reader
(openpyxl, installed from PyPI if missing) and compares every cell with its CSV twin.

    python3 Scripts/check-workbooks.py [--tool PATH] [FOLDER ...]

FOLDER defaults to every Samples/*/expected. For each allocation.xlsx and statements/*.xlsx:
- the archive passes zlib's CRC and inflate checks (zipfile.testzip);
- every sheet's header row is frozen and no cell holds a formula;
- each sheet has exactly its CSV's rows and cells: text as text (codes keep their leading
  zeros), numbers equal to the CSV's decimals and shown with the same number of decimals,
  dates as dates, empty cells empty;
- the allocated_t and cost_jpy columns add up, in exact decimals, to the same totals as the CSV.
With --tool, it also makes the forms of the Tokyo sample's bodies (`jointcredit template`),
fills each with its body's events in openpyxl, as a clerk would in a spreadsheet, and checks that
the filled forms give the statements of the CSV submissions, byte for byte.
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


def check_forms(tool):
    """Forms made, filled by another program, read back: the statements of the CSV twins."""
    import datetime, shutil, subprocess, tempfile
    sample = ROOT / "Samples/tokyo-2011"
    work = pathlib.Path(tempfile.mkdtemp())
    try:
        bodies = read_csv(sample / "expected/bodies.csv")
        with open(work / "bodies.csv", "w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(row[:3] for row in bodies)
        run = subprocess.run([tool, "template", "--bodies", str(work / "bodies.csv"), "--out",
                              str(work / "forms"), "--lang", "ja", "--rows", "40"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            fail("template", run.stderr.strip())
            return 0
        filled = work / "filled"
        filled.mkdir()
        count = 0
        for source in sorted((sample / "submissions").iterdir()):
            try:
                rows = read_csv(source) if source.suffix == ".csv" else None
                source.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                rows = None
            if rows is None:  # JSON and Shift_JIS files stay as they were
                shutil.copy(source, filled / source.name)
                continue
            japanese = {"イベントID": "event_id", "イベント名": "event_name", "開催日": "event_date",
                        "排出量(t-CO2)": "emissions_t", "算定方法": "calculation"}
            header = [japanese.get(h.strip(), h.strip()) for h in rows[0]]
            form = openpyxl.load_workbook(work / "forms" / f"{source.stem}.xlsx")
            sheet = form["提出"]
            for number, row in enumerate(rows[1:], start=2):
                values = dict(zip(header, row))
                sheet.cell(number, 4).value = values["event_id"]
                sheet.cell(number, 5).value = values["event_name"]
                if values.get("event_date"):
                    sheet.cell(number, 6).value = datetime.date.fromisoformat(values["event_date"])
                sheet.cell(number, 7).value = float(values["emissions_t"])
                if values.get("calculation"):
                    sheet.cell(number, 8).value = values["calculation"]
            form.save(filled / f"{source.stem}.xlsx")
            count += 1
        # The CSV forms too, filled with Python's csv module: another program's CSV.
        run = subprocess.run([tool, "template", "--bodies", str(work / "bodies.csv"), "--out",
                              str(work / "csv-forms"), "--format", "csv", "--rows", "40"],
                             capture_output=True, text=True)
        if run.returncode != 0:
            fail("template --format csv", run.stderr.strip())
            return count
        filled_csv = work / "filled-csv"
        filled_csv.mkdir()
        for source in sorted(filled.iterdir()):
            if source.suffix != ".xlsx":
                shutil.copy(source, filled_csv / source.name)
                continue
            form = read_csv(work / "csv-forms" / f"{source.stem}.csv")
            events = read_csv(sample / "submissions" / f"{source.stem}.csv")
            names = [h.strip().lstrip("\ufeff") for h in events[0]]
            names = [{"イベントID": "event_id", "イベント名": "event_name", "開催日": "event_date",
                      "排出量(t-CO2)": "emissions_t", "算定方法": "calculation"}.get(n, n) for n in names]
            rows = [form[0]]
            for number, row in enumerate(form[1:]):
                if number + 1 < len(events):
                    values = dict(zip(names, events[number + 1]))
                    row = row[:3] + [values.get(k, "") for k in
                                     ("event_id", "event_name", "event_date", "emissions_t", "calculation")]
                rows.append(row)
            with open(filled_csv / f"{source.stem}.csv", "w", encoding="utf-8-sig", newline="") as out:
                csv.writer(out, lineterminator="\r\n").writerows(rows)
        outs = []
        for name, inputs in (("forms", filled), ("csv-forms", filled_csv), ("csv", sample / "submissions")):
            out = work / f"out-{name}"
            run = subprocess.run([tool, "allocate", str(inputs), "--purchase", str(sample / "purchase.json"),
                                  "--out", str(out)], capture_output=True, text=True)
            if run.returncode != 0:
                fail(f"allocate {name}", run.stderr.strip()[:2000])
                return count
            outs.append(out)
        files = sorted(p.relative_to(outs[0]) for p in outs[0].rglob("*") if p.is_file())
        for relative in files:
            if relative.name in ("allocation.json", ".jointcredit-manifest"):
                continue
            for out, kind in ((outs[0], "workbook forms"), (outs[1], "CSV forms")):
                if (out / relative).read_bytes() != (outs[2] / relative).read_bytes():
                    fail(f"filled {kind}: {relative}", "differs from the statement of the CSV submissions")
        return count
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    args = sys.argv[1:]
    tool = None
    if args[:1] == ["--tool"]:
        tool, args = args[1], args[2:]
    folders = [pathlib.Path(p) for p in args] or sorted(ROOT.glob("Samples/*/expected"))
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
    forms = check_forms(tool) if tool else 0
    for failure in failures[:100]:
        print("FAIL:", failure, file=sys.stderr)
    print(f"check-workbooks: {books} workbooks, {cells} cells compared with their CSV"
          + (f"; {forms} workbook forms filled in openpyxl and as many CSV forms filled by Python's "
             f"csv module gave the CSV submissions' statements" if forms else "")
          + f": {'all equal' if not failures else f'{len(failures)} differences'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
