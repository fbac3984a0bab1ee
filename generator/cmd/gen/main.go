package main

import (
	_ "github.com/bep/golocales"
	_ "github.com/fsnotify/fsnotify"
	_ "github.com/nicksnyder/go-i18n/v2/i18n"
	_ "github.com/yuin/goldmark"
	_ "golang.org/x/tools/txtar"
	_ "gopkg.in/yaml.v3"
)

func main() {}
