#!/bin/sh
# Makes NotoSansCJKsc-Bold-subset.otf, the font of the share cards, from
# Debian's fonts-noto-cjk (Noto Sans CJK SC Bold, version 2.004, SIL Open
# Font License 1.1: OFL.txt) with pyftsubset from Debian's python3-fonttools:
#
#   apt-get install fonts-noto-cjk python3-fonttools
#   sh subset.sh
#
# It keeps Basic Latin, Latin-1, Cyrillic, general punctuation, CJK
# punctuation, full-width forms and the Han characters of hanzi.txt: the
# 3,755 of GB 2312 level 1 (the common ones) and every other one the
# sample site's content, site.yaml and i18n files use. A character the
# font lacks is left out of a card (see doc.go).
set -e
cd "$(dirname "$0")"
python3 -m fontTools.subset /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \
	--font-number=2 --text-file=hanzi.txt \
	--unicodes='U+0020-007E,U+00A0-00FF,U+0400-045F,U+2010-2027,U+2030-203A,U+20AC,U+20BD,U+2116,U+2122,U+3000-303F,U+FF01-FF5E' \
	--layout-features='' --no-hinting --desubroutinize --name-IDs='*' --name-languages='*' \
	--output-file=NotoSansCJKsc-Bold-subset.otf
