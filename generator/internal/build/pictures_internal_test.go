package build

import (
	"testing"

	"github.com/eventnews/gen/generator/internal/speak"
)

// A size is said in the reader's words, counted: "1 байт", "42 байта".
func TestSizesInTheReadersLanguage(t *testing.T) {
	for _, c := range []struct {
		n          int64
		en, ru, zh string
	}{
		{1, "1 bytes", "1 байт", "1 字节"},
		{42, "42 bytes", "42 байта", "42 字节"},
		{99_999, "99999 bytes", "99999 байт", "99999 字节"},
		{2_500_000, "2.5 MB", "2.5 МБ", "2.5 MB"},
		{20_000_000, "20 MB", "20 МБ", "20 MB"},
	} {
		d := megabytes(c.n)
		if got := d.Error(); got != c.en {
			t.Errorf("%d: %q, want %q", c.n, got, c.en)
		}
		if got := speak.New("ru").Error(d); got != c.ru {
			t.Errorf("%d in Russian: %q, want %q", c.n, got, c.ru)
		}
		if got := speak.New("zh").Error(d); got != c.zh {
			t.Errorf("%d in Chinese: %q, want %q", c.n, got, c.zh)
		}
	}
	if got := speak.New("en").Error(megabytes(1)); got != "1 byte" {
		t.Errorf("1 in English: %q", got)
	}
}
