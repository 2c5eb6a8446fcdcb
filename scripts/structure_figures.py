"""Print the structure figures issue 13 tracks: import graph and cycles, untyped document annotations, and
where permission checks sit (doors vs services). Run: .venv/bin/python scripts/structure_figures.py"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

import grimp

SRC = Path(__file__).resolve().parent.parent / "src" / "frontdesk"
CHECKS = {"check_permission", "check_any_permission", "has_permission", "can_access"}
DOORS = ("api", "realtime")


def strongly_connected(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Tarjan's algorithm over module-level imports (function-local ones included)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.find_modules_directly_imported_by(node) & modules):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


def layer_edges(graph: grimp.ImportGraph, modules: set[str]) -> Counter[tuple[str, str]]:
    def layer(module: str) -> str:
        parts = module.split(".")
        return parts[1] if len(parts) > 1 else parts[0]

    edges: Counter[tuple[str, str]] = Counter()
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module) & modules:
            if layer(module) != layer(imported):
                edges[layer(module), layer(imported)] += 1
    return edges


def annotation_count(folder: str, text: str) -> int:
    """How often `text` appears in the annotations (and type aliases) of a package's modules."""
    count = 0
    for path in (SRC / folder).rglob("*.py"):
        tree = ast.parse(path.read_text())
        annotations: list[ast.expr] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
                args += [a for a in (node.args.vararg, node.args.kwarg) if a is not None]
                annotations += [a.annotation for a in args if a.annotation is not None]
                if node.returns is not None:
                    annotations.append(node.returns)
            elif isinstance(node, ast.AnnAssign):
                annotations.append(node.annotation)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Subscript | ast.BinOp):
                annotations.append(node.value)  # type aliases such as `Room = dict[str, Any]`
        count += sum(ast.unparse(a).count(text) for a in annotations)
    return count


def permission_checks() -> Counter[str]:
    where: Counter[str] = Counter()
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC)
        if relative.as_posix() == "services/permissions.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = (
                    node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                )
                if name in CHECKS:
                    where[relative.parts[0] if len(relative.parts) > 1 else "top"] += 1
    return where


def main() -> None:
    graph = grimp.build_graph("frontdesk")
    modules = {m for m in graph.modules if m.startswith("frontdesk")}
    imports = sum(len(graph.find_modules_directly_imported_by(m) & modules) for m in modules)
    print(f"modules: {len(modules)}  imports between them: {imports}")
    cycles = strongly_connected(graph, modules)
    print(f"import cycles (strongly connected groups): {len(cycles)}")
    for group in cycles:
        print("  - " + " <-> ".join(m.removeprefix("frontdesk.") for m in group))
    print("imports between top-level packages (importer -> imported: count):")
    for (a, b), n in sorted(layer_edges(graph, modules).items()):
        print(f"  {a} -> {b}: {n}")
    for text in ("dict[str, Any]", "JsonObject", "ColumnValues"):
        found = {folder: annotation_count(folder, text) for folder in ("services", "store")}
        print(f"{text} in annotations: {found}")
    checks = permission_checks()
    doors = sum(checks[d] for d in DOORS)
    print(f"permission-check calls: doors (api + realtime) {doors} {dict((d, checks[d]) for d in DOORS)}")
    print(f"                        services {checks['services']}")


if __name__ == "__main__":
    main()
