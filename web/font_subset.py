#!/usr/bin/python3
"""Builds the app's three fonts from Debian's WenQuanYi Micro Hei (face 0).

base: ASCII, Latin-1, punctuation, GB2312's symbols and its level-1 hanzi
      (3,755 常用字) and every character the app's own sources and assets
      use — preloaded before the first frame.
more: GB2312's level-2 hanzi (3,008 次常用字: 鑫 昊 琪 …) — fetched after the
      first frame when text needs one; the service worker keeps it offline.
ext:  every other glyph of the font (rare hanzi in names: 堃 喆 珺 …) —
      fetched only when text needs a character the other two lack.

Also writes OUT_BASE + ".chars": the app's own non-ASCII characters, which
the app puts in its glyph atlas at start.

usage: font_subset.py SRC.ttc OUT_BASE.ttf OUT_MORE.ttf OUT_EXT.ttf [TEXT_FILE...]
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection


# GB2312's rows: 0xA1-0xA9 symbols, 0xB0-0xD7 level 1, 0xD8-0xF7 level 2.
GB2312_LEVEL1_ROWS = range(0xA1, 0xD8)
GB2312_LEVEL2_ROWS = range(0xD8, 0xF8)


def gb2312(rows):
    out = set()
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def without_comments(code):
    """C++ source without its // and /* */ comments: the characters the app
    shows are in its strings, not in the examples its comments give."""
    out, i, n = [], 0, len(code)
    while i < n:
        c = code[i]
        if c in "\"'":
            j = i + 1
            while j < n and code[j] != c and code[j] != "\n":
                j += 2 if code[j] == "\\" else 1
            out.append(code[i:j + 1])
            i = j + 1
        elif code.startswith("//", i):
            i = code.find("\n", i) if "\n" in code[i:] else n
        elif code.startswith("/*", i):
            end = code.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def text_chars(paths):
    out = set()
    for p in paths:
        with open(p, encoding="utf-8", errors="ignore") as f:
            text = f.read()
        if p.endswith((".cpp", ".hpp")):
            text = without_comments(text)
        out.update(ord(c) for c in text if ord(c) > 0x7F)
    return out


def write_subset(src, unicodes, dest):
    opts = subset.Options()
    opts.font_number = 0
    opts.hinting = False
    opts.layout_features = []
    opts.notdef_outline = True
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    opts.drop_tables += ["vhea", "vmtx", "VORG"]  # vertical metrics: ImGui lays text out horizontally
    font = subset.load_font(src, opts, dontLoadGlyphNames=True)
    s = subset.Subsetter(opts)
    s.populate(unicodes=sorted(unicodes))
    s.subset(font)
    subset.save_font(font, dest, opts)


def main():
    src, out_base, out_more, out_ext, *texts = sys.argv[1:]
    cmap = set(TTCollection(src).fonts[0].getBestCmap())
    wanted = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
    wanted |= set(range(0x2190, 0x2200)) | set(range(0x2460, 0x2500)) | set(range(0x25A0, 0x2700))
    wanted |= set(range(0x2700, 0x27C0)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    own = text_chars(texts)
    wanted |= gb2312(GB2312_LEVEL1_ROWS) | own
    with open(out_base + ".chars", "w", encoding="utf-8") as f:
        f.write("".join(chr(c) for c in sorted(own & cmap) if c < 0x10000))
    base = wanted & cmap
    more = (gb2312(GB2312_LEVEL2_ROWS) & cmap) - base
    ext = cmap - base - more
    write_subset(src, base, out_base)
    write_subset(src, more, out_more)
    write_subset(src, ext, out_ext)
    print(f"font: base {len(base)} glyphs -> {out_base}; more {len(more)} -> {out_more}; ext {len(ext)} -> {out_ext}")


if __name__ == "__main__":
    main()
