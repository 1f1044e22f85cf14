#!/usr/bin/env bash
# Builds the DocC documentation of the library with the toolchain's own docc (no plugin, no
# package dependency) and fails on any warning; then compiles every example in it.
#
#   Scripts/docs.sh        # the site goes to .build/docs
set -euo pipefail
cd "$(dirname "$0")/.."
graphs=.build/symbol-graphs
rm -rf "$graphs" .build/docs .build/docs-ApportionmentModule
mkdir -p "$graphs"
# dump-symbol-graph always writes the graphs (a build that is up to date, after an edit of an
# article only, would emit none); only the library's are documented.
dumped=$(swift package dump-symbol-graph --minimum-access-level public \
  | sed -n 's/^Files written to //p')
[ -d "$dumped" ] || { echo "docs: no symbol graphs were written" >&2; exit 1; }
# Each library gets its own site: JointCredit in .build/docs, the core in
# .build/docs-ApportionmentModule.
for module in JointCredit ApportionmentModule; do
  graphs=.build/symbol-graphs/$module
  output=.build/docs
  [ "$module" = JointCredit ] || output=.build/docs-$module
  rm -rf "$output"
  mkdir -p "$graphs"
  cp "$dumped/$module.symbols.json" "$graphs"/
  find "$dumped" -name "$module@*.symbols.json" -exec cp {} "$graphs"/ \;
  docc convert "Sources/$module/$module.docc" \
    --additional-symbol-graph-dir "$graphs" --output-dir "$output" \
    --fallback-display-name "$module" --fallback-bundle-identifier "org.jointcredit.$module" \
    --warnings-as-errors
done
swift build >/dev/null
python3 Scripts/check-doc-examples.py
echo "docs: .build/docs (JointCredit), .build/docs-ApportionmentModule"
