#!/usr/bin/env bash
# make bench: end-to-end wall time and peak memory of `jointcredit allocate` (release build) on
# synthetic submissions of 10k, 100k and 1M events. Not a test: figures vary with the machine.
#
# The main statements (allocation.csv, bodies.csv, offset-rates.csv, allocation.json and
# allocation.xlsx) are measured with --skip-body-statements --skip-report, then again with
# --skip-workbook (the workbook is the largest piece of work: docs/performance.md); a third table
# adds the per-body statements (four small files per body, and a certificate per event) and the
# report, at the smaller sizes.
#
#   Scripts/bench.sh [SIZES...]        e.g. Scripts/bench.sh 10000 100000
#   RUNS=5 Scripts/bench.sh            runs per size (median reported; default 5, 3 for 1M)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
data=Benchmarks/data
mkdir -p "$data"

swift build -c release --product jointcredit >/dev/null
tool=$(swift build -c release --show-bin-path)/jointcredit
[ -x /usr/bin/time ] || { echo "bench needs GNU time: apt-get install -y time" >&2; exit 1; }

# One combined submission: 20 events per body, bodies of kind other, estimates with 3 decimals.
generate() {
  local events=$1 file=$2
  awk -v n="$events" 'BEGIN {
    srand(42)
    print "body_code,body_name,body_kind,event_id,event_name,event_date,emissions_t"
    for (i = 0; i < n; i++) {
      b = int(i / 20)
      printf "B%07d,Body %d,other,E%02d,Event %d of body %d,2011-%02d-%02d,%d.%03d\n", \
        b, b, i % 20, i % 20, b, i % 12 + 1, i % 28 + 1, int(rand() * 5), int(rand() * 1000)
    }
  }' >"$file"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

measure() {
  local label=$1
  shift
  printf '%s\n' "$label"
  printf '%-10s %-6s %12s %12s %14s\n' events runs "median_s" "min_s" "peak_rss_MiB"
  for n in "$@"; do
    measure_size "$n"
  done
}

measure_size() {
  local n=$1
  local file="$data/events-$n.csv"
  [ -f "$file" ] || generate "$n" "$file"
  local runs=${RUNS:-$([ "$n" -ge 1000000 ] && echo 3 || echo 5)}
  local times=() rss=() outs=()
  for _ in $(seq "$runs"); do
    # Output folders are removed only after the runs: deleting thousands of files just before a
    # run slows the file system's next creations and would be measured too.
    out=$(mktemp -d)
    outs+=("$out")
    /usr/bin/time -f "%e %M" -o "$out/time" "$tool" allocate "$file" --lot 100000 --unit 0.001 \
      --mode body-then-event --body-unit 0.1 --out "$out/statements" "${extra[@]}" \
      >/dev/null 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
    read -r seconds kib <"$out/time"
    times+=("$seconds")
    rss+=("$kib")
  done
  rm -rf "${outs[@]}"
  sync
  med=$(printf '%s\n' "${times[@]}" | median)
  min=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
  peak=$(printf '%s\n' "${rss[@]}" | sort -n | tail -1)
  printf '%-10s %-6s %12s %12s %14.0f\n' "$n" "$runs" "$med" "$min" "$(echo "$peak / 1024" | bc -l)"
}

extra=(--skip-body-statements --skip-report)
measure "main statements, allocation.xlsx included" "${sizes[@]}"
extra=(--skip-body-statements --skip-report --skip-workbook)
echo
measure "main statements without the workbook (--skip-workbook)" "${sizes[@]}"
small=()
for n in "${sizes[@]}"; do [ "$n" -le 100000 ] && small+=("$n"); done
if [ ${#small[@]} -gt 0 ]; then
  extra=()
  echo
  measure "with per-body statements (4 files per body, 20 events per body), certificates and report.html" "${small[@]}"
fi
