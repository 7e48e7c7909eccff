#!/usr/bin/env python3
"""Counts the public items of the library as rustdoc lists them.

Run `cargo doc --no-deps --lib` first; this reads `target/doc/telusur/all.html` (or the file
given) and prints each section of rustdoc's "all items" page (structs, enums, functions, type
aliases, constants, ...) with its items, then the total. Modules and methods are not items of
that page, and an item re-exported elsewhere is listed once, at its documented path.

    cargo doc --no-deps --lib && python3 scripts/public_items.py
"""
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "target/doc/telusur/all.html"
html = open(path, encoding="utf-8").read()
total = 0
for section, body in re.findall(
    r'<h3 id="([a-z-]+)">.*?</h3><ul class="all-items">(.*?)</ul>', html, re.S
):
    items = re.findall(r'<li><a href="[^"]+">([^<]+)</a></li>', body)
    total += len(items)
    print(f"{section} ({len(items)}): {' '.join(items)}")
print(f"total {total}")
