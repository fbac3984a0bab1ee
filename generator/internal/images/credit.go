package images

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"hash/crc32"
)

// xmpPacket is the XMP that carries a picture's credit: dc:creator and
// dc:rights, the fields IPTC's photo metadata standard names Creator and
// Copyright Notice, and which search engines show as the picture's credit.
func xmpPacket(c credit) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	var b bytes.Buffer
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>` + "\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`)
	b.WriteString(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`)
	if c.Creator != "" {
		b.WriteString(`<dc:creator><rdf:Seq><rdf:li>` + esc(c.Creator) + `</rdf:li></rdf:Seq></dc:creator>`)
	}
	if c.Copyright != "" {
		b.WriteString(`<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">` + esc(c.Copyright) + `</rdf:li></rdf:Alt></dc:rights>`)
	}
	b.WriteString(`</rdf:Description></rdf:RDF></x:xmpmeta>` + "\n" + `<?xpacket end="r"?>`)
	return b.Bytes()
}

// withCredit adds the credit to a JPEG (an APP1 XMP segment after SOI) or
// a PNG (an iTXt chunk after IHDR) that carries no metadata.
func withCredit(data []byte, ext string, c credit) []byte {
	x := xmpPacket(c)
	switch ext {
	case "jpg":
		ns := []byte("http://ns.adobe.com/xap/1.0/\x00")
		seg := make([]byte, 0, 4+len(ns)+len(x))
		seg = append(seg, 0xff, 0xe1, 0, 0)
		binary.BigEndian.PutUint16(seg[2:], uint16(2+len(ns)+len(x)))
		seg = append(append(seg, ns...), x...)
		return append(append(append([]byte{}, data[:2]...), seg...), data[2:]...)
	case "png":
		body := append([]byte("XML:com.adobe.xmp\x00\x00\x00\x00\x00"), x...)
		chunk := pngChunk("iTXt", body)
		const ihdrEnd = 8 + 8 + 13 + 4 // signature, IHDR's length, type, data and CRC
		return append(append(append([]byte{}, data[:ihdrEnd]...), chunk...), data[ihdrEnd:]...)
	}
	return data
}

func pngChunk(typ string, body []byte) []byte {
	out := make([]byte, 8, 12+len(body))
	binary.BigEndian.PutUint32(out, uint32(len(body)))
	copy(out[4:], typ)
	out = append(out, body...)
	crc := crc32.ChecksumIEEE(out[4:])
	return binary.BigEndian.AppendUint32(out, crc)
}

// withCreditWebP adds the credit to a WebP as an "XMP " chunk: a simple
// (lossy VP8) file becomes an extended one, with a VP8X chunk whose XMP
// flag is set; an extended one (with alpha) gets the flag.
func withCreditWebP(data []byte, c credit) []byte {
	if len(data) < 30 || string(data[12:16]) != "VP8X" && string(data[12:16]) != "VP8 " {
		return data
	}
	x := xmpPacket(c)
	chunk := riffChunk("XMP ", x)
	var body []byte // everything after "WEBP"
	if string(data[12:16]) == "VP8X" {
		body = append([]byte{}, data[12:]...)
		body[8] |= 0x04 // XMP
	} else {
		w, h, ok := vp8Size(data[20:])
		if !ok {
			return data
		}
		vp8x := make([]byte, 10)
		vp8x[0] = 0x04
		put24(vp8x[4:], w-1)
		put24(vp8x[7:], h-1)
		body = append(riffChunk("VP8X", vp8x), data[12:]...)
	}
	body = append(body, chunk...)
	out := make([]byte, 12, 12+len(body))
	copy(out, "RIFF")
	binary.LittleEndian.PutUint32(out[4:], uint32(4+len(body)))
	copy(out[8:], "WEBP")
	return append(out, body...)
}

func riffChunk(typ string, body []byte) []byte {
	out := make([]byte, 8, 9+len(body))
	copy(out, typ)
	binary.LittleEndian.PutUint32(out[4:], uint32(len(body)))
	out = append(out, body...)
	if len(body)%2 == 1 {
		out = append(out, 0)
	}
	return out
}

// vp8Size reads the size of a lossy VP8 frame from its header.
func vp8Size(b []byte) (w, h int, ok bool) {
	if len(b) < 10 || b[3] != 0x9d || b[4] != 0x01 || b[5] != 0x2a {
		return 0, 0, false
	}
	return int(binary.LittleEndian.Uint16(b[6:]) & 0x3fff), int(binary.LittleEndian.Uint16(b[8:]) & 0x3fff), true
}

func put24(b []byte, v int) { b[0], b[1], b[2] = byte(v), byte(v>>8), byte(v>>16) }
