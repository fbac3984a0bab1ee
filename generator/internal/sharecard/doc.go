// Package sharecard draws the share card of a release without a picture:
// the picture that sharers (og:image, twitter:image) show for it, with
// the site's name and the release's title on a plain background.
//
// Rules:
//   - Size: Width × Height, 1200 × 630 (images.ShareWidth and
//     ShareHeight), a PNG: flat colours and text stay sharp and small.
//   - Layout: a dark blue background; the site's name at the top left in
//     a light grey, under it a short red rule, then the title in white,
//     left aligned, within margins of 80 pixels. The title is set at the
//     largest of 72, 64, 56, 48 and 40 pixels at which it fits in the
//     space left; at 40 pixels a title that still does not fit is cut
//     after its last whole line and ends in "…". The site's name keeps to
//     one line, cut the same way.
//   - Lines break per script: between any two Chinese (Han, kana, full
//     width) characters, except before closing punctuation (，。、》）…)
//     and after opening punctuation (《（“); Russian, English and other
//     text at spaces; a word longer than a line breaks where it must.
//   - The font: Noto Sans CJK SC Bold (SIL Open Font License 1.1, OFL.txt
//     beside this file), embedded in the binary as a subset made by
//     subset.sh: Latin, Cyrillic, punctuation and the Han characters of
//     hanzi.txt (GB 2312 level 1, the 3,755 common characters, and those
//     of the sample site). A character the font lacks is left out rather
//     than drawn as an empty box (Missing lists them).
//   - Deterministic: the same card gives the same bytes on every machine
//     and run (golang.org/x/image's rasterizer and image/png, no
//     hinting, nothing from the system's fonts). Fingerprint names the
//     font, the layout and this package's version, for caches.
package sharecard
