#!/usr/bin/env python3
"""Seeded, time-boxed mutation fuzzer for the jointcredit command-line tool.

    Scripts/fuzz.py --tool PATH [--seconds N] [--seed S] [--findings DIR] [--jobs J]
                    [--timeout T] [--cases N]

Mutates the seeds in Samples/ (submissions, purchase.json, `args` options) at byte level, as
CSV, as JSON, field by field and option by option; case i comes from random.Random(f"{seed}:{i}")
and runs validate, allocate, explain, apportion or diff in a fresh temporary folder. Findings: a
signal, an exit status not 0/1/64, a timeout ('hang'), a new hidden or '.tmp' entry, anything
changed by a failed allocate (or by a command that writes nothing), a raw control character on
the stderr of an exit-1 run, an exit 1 saying nothing. Each distinct one is kept, as its smallest
example, in DIR/<kind>-<hash>/ (case/, command.txt, stdout.txt, stderr.txt, status.txt,
repro.sh). Exits 1 when anything was found.
"""
import argparse, concurrent.futures as cf, csv, hashlib, io, json, os, random, re  # noqa: E401
import shlex, shutil, signal, subprocess, sys, tempfile, time, unicodedata  # noqa: E401
from pathlib import Path

# --- Settings -------------------------------------------------------------------------------
ALLOWED_EXIT = {0, 1, 64}
ALLOWED_HIDDEN = {".jointcredit-manifest", ".jointcredit.lock", ".jointcredit-lock",
                  ".jointcredit-retired"}  # may stay
WRITERS = {"allocate", "retire"}  # the commands that write files when they succeed
FILE_LIMIT, LARGE_LIMIT, LARGE_CHANCE = 2 << 20, 16 << 20, 0.01  # generated file sizes
REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "Samples"
FLAGS = {"--skip-body-statements", "--skip-report", "--skip-workbook", "--skip-certificates", "--explain",
         "--cp932-replace"}
ALLOCATE_ONLY = {"--out", "--csv-encoding", "--line-ending", "--lang", "--retired"} | FLAGS

# --- Interesting values ----------------------------------------------------------------------
METHODS = ["largest-remainder", "hamilton", "dhondt", "jefferson", "sainte-lague", "webster",
           "huntington-hill", "equal-proportions", "adams", "smallest-divisors", "dean",
           "harmonic-mean", "Largest-Remainder", "", "none"]
SANE = ["1", "10", "100", "0.1", "0.5", "2", "1000", "0.01", "3"]
# Large values that still pass the option checks (at most 9223372036854.775807, 6 decimals).
BIG = ["9223372036854", "9223372036854.775807", "4611686018427.387904", "3037000499.976049",
       "1000000000000", "999999999999.999999", "2147483648", "4294967296", "92233720368.547758",
       "100000000", "0.000001", "1000000.000001"]
NUMBERS = SANE + BIG + [
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "9223372036854.775808",
    "1e30", "1E3", "-0", "0", "0.0", "-0.0", "0.0000000001", "0.0000005", "0." + "9" * 40,
    "1." + "0" * 60, "1" * 40, "+1", " 1", "1 ", "1,5", "1_000", ".5", "5.", "１００", "NaN",
    "inf", "", "0x10", "--1", "-1"]
YEN = [0, 1, -1, 12000, 999, 2**31, 2**53 + 1, 2**62, 2**63 - 1, 2**63, 2**64, 10**30, 10**18,
       2**63 // 10, 9223372036854, "12000", "1.5", "1e3", 1.5, None, True]
CODES = ["131032", "13103", "131033", "ALL62", "all62", "-X", "_A", "A" * 33, "A" * 32,
         "１３１０３２", "000000", "00000", "999999", "13103 ", " 131032", "", "13-103",
         "11002", "1100", "011002", "123455", "130001", "011011", "11100"]
DATES = ["2011-02-29", "2012-02-29", "0000-01-01", "9999-12-31", "2011-1-1", "2011/10/15",
         "2011-13-01", "", "20111015", "2011-10-15T00:00", "2011/10/1", "2011年10月1日", "10月1日",
         "1/10/2011", "40817", "99999", "/10/1", "2011/2/29"]
KINDS = ["ward", "city", "town", "village", "other", "区", "市", "町", "村", "その他", "WARD", "ｗａｒｄ",
         "", "ku", "prefecture", "designated-city-ward", "都道府県", "行政区"]
CONTROL = ["\r", "\n", "\r\n", "\x00", "\x1b[31m", "\x7f", "\u2028", "\u0085", "\t", "\x0c"]
NO_CP932 = ["€", "😀", "ü", "\u3099", "髙", "ⅰ", "\u00a0"]  # (some of these CP932 can write)
BAD_UTF8 = [b"\xff", b"\xfe\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xe3\x81", b"\xf4\x90\x80\x80"]
BOMS = [b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]
SERIALS = ["000001", "1", "+1", " 1", "1e3", "-1", "0", "000100", "100", "60", "61",
           "9223372036854775700", "9223372036854775806", "9223372036854775807",
           "9223372036854775808", "99999999999999999999", "", "00000000000000000000001"]
PREFIXES = ["JV-", "JV-1", "JP-JVER-0042-", "", "JV-0", "ｊｖ-", "JV\n-"]
HEADER = ["body_code", "body_name", "body_kind", "event_id", "event_name", "event_date", "emissions_t"]
JAPANESE_HEADER = ["団体コード", "団体名", "区分", "イベントID", "イベント名", "開催日", "排出量(t-CO2)"]


def num(rng) -> str:
    """A number: plausible, large but allowed, or odd (most pass the option checks)."""
    return rng.choice(rng.choices([SANE, BIG, NUMBERS], weights=[35, 35, 30])[0])


class Raw(str):
    """JSON text written as is (huge numbers, deep nesting, odd escapes)."""


class Pairs(list):
    """A JSON object as a list of (key, value) pairs, so that keys may repeat."""


def dump(value) -> str:
    if isinstance(value, Pairs):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {dump(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dump(v) for v in value) + "]"
    return str(value) if isinstance(value, Raw) else json.dumps(value, ensure_ascii=False)


# --- Seeds ----------------------------------------------------------------------------------
def load_seeds() -> dict:
    """Seed sets (submission files, purchase, option groups) and the sample allocation.json."""
    sets = []
    for case in sorted(p for p in SAMPLES.iterdir() if p.is_dir()):
        inputs, purchase, options = [], case / "purchase.json", []
        for folder in ("submissions", "workbooks"):
            if (case / folder).is_dir():
                inputs.append(case / folder)
        args = case / "args"
        lines = [ln for ln in args.read_text().splitlines() if ln] if args.exists() else []
        i = 0
        while i < len(lines):  # args: input paths, and options one word a line
            takes = lines[i] not in FLAGS and i + 1 < len(lines) and not lines[i + 1].startswith("--")
            if lines[i] == "--purchase" and takes:
                purchase = REPO / lines[i + 1]
            elif lines[i].startswith("--"):
                options.append(lines[i:i + 2] if takes else lines[i:i + 1])
            else:
                inputs.append(REPO / lines[i])
            i += 2 if lines[i].startswith("--") and takes else 1
        files = {f.name: f.read_bytes() for src in inputs
                 for f in (sorted(src.iterdir()) if src.is_dir() else [src])}
        if files:
            sets.append({"name": case.name, "files": files, "options": options,
                         "purchase": purchase.read_bytes() if purchase.exists() else None})
    return {"sets": sets, "files": [d for s in sets for d in s["files"].values()],
            "purchases": sorted({s["purchase"] for s in sets if s["purchase"]}),
            "allocations": [p.read_bytes() for p in sorted(SAMPLES.glob("*/expected/allocation.json"))]}


def events_of(files: dict) -> list:
    """'body/event' references found in submissions, for explain --event."""
    found = []
    for name, data in files.items():
        if name.endswith(".xlsx"):  # a workbook: its events are those of its CSV twin
            continue
        try:
            if name.endswith(".json"):
                doc = json.loads(data.decode("utf-8-sig"))
                found += [f"{doc['body_code']}/{e['event_id']}" for e in doc["events"]]
            else:
                found += [f"{r[0]}/{r[3]}" for r in parse_csv(data)[0][1:] if len(r) > 3]
        except Exception:  # a mutated file: no events from it
            pass
    return found


# --- Byte and CSV mutations ------------------------------------------------------------------
def mutate_bytes(rng, data: bytes, others: list) -> bytes:
    """Flip bits, insert, delete, duplicate a chunk, splice with another seed, truncate."""
    data, at = bytearray(data), rng.randint(0, len(data))
    op = rng.choice(["flip", "insert", "delete", "duplicate", "splice", "truncate", "special"])
    if op == "flip" and data:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif op == "insert":
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    elif op == "delete":
        del data[at:at + rng.randint(1, 64)]
    elif op == "duplicate" and data:
        start = rng.randrange(len(data))
        data[at:at] = data[start:start + rng.randint(1, 256)] * rng.choice([1, 2, 10, 1000])
    elif op == "splice" and others:
        other = rng.choice(others)
        data = data[:at] + other[rng.randint(0, len(other)):]
    elif op == "truncate":
        data = data[:at]
    else:
        data[at:at] = rng.choice(BAD_UTF8 + BOMS + [b'"', b",", b"\r", b"\n", b"\x00", b'""'])
    return bytes(data)


def mutate_xlsx(rng, data: bytes, others: list) -> bytes:
    """A workbook with one part's XML mutated (or dropped, or made huge), zipped again,
    sometimes stored instead of deflated: the XML, shared strings and styles readers are
    reached, not only the CRC check."""
    import zipfile
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    name = rng.choice(sorted(parts))
    op = rng.choice(["bytes", "bytes", "bytes", "drop", "huge", "numbers"])
    if op == "drop":
        del parts[name]
    elif op == "huge":
        parts[name] = parts[name] + b" " * rng.choice([1 << 10, 1 << 20])
    elif op == "numbers":
        parts[name] = re.sub(rb"<v>[^<]*</v>", lambda m: b"<v>" + rng.choice(
            [b"1E999", b"-0", b"0.30000000000000004", b"9" * 400, b"60", b"x", b"", b"1e-7"]) + b"</v>",
            parts[name])
    else:
        parts[name] = mutate_bytes(rng, parts[name], [])
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if rng.random() < 0.3 else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as target:
        for part, content in parts.items():
            target.writestr(part, content)
    return out.getvalue()


def parse_csv(data: bytes):
    """(rows, encoding) of CSV bytes in UTF-8 (with or without BOM) or CP932."""
    for encoding in ("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8", "cp932"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        encoding, text = "utf-8", data.decode("utf-8", "surrogateescape")
    return list(csv.reader(io.StringIO(text, newline=""))), encoding


def write_csv(rng, rows, encoding) -> bytes:
    eol, quote_all = rng.choice(["\r\n", "\n", "\r\n", "\r"]), rng.random() < 0.1

    def cell(text):
        return '"' + text.replace('"', '""') + '"' if quote_all or any(c in text for c in ',"\r\n') else text
    text = eol.join(",".join(map(cell, row)) for row in rows) + (eol if rng.random() < 0.8 else "")
    try:
        body = text.encode("utf-8" if encoding == "utf-8-sig" else encoding, "surrogateescape")
    except UnicodeEncodeError:
        body = text.encode("utf-8", "surrogateescape")
    return (b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b"") + body


def mutate_csv(rng, data: bytes, limit: int) -> bytes:
    """One structure-aware change: a value, a cell, a row, the header, the encoding."""
    rows, encoding = parse_csv(data)
    rows = rows if rows and rows[0] else [HEADER]
    header, body = rows[0], rows[1:] or [[""] * len(rows[0])]
    row = rng.choice(body)
    row.extend([""] * (7 - len(row)))
    emissions = next((i for i, h in enumerate(header) if re.search("emission|排出", h.lower())), 6)
    op = rng.choice(["number", "decimals", "control", "normal", "duplicate", "rows", "wide", "quotes",
                     "empty", "bom", "utf8", "code", "date", "kind", "header", "cp932", "unmappable"])
    at = lambda text: rng.randint(0, len(text))  # noqa: E731
    if op == "number":
        row[emissions % len(row)] = rng.choice(NUMBERS)
    elif op == "decimals":
        digits = rng.choice([7, 20, 400])
        row[emissions % len(row)] = "0." + "".join(rng.choice("0123456789") for _ in range(digits))
    elif op in ("control", "unmappable"):
        i = rng.randrange(len(row))
        j = at(row[i])
        row[i] = row[i][:j] + rng.choice(CONTROL if op == "control" else NO_CP932) + row[i][j:]
    elif op == "normal":  # NFC vs NFD (or NFKD) spellings of names and ids, in a second row
        form = rng.choice(["NFD", "NFKD", "NFC"])
        copy = [unicodedata.normalize(form, c) for c in row]
        for i in (1, 3, 4):
            copy[i] += ("\u3099" if form == "NFD" else "ガ") if rng.random() < 0.5 else ""
        body.append(copy)
    elif op == "duplicate":
        body.append(list(row) if rng.random() < 0.5 else row[:-1] + [rng.choice(NUMBERS)])
    elif op == "rows":
        body += [row[:3] + [f"X{n:06d}"] + row[4:] for n in range(rng.choice([100, 5000, 60000]))]
    elif op == "wide":
        (header if rng.random() < 0.5 else row).extend(
            f"c{n}" for n in range(rng.choice([100, 100, 1000, 1000, 3000, 3000, 3000, 30000])))
    elif op in ("quotes", "bom", "utf8"):
        encoded = write_csv(rng, [header] + body, "utf-8" if op == "utf8" else encoding)
        j = at(encoded) if op != "bom" or rng.random() < 0.3 else 0
        extra = {"quotes": b'\n' + b'"' * rng.choice([1, 3, 1000, 100000]) + b'\n',
                 "bom": rng.choice(BOMS), "utf8": rng.choice(BAD_UTF8)}[op]
        return (encoded[:j] + extra + encoded[j:])[:limit]
    elif op == "empty":
        return rng.choice([b"", b"\xef\xbb\xbf", b"\n\n\n", b",,,,", write_csv(rng, [header], encoding)])
    elif op in ("code", "date", "kind"):
        column, values = {"code": (0, CODES), "kind": (2, KINDS), "date": (5, DATES)}[op]
        row[column] = rng.choice(values)
    elif op == "header":  # Japanese, upper-case or full-width names; a column dropped, swapped, repeated
        how, i, j = rng.randrange(6), rng.randrange(len(header)), rng.randrange(len(header))
        if how == 0:
            header, body = header[:i] + header[i + 1:], [r[:i] + r[i + 1:] for r in body]
        elif how == 1:
            header[i], header[j] = header[j], header[i]
        else:
            header[:] = [JAPANESE_HEADER + header[7:], [h.upper() for h in header], header + [header[i]],
                         [h.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)}) for h in header]][how - 2]
    else:
        encoding = "cp932"
    return write_csv(rng, [header] + body, encoding)[:limit]


# --- JSON and purchase mutations -------------------------------------------------------------
def nodes(value, path=()):
    """Every (path, value) of a parsed document; a path is a tuple of indexes."""
    yield path, value
    for i, child in enumerate(value) if isinstance(value, list) else ():
        yield from nodes(child[1] if isinstance(value, Pairs) else child, path + (i,))


def replace(doc, path, new):
    if not path:
        return new
    parent = doc
    for i in path[:-1]:
        parent = parent[i][1] if isinstance(parent, Pairs) else parent[i]
    parent[path[-1]] = (parent[path[-1]][0], new) if isinstance(parent, Pairs) else new
    return doc


def odd_value(rng):
    depth = rng.choice([64, 1000, 100000])
    return rng.choice([
        Raw("1" * rng.choice([20, 400])), Raw("1e400"), Raw("-0"), Raw("9223372036854775808"),
        Raw("-9223372036854775809"), Raw("0.1e-400"), Raw("1E+2"), Raw("4.35"), Raw("0.0000001"),
        Raw("[" * depth + "]" * depth), Raw('{"a":' * depth + "1" + "}" * depth), Raw('"\\u0000"'),
        Raw('"\\ud800"'), Raw('"a\\u0301"'), Raw('"a\x01b"'), Raw("NaN"), None, True, [], Pairs(),
        "", "x" * 100000, rng.choice(NUMBERS), 12, -1, 1.5])


def mutate_json(rng, data: bytes, others: list) -> bytes:
    """Odd values, wrong types, duplicate, missing and unknown keys, deep nesting."""
    try:
        doc = json.loads(data.decode("utf-8-sig"), object_pairs_hook=Pairs)
    except ValueError:  # (UnicodeDecodeError is one)
        return mutate_bytes(rng, data, others)
    for _ in range(rng.randint(1, 3)):
        path, value = rng.choice(list(nodes(doc)))
        op = rng.choice(["value", "value", "duplicate", "delete", "unknown", "wrap"])
        if op == "value":
            doc = replace(doc, path, odd_value(rng))
        elif op == "duplicate" and isinstance(value, Pairs) and value:
            key, old = rng.choice(value)
            value.append((key, odd_value(rng) if rng.random() < 0.5 else old))
        elif op == "delete" and isinstance(value, list) and value:
            del value[rng.randrange(len(value))]
        elif op == "unknown" and isinstance(value, Pairs):
            value.append((rng.choice(["note", "", "\u0000", "lot_t "]), odd_value(rng)))
        elif op == "wrap":
            doc = replace(doc, path, [value] if rng.random() < 0.5 else Pairs([("v", value)]))
    text = dump(doc).encode("utf-8", "surrogatepass")
    return mutate_bytes(rng, text, others) if rng.random() < 0.15 else text


def credit_blocks(rng):
    """Credit blocks: random, overlapping ('JV-' 10..59 and 'JV-1' 0..49), near Int64 max, many."""
    def block(prefix, first, last):
        return Pairs([("scheme", rng.choice(["J-VER", ""])), ("serial_prefix", prefix), ("first", first),
                      ("last", last), ("project", rng.choice(["東北森林", "x" * 300, "a\nb"])),
                      ("vintage", rng.choice(["2011", "", "11", "2012"])),
                      ("price_jpy_per_t", rng.choice(YEN + [12000, 9600]))] if rng.random() < 0.4
                     else [("scheme", rng.choice(["J-VER", ""])), ("serial_prefix", prefix),
                           ("first", first), ("last", last), ("project", "P"),
                           ("vintage", rng.choice(["2011", "2012"]))])
    shape = rng.choice(["random", "overlap", "max", "many"])
    if shape == "overlap":
        return [block("JV-", "10", "59"), block("JV-1", "0", "49")]
    if shape == "max":
        return [block("JV-", rng.choice(SERIALS[11:]), "9223372036854775807")]
    return [block(rng.choice(PREFIXES), rng.choice(SERIALS), rng.choice(SERIALS)) if rng.random() < 0.9
            else odd_value(rng) for _ in range(rng.choice([1, 2, 3]) if shape == "random" else 2000)]


PURCHASE_FIELDS = {
    "lot_t": num, "unit_t": num, "body_unit_t": num,
    "min_t": lambda r: r.choice(["emissions", "emissions", "0.1", "all"] + NUMBERS),
    "min_rate_pct": lambda r: r.choice(NUMBERS + ["100", "110", "0"]),
    "surplus": lambda r: r.choice(["method", "reserve", "pool"]),
    "mix": lambda r: r.choice(["proportional", "sequential", "random"]),
    "purpose": lambda r: r.choice(["", "会議", "x" * 1000, 5]),
    "cap_rate_pct": lambda r: r.choice(NUMBERS + ["150", "100.0000001"]),
    "price_jpy_per_t": lambda r: r.choice(YEN), "invoice_total_jpy": lambda r: r.choice(YEN),
    "credit_blocks": credit_blocks, "mode": lambda r: r.choice(["event", "body-then-event", "body"]),
    "method": lambda r: r.choice(METHODS), "body_method": lambda r: r.choice(METHODS),
    "cap": lambda r: r.choice(["emissions", "none", "", True]),
    "reserve": lambda r: r.choice(CODES), "secretariat": lambda r: r.choice(CODES),
    "tax_included": lambda r: r.choice([True, False, "true", 1, None]),
    "description": lambda r: r.choice(["", "x" * 100000, "a\x00b", "\u202e"]),
}


def mutate_purchase(rng, data: bytes, others: list) -> bytes:
    """Sets one to three purchase fields to odd values (sometimes a generic JSON mutation)."""
    if rng.random() < 0.25:
        return mutate_json(rng, data, others)
    try:
        doc = json.loads(data.decode("utf-8-sig"), object_pairs_hook=Pairs)
    except ValueError:
        doc = None
    doc = doc if isinstance(doc, Pairs) else Pairs()
    for _ in range(rng.randint(1, 3)):
        key = rng.choice(sorted(PURCHASE_FIELDS))
        value = PURCHASE_FIELDS[key](rng)
        if isinstance(value, str) and rng.random() < 0.2 and re.fullmatch(r"-?[0-9.]+", value):
            value = Raw(value)  # a bare JSON number instead of a string
        doc = Pairs([(k, v) for k, v in doc if k != key or rng.random() < 0.05] + [(key, value)])
    return dump(doc).encode("utf-8", "surrogatepass")


def random_options(rng, command: str, codes: list, boundary=False) -> list:
    """Random options; with `boundary`, only valid values, large ones preferred."""
    if boundary:
        number = lambda: rng.choice(BIG if rng.random() < 0.7 else SANE)  # noqa: E731
        yen = lambda: str(rng.choice([2**63 - 1, 2**62, 10**18, 9223372036854, 2**53 + 1]))  # noqa: E731
        method, code, odd = (lambda: rng.choice(METHODS[:12:2])), (lambda: rng.choice(codes)), []
    else:
        number, method, odd = (lambda: num(rng)), (lambda: rng.choice(METHODS)), ["x"]
        yen = lambda: str(rng.choice(YEN + [12000, 1200000] * 2))  # noqa: E731
        code = lambda: rng.choice(codes + CODES)  # noqa: E731
    choices = {
        "--lot": number, "--unit": number, "--body-unit": number, "--min": number,
        "--min-rate": number,
        "--surplus": lambda: rng.choice(["method", "reserve", "reserve"] + odd),
        "--mix": lambda: rng.choice(["proportional", "sequential"] + odd),
        "--cap-rate": number, "--price-jpy-per-t": yen, "--invoice-total-jpy": yen,
        "--method": method, "--body-method": method, "--reserve": code, "--secretariat": code,
        "--cap": lambda: rng.choice(["emissions"] * 9 + odd),
        "--mode": lambda: rng.choice(["event", "body-then-event"] + odd),
        "--tax": lambda: rng.choice(["included", "excluded"]),
        "--lang": lambda: rng.choice(["ja", "en"] + odd),
        "--csv-encoding": lambda: rng.choice(["cp932", "cp932", "utf8", "utf8-bom"] + odd),
        "--line-ending": lambda: rng.choice(["lf", "crlf"]),
        "--explain": None, "--cp932-replace": None, "--skip-report": None, "--skip-body-statements": None,
        "--skip-workbook": None, "--skip-certificates": None,
    }
    names = [n for n in choices if command == "allocate" or n not in ALLOCATE_ONLY]
    if boundary:  # the numeric options twice as often
        names += [n for n in names if choices[n] in (number, yen)]
    argv = []
    for _ in range(rng.choice([1, 1, 2, 2, 3, 5])):
        name = rng.choice(names)
        if name == "--min" and rng.random() < 0.4:  # full offset
            argv += [name, "emissions"]
            continue
        argv += [name] if choices[name] is None else [name, choices[name]()]
    return argv


# --- Cases -----------------------------------------------------------------------------------
def apportion_case(rng, seeds, files, limit) -> list:
    n = rng.choice([0, 1, 2, 3, 10, 100, 1000, 20000])
    header = rng.choices(["id,weight", "ID,Weight", "weight,id", "id,weight,extra", "id"],
                         [80, 5, 5, 5, 5])[0]
    def weight():  # mostly plain decimals, sometimes huge or odd
        plain = f"{rng.random() * 10 ** rng.randint(0, 6):.{rng.randint(0, 6)}f}"
        huge = str(rng.randint(0, 10 ** rng.randint(1, 30)))
        return rng.choices([plain, huge, rng.choice(BIG), rng.choice(NUMBERS)], [60, 10, 15, 15])[0]
    ids = lambda i: rng.choice([f"i{i}"] * 20 + ["dup", "ガ", "ｶﾞ", ""])  # noqa: E731
    data = "\n".join([header] + [f"{ids(i)},{weight()}" for i in range(n)]).encode()
    files["weights.csv"] = (mutate_bytes(rng, data, seeds["files"]) if rng.random() < 0.2 else data)[:limit]
    source = rng.choice([["weights.csv"], ["-"], []])
    argv = ["apportion"] + source + ["--total", rng.choice(["100", "10", "0", "1000", num(rng), num(rng)]),
                                     "--unit", rng.choice(["1", "1", "0.1", "0.000001", num(rng)]),
                                     "--method", rng.choice(METHODS[:12])]
    return [{"argv": argv, "stdin": None if source == ["weights.csv"] else "weights.csv"}]


def make_case(seeds, seed: int, index: int) -> dict:
    """Case `index`: files to create, setup steps (not checked) and the steps to check."""
    rng = random.Random(f"{seed}:{index}")
    limit = LARGE_LIMIT if rng.random() < LARGE_CHANCE else FILE_LIMIT
    kind = rng.choices(["inputs", "apportion", "diff"], weights=[75, 15, 10])[0]
    files, setup, steps = {}, [], []
    if kind == "apportion":
        steps = apportion_case(rng, seeds, files, limit)
    elif kind == "diff":
        old, new = rng.choice(seeds["allocations"]), rng.choice(seeds["allocations"])
        files["old.json"] = mutate_json(rng, old, seeds["allocations"])[:limit] if rng.random() < 0.5 else old
        files["new.json"] = mutate_json(rng, new, seeds["allocations"])[:limit]
        steps.append({"argv": ["diff", "old.json", "new.json"]
                      + rng.choice([[], ["--format", "csv"], ["--format", "x"]])})
    else:
        base = rng.choices(seeds["sets"], [1 if s["name"] == "invalid" else 4 for s in seeds["sets"]])[0]
        subs = dict(base["files"])
        if rng.random() < 0.3:  # some of the files only
            subs = {k: subs[k] for k in rng.sample(sorted(subs), rng.randint(1, len(subs)))}
        # What to mutate: mostly one thing ('boundary': valid but large option values).
        chosen = rng.choices([{"options"}, {"boundary"}, {"submissions"}, {"purchase"}, {"cp932"}, None],
                             [25, 22, 18, 15, 8, 12])[0]
        chosen = chosen or set(rng.sample(["submissions", "purchase", "options"], rng.randint(2, 3)))
        if "submissions" in chosen:
            for name in rng.sample(sorted(subs), min(len(subs), rng.choice([1, 1, 2, 3]))):
                structured = (mutate_json if name.endswith(".json") else mutate_xlsx if name.endswith(".xlsx")
                              else lambda r, d, _: mutate_csv(r, d, limit))
                mutate = structured if rng.random() < 0.7 else mutate_bytes  # three in ten: bytes
                try:
                    subs[name] = mutate(rng, subs[name], seeds["files"])[:limit]
                except (ValueError, IndexError, KeyError, EOFError):  # a shape the mutation cannot take
                    subs[name] = mutate_bytes(rng, subs[name], seeds["files"])
        if "cp932" in chosen:  # an event name CP932 cannot write, in CSV or JSON
            name, char = rng.choice(sorted(subs)), rng.choice(NO_CP932).encode()
            subs[name] = subs[name].replace(b",2011-", char + b",2011-", 1).replace(
                b'"event_name": "', b'"event_name": "' + char, 1)
        files.update({"in/" + name: data for name, data in subs.items()})
        purchase = base["purchase"] or (rng.choice(seeds["purchases"]) if rng.random() < 0.3 else None)
        if "purchase" in chosen:
            purchase = mutate_purchase(rng, purchase or rng.choice(seeds["purchases"]), seeds["purchases"])
        command = rng.choices(["validate", "allocate", "explain"], [35, 45, 20])[0]
        command = "allocate" if "cp932" in chosen else command
        argv = [command] + (["in"] if rng.random() < 0.8 else sorted(files))
        if purchase is not None:
            files["purchase.json"] = purchase[:limit]
            argv += ["--purchase", "purchase.json"]
        elif rng.random() < 0.9:
            argv += ["--lot", rng.choice(SANE)]
        argv += [word for group in base["options"] if command == "allocate" or group[0] not in ALLOCATE_ONLY
                 for word in group]
        events = events_of(subs) or ["131032/E01"]
        codes = sorted({e.split("/")[0] for e in events})
        if "cp932" in chosen:
            argv += ["--csv-encoding", "cp932"] + (["--cp932-replace"] if rng.random() < 0.3 else [])
        if chosen & {"options", "boundary"}:
            argv += random_options(rng, command, codes, boundary="boundary" in chosen)
        if command == "explain":
            argv += ["--event", rng.choice(events + codes + ["131032/E99", "131032/", "/E01", "131032/e01"])]
        if command == "allocate":
            out = rng.choices(["out", "out/a/b", "purchase.json", "in"], [85, 10, 3, 2])[0]
            argv += ["--out", out]
            if out == "out" and rng.random() < 0.25:  # into a folder holding an earlier run
                files.update({"seed/" + k: v for k, v in base["files"].items()})
                setup.append({"argv": ["allocate", "seed", "--lot", "10", "--out", "out"]})
            if rng.random() < 0.1:  # a revision of a retired run, its record mutated
                retired = (REPO / "Samples/tokyo-2011-revision/retired/allocation.json").read_bytes()
                files["retired.json"] = (mutate_json(rng, retired, seeds["allocations"])[:limit]
                                         if rng.random() < 0.7 else retired)
                argv += ["--retired", "retired.json"]
            if rng.random() < 0.2:  # then compare with a sample's allocation
                files["old.json"] = seeds["allocations"][0]
                steps.append({"argv": argv})
                argv = ["diff", "old.json", "out/allocation.json"]
            elif out == "out" and rng.random() < 0.15:  # then retire it, and try to write over it
                steps.append({"argv": argv})
                steps.append({"argv": ["retire", "out", "--date",
                                       rng.choice(["2012-03-30", "2012-02-30", "x", "2012-3-30"])]
                              + rng.choice([[], ["--reference", "JCR-1"], ["--reference", "a\nb"]])})
        steps.append({"argv": argv})
    return {"index": index, "files": files, "setup": setup, "steps": steps}


# --- Running and checking --------------------------------------------------------------------
def snapshot(root: Path) -> dict:
    """relative path -> sha1 (or 'dir') of everything under root."""
    state = {}
    for folder, dirs, names in os.walk(root):
        state.update({os.path.relpath(os.path.join(folder, d), root): "dir" for d in dirs})
        for n in names:
            with open(os.path.join(folder, n), "rb") as f:
                state[os.path.relpath(os.path.join(folder, n), root)] = hashlib.sha1(f.read()).hexdigest()
    return state


def run_tool(tool, argv, cwd, stdin, timeout):
    """(status, stdout, stderr, seconds); status is -signal for a signal, None for a timeout."""
    started = time.monotonic()
    with open(cwd / stdin if stdin else os.devnull, "rb") as source:
        proc = subprocess.Popen(["nice", "-n", "10", tool] + argv, cwd=cwd, stdin=source,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, err = proc.communicate()
            status = None
    return status, out, err, time.monotonic() - started


def generalise(text: str) -> str:
    """A message or name with its varying parts (quoted text, numbers, tokens) blanked."""
    return re.sub(r"[0-9A-Fa-f]{8}|\d+", "N", re.sub(r"'[^']*'", "'…'", text))[:160]


def check(step, status, err, before, after) -> list:
    """(kind, signature, detail) for every problem of one run."""
    command, problems, text = step["argv"][0], [], err.decode("utf-8", "replace")
    if status is None:  # killed on timeout: what it left says nothing more
        return [("hang", command, "timed out")]
    if status not in ALLOWED_EXIT:
        number = -status if status < 0 else status - 128
        kind = f"signal-{signal.Signals(number).name}" if number in (4, 5, 6, 7, 8, 11) else f"exit-{status}"
        why = re.search(r"\*\*\* (.*?) \*\*\*", text.split("Backtracing", 1)[-1])
        site = re.search(r" at /\S*/Sources/\S*?([^/\s]+:\d+)", text)
        where = f"{why.group(1) if why else command} {site.group(1) if site else ''}".strip()
        problems.append((kind, where, where if why else (text.strip().splitlines() or [kind])[-1]))
    for path in sorted(p for p in after if p not in before):
        name = os.path.basename(path)
        if (name.startswith(".") or ".tmp" in name) and name not in ALLOWED_HIDDEN:
            problems.append(("leftover-temp", f"{command} {generalise(name)}", f"left {path}"))
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    if changed and (command not in WRITERS or status != 0):
        kind = "leftover-on-failure" if command in WRITERS else "wrote-files"
        problems.append((kind, f"{command} {generalise(changed[0])}",
                         f"exit {status}, yet changed: {', '.join(changed[:10])}"))
    if status == 1:
        bad = next((ln for ln in text.split("\n") if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", ln)), None)
        if bad is not None:
            problems.append(("stderr-control-char", f"{command} {generalise(bad)}", f"line {bad!r:.300}"))
        if not text.strip():
            problems.append(("silent-failure", command, "exit 1 with nothing on stderr"))
    return problems


def run_case(tool, case, root: Path, timeout) -> tuple:
    """Runs a case in a fresh folder; (number of runs, findings)."""
    work = root / f"case-{case['index']}"
    for name, data in case["files"].items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_bytes(data)
    work.mkdir(parents=True, exist_ok=True)
    for step in case["setup"]:
        run_tool(tool, step["argv"], work, None, timeout)
    findings = []
    for step in case["steps"]:
        before = snapshot(work)
        status, out, err, seconds = run_tool(tool, step["argv"], work, step.get("stdin"), timeout)
        findings += [{"kind": kind, "signature": f"{kind} {signature}", "detail": detail, "step": step,
                      "status": status, "stdout": out, "stderr": err, "seconds": seconds}
                     for kind, signature, detail in check(step, status, err, before, snapshot(work))]
    shutil.rmtree(work, ignore_errors=True)
    return len(case["setup"]) + len(case["steps"]), findings


def save(findings_dir: Path, tool, case, finding) -> Path:
    """Writes a finding to DIR/<kind>-<hash>/, unless a smaller example is there already."""
    folder = findings_dir / f"{finding['kind']}-{hashlib.sha1(finding['signature'].encode()).hexdigest()[:8]}"
    size = sum(len(v) for v in case["files"].values())
    if (folder / "size").exists() and int((folder / "size").read_text()) <= size:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "case").mkdir(parents=True)
    for name, data in case["files"].items():
        (folder / "case" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "case" / name).write_bytes(data)
    quote = lambda step: " ".join(map(shlex.quote, step["argv"])) + (  # noqa: E731
        f" < {shlex.quote(step['stdin'])}" if step.get("stdin") else " < /dev/null")
    lines = ["#!/bin/sh", f"# {finding['kind']}: {finding['detail'][:300]!r}", f"# case {case['index']}",
             f"TOOL=${{TOOL:-{shlex.quote(tool)}}}",
             'work=$(mktemp -d) && cp -R "$(dirname "$0")/case/." "$work/" && cd "$work" || exit 2']
    lines += [f'"$TOOL" {quote(s)} >/dev/null 2>&1  # setup' for s in case["setup"]]
    steps = case["steps"][:case["steps"].index(finding["step"]) + 1]
    lines += [f'"$TOOL" {quote(s)}; echo "exit status: $?" >&2' for s in steps]
    lines.append('echo "now in $work:" >&2; find . | sort >&2')
    (folder / "repro.sh").write_text("\n".join(lines) + "\n")
    (folder / "repro.sh").chmod(0o755)
    (folder / "command.txt").write_text(quote(finding["step"]) + "\n")
    (folder / "stdout.txt").write_bytes(finding["stdout"][:1 << 20])
    (folder / "stderr.txt").write_bytes(finding["stderr"][:1 << 20])
    (folder / "status.txt").write_text(f"exit status {finding['status']}\n{finding['detail']}\n"
                                       f"{finding['seconds']:.2f} s\n")
    (folder / "size").write_text(str(size))
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for name, kind, default, text in [
            ("--tool", str, None, "the jointcredit binary"), ("--seconds", float, 60, "time box"),
            ("--seed", int, 1, "seed of the cases"),
            ("--findings", str, ".fuzz-findings", "where findings go"),
            ("--jobs", int, 2, "parallel workers"), ("--timeout", float, 10, "seconds a run may take"),
            ("--cases", int, 0, "stop after this many cases, 0 for no limit")]:
        parser.add_argument(name, type=kind, default=default, required=default is None,
                            help=text + (f" (default {default})" if default is not None else ""))
    args = parser.parse_args()
    tool, seeds, findings_dir = str(Path(args.tool).resolve()), load_seeds(), Path(args.findings)
    findings_dir.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="jc-fuzz-"))
    started = time.monotonic()
    deadline = started + args.seconds
    executions, cases, counts, distinct, index, pending = 0, 0, {}, {}, 0, {}
    with cf.ThreadPoolExecutor(args.jobs) as pool:
        try:
            while True:  # keep 2 cases a worker queued until the time or the cases run out
                while (len(pending) < 2 * args.jobs and time.monotonic() < deadline
                       and index < (args.cases or 1 << 62)):
                    case = make_case(seeds, args.seed, index)
                    pending[pool.submit(run_case, tool, case, root, args.timeout)] = case
                    index += 1
                if not pending:
                    break
                for future in cf.wait(pending, return_when=cf.FIRST_COMPLETED)[0]:
                    case = pending.pop(future)
                    runs, found = future.result()
                    executions, cases = executions + runs, cases + 1
                    for finding in found:
                        counts[finding["kind"]] = counts.get(finding["kind"], 0) + 1
                        folder = save(findings_dir, tool, case, finding)
                        distinct.setdefault(finding["signature"], [0, folder])[0] += 1
        except KeyboardInterrupt:
            print("interrupted; finishing the runs under way", file=sys.stderr)
            for future in pending:
                future.cancel()
    shutil.rmtree(root, ignore_errors=True)
    print(f"cases: {cases}, executions: {executions}, elapsed: {time.monotonic() - started:.1f} s")
    print("findings by kind:" if counts else "findings: none")
    for kind in sorted(counts):
        print(f"  {kind}: {counts[kind]} ({sum(s.startswith(kind + ' ') for s in distinct)} distinct)")
    for signature, (count, folder) in sorted(distinct.items()):
        print(f"  {count:5d} × {signature[:110]}\n          {folder}")
    return 1 if counts else 0


if __name__ == "__main__":
    sys.exit(main())
