#!/usr/bin/env python3
"""Kill test: an interrupted `jointcredit allocate` must leave its output folder whole.

    Scripts/kill-test.py --tool PATH [--events N] [--bodies B] [--trials T] [--seed S] [--quick]
                         [--keep]

Generates two large, different submission sets A and B (B changes every estimate, drops some
bodies and adds others, so that even the list of statements differs), checks both with
`validate`, and records the files each one writes (relative path and sha256 of everything whose
name does not start with '.'). Then:

  kill-9      restore `out` to A (by allocating A into it), start allocating B into it and
              SIGKILL it after a delay: half the trials spread from 0 to 110 % of B's run time,
              half over the stretch where B replaces files (measured in a reference run); what
              is visible in `out` must then be exactly A's files or exactly B's, byte for byte.
  recovery    after each kill, allocate A again: `out` must be A's, and no hidden or temporary
              entry may be left under `out` or beside it (except ALLOWED_HIDDEN).
  sigterm,    as kill-9 with SIGTERM / SIGINT: the tool must exit, leave no temporary entry
  sigint      (before any further run) and leave A's or B's files.
  concurrent  A and B started at once into a fresh folder: each either succeeds or fails with
              exit 1 naming another run or a lock; the folder must hold one whole run.

Defaults: 60000 events over 500 bodies (1506 statements; about 3 s a run for a debug build),
10 SIGKILL trials, 2 each of SIGTERM, SIGINT and concurrent: under 2 minutes on 2 cores.
--quick (for CI): 20000 events over 100 bodies, 4 SIGKILL trials, 1 of each other kind.
Prints the result of every trial and a summary per phase; exits 1 when any check failed.
"""
import argparse
import csv
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# --- Settings -------------------------------------------------------------------------------
# Hidden names the tool may keep in or beside an output folder (a manifest, a lock).
ALLOWED_HIDDEN = {".jointcredit-manifest", ".jointcredit.lock", ".jointcredit-lock"}
# What a run refused because another one holds the folder should say.
BUSY_MESSAGE = re.compile(r"another (jointcredit )?run|lock|in use|busy", re.IGNORECASE)
WATCHED = "allocation.csv"  # a statement whose replacement shows that a run is committing
SIGNAL_WAIT = 15.0  # seconds a signalled run may take to exit
RUN_TIMEOUT = 300.0  # seconds any complete run may take
KINDS = ["ward", "city", "town", "village"]
HEADER = "body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t\n"


def check_digit(five: str) -> str:
    """The check digit of a local government code (weights 6..2, modulus 11)."""
    total = sum(int(d) * w for d, w in zip(five, [6, 5, 4, 3, 2]))
    return str((11 - total % 11) % 10)


def listed_bodies() -> dict:
    """code -> (name, kind) of the municipalities in data/japan-local-governments.csv: the tool
    checks every code, name and kind against the list of Japan's local governments."""
    path = Path(__file__).resolve().parent.parent / "data" / "japan-local-governments.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return {row["body_code"]: (row["body_name"], row["kind"]) for row in csv.DictReader(f)
                if row["kind"] in KINDS}


LISTED = listed_bodies()


def body_codes(rng, count: int) -> list:
    """`count` distinct listed codes of municipalities (cities, towns, villages, wards)."""
    return sorted(rng.sample(sorted(LISTED), count))


def write_submissions(folder: Path, rng, codes: list, events: int) -> None:
    """One CSV per body, `events` events spread unevenly over the bodies."""
    folder.mkdir(parents=True)
    weights = [rng.random() ** 2 + 0.05 for _ in codes]
    scale = events / sum(weights)
    counts = [max(1, round(w * scale)) for w in weights]
    for code, count in zip(codes, counts):
        name, kind = LISTED[code]
        lines = [HEADER]
        for n in range(count):
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            estimate = f"{rng.randint(1, 20000) / 1000:.3f}"
            lines.append(f"{code},{name},{kind},E{n + 1:05d},イベント{n + 1},"
                         f"2011-{month:02d}-{day:02d},{estimate}\n")
        (folder / f"{code}.csv").write_text("".join(lines), encoding="utf-8")


def visible(out: Path) -> dict:
    """relative path -> sha256 (or 'dir') of everything under out not starting with '.'."""
    state = {}
    if not out.exists():
        return state
    for folder, dirs, names in os.walk(out):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for d in dirs:
            state[os.path.relpath(os.path.join(folder, d), out) + "/"] = "dir"
        for name in names:
            if not name.startswith("."):
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    state[os.path.relpath(path, out)] = hashlib.sha256(f.read()).hexdigest()
    return state


def leftovers(arena: Path) -> list:
    """Hidden or temporary entries anywhere under arena (the parent of out), not allowed."""
    found = []
    for folder, dirs, names in os.walk(arena):
        for name in dirs + names:
            if (name.startswith(".") or ".tmp" in name) and name not in ALLOWED_HIDDEN:
                found.append(os.path.relpath(os.path.join(folder, name), arena))
    return sorted(found)


def remove(arena: Path, entries: list) -> None:
    for path in entries:
        target = arena / path
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)


def compare(state: dict, a: dict, b: dict) -> str:
    """'A', 'B', or a description of how a mixed folder differs from both."""
    if state == a:
        return "A"
    if state == b:
        return "B"

    def diff(expected):
        missing = sum(1 for p in expected if p not in state)
        extra = sum(1 for p in state if p not in expected)
        changed = sum(1 for p in state if p in expected and state[p] != expected[p])
        return f"{missing} missing, {extra} extra, {changed} different"
    return f"mixed (vs A: {diff(a)}; vs B: {diff(b)})"


def inode_of(path: Path):
    return path.stat().st_ino if path.exists() else None


def staging_has_files(out: Path) -> bool:
    """Whether a hidden staging folder beside `out` holds some files yet."""
    for entry in out.parent.iterdir():
        if entry.name.startswith(f".{out.name}.") and entry.is_dir():
            try:
                if len(os.listdir(entry)) > 3:
                    return True
            except OSError:
                pass
    return False


def wait_for_replacement(proc, out: Path, inode: int) -> bool:
    """Waits until the watched file in out is renamed away or replaced (True) or proc ends."""
    while proc.poll() is None:
        if inode_of(out / WATCHED) != inode:
            return True
        time.sleep(0.001)
    return False


class Runner:
    """Runs the tool (niced, in its own session) with the inputs and options of one set."""

    def __init__(self, tool: str, work: Path):
        self.tool, self.work = tool, work

    def argv(self, which: str, command: str, out: Path = None) -> list:
        argv = ["nice", "-n", "10", self.tool, command, str(self.work / f"in{which}"),
                "--purchase", str(self.work / "purchase.json")]
        return argv + (["--out", str(out)] if out else [])

    def start(self, which: str, out: Path) -> subprocess.Popen:
        return subprocess.Popen(self.argv(which, "allocate", out), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                start_new_session=True)

    def run(self, which: str, out: Path) -> tuple:
        """Allocates set `which` into out: (duration, when it began to replace the files of an
        earlier run, or None). Raises when the run does not succeed."""
        started, inode = time.monotonic(), inode_of(out / WATCHED)
        proc = self.start(which, out)
        replaced = None
        if inode and wait_for_replacement(proc, out, inode):
            replaced = time.monotonic() - started
        _, err = proc.communicate(timeout=RUN_TIMEOUT)
        if proc.returncode != 0:
            raise RuntimeError(f"allocate {which} into {out} exited {proc.returncode}: "
                               f"{err.decode(errors='replace')[-2000:]}")
        return time.monotonic() - started, replaced


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tool", required=True, help="the jointcredit binary")
    parser.add_argument("--events", type=int, default=60_000, help="events per set (60000)")
    parser.add_argument("--bodies", type=int, default=500, help="bodies per set (500)")
    parser.add_argument("--trials", type=int, default=10, help="SIGKILL trials (10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true", help="for CI: 20k events, fewer trials")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    if args.quick:
        args.events, args.bodies, args.trials = min(args.events, 20_000), min(args.bodies, 100), 4
    signal_trials, concurrent_trials = (1, 1) if args.quick else (2, 2)
    rng = random.Random(args.seed)
    tool = str(Path(args.tool).resolve())
    work = Path(tempfile.mkdtemp(prefix="jc-kill-"))
    arena = work / "arena"  # holds out and nothing else, so that what is beside out shows
    out = arena / "out"
    arena.mkdir()
    runner = Runner(tool, work)
    results = {}  # phase -> list of (ok, text)
    started = time.monotonic()

    def record(phase: str, ok: bool, text: str) -> None:
        results.setdefault(phase, []).append((ok, text))
        print(f"  {phase:10s} {'ok  ' if ok else 'FAIL'} {text}", flush=True)

    try:
        # --- The two inputs: B changes every estimate, drops a tenth of the bodies, adds others.
        codes = body_codes(rng, args.bodies + args.bodies // 10)
        codes_a = codes[:args.bodies]
        codes_b = codes[args.bodies // 10:]
        write_submissions(work / "inA", rng, codes_a, args.events)
        write_submissions(work / "inB", rng, codes_b, args.events)
        (work / "purchase.json").write_text(json.dumps({
            "description": "kill test", "lot_t": str(args.events // 10), "unit_t": "0.1",
            "mode": "body-then-event", "method": "largest-remainder", "price_jpy_per_t": 12000}))
        for which in "AB":
            check = subprocess.run(runner.argv(which, "validate"), capture_output=True)
            if check.returncode != 0:
                print(f"generated input {which} is not valid:\n{check.stderr.decode()[-3000:]}")
                return 1
        print(f"inputs: {args.events} events over {args.bodies} bodies each, in {work}")

        # --- Reference runs: A into out, B over it (timed, and when it starts to replace files),
        # B into a folder of its own.
        runner.run("A", out)
        state_a = visible(out)
        duration, commit = runner.run("B", out)
        commit = commit if commit is not None else duration
        b_over_a = visible(out)
        runner.run("B", work / "expected-B")
        state_b = visible(work / "expected-B")
        print(f"A writes {len(state_a)} entries, B {len(state_b)}; B over A takes {duration:.2f} s "
              f"and starts replacing files at {commit:.2f} s")
        record("reference", b_over_a == state_b,
               "B written over A gives B's files" if b_over_a == state_b
               else "B written over A " + compare(b_over_a, state_a, state_b))

        # --- SIGKILL: half the trials at delays spread from 0 to 110 % of the run; half once B
        # has begun to replace A's files (seen by polling), plus a delay spread over the rest of
        # the run: that stretch is short, and only there can a mix of A and B show.
        spread, focus = (args.trials + 1) // 2, args.trials // 2
        trials = [(False, 1.1 * duration * (i + rng.random()) / spread) for i in range(spread)]
        trials += [(True, (duration - commit) * (i + rng.random()) / focus) for i in range(focus)]
        runner.run("A", out)
        for trial, (committing, delay) in enumerate(trials):
            inode = inode_of(out / WATCHED)
            proc, begun = runner.start("B", out), time.monotonic()
            if committing:
                wait_for_replacement(proc, out, inode)
                when = (f"{delay * 1000:.0f} ms after it began replacing files "
                        f"({time.monotonic() - begun:.2f} s)")
            else:
                when = f"at {delay:.2f} s"
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            outcome = compare(visible(out), state_a, state_b)
            how = "killed" if proc.returncode == -signal.SIGKILL else f"exited {proc.returncode} first"
            record("kill-9", outcome in ("A", "B"),
                   f"trial {trial + 1}: {how} {when}; out holds {outcome}; "
                   f"{len(leftovers(arena))} hidden entries left for now")
            runner.run("A", out)  # the recovery run, and the restore for the next trial
            left = leftovers(arena)
            whole = visible(out) == state_a
            record("recovery", whole and not left,
                   f"trial {trial + 1}: rerun of A gives {'A' if whole else 'NOT A'}; "
                   f"left behind: {', '.join(left[:4]) + (' …' if len(left) > 4 else '') or 'nothing'}"
                   f" ({len(left)})")
            remove(arena, left)  # start the next trial clean, so that each one counts on its own

        # --- SIGTERM and SIGINT: the tool must stop and tidy up.
        for sig in (signal.SIGTERM, signal.SIGINT):
            for trial in range(signal_trials):
                runner.run("A", out)
                delay = duration * (trial + 1) / (signal_trials + 1)
                proc = runner.start("B", out)
                if trial == 0:
                    # The first trial aims at the writing phase: once the staging folder beside
                    # the output has files in it, while writers are still at work.
                    started_at = time.monotonic()
                    while proc.poll() is None and not staging_has_files(out):
                        time.sleep(0.002)
                    delay = time.monotonic() - started_at
                else:
                    time.sleep(delay)
                proc.send_signal(sig)
                try:
                    proc.wait(timeout=SIGNAL_WAIT)
                    exited = f"exited with {proc.returncode}"
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                    exited = None
                left = leftovers(arena)
                outcome = compare(visible(out), state_a, state_b)
                ok = exited is not None and not left and outcome in ("A", "B")
                exited = exited or f"still running after {SIGNAL_WAIT:.0f} s"
                record(sig.name.lower(), ok,
                       f"{sig.name} at {delay:.2f} s: {exited}; "
                       f"out holds {outcome}; left: {', '.join(left[:3]) or 'nothing'} ({len(left)})")
                remove(arena, left)

        # --- Two runs at once into one fresh folder.
        for trial in range(concurrent_trials):
            shutil.rmtree(out, ignore_errors=True)
            procs = {which: runner.start(which, out) for which in "AB"}
            errors = {which: proc.communicate(timeout=RUN_TIMEOUT)[1].decode(errors="replace")
                      for which, proc in procs.items()}
            statuses = {which: proc.returncode for which, proc in procs.items()}
            # Each run either succeeded or was refused (exit 1) because the other held the folder.
            succeeded = [w for w in "AB" if statuses[w] == 0]
            refused = [w for w in "AB" if statuses[w] == 1 and BUSY_MESSAGE.search(errors[w])]
            outcome, left = compare(visible(out), state_a, state_b), leftovers(arena)
            ok = len(succeeded) + len(refused) == 2 and outcome in succeeded and not left
            if not ok:
                for which in "AB":
                    print(f"  run {which} said: {errors[which].strip()[-300:]}")
            record("concurrent", ok,
                   f"trial {trial + 1}: exits A={statuses['A']} B={statuses['B']}"
                   f"{' (refused: ' + ','.join(refused) + ')' if refused else ''}; "
                   f"out holds {outcome}; left: {len(left)}")
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        record("aborted", False, str(error))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"\nsummary ({time.monotonic() - started:.0f} s):")
    failed = 0
    for phase, items in results.items():
        bad = sum(1 for ok, _ in items if not ok)
        failed += bad
        print(f"  {phase:10s} {len(items) - bad}/{len(items)} passed")
    print("FAILED" if failed else "all passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
