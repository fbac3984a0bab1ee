// Package images makes the pictures of releases fast and private: every
// JPEG, PNG, WebP and GIF that a page shows is written at a few widths, as
// WebP and as a fallback, without its metadata, once for every language,
// and kept in a cache so that it is made only once.
//
// Rules:
//   - What is processed: the pictures the graph lists (site.Site.Pictures:
//     front matter image.src and Markdown images and links to files of a
//     page bundle). The format is read from the file's first bytes, not its
//     name: a PDF renamed .jpg is refused in plain words. SVG is published
//     as it is, once (no raster work), with its width and height read from
//     its root element or viewBox when it gives them.
//   - Size: the header is read first (image.DecodeConfig) and a picture of
//     more than Settings.MaxPixels pixels (site.yaml images.maxPixels,
//     default 100 million) is refused before a pixel is decoded, so a
//     decompression bomb costs neither time nor memory. A damaged or cut
//     file fails with what the decoder says.
//   - Widths: Settings.Widths (images.widths, default 480, 800, 1200 and
//     1600) that the picture reaches, never wider than it is; a picture
//     narrower than all is written at its own width. The widest is resized
//     from the source with Catmull-Rom (golang.org/x/image/draw), after
//     halving a JPEG by 2 × 2 averages while it stays twice as big (which
//     quarters the resampler's time and memory), and the others from it;
//     heights keep the aspect ratio, rounded.
//   - Upright: the EXIF orientation (read with github.com/bep/imagemeta,
//     Hugo's reader of EXIF, IPTC and XMP) is applied to the pixels, so a
//     portrait photo stored sideways comes out upright, and the outputs
//     carry no orientation tag.
//   - Formats: each width as WebP (quality Settings.Quality, default 75)
//     and as a fallback for browsers without WebP: JPEG (quality
//     Settings.JPEGQuality, default 80) for JPEG sources and opaque WebP,
//     PNG for PNG and GIF sources and anything transparent. A GIF gives its
//     first frame. WebP is written by github.com/gen2brain/webp: libwebp
//     compiled to WebAssembly and run by wazero, so gen needs no cgo and no
//     library on the machine, and the bytes are the same on every machine
//     (gen is built with -tags nodynamic, which keeps that package from
//     loading a libwebp.so of the system instead; the cache key names the
//     encoder in use).
//   - Private: the encoders write pixels only, so no EXIF, IPTC or XMP
//     reaches an output: no GPS position, no camera serial number, no
//     time. With Settings.KeepCredit (images.keepCredit) the creator and
//     copyright of the source (XMP dc:creator and dc:rights, else IPTC
//     By-line and CopyrightNotice, else EXIF Artist and Copyright) are
//     written back as an XMP packet holding those two alone. ICC colour
//     profiles are not read: pictures are taken as sRGB.
//   - Originals: the file as given (its metadata included) is published
//     only when asked: Job.Original, from image.original in front matter
//     or images.original in site.yaml.
//   - Thumbnails: a job with Job.Thumb (the lead picture of a release,
//     which lists show small) is also written at ThumbWidths, 320 and 640
//     pixels (those it reaches, else its own width), as WebP and the
//     fallback, in the same run, cache entry and folder (Picture.Thumbs); a
//     width both lists name is one file. Picture.ThumbHTML is its markup
//     (srcset and sizes, the width and height of the narrowest, alt,
//     loading="lazy", decoding="async"); an SVG shows as itself.
//   - Share picture: a page's lead picture (Job.Share) is also written as
//     <name>-share.jpg, ShareWidth × ShareHeight (1200 × 630, what
//     sharers show in a large card: og:image, twitter:image): the largest
//     middle part of the picture with that aspect ratio, from the widest
//     file, scaled with Catmull-Rom, laid on white when transparent, a
//     JPEG (Settings.JPEGQuality) without metadata, kept in the cache with
//     the others (the key says it has one). An SVG has none.
//   - Made files: Cache.Keep keeps a file a caller draws (the share card
//     of a release without a picture, package sharecard) by what it is
//     made from, the same way: drawn once, then taken from the cache.
//   - Names: a picture's files are <name>-<width>.webp and .jpg (or .png)
//     in Job.Dir (site.Picture.Dir, under /images/, the same for every
//     language; see package site), and its original keeps its name; two
//     pictures of one folder with the same name and different extensions
//     get the extension in their names (hall-png-800.webp).
//   - Markup (Picture.HTML): a <picture> with a WebP <source> and an <img>
//     of the fallback, both with srcset and sizes (site.yaml images.sizes),
//     width and height of the widest file, alt and title; loading="lazy"
//     and decoding="async", except the page's lead picture, which gets
//     fetchpriority="high". Package render puts it in pages.
//   - Cache: processed files are kept by the SHA-256 of the source bytes
//     and a fingerprint of the settings, this package's pipeline version
//     and the versions of the resampler and the encoder: in a folder
//     (Cache.Dir; gen build and serve use --cacheDir, default gen/images
//     in os.UserCacheDir) where each key's files are written into a folder
//     of their own that is then renamed into place, so no run sees half of
//     them and two runs may share it; or in memory. A run that finds its
//     key decodes and encodes nothing (Cache.Work counts what was done).
//     Within one Cache, a file whose size and modification time did not
//     change is not even read again, which keeps gen serve's rebuilds
//     quick.
//   - Parallel: pictures are processed on every core (one picture per
//     worker, so memory is bounded by the workers, not the site);
//     Options.Progress is told how far it is every second once it takes
//     longer than one, in the reader's language (Options.Speaker).
//   - Deterministic: the same source and settings give the same bytes on
//     any run and core count; files are listed narrowest first, WebP
//     before its fallback, failures sorted by file.
//   - Errors: a Failure names the file and says what is wrong and what to
//     do in plain words, lower case, as a message package speak says in
//     the reader's language; package build reports it at every place that
//     names the picture (file:line, Failure.At).
package images
