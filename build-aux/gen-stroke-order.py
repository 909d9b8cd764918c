#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# gen-stroke-order.py — the stroke-order (笔顺) data behind the 姓氏笔画 order.
#
#   gen-stroke-order.py import [PACKAGE] -o data/chinese/stroke-order.txt
#       Reads the npm package cnchar-order (MIT, by theajack): a .tgz from
#       `npm pack cnchar-order@3.2.6`, an unpacked package folder, or nothing,
#       in which case it runs `npm pack` in a temporary folder. Writes one line
#       per character: code point, character, the package's stroke letters.
#       Run by hand when the data should be updated; the output is committed.
#
#   gen-stroke-order.py c-table data/chinese/stroke-order.txt -o OUT.c
#       Run by the build (a meson custom_target): turns the committed file into
#       a C table, mapping each stroke to the five classes of the official order.
#
# Only the Python standard library is used.

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "cnchar-order"
VERSION = "3.2.6"

# The package's stroke letters, with the name it gives each (its second JSON
# table), and the class each belongs to in the official order:
#   1 横  2 竖  3 撇  4 点  5 折
# The rule is the one of the 1965 《印刷通用汉字字形表》, restated in the
# introduction of GF 2001-2001 《GB13000.1字符集汉字折笔规范》 and used by
# GF 3003-1999 (笔画序): 提 counts as 横, 竖钩 (亅) as 竖, 捺 as 点, and every
# other stroke with a turn or a hook (the 25 折笔) as 折.
# The third field orders strokes of one class when two characters have the same
# count and the same classes (主笔形 before 附笔形; among the 折笔, fewer turns
# first, then the order of the 折笔规范's list). Several letters of the package
# stand for two 折笔 (e.g. "横折折|横折弯"); they take the place of the first.
STROKES = {
    #     class, rank, name in the package
    "j": (1, 0, "横"),
    "i": (1, 1, "提"),
    "f": (2, 0, "竖"),
    "g": (2, 1, "竖钩"),
    "s": (3, 0, "撇"),
    "k": (4, 0, "点"),
    "d": (4, 0, "点2"),  # the left dot of 冖/宀, 火, 心: a 点 of another shape
    "l": (4, 1, "捺"),
    # 折: one turn
    "c": (5, 0, "横折"),
    "e": (5, 1, "横撇|横钩"),
    "h": (5, 2, "竖提"),
    "b": (5, 3, "竖弯"),  # also the package's 竖折 (山, 凶)
    "m": (5, 4, "撇点"),
    "n": (5, 5, "撇折"),
    "y": (5, 6, "斜钩|卧钩"),
    "t": (5, 7, "弯钩"),
    # 折: two turns
    "r": (5, 8, "横折钩"),
    "p": (5, 9, "横折提"),
    "v": (5, 10, "横折折|横折弯"),
    "o": (5, 11, "横斜钩"),
    "u": (5, 12, "竖弯钩"),
    "x": (5, 13, "竖折撇|竖折折"),
    # 折: three or four turns
    "a": (5, 14, "横折折撇"),
    "q": (5, 15, "横折折折"),
    "z": (5, 16, "竖折折钩"),
    "w": (5, 17, "横折折折钩|横撇弯钩"),
}


def read_package(path):
    """Returns (the main script's text, package.json, LICENSE text, origin)."""
    if path is None:
        with tempfile.TemporaryDirectory(prefix="zb-cnchar-") as tmp:
            subprocess.run(["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"], cwd=tmp,
                           check=True, stdout=subprocess.DEVNULL)
            return read_package(os.path.join(tmp, f"{PACKAGE}-{VERSION}.tgz"))
    if os.path.isdir(path):
        def read(name):
            with open(os.path.join(path, name), encoding="utf-8") as f:
                return f.read()
        origin = "unpacked package folder"
    else:
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        tar = tarfile.open(path)

        def read(name):
            return tar.extractfile("package/" + name).read().decode("utf-8")
        origin = f"{os.path.basename(path)} sha256 {digest}"
    meta = json.loads(read("package.json"))
    return read(meta["main"]), meta, read("LICENSE"), origin


def cmd_import(args):
    script, meta, licence, origin = read_package(args.package)
    if meta["name"] != PACKAGE or meta.get("license") != "MIT":
        sys.exit(f"unexpected package {meta['name']} licence {meta.get('license')}")
    # The bundle holds two JSON.parse('…') literals: character → stroke letters,
    # and stroke letter → its shape and name.
    blobs = [json.loads(b) for b in re.findall(r"JSON\.parse\('(.*?)'\)", script, re.S)]
    orders = next(b for b in blobs if "一" in b)
    names = next(b for b in blobs if "j" in b and isinstance(b["j"], dict))
    for letter, info in names.items():
        if letter not in STROKES:
            sys.exit(f"stroke letter {letter} ({info['name']}) has no class")
        if STROKES[letter][2] != info["name"]:
            sys.exit(f"stroke letter {letter} is now {info['name']}")
    lines = []
    for char, letters in orders.items():
        if len(char) != 1 or not letters or set(letters) - set(STROKES):
            sys.exit(f"unexpected entry {char!r}: {letters!r}")
        lines.append((ord(char), char, letters))
    lines.sort()
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(f"# Stroke order (笔顺) of {len(lines)} characters: code point, character,\n"
                  f"# strokes in writing order as letters of the npm package {PACKAGE} {meta['version']}\n"
                  f"# (https://github.com/theajack/cnchar, MIT licence, © 2017 theajack; {origin}).\n"
                  "# Generated by build-aux/gen-stroke-order.py import; see README.md here.\n")
        for cp, char, letters in lines:
            out.write(f"{cp:04X} {char} {letters}\n")


def load(path):
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, char, letters = line.split()
            if ord(char) != int(cp, 16):
                sys.exit(f"{path}: {cp} does not match {char}")
            entries.append((int(cp, 16), letters))
    return entries


def cmd_c_table(args):
    entries = load(args.data)
    # Characters with the same count and the same classes are told apart by a
    # rank: the finer stroke ranks in writing order, then the code point.
    def classes(letters):
        return "".join(str(STROKES[c][0]) for c in letters)

    def fine(letters):
        return tuple(STROKES[c][1] for c in letters)

    groups = {}
    for cp, letters in entries:
        groups.setdefault(classes(letters), []).append((fine(letters), cp))
    rank = {}
    for members in groups.values():
        for i, (_, cp) in enumerate(sorted(members)):
            rank[cp] = i
    if max(rank.values()) > 0xffff or max(len(l) for _, l in entries) > 0xff:
        sys.exit("a rank or a count does not fit")

    blob = []
    offset = 0
    rows = []
    for cp, letters in sorted(entries):
        rows.append(f"  {{ 0x{cp:04X}, {offset}, {rank[cp]}, {len(letters)} }},")
        blob.append(classes(letters))
        offset += len(letters)
    text = "".join(blob)
    # Covers the data and the mapping: any change to either changes keys.
    data_version = hashlib.sha256("\n".join(rows + [text]).encode()).hexdigest()[:12]
    chunks = [text[i:i + 96] for i in range(0, len(text), 96)]
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("/* Generated by build-aux/gen-stroke-order.py from data/chinese/stroke-order.txt.\n"
                  " * Do not edit. SPDX-License-Identifier: GPL-3.0-or-later (data: MIT, cnchar). */\n"
                  "#include \"zb-chinese-private.h\"\n\n"
                  f"const guint zb_stroke_table_length = {len(rows)};\n"
                  "/* Part of zb_chinese_key_version(): keys change with the data. */\n"
                  f"const char zb_stroke_data_version[] = \"{data_version}\";\n\n"
                  "const ZbStrokeEntry zb_stroke_table[] = {\n")
        out.write("\n".join(rows))
        out.write("\n};\n\n/* Stroke classes 1 横 2 竖 3 撇 4 点 5 折, in writing order. */\n"
                  "const char zb_stroke_classes[] =\n")
        out.write("\n".join(f'  "{c}"' for c in chunks))
        out.write(";\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("import", help="write data/chinese/stroke-order.txt from the npm package")
    p.add_argument("package", nargs="?", help=f"{PACKAGE}-{VERSION}.tgz or its unpacked folder")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("c-table", help="write the C table the build compiles in")
    p.add_argument("data")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_c_table)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
