//go:build ignore

// pinyin_gen writes pinyin.txt, the pinyin table ProposeSlug reads, from
// github.com/mozillazg/go-pinyin (Copyright (c) 2016 mozillazg, MIT
// License, see PINYIN-LICENSE). Run it with go generate in this directory
// after changing the go-pinyin version in go.mod; TestPinyinTableUpToDate
// fails until then.
package main

import (
	"log"
	"os"

	"github.com/eventnews/gen/generator/internal/newrelease/internal/pinyindata"
)

func main() {
	data, err := pinyindata.Generate()
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("pinyin.txt", data, 0o644); err != nil {
		log.Fatal(err)
	}
}
