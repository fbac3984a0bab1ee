package render

import (
	"reflect"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/config"
	"github.com/eventnews/gen/generator/internal/site"
)

// Every field of site.Page has its copy in Data (but Lang, which Data
// replaces), and newData fills each one: a field added to Page and not
// here would still reach layouts, only slowly, and one not copied would
// show its zero value.
func TestDataCopiesEveryPageField(t *testing.T) {
	var p site.Page
	pv := reflect.ValueOf(&p).Elem()
	for i := range pv.NumField() {
		fillNonZero(t, pv.Field(i), pv.Type().Field(i).Name)
	}
	d := newData(&p, &site.Site{Config: &config.Site{}, Now: time.Unix(1, 0)}, language{})
	dv := reflect.ValueOf(d).Elem()
	for i := range pv.NumField() {
		f := pv.Type().Field(i)
		if f.Name == "Lang" {
			continue
		}
		df, ok := dv.Type().FieldByName(f.Name)
		switch {
		case !ok || len(df.Index) != 1:
			t.Errorf("Data has no field of its own for Page.%s", f.Name)
		case df.Type != f.Type:
			t.Errorf("Data.%s is %v, Page.%s is %v", f.Name, df.Type, f.Name, f.Type)
		case !reflect.DeepEqual(dv.FieldByIndex(df.Index).Interface(), pv.Field(i).Interface()):
			t.Errorf("newData does not copy Page.%s", f.Name)
		}
	}
}

// fillNonZero sets v to a value that is not its type's zero value.
func fillNonZero(t *testing.T, v reflect.Value, name string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(name)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(7)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		v.SetMapIndex(reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem())
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Unix(42, 0)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillNonZero(t, v.Field(i), name)
			}
		}
	default:
		t.Fatalf("Page.%s: cannot fill a %v", name, v.Type())
	}
}

// What a layout reads of Data it reads as fields, made before the layout
// runs: text/template finds a method by a search of the method set and
// calls it by reflection, several times the cost of a field. Data has no
// exported methods but those of the embedded page.
func TestDataOffersFieldsNotMethods(t *testing.T) {
	page := map[string]bool{}
	pt := reflect.TypeFor[*site.Page]()
	for i := range pt.NumMethod() {
		page[pt.Method(i).Name] = true
	}
	dt := reflect.TypeFor[*Data]()
	for i := range dt.NumMethod() {
		if m := dt.Method(i).Name; !page[m] {
			t.Errorf("Data.%s is a method; make it a field filled before the layout runs (see markup)", m)
		}
	}
	d := newData(&site.Page{Alternates: []site.Alternate{{Current: true}}, Tags: []string{"a"}}, &site.Site{Config: &config.Site{}}, language{Language: &site.Language{}})
	d.markup()
	if d.Hreflang == "" || d.OpenGraph == "" || d.LanguageSwitcher == "" || len(d.TagLinks) != 1 {
		t.Errorf("markup left fields empty: %+v", d)
	}
}
