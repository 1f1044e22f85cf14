#!/usr/bin/env bash
# Rewrites Samples/<case>/expected/ from the built tool. Review `git diff Samples` before committing:
# a golden file is only as good as the reading it got.
#
# Each case runs, from the package root:
#   jointcredit allocate [Samples/<case>/submissions] [--purchase Samples/<case>/purchase.json]
#               [arguments listed one per line in Samples/<case>/args] --out <temporary folder>
# (a case without its own submissions names its inputs in args).
# and keeps the statements, stdout.txt and stderr.txt (the folder shown as OUT) and exit-status.
# Tests/JointCreditCLITests/GoldenTests.swift runs the same and compares byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=${1:-.build/debug/jointcredit}
for dir in Samples/*/; do
  case_dir=${dir%/}
  [ -d "$case_dir/submissions" ] || [ -f "$case_dir/args" ] || continue
  work=$(mktemp -d)
  args=()
  [ -d "$case_dir/submissions" ] && args+=("$case_dir/submissions")
  [ -f "$case_dir/purchase.json" ] && args+=(--purchase "$case_dir/purchase.json")
  if [ -f "$case_dir/args" ]; then
    while IFS= read -r line; do [ -n "$line" ] && args+=("$line"); done < "$case_dir/args"
  fi
  set +e
  "$tool" allocate "${args[@]}" --out "$work/out" \
    >"$work/stdout" 2>"$work/stderr"
  status=$?
  set -e
  rm -rf "$case_dir/expected"
  mkdir -p "$case_dir/expected"
  if [ -d "$work/out" ]; then cp -R "$work/out/." "$case_dir/expected/"; fi
  sed "s#$work/out#OUT#g" "$work/stdout" >"$case_dir/expected/stdout.txt"
  sed "s#$work/out#OUT#g" "$work/stderr" >"$case_dir/expected/stderr.txt"
  echo "$status" >"$case_dir/expected/exit-status"
  rm -rf "$work"
  echo "$case_dir: exit $status, $(ls "$case_dir/expected" | wc -l) files"
done
