package serve

import "fmt"

// words are every string the error overlay and the warning panel show, in
// one place, so that they can be said in the page's language: a message
// bundle replaces english here (issue 16, point 6), and the markup does
// not change.
type words struct {
	// errors heads the overlay: "The site does not build: 3 errors."
	errors func(n int) string
	// lastGood and fix say what the reader sees below it and what to do.
	lastGood, fix string
	// hide labels the overlay's close button; hideTitle is its tooltip.
	hide, hideTitle string
	// warning marks a warning among the errors of the overlay.
	warning string
	// warnings heads the panel: "3 warnings on this page, 12 on the site".
	warnings func(page, site int) string
	// panelHint says what a warning is.
	panelHint string
}

// english is the overlay and the panel in English.
var english = words{
	errors: func(n int) string {
		return fmt.Sprintf("The site does not build: %s.", plural(n, "error", "errors"))
	},
	lastGood:  "Below is the last version that built. Fix the file and save: this page updates by itself.",
	fix:       "Fix the file and save: this page updates by itself.",
	hide:      "Hide",
	hideTitle: "Hide until the next change",
	warning:   "warning",
	warnings: func(page, site int) string {
		if page == site {
			return fmt.Sprintf("%s on this page", plural(page, "warning", "warnings"))
		}
		return fmt.Sprintf("%s on this page, %d on the site", plural(page, "warning", "warnings"), site)
	},
	panelHint: "The page is published as it is; fixing these makes it better for readers.",
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
