package check

import (
	"regexp"
	"strings"
	"testing"
)

// Every message of this package has its own ID, is written as the rules
// of the house want and names its arguments {{.Name}}, as package rules'
// messages do.
func TestMessages(t *testing.T) {
	seen := map[string]bool{}
	arg := regexp.MustCompile(`{{\.?([^}]*)}}`)
	for _, m := range Messages() {
		if m.ID == "" || seen[m.ID] {
			t.Errorf("message %q: empty or duplicate ID", m.Text)
		}
		seen[m.ID] = true
		if strings.HasSuffix(m.Text, ".") || m.Text == "" || strings.ToLower(m.Text[:1]) != m.Text[:1] {
			t.Errorf("%s: %q must start in lower case and end without a period", m.ID, m.Text)
		}
		for _, a := range arg.FindAllStringSubmatch(m.Text, -1) {
			if !regexp.MustCompile(`^[A-Z][A-Za-z]*$`).MatchString(a[1]) || !strings.HasPrefix(a[0], "{{.") {
				t.Errorf("%s: argument %q must be written {{.Name}}", m.ID, a[0])
			}
		}
	}
}
