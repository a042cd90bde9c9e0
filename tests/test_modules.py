"""How the source is laid out: modules small enough to read, imports that run one way.

A module over 600 lines is doing two jobs; an import circle (a imports b, b imports a,
at the top of each) means neither can be read, tested or loaded without the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "refusal_log"
LIMIT = 600


def _modules() -> dict[str, Path]:
    found = {}
    for path in SOURCE.rglob("*.py"):
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _top_level_imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The refusal_log modules imported when this one is (not those imported inside functions
    or only for type checking)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            continue
        for item in ([node] if not isinstance(node, (ast.If, ast.Try)) else ast.walk(node)):
            if isinstance(item, ast.Import):
                found.update(a.name for a in item.names)
            elif isinstance(item, ast.ImportFrom):
                base = item.module or ""
                if item.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - item.level + 1] + ([base] if base else []))
                found.add(base)
                found.update(f"{base}.{a.name}" for a in item.names)
    return {m for m in found if m in known and m != name}


def test_no_module_is_over_600_lines():
    long = {str(p.relative_to(SOURCE)): n for p in SOURCE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMIT}
    assert long == {}


def test_no_import_circle_among_modules():
    modules = _modules()
    graph = {name: _top_level_imports(name, path, set(modules)) for name, path in modules.items()}
    # A package imports its __init__ first: that edge is Python's, not a circle of ours.
    circles = []
    for start in graph:
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start and not start.startswith(nxt + "."):
                    circles.append(" -> ".join(trail + [nxt]))
                elif nxt not in seen and not start.startswith(nxt + "."):
                    seen.add(nxt)
                    stack.append((nxt, trail + [nxt]))
    assert sorted(set(circles)) == []


def test_the_walk_sees_a_circle(tmp_path):
    """The check above would notice a circle (so its empty answer means something)."""
    package = tmp_path / "refusal_log"
    package.mkdir()
    (package / "a.py").write_text("from refusal_log import b\n")
    (package / "b.py").write_text("import refusal_log.a\n")
    known = {"refusal_log.a", "refusal_log.b"}
    assert _top_level_imports("refusal_log.a", package / "a.py", known) == {"refusal_log.b"}
    assert _top_level_imports("refusal_log.b", package / "b.py", known) == {"refusal_log.a"}
