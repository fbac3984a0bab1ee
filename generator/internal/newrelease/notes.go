package newrelease

import (
	"strconv"
	"strings"

	"github.com/eventnews/gen/generator/internal/diag"
	"github.com/eventnews/gen/generator/internal/speak"
)

// The errors of reading the archetype, in English; package speak says them
// in other languages.
var (
	msgCannotReadArchetype = diag.Message{ID: "newrelease.cannot-read", Text: "cannot read the archetype: {{.Err}}"}
	msgTemplate            = diag.Message{ID: "newrelease.template", Text: "template: {{.Problem}}"}
)

// The comments the default archetype writes into a release, in English;
// each file gets them in its own language ({{ .Note "draft" }}).
var (
	noteDraft      = diag.Message{ID: "archetype.draft", Text: "Remove this line, or write false, when the release may be published."}
	noteSummary    = diag.Message{ID: "archetype.summary", Text: "One or two sentences for lists and feeds; leave empty to use the first paragraph."}
	noteTags       = diag.Message{ID: "archetype.tags", Text: "Tag keys, like [expo, trade], which the other languages share, or words of\nthis language, like [旅游], a tag of this language only."}
	noteEvent      = diag.Message{ID: "archetype.event", Text: "The event the release is about. Delete the whole block, in every language,\nif there is none."}
	noteEventDates = diag.Message{ID: "archetype.event-dates", Text: "2024-05-17, or with a time: 2024-05-17 10:00; the other languages use these."}
	noteTimeZone   = diag.Message{ID: "archetype.time-zone", Text: "Times as the clocks show them where the event is, when that is not the\nsite's time zone: write its zone, like Asia/Vladivostok."}
	noteEventHint  = diag.Message{ID: "archetype.event-hint", Text: "Is the release about an event? Remove the \"#\" on the lines below, in every\nlanguage, and fill them in (gen new --event writes them ready)."}
	noteImage      = diag.Message{ID: "archetype.image", Text: "A lead image beside this file: remove the \"#\" on the three lines below."}
)

// notes are the archetype's comments by the name .Note takes.
var notes = map[string]diag.Message{
	"draft": noteDraft, "summary": noteSummary, "tags": noteTags, "event": noteEvent,
	"event-dates": noteEventDates, "time-zone": noteTimeZone, "event-hint": noteEventHint, "image": noteImage,
}

// Note returns the archetype comment name in the file's language, each
// line starting with indent (at most one) and "# ".
func (d data) Note(name string, indent ...string) (string, error) {
	m, ok := notes[name]
	if !ok || len(indent) > 1 {
		return "", msgNoNote.At("", 0, 0, "Name", strconv.Quote(name))
	}
	prefix := strings.Join(indent, "") + "# "
	text := speak.New(speak.FromLocale(d.Lang)).Say(m)
	return prefix + strings.ReplaceAll(text, "\n", "\n"+prefix), nil
}
