#!/usr/bin/env bash
# Renders the HTML statements in a real browser (headless Chromium from Debian's packages) and
# fails if a page does not render or logs a console error. Part of `make test`.
#
#   Scripts/check-report.sh [TOOL] [--screenshots DIR]
#
# With --screenshots, keeps a PNG of each page there (docs/report.png comes from this).
set -euo pipefail
cd "$(dirname "$0")/.."
tool=.build/debug/jointcredit
shots=""
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshots) shots=$2; shift 2 ;;
    *) tool=$1; shift ;;
  esac
done

if ! command -v chromium >/dev/null 2>&1; then
  echo "check-report: installing chromium and CJK fonts from Debian's packages" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Renders one page; fails on a console error or a page without content.
render() {
  local page=$1 png=$2 log=$3
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --enable-logging=stderr --v=0 --window-size=1100,2400 --screenshot="$png" \
    "file://$page" >"$log.out" 2>"$log" || { echo "FAIL: chromium could not render $page" >&2; cat "$log" >&2; return 1; }
  if grep -E 'CONSOLE|Uncaught|SyntaxError' "$log" | grep -qiE 'error|uncaught'; then
    echo "FAIL: console errors in $page:" >&2
    grep -E 'CONSOLE|Uncaught' "$log" >&2
    return 1
  fi
  [ -s "$png" ] || { echo "FAIL: no screenshot of $page" >&2; return 1; }
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --dump-dom "file://$page" \
    >"$log.dom" 2>/dev/null
  grep -q "<svg\|<table" "$log.dom" || { echo "FAIL: $page rendered without its tables" >&2; return 1; }
}

# The check must be able to fail: a page with a script error is caught.
cat >"$work/broken.html" <<'HTML'
<!DOCTYPE html><html><body><table><tr><td>x</td></tr></table><script>undefinedFunction();</script></body></html>
HTML
if render "$work/broken.html" "$work/broken.png" "$work/broken.log" 2>/dev/null; then
  echo "FAIL: a page with a console error passed the check" >&2
  exit 1
fi

status=0
for lang in en ja; do
  "$tool" allocate Samples/tokyo-2011/submissions --purchase Samples/tokyo-2011/purchase.json \
    --lang "$lang" --out "$work/$lang" >/dev/null 2>&1
  for page in report.html statements/131032.html statements/ALL62.html; do
    name=$(echo "$page" | tr '/' '-')
    if render "$work/$lang/$page" "$work/$lang-$name.png" "$work/$lang-$name.log"; then
      echo "rendered $lang/$page"
      if [ -n "$shots" ]; then mkdir -p "$shots" && cp "$work/$lang-$name.png" "$shots/$lang-${name%.html}.png"; fi
    else
      status=1
    fi
  done
done
exit $status
