#!/usr/bin/env python3
"""Replaces the generated part of a Markdown page with a file's contents (used by `make contracts-table`).

usage: replace_section.py PAGE SECTION_MARKER CONTENT_FILE
The generated text goes between `<!-- generated: SECTION_MARKER -->` and `<!-- /generated: SECTION_MARKER -->`,
which must sit inside the page (docs/verify-and-check.md for the contracts table); everything else is left as it is. The file is replaced atomically.
"""
import os
import sys

readme, marker, content_file = sys.argv[1:4]
text = open(readme, encoding="utf-8").read()
start, end = "<!-- generated: %s -->" % marker, "<!-- /generated: %s -->" % marker
if start not in text or end not in text:
    sys.exit("%s: no %s ... %s markers; add them where the generated text belongs" % (readme, start, end))
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
content = open(content_file, encoding="utf-8").read()
temporary = readme + ".tmp-replace"
with open(temporary, "w", encoding="utf-8") as f:
    f.write(head + start + "\n" + content + end + tail)
os.replace(temporary, readme)
