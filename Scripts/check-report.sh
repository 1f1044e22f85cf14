#!/usr/bin/env bash
# Renders the HTML pages in a real browser (headless Chromium from Debian's packages) at desktop
# (1280 px) and phone (390 px) width and prints them to PDF (A4), and fails when:
# - no Japanese font is installed (fontconfig has none for :lang=ja: every glyph would be a box);
# - a page does not render, logs a console error, or lacks its tables;
# - at 390 px the page is wider than the screen (tables must scroll in their own box), or a
#   table cell or value is squeezed so narrow that its text wraps a character per line;
# - the notice of a body with two events, or an event's certificate, takes more than one A4 page.
# Part of `make test`.
#
#   Scripts/check-report.sh [TOOL] [--screenshots DIR]
#
# With --screenshots, keeps the pictures there: <lang>-<page>-desktop.png, -phone.png, and the
# first printed page as -print.png (needs pdftoppm, from poppler-utils).
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

sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
if ! command -v chromium >/dev/null 2>&1 || ! fc-list :lang=ja family 2>/dev/null | grep -q .; then
  echo "check-report: installing chromium and CJK fonts from Debian's packages" >&2
  $sudo_cmd apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null
fi
if ! fc-list :lang=ja family | grep -q .; then
  echo "FAIL: no Japanese font is installed (fc-list :lang=ja is empty); pages would show boxes" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chrome=(timeout 120 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars
  --enable-logging=stderr --v=0)

# The layout probe: appended to a copy of a page, it measures the page at the window's width and
# writes what it found into the DOM, which --dump-dom prints.
cat >"$work/probe.js" <<'JS'
<script>
window.addEventListener('load', function () {
  var problems = [];
  var width = window.innerWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push('page is ' + document.documentElement.scrollWidth + ' px wide on a ' + width + ' px screen');
  document.querySelectorAll('td, th, dd, dt, h1, h2, p').forEach(function (el) {
    var text = (el.textContent || '').trim();
    if (text.length < 4) return;
    var size = parseFloat(getComputedStyle(el).fontSize);
    var box = el.getBoundingClientRect();
    // Narrower than two characters while holding four or more: wrapped a character per line.
    if (box.width < 2 * size && box.height > 3 * size)
      problems.push(el.tagName + ' "' + text.slice(0, 20) + '" is ' + Math.round(box.width) + ' px wide');
  });
  parent.postMessage(problems.length ? 'LAYOUT-FAIL ' + problems.join('; ') : 'LAYOUT-OK', '*');
});
</script>
JS

# A page as a screen of `width` px shows it: the page in a frame of that width (headless Chromium
# has no window narrower than 500 px).
framed() {
  local page=$1 width=$2 height=$3 out=$4
  cat >"$out" <<HTML
<!DOCTYPE html><html><body style="margin:0"><iframe src="file://$page" style="width:${width}px;height:${height}px;border:0"></iframe>
<script>window.addEventListener('message', function (e) { var o = document.createElement('pre'); o.textContent = e.data; document.body.appendChild(o); });</script></body></html>
HTML
}

# Renders one page at one width; fails on a console error or a page without content.
render() {
  local page=$1 png=$2 log=$3 width=$4
  local frame="$work/frame-$width.html"
  framed "$page" "$width" 2400 "$frame"
  local window=$(( width < 500 ? 500 : width ))
  "${chrome[@]}" --window-size="$window",2400 --screenshot="$png" "file://$frame" >"$log.out" 2>"$log" ||
    { echo "FAIL: chromium could not render $page" >&2; cat "$log" >&2; return 1; }
  if grep -E 'CONSOLE|Uncaught|SyntaxError' "$log" | grep -qiE 'error|uncaught'; then
    echo "FAIL: console errors in $page:" >&2
    grep -E 'CONSOLE|Uncaught' "$log" >&2
    return 1
  fi
  [ -s "$png" ] || { echo "FAIL: no screenshot of $page" >&2; return 1; }
  "${chrome[@]}" --dump-dom "file://$page" >"$log.dom" 2>/dev/null
  grep -q "<svg\|<table\|<dl" "$log.dom" || { echo "FAIL: $page rendered without its tables" >&2; return 1; }
}

# The layout at a width: no page wider than the screen, no text a character per line.
layout() {
  local page=$1 width=$2 log=$3
  local probe="${page%.html}.probe-$width.html"
  sed 's#</body>##' "$page" >"$probe"
  cat "$work/probe.js" >>"$probe"
  echo "</body>" >>"$probe"
  framed "$probe" "$width" 1200 "$work/probe-frame.html"
  local window=$(( width < 500 ? 500 : width ))
  "${chrome[@]}" --window-size="$window",1200 --virtual-time-budget=3000 --dump-dom \
    "file://$work/probe-frame.html" >"$log.layout" 2>/dev/null
  rm -f "$probe"
  if ! grep -q "LAYOUT-OK" "$log.layout"; then
    echo "FAIL: $page at $width px: $(grep -o 'LAYOUT-FAIL[^<]*' "$log.layout" || echo 'the probe did not run')" >&2
    return 1
  fi
}

# Prints a page to an A4 PDF and counts its pages.
pages() {
  local page=$1 pdf=$2
  "${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" >/dev/null 2>&1 ||
    { echo "FAIL: chromium could not print $page" >&2; return 1; }
  python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page(?![s\w])", open(sys.argv[1],"rb").read())))' "$pdf"
}

# The check must be able to fail: a page with a script error, a page wider than a phone and a
# name squeezed a character per line are all caught.
cat >"$work/broken.html" <<'HTML'
<!DOCTYPE html><html><body><table><tr><td>x</td></tr></table><script>undefinedFunction();</script></body></html>
HTML
if render "$work/broken.html" "$work/broken.png" "$work/broken.log" 1280 2>/dev/null; then
  echo "FAIL: a page with a console error passed the check" >&2
  exit 1
fi
cat >"$work/wide.html" <<'HTML'
<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><table style="width:900px"><tr><td>wide</td></tr></table></body></html>
HTML
if layout "$work/wide.html" 390 "$work/wide.log" 2>/dev/null; then
  echo "FAIL: a page wider than a phone passed the check" >&2
  exit 1
fi
cat >"$work/squeezed.html" <<'HTML'
<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><table style="width:100%"><tr><td>千代田区環境フェア</td><td style="width:99%">x</td></tr></table></body></html>
HTML
if layout "$work/squeezed.html" 390 "$work/squeezed.log" 2>/dev/null; then
  echo "FAIL: a name wrapped a character per line passed the check" >&2
  exit 1
fi

status=0
for lang in en ja; do
  "$tool" allocate Samples/tokyo-2011/submissions --purchase Samples/tokyo-2011/purchase.json \
    --lang "$lang" --out "$work/$lang" >/dev/null 2>&1
  for page in report.html statements/131032.html statements/ALL62.html certificates/131032/E01.html; do
    name=$(echo "${page%.html}" | tr '/' '-')
    for width in 1280 390; do
      kind=desktop; [ "$width" = 390 ] && kind=phone
      png="$work/$lang-$name-$kind.png"
      if render "$work/$lang/$page" "$png" "$work/$lang-$name-$width.log" "$width" &&
        layout "$work/$lang/$page" "$width" "$work/$lang-$name-$width.log"; then
        echo "rendered $lang/$page at $width px"
        if [ -n "$shots" ]; then mkdir -p "$shots" && cp "$png" "$shots/$lang-$name-$kind.png"; fi
      else
        status=1
      fi
    done
    pdf="$work/$lang-$name.pdf"
    count=$(pages "$work/$lang/$page" "$pdf") || { status=1; continue; }
    echo "printed $lang/$page: $count A4 page(s)"
    case "$page" in
      statements/131032.html | certificates/*)
        if [ "$count" != 1 ]; then
          echo "FAIL: $lang/$page takes $count pages in print; it must fit one A4 page" >&2
          status=1
        fi ;;
    esac
    if [ -n "$shots" ] && command -v pdftoppm >/dev/null 2>&1; then
      pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$pdf" "$shots/$lang-$name-print"
    fi
  done
done
exit $status
