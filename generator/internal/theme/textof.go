package theme

import (
	htmltemplate "html/template"
	"reflect"
	texttemplate "text/template"
	"unsafe"
)

// textOf is the text/template beneath an html/template: the name space that
// holds the escaped trees, including the copies html/template derives for a
// template called in more than one context. html/template does not export
// it; nil when the field is not there (a Go release that changed it).
func textOf(t *htmltemplate.Template) *texttemplate.Template {
	v := reflect.ValueOf(t).Elem()
	f, ok := v.Type().FieldByName("text")
	if !ok || f.Type != reflect.TypeFor[*texttemplate.Template]() {
		return nil
	}
	return *(**texttemplate.Template)(unsafe.Add(unsafe.Pointer(t), f.Offset))
}
