#!/usr/bin/python3
"""Builds the app's two fonts from Debian's WenQuanYi Micro Hei (face 0).

base: ASCII, Latin-1, punctuation, the whole GB2312 set and every character
      the app's own sources and assets use — preloaded before the first frame.
ext:  every other glyph of the font (rare hanzi in names: 堃 喆 珺 …) —
      fetched only when text needs a character the base lacks.

Also writes OUT_BASE + ".chars": the app's own non-ASCII characters, which
the app puts in its glyph atlas at start.

usage: font_subset.py SRC.ttc OUT_BASE.ttf OUT_EXT.ttf [TEXT_FILE...]
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection


def gb2312():
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def text_chars(paths):
    out = set()
    for p in paths:
        with open(p, encoding="utf-8", errors="ignore") as f:
            out.update(ord(c) for c in f.read() if ord(c) > 0x7F)
    return out


def write_subset(src, unicodes, dest):
    opts = subset.Options()
    opts.font_number = 0
    opts.hinting = False
    opts.layout_features = []
    opts.notdef_outline = True
    opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    font = subset.load_font(src, opts, dontLoadGlyphNames=True)
    s = subset.Subsetter(opts)
    s.populate(unicodes=sorted(unicodes))
    s.subset(font)
    subset.save_font(font, dest, opts)


def main():
    src, out_base, out_ext, *texts = sys.argv[1:]
    cmap = set(TTCollection(src).fonts[0].getBestCmap())
    wanted = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
    wanted |= set(range(0x2190, 0x2200)) | set(range(0x2460, 0x2500)) | set(range(0x25A0, 0x2700))
    wanted |= set(range(0x2700, 0x27C0)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    own = text_chars(texts)
    wanted |= gb2312() | own
    with open(out_base + ".chars", "w", encoding="utf-8") as f:
        f.write("".join(chr(c) for c in sorted(own & cmap) if c < 0x10000))
    base = wanted & cmap
    ext = cmap - base
    write_subset(src, base, out_base)
    write_subset(src, ext, out_ext)
    print(f"font: base {len(base)} glyphs -> {out_base}; ext {len(ext)} glyphs -> {out_ext}")


if __name__ == "__main__":
    main()
