"""Read a running Facilitator window through AT-SPI, as a screen reader does (tests/gui/
test_atspi.py runs this with the system's Python, which has PyGObject and Atspi; the project's
environment need not).

    atspi_reader.py SCRIPT_JSON OUT_JSON -- APP ARGV...

starts the app, finds it on the accessibility bus by its process id, and for each step of the
script ({"tab": n} shows the main window's n-th page tab, {"press": name} presses the button of
that name on the page shown, {"wait": seconds}) records what is showing on the page: every
object's role, name, description and states. Announcements and name changes heard while it
runs are recorded too. Writes one JSON object to OUT_JSON (the bus's daemons print on stdout).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

STATES = {
    "showing": Atspi.StateType.SHOWING,
    "focusable": Atspi.StateType.FOCUSABLE,
    "enabled": Atspi.StateType.ENABLED,
    "selected": Atspi.StateType.SELECTED,
}


def pump(seconds: float) -> None:
    """Let the bus deliver events for a while."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.iteration(False):
            pass
        time.sleep(0.02)


def find_app(pid: int, timeout: float) -> Atspi.Accessible:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for n in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(n)
            if app is not None and app.get_process_id() == pid and app.get_child_count():
                return app
        pump(0.2)
    raise SystemExit(f"the app (pid {pid}) did not appear on the accessibility bus")


def children(node: Atspi.Accessible) -> list[Atspi.Accessible]:
    found = []
    for n in range(node.get_child_count()):
        child = node.get_child_at_index(n)
        if child is not None:
            found.append(child)
    return found


def find(node: Atspi.Accessible, role: str, depth: int = 0) -> Atspi.Accessible | None:
    if node.get_role_name() == role:
        return node
    if depth > 14:
        return None
    for child in children(node):
        hit = find(child, role, depth + 1)
        if hit is not None:
            return hit
    return None


def labels_of(node: Atspi.Accessible) -> list[str]:
    """The names of what labels this object (Qt says a buddy label this way on Linux)."""
    names = []
    for relation in node.get_relation_set() or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            for n in range(relation.get_n_targets()):
                names.append(relation.get_target(n).get_name())
    return names


def describe(node: Atspi.Accessible, depth: int = 0) -> list[dict]:
    """Every showing object under `node`, depth first, in the order the bus gives them."""
    states = node.get_state_set()
    if not states.contains(Atspi.StateType.SHOWING):
        return []
    row = {
        "depth": depth,
        "role": node.get_role_name(),
        "name": node.get_name() or "",
        "description": node.get_description() or "",
        "labelled_by": labels_of(node),
        "states": [k for k, v in STATES.items() if states.contains(v)],
    }
    rows = [row]
    if row["role"] in ("table", "list", "tree table") and node.get_child_count() > 40:
        kids = children(node)[:40]  # a long table's cells say nothing more about the form
    else:
        kids = children(node)
    for child in kids:
        rows.extend(describe(child, depth + 1))
    return rows


def page_of(tabs: Atspi.Accessible) -> Atspi.Accessible:
    """The pages beside the tab bar (Qt: the tab widget's stack)."""
    parent = tabs.get_parent()
    for sibling in children(parent):
        if sibling.get_role_name() != "page tab list":
            return sibling
    return parent


def press(root: Atspi.Accessible, name: str) -> bool:
    for row_node in walk_nodes(root):
        if row_node.get_role_name() == "push button" and row_node.get_name() == name:
            if row_node.get_n_actions():
                row_node.do_action(0)
                return True
    return False


def walk_nodes(node: Atspi.Accessible, depth: int = 0):
    if not node.get_state_set().contains(Atspi.StateType.SHOWING):
        return
    yield node
    if depth < 20 and node.get_child_count() <= 40:
        for child in children(node):
            yield from walk_nodes(child, depth + 1)


def main(argv: list[str]) -> int:
    split = argv.index("--")
    script = json.loads(argv[1])
    command = argv[split + 1 :]
    heard: list[dict] = []

    def hear(event) -> None:
        source = event.source
        heard.append(
            {
                "type": event.type,
                "role": source.get_role_name() if source is not None else "",
                "text": event.any_data if isinstance(event.any_data, str) else "",
                "name": source.get_name() if source is not None else "",
            }
        )

    listener = Atspi.EventListener.new(hear)
    for kind in ("object:announcement", "object:property-change:accessible-name"):
        listener.register(kind)
    app = subprocess.Popen(command)
    started = time.monotonic()
    out: dict = {"steps": [], "heard": heard}
    try:
        root = find_app(app.pid, 25)
        out["found_after"] = round(time.monotonic() - started, 2)
        frame = children(root)[0]
        pump(0.5)
        tabs = find(frame, "page tab list")
        if tabs is None:
            raise SystemExit("no page tab list in the main window")
        for step in script:
            if "tab" in step:
                tab = children(tabs)[step["tab"]]
                tab.do_action(0)
                pump(0.8)
                page = page_of(tabs)
                out["steps"].append(
                    {"tab": tab.get_name(), "objects": describe(page), "at": len(heard)}
                )
            elif "press" in step:
                pressed = press(page_of(tabs), step["press"])
                pump(0.3)
                out["steps"].append({"press": step["press"], "pressed": pressed, "at": len(heard)})
            elif "wait" in step:
                pump(step["wait"])
    finally:
        listener.deregister("object:announcement")
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
    with open(argv[2], "w", encoding="utf-8") as file:
        json.dump(out, file, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
