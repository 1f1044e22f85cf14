#!/usr/bin/env bash
# Builds the DocC documentation of the library with the toolchain's own docc (no plugin, no
# package dependency) and fails on any warning; then compiles every example in it.
#
#   Scripts/docs.sh        # the site goes to .build/docs
set -euo pipefail
cd "$(dirname "$0")/.."
graphs=.build/symbol-graphs
rm -rf "$graphs" .build/docs
mkdir -p "$graphs"
swift build --target JointCredit \
  -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$PWD/$graphs" >/dev/null
docc convert Sources/JointCredit/JointCredit.docc \
  --additional-symbol-graph-dir "$graphs" --output-dir .build/docs \
  --fallback-display-name JointCredit --fallback-bundle-identifier org.jointcredit.JointCredit \
  --warnings-as-errors
swift build >/dev/null
python3 Scripts/check-doc-examples.py
echo "docs: .build/docs"
