#!/usr/bin/env bash
# make bench: wall time and peak memory of the release build of `jointcredit` on synthetic
# submissions, with the read floor measured in the same run. Not a test: figures vary with the
# machine and with what else it is doing (docs/performance.md says how to read them).
#
# 1. The realistic shape (Scripts/generate-bench-data.py realistic): every municipality of Japan,
#    real codes, Japanese names, rows interleaved across bodies. For each size: the read floor
#    (Benchmarks/floor/read-floor.c, built here with the machine's C compiler: read the file,
#    split every field, sum the estimates), `validate` (of the file, and of the same rows as one
#    file per body), the main statements without and with
#    the workbook, and each one's ratio to the floor.
#    Then the first bench's shape (20 events per body, ASCII codes), main statements.
# 2. `apportion` of N items (CSV in, CSV out), whole process, per method.
# 3. Everything: per-body statements, notices and report, with and without the workbooks; with
#    the certificates (a file per event) too at the smaller sizes only. Creating files costs
#    what the file system makes it cost: on a file system just emptied of a million files it
#    can be most of the run (docs/performance.md); BENCH_OUT=/dev/shm measures the tool alone.
# 4. Only when SCALING lists sizes (SCALING="3000000 10000000" make bench): the realistic shape
#    at those sizes, validate and the main statements, one run each, with seconds and MiB per
#    million events, to see that time and memory grow no faster than the input.
#
#   Scripts/bench.sh [SIZES...]        e.g. Scripts/bench.sh 10000 100000 (default 10k 100k 1M)
#   RUNS=5 Scripts/bench.sh            runs per measurement (median; default 5, 3 from 1M)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
data=Benchmarks/data
mkdir -p "$data" .build/bench
[ -x /usr/bin/time ] || { echo "bench needs GNU time: apt-get install -y time" >&2; exit 1; }

swift build -c release --product jointcredit >/dev/null
tool=$(swift build -c release --show-bin-path)/jointcredit
floor=.build/bench/read-floor
${CC:-cc} -O2 -o "$floor" Benchmarks/floor/read-floor.c

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# run LABEL RUNS COMMAND...: prints "median min max peak_MiB" of RUNS runs of the command, each
# with a fresh output folder ($out in the command is replaced); folders are removed after all
# runs (deleting thousands of files just before a run would be measured too).
run() {
  local runs=$1
  shift
  local times=() peak=0 outs=()
  for _ in $(seq "$runs"); do
    local out
    out=$(mktemp -d -p "${BENCH_OUT:-/tmp}" jc-bench.XXXXXX)
    outs+=("$out")
    local args=("${@//@OUT@/$out/statements}")
    local start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$out/time" "${args[@]}" >/dev/null 2>"$out/stderr" \
      || { cat "$out/stderr" >&2; exit 1; }
    local end=$EPOCHREALTIME
    local seconds kib
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    read -r kib <"$out/time"
    times+=("$seconds")
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  rm -rf "${outs[@]}"
  sync
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%s %s %s %d\n' "$(printf '%s\n' "${times[@]}" | median)" "$(head -1 <<<"$sorted")" \
    "$(tail -1 <<<"$sorted")" $((peak / 1024))
}

allocate=(allocate --lot 100000 --unit 0.001 --mode body-then-event --body-unit 0.1 --out @OUT@)

echo "1. Realistic shape (1,741 municipalities, Japanese names, rows interleaved)"
printf '%-9s %-34s %8s %8s %8s %9s %9s\n' events what median min max peak_MiB x_floor
for n in "${sizes[@]}"; do
  file="$data/realistic-$n.csv"
  [ -f "$file" ] || python3 Scripts/generate-bench-data.py realistic "$n" "$file"
  runs=${RUNS:-$([ "$n" -ge 1000000 ] && echo 3 || echo 5)}
  read -r fmed fmin fmax fpeak < <(run "$runs" "$floor" "$file")
  printf '%-9s %-34s %8s %8s %8s %9s %9s\n' "$n" "read floor (C)" "$fmed" "$fmin" "$fmax" "$fpeak" 1
  # The same rows as one file per body, as bodies submit them.
  folder="$data/realistic-$n-by-body"
  [ -d "$folder" ] || python3 - "$file" "$folder" <<'PY'
import collections, csv, os, sys
rows = collections.defaultdict(list)
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    header = next(reader)
    for row in reader:
        rows[row[0]].append(row)
os.makedirs(sys.argv[2])
for code, body in rows.items():
    with open(os.path.join(sys.argv[2], code + ".csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(body)
PY
  for what in validate by-body main workbook; do
    case $what in
      validate) cmd=("$tool" validate "$file"); label="validate" ;;
      by-body) cmd=("$tool" validate "$folder"); label="validate, one file per body" ;;
      main) cmd=("$tool" "${allocate[@]}" "$file" --skip-body-statements --skip-report --skip-workbook)
        label="main statements, --skip-workbook" ;;
      workbook) cmd=("$tool" "${allocate[@]}" "$file" --skip-body-statements --skip-report)
        label="main statements and workbook" ;;
    esac
    read -r med min max peak < <(run "$runs" "${cmd[@]}")
    ratio=$(awk -v a="$med" -v b="$fmed" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
    printf '%-9s %-34s %8s %8s %8s %9s %9s\n' "$n" "$label" "$med" "$min" "$max" "$peak" "$ratio"
  done
done

echo
echo "1b. The first bench's shape (20 events per body, codes B0000001, ASCII, rows by body)"
printf '%-9s %-34s %8s %8s %8s %9s\n' events what median min max peak_MiB
for n in "${sizes[@]}"; do
  file="$data/simple-$n.csv"
  [ -f "$file" ] || python3 Scripts/generate-bench-data.py simple "$n" "$file"
  runs=${RUNS:-$([ "$n" -ge 1000000 ] && echo 3 || echo 5)}
  read -r med min max peak < <(run "$runs" "$tool" "${allocate[@]}" "$file" --skip-body-statements --skip-report --skip-workbook)
  printf '%-9s %-34s %8s %8s %8s %9s\n' "$n" "main statements, --skip-workbook" "$med" "$min" "$max" "$peak"
done

echo
echo "2. apportion, whole process (CSV in, CSV out), total 10,000,000, unit 1"
printf '%-9s %-18s %8s %8s %8s %9s\n' items method median min max peak_MiB
for n in "${sizes[@]}"; do
  file="$data/weights-$n.csv"
  [ -f "$file" ] || awk -v n="$n" 'BEGIN { srand(7); print "id,weight";
    for (i = 0; i < n; i++) printf "I%07d,%d.%03d\n", i, int(rand() * 50), int(rand() * 1000) }' >"$file"
  runs=${RUNS:-$([ "$n" -ge 1000000 ] && echo 3 || echo 5)}
  for method in largest-remainder dhondt sainte-lague huntington-hill adams dean; do
    read -r med min max peak < <(run "$runs" "$tool" apportion "$file" --total 10000000 --method "$method")
    printf '%-9s %-18s %8s %8s %8s %9s\n' "$n" "$method" "$med" "$min" "$max" "$peak"
  done
done

echo
echo "3. Everything: per-body statements and workbooks, notices, report.html; certificates up to 100k"
printf '%-9s %-34s %8s %8s %8s %9s\n' events what median min max peak_MiB
for n in "${sizes[@]}"; do
  file="$data/realistic-$n.csv"
  runs=${RUNS:-3}
  if [ "$n" -le 100000 ]; then
    read -r med min max peak < <(run "$runs" "$tool" "${allocate[@]}" "$file")
    printf '%-9s %-34s %8s %8s %8s %9s\n' "$n" "all statements" "$med" "$min" "$max" "$peak"
  fi
  read -r med min max peak < <(run "$runs" "$tool" "${allocate[@]}" "$file" --skip-certificates)
  printf '%-9s %-34s %8s %8s %8s %9s\n' "$n" "all but certificates" "$med" "$min" "$max" "$peak"
  read -r med min max peak < <(run "$runs" "$tool" "${allocate[@]}" "$file" --skip-certificates --skip-workbook)
  printf '%-9s %-34s %8s %8s %8s %9s\n' "$n" "all but certificates, workbooks" "$med" "$min" "$max" "$peak"
done

if [ -n "${SCALING:-}" ]; then
  echo
  echo "4. Scaling, realistic shape, one run each (validate; main statements, --skip-workbook)"
  printf '%-9s %-34s %8s %9s %12s %12s\n' events what seconds peak_MiB s_per_1M MiB_per_1M
  for n in $SCALING; do
    file="$data/realistic-$n.csv"
    [ -f "$file" ] || python3 Scripts/generate-bench-data.py realistic "$n" "$file"
    for what in validate main; do
      case $what in
        validate) cmd=("$tool" validate "$file"); label="validate" ;;
        main) cmd=("$tool" "${allocate[@]}" "$file" --skip-body-statements --skip-report --skip-workbook)
          label="main statements, --skip-workbook" ;;
      esac
      read -r med _ _ peak < <(run 1 "${cmd[@]}")
      awk -v n="$n" -v s="$med" -v m="$peak" -v l="$label" 'BEGIN {
        printf "%-9s %-34s %8s %9s %12.3f %12.1f\n", n, l, s, m, s / n * 1e6, m / n * 1e6 }'
    done
  done
fi
