#!/usr/bin/env python3
"""The web edition against the desktop app: the same link must show the same panels.

    compare_layout.py QUERY WEB_OUTPUT GUI WIDTH HEIGHT

QUERY is the page's query ("?scenario=...&tab=secrets&layout=1"); WEB_OUTPUT the console lines
page_check printed, one of them "tlsclub-web: layout: ...". GUI (the desktop tlsclub-gui) takes
the same state from the same arguments the page makes of the query (tlsclub.html), renders it
under xvfb-run at WIDTH x HEIGHT and writes its layout (--layout). The two must name the same
windows and tabs, each window within 1 % of the screen of the other's place and size: the same
layout, not the same pixels. Exit 0 when they agree, 1 with the differences, 2 on bad input.
"""
import os
import re
import subprocess
import sys
import tempfile
from urllib.parse import parse_qsl

VALUE_OPTIONS = {"lesson": "--lesson", "stop": "--lesson-stop", "member": "--member",
                 "step": "--step", "tab": "--tab", "theme": "--theme", "level": "--level",
                 "what-if": "--what-if"}
FLAG_OPTIONS = {"predict": "--predict", "present": "--present", "myths": "--myths",
                "glossary": "--glossary"}


def arguments(query, scenarios):
    args = []
    for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
        if key == "scenario":
            args.insert(0, os.path.join(scenarios, re.sub(r"\.toml$", "", value) + ".toml"))
        elif key in VALUE_OPTIONS:
            args += [VALUE_OPTIONS[key], value]
        elif key in FLAG_OPTIONS and value not in ("0", "false"):
            args.append(FLAG_OPTIONS[key])
    return args


def windows_and_tabs(lines):
    windows, tabs = {}, set()
    for line in lines:
        parts = line.split()
        if parts[:1] == ["window"] and len(parts) >= 6:
            windows[" ".join(parts[1:-4])] = tuple(int(n) for n in parts[-4:])
        elif parts[:1] == ["tab"]:
            tabs.add(" ".join(parts[1:]))
    return windows, tabs


def main():
    if len(sys.argv) != 6:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    query, web_output, gui, width, height = sys.argv[1:]
    web = None
    with open(web_output, encoding="utf-8") as f:
        for line in f:
            if "tlsclub-web: layout: " in line:
                web = line.split("tlsclub-web: layout: ", 1)[1].strip().split(";")
    if web is None:
        print("compare_layout: the page wrote no layout line", file=sys.stderr)
        return 1
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with tempfile.TemporaryDirectory() as work:
        layout = os.path.join(work, "layout.txt")
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", gui,
                   *arguments(query, os.path.join(root, "scenarios")),
                   "--screenshot", os.path.join(work, "shot.png"), "--size", f"{width}x{height}",
                   "--layout", layout]
        run = subprocess.run(command, capture_output=True, text=True, timeout=120,
                             env={**os.environ, "TLSCLUB_SCENARIOS": os.path.join(root, "scenarios")})
        if run.returncode != 0:
            print(f"compare_layout: {' '.join(command)} failed:\n{run.stderr}", file=sys.stderr)
            return 1
        with open(layout, encoding="utf-8") as f:
            native = f.read().splitlines()
    web_windows, web_tabs = windows_and_tabs(web)
    native_windows, native_tabs = windows_and_tabs(native)
    differences = []
    for name in sorted(set(web_windows) | set(native_windows)):
        if name not in web_windows:
            differences.append(f"only on the desktop: window {name}")
        elif name not in native_windows:
            differences.append(f"only in the browser: window {name}")
        elif any(abs(a - b) > 1 for a, b in zip(web_windows[name], native_windows[name])):
            differences.append(f"window {name}: browser {web_windows[name]}, "
                               f"desktop {native_windows[name]} (x y w h, % of the screen)")
    for tab in sorted(web_tabs ^ native_tabs):
        differences.append(f"tab bar {tab}: only {'in the browser' if tab in web_tabs else 'on the desktop'}")
    if differences:
        print("compare_layout: the browser and the desktop differ:\n  " + "\n  ".join(differences),
              file=sys.stderr)
        return 1
    print(f"same layout as the desktop ({len(web_windows)} windows, {len(web_tabs)} tab bars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
