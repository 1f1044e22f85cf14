#!/usr/bin/env python3
"""Compiles every Swift example in the documentation against the built library.

    Scripts/check-doc-examples.py [--build-dir .build/debug]

Collects each ```swift block from `///` comments in Sources/ and from the DocC catalogue, wraps
each in a function of its own (so that `try` and local names work), and type-checks them all with
`swiftc -typecheck` importing the JointCredit module that `swift build` made. Only the library's
public API is visible, as to a program that uses the package. Exits 1, naming the block, when one
does not compile. Part of `make test` and `make docs`.
"""
import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


# The libraries whose examples are checked, each against its own module.
MODULES = ["ApportionmentModule", "JointCredit"]


def fenced_blocks(lines):
    """(line, code) of each ```swift block in (number, text) lines; None ends any block."""
    inside, start, code = False, 0, []
    for number, text in lines:
        if text is None:
            inside = False
        elif not inside and text.strip() == "```swift":
            inside, start, code = True, number, []
        elif inside and text.strip() == "```":
            inside = False
            yield start, "\n".join(code)
        elif inside:
            code.append(text)


def comment_blocks(path: Path):
    """(line, code, public) of the ```swift blocks of the `///` comments of a Swift file; public
    says whether the comment documents a public declaration (else a package or internal one)."""
    source = path.read_text(encoding="utf-8").splitlines()

    def lines():
        for number, line in enumerate(source, 1):
            stripped = line.strip()
            if not stripped.startswith("///"):
                yield number, None
            else:
                text = stripped[3:]
                yield number, text[1:] if text.startswith(" ") else text

    for line, code in fenced_blocks(lines()):
        following = next(
            (text.strip() for text in source[line:]
             if text.strip() and not text.strip().startswith(("///", "@"))), "")
        yield line, code, following.startswith("public ")


def markdown_blocks(path: Path):
    """The ```swift blocks of a Markdown file."""
    return fenced_blocks(enumerate(path.read_text(encoding="utf-8").splitlines(), 1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=".build/debug")
    args = parser.parse_args()
    modules = REPO / args.build_dir / "Modules"
    failed = False
    total_public = total_internal = 0
    # Each library's examples see only that library, as a program that imports it does; an
    # example that needs another module says so with its own `import` line.
    for module in MODULES:
        public, internal = [], []
        for path in sorted((REPO / "Sources" / module).rglob("*.swift")):
            for line, code, is_public in comment_blocks(path):
                (public if is_public else internal).append((path, line, code))
        for path in sorted((REPO / "Sources" / module).rglob("*.docc/*.md")):
            public += [(path, line, code) for line, code in markdown_blocks(path)]
        if not public:
            print(f"check-doc-examples: no examples found in {module}", file=sys.stderr)
            return 1
        # Examples of public API see only what a program using the package sees; those of the
        # package's own plumbing see it all (the debug build is made for testing).
        for header, blocks in ((f"import {module}", public),
                               (f"@testable import {module}", internal)):
            # Examples with the same imports compile together, so that one example's import
            # cannot make another compile.
            groups = {}
            for block in blocks:
                own = frozenset(text.strip() for text in block[2].splitlines()
                                if text.startswith("import "))
                groups.setdefault(own, []).append(block)
            for own in sorted(groups, key=sorted):
                failed |= compile_examples(groups[own], header, modules)
        total_public += len(public)
        total_internal += len(internal)
    if failed:
        return 1
    print(f"check-doc-examples: {total_public} public and {total_internal} package examples "
          "compile")
    return 0


def compile_examples(blocks, header, modules) -> bool:
    """Type-checks blocks; prints each error at its block's place. Returns whether any failed."""
    if not blocks:
        return False
    imports = {header}
    for _, _, code in blocks:
        imports |= {text.strip() for text in code.splitlines() if text.startswith("import ")}
    source = sorted(imports) + [""]
    origins = {}
    for index, (path, line, code) in enumerate(blocks):
        origins[len(source) + 1] = (path, line)
        source.append(f"func example{index}() async throws {{  // {path.relative_to(REPO)}:{line}")
        # An example's own `import` lines go to the top of the file (blank here, so that line
        # numbers still match).
        source += ["" if text.startswith("import ") else "  " + text
                   for text in code.splitlines()]
        source.append("}")
        source.append("")
    with tempfile.TemporaryDirectory() as work:
        file = Path(work) / "examples.swift"
        file.write_text("\n".join(source), encoding="utf-8")
        result = subprocess.run(
            ["swiftc", "-typecheck", "-swift-version", "6", "-I", str(modules), str(file),
             # Examples show values by leaving them unused; that is not worth a warning.
             "-suppress-warnings"],
            capture_output=True, text=True)
    if result.returncode != 0:
        # Point each error at the block it came from.
        for message in result.stderr.splitlines():
            match = re.match(r".*examples\.swift:(\d+):\d+: error: (.*)", message)
            if match:
                number = int(match.group(1))
                start = max(k for k in origins if k <= number)
                path, line = origins[start]
                print(f"{path.relative_to(REPO)}:{line + number - start}: error: {match.group(2)}",
                      file=sys.stderr)
        print(f"check-doc-examples: {len(blocks)} examples, some do not compile", file=sys.stderr)
        return True
    return False


if __name__ == "__main__":
    sys.exit(main())
