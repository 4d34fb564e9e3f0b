#!/usr/bin/env python3
"""Checks that Package.swift declares exactly what each target imports, and that docs/architecture.md draws it.

usage: check-dependencies.py [--manifest FILE] [--root DIR]

Reads the manifest as `swift package dump-package` prints it (run here unless --manifest names a saved copy) and
the `import` lines of every target's Swift sources, then fails (exit 1, one line per problem) when
  - a target imports a target of this package, or a product, that it does not declare (it builds only by luck
    of the build order, and the graph a reader sees is not the real one);
  - a target declares a target or product that none of its sources imports (a false edge in the graph);
  - a source imports a module that is neither a target, a declared product nor a known system module;
  - docs/architecture.md's graph (the ```mermaid block) or its test-target table differs from the manifest,
    or a target has no section (### Name) there.
An executable target may be a dependency of a test target without being imported (the tests run it).
Exit status: 0 all agree, 1 a problem was found, 2 the manifest or a file could not be read.
"""
import argparse
import json
import os
import re
import subprocess
import sys

# Modules the toolchain and the platforms provide; importing them needs no declaration.
SYSTEM_MODULES = {
    "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking",
    "FoundationXML", "Dispatch", "Glibc", "Musl", "Darwin", "WinSDK", "ucrt", "Android", "Bionic",
    "Swift", "_Concurrency", "_StringProcessing", "RegexBuilder", "Synchronization", "Distributed",
    "Observation", "Testing", "XCTest", "os", "CoreFoundation", "Cxx", "CxxStdlib", "SwiftShims",
}

IMPORT = re.compile(
    r"^(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*"            # attributes: @testable, @_exported, @preconcurrency, @_implementationOnly
    r"(?:(?:public|package|internal|fileprivate|private)\s+)?"
    r"import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?"
    r"([A-Za-z_][A-Za-z0-9_]*)"
)


def fail_input(message):
    print("check-dependencies: " + message, file=sys.stderr)
    sys.exit(2)


def load_manifest(args):
    if args.manifest:
        with open(args.manifest, encoding="utf-8") as f:
            return json.load(f)
    try:
        output = subprocess.run(
            ["swift", "package", "--package-path", args.root, "--scratch-path",
             os.path.join(args.root, ".build", "check-dependencies"), "dump-package"],
            check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or str(error)
        fail_input("`swift package dump-package` failed: " + detail.strip().splitlines()[-1] if detail.strip() else str(error))
    return json.loads(output)


def default_path(target):
    if target.get("path"):
        return target["path"]
    folder = "Tests" if target["type"] == "test" else "Sources"
    return os.path.join(folder, target["name"])


def declared(target):
    """(targets, products) the target declares, by module name."""
    targets, products = set(), set()
    for dependency in target["dependencies"]:
        if "byName" in dependency:
            targets.add(dependency["byName"][0])
        elif "target" in dependency:
            targets.add(dependency["target"][0])
        elif "product" in dependency:
            products.add(dependency["product"][0])
    return targets, products


def swift_files(root, target):
    folder = os.path.join(root, default_path(target))
    if not os.path.isdir(folder):
        fail_input("target %s: its folder %s does not exist" % (target["name"], default_path(target)))
    excluded = [os.path.normpath(os.path.join(folder, e)) for e in target.get("exclude", [])]
    sources = target.get("sources")
    for directory, subdirectories, files in os.walk(folder):
        subdirectories[:] = sorted(d for d in subdirectories
                                   if os.path.normpath(os.path.join(directory, d)) not in excluded)
        for name in sorted(files):
            path = os.path.join(directory, name)
            if not name.endswith(".swift") or os.path.normpath(path) in excluded:
                continue
            if sources and not any(os.path.normpath(path).startswith(os.path.normpath(os.path.join(folder, s)))
                                   for s in sources):
                continue
            yield path


def imports(path):
    """The modules a Swift file imports: top-level `import` lines (column 0, outside multi-line strings)."""
    found = []
    in_string = False
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.count('"""') % 2 == 1:
                in_string = not in_string
                continue
            if in_string:
                continue
            match = IMPORT.match(line)
            if match:
                found.append((match.group(1), number))
    return found


def mermaid_edges(text):
    """Edges `A --> B` of the first ```mermaid block: {A: {B, ...}}, and every node named."""
    block = re.search(r"```mermaid\n(.*?)```", text, re.S)
    if not block:
        return None, set()
    edges, nodes = {}, set()
    for line in block.group(1).splitlines():
        line = line.strip()
        if not line or line.startswith("%%") or line.startswith(("graph", "flowchart", "classDef", "class ", "subgraph", "end", "style")):
            continue
        chain = [part.strip() for part in re.split(r"-->", line)]
        names = [re.sub(r"[\[\(\{].*$", "", part).strip() for part in chain]
        nodes.update(n for n in names if n)
        for source, destination in zip(names, names[1:]):
            edges.setdefault(source, set()).add(destination)
    return edges, nodes


def node_id(name):
    return name.replace("-", "_")


def test_table(text):
    """Rows of the `| test target | depends on |` table: {name: {dependencies}}."""
    rows = {}
    table = re.search(r"^\| test target \| depends on \|\n\|[- |]+\|\n((?:\|.*\|\n?)*)", text, re.M)
    if not table:
        return None
    for row in table.group(1).splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) >= 2:
            rows[cells[0].strip("`")] = {d.strip().strip("`") for d in cells[1].split(",") if d.strip() and d.strip() != "—"}
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", help="a saved `swift package dump-package` output")
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = parser.parse_args()
    manifest = load_manifest(args)
    targets = {t["name"]: t for t in manifest["targets"]}
    module_of = {name: name.replace("-", "_") for name in targets}  # an executable's module name
    target_of_module = {module: name for name, module in module_of.items()}
    declared_products = set()
    for target in targets.values():
        declared_products |= declared(target)[1]
    problems = []

    for name, target in targets.items():
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        declared_targets, products = declared(target)
        used_targets, used_products = set(), set()
        reported = set()  # (module): the first file that imports it undeclared is named, not every one

        def report(module, message):
            if module not in reported:
                reported.add(module)
                problems.append(message)

        for path in swift_files(args.root, target):
            relative = os.path.relpath(path, args.root)
            for module, line in imports(path):
                if module in target_of_module and target_of_module[module] != name:
                    dependency = target_of_module[module]
                    used_targets.add(dependency)
                    if dependency not in declared_targets:
                        report(module, "%s:%d: %s imports %s but Package.swift does not declare it; add \"%s\" to %s's dependencies"
                                        % (relative, line, name, dependency, dependency, name))
                elif module in products:
                    used_products.add(module)
                elif module in declared_products:
                    used_products.add(module)
                    report(module, "%s:%d: %s imports %s but does not declare the product; add .product(name: \"%s\", ...) to %s's dependencies"
                                    % (relative, line, name, module, module, name))
                elif module not in SYSTEM_MODULES and module != module_of[name]:
                    report(module, "%s:%d: %s imports %s, which is neither a target of this package, a declared product nor a known system module"
                                    % (relative, line, name, module))
        for dependency in sorted(declared_targets - used_targets):
            if dependency not in targets:
                problems.append("Package.swift: %s depends on %s, which is not a target of this package" % (name, dependency))
            elif target["type"] == "test" and targets[dependency]["type"] == "executable":
                continue  # the tests run it; nothing imports an executable
            else:
                problems.append("Package.swift: %s declares %s but no source of %s imports it; remove it from %s's dependencies"
                                % (name, dependency, name, name))
        for product in sorted(products - used_products):
            problems.append("Package.swift: %s declares product %s but no source of %s imports it; remove it" % (name, product, name))

    problems += compare_with_docs(args.root, targets)
    for problem in problems:
        print(problem)
    if problems:
        print("check-dependencies: %d problem(s); the graph is documented in docs/architecture.md" % len(problems), file=sys.stderr)
        return 1
    print("check-dependencies: %d targets; every import is declared, every declared dependency is imported, "
          "and docs/architecture.md draws the same graph" % len(targets))
    return 0


def compare_with_docs(root, targets):
    path = os.path.join(root, "docs", "architecture.md")
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as error:
        fail_input("cannot read docs/architecture.md: %s" % error.strerror)
    problems = []
    edges, nodes = mermaid_edges(text)
    if edges is None:
        return ["docs/architecture.md: no ```mermaid block with the target graph"]
    by_id = {node_id(name): name for name in targets}
    drawn = {}
    for source, destinations in edges.items():
        for destination in destinations:
            drawn.setdefault(source, set()).add(destination)
    for name, target in sorted(targets.items()):
        if target["type"] == "test":
            continue
        declared_targets, products = declared(target)
        expected = {node_id(d) for d in declared_targets} | {node_id(p) for p in products}
        actual = drawn.get(node_id(name), set())
        for missing in sorted(expected - actual):
            problems.append("docs/architecture.md: the graph lacks %s --> %s (Package.swift declares it)" % (node_id(name), missing))
        for extra in sorted(actual - expected):
            problems.append("docs/architecture.md: the graph draws %s --> %s, which Package.swift does not declare" % (node_id(name), extra))
        if not re.search(r"^### `?%s`?\s*$" % re.escape(name), text, re.M):
            problems.append("docs/architecture.md: no section \"### %s\" (what it owns, what it may import, what it must not)" % name)
    for source in sorted(set(drawn) - {node_id(n) for n, t in targets.items() if t["type"] != "test"}):
        if source in by_id and targets[by_id[source]]["type"] == "test":
            problems.append("docs/architecture.md: the graph draws test target %s; list it in the test-target table instead" % source)
        else:
            problems.append("docs/architecture.md: the graph draws edges from %s, which is not a target in Package.swift" % source)
    rows = test_table(text)
    tests = {n: t for n, t in targets.items() if t["type"] == "test"}
    if rows is None:
        problems.append("docs/architecture.md: no \"| test target | depends on |\" table")
        return problems
    for name, target in sorted(tests.items()):
        declared_targets, products = declared(target)
        if name not in rows:
            problems.append("docs/architecture.md: the test-target table has no row for %s" % name)
        elif rows[name] != declared_targets | products:
            problems.append("docs/architecture.md: the test-target table says %s depends on %s; Package.swift says %s"
                            % (name, ", ".join(sorted(rows[name])) or "nothing", ", ".join(sorted(declared_targets | products))))
    for name in sorted(set(rows) - set(tests)):
        problems.append("docs/architecture.md: the test-target table lists %s, which is not a test target in Package.swift" % name)
    return problems


if __name__ == "__main__":
    sys.exit(main())
