package deploy

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventnews/gen/generator/internal/publish"
	"github.com/eventnews/gen/generator/internal/speak"
)

// The plan, its list and the progress are said in Options.Speak's
// language; the list keeps its paths in one column, a Chinese character
// taking two.
func TestPlanInTheReadersLanguage(t *testing.T) {
	files := []File{file("a.css", "a"), file("b.html", "b"), file("zh/new.html", "n")}
	objs := []Object{{Key: "a.css", Size: 1, MD5: sum("a")}, {Key: "b.html", Size: 1, MD5: sum("x")}, {Key: "old.html", Size: 1, MD5: sum("o")}}
	p := Compare(files, objs, true, true)
	p.speak = speak.New("ru")
	if got, want := p.Summary(), "загрузить: 3 (новых: 1, изменённых: 1, принудительно: 1), удалить: 0, без изменений: 0, оставить то, чего на сайте больше нет: 1 (--no-delete)"; got != want {
		t.Errorf("ru summary %q, want %q", got, want)
	}
	p = Compare(files, objs, false, false)
	p.speak = speak.New("zh")
	if got, want := p.Summary(), "上传 2 个（新增 1 个，修改 1 个），删除 1 个，未变 1 个"; got != want {
		t.Errorf("zh summary %q, want %q", got, want)
	}
	var list bytes.Buffer
	p.WriteList(&list)
	want := "上传（有变化） b.html\n" +
		"上传（新）     zh/new.html\n" +
		"删除           old.html\n"
	if list.String() != want {
		t.Errorf("zh list:\n%s\nwant:\n%s", list.String(), want)
	}

	start := time.Date(2024, 5, 17, 10, 0, 0, 0, time.UTC)
	now := start
	var out bytes.Buffer
	pr := newProgress(&out, func() time.Time { return now }, speak.New("ru"), msgUploading, 6, 6e6)
	now = start.Add(1500 * time.Millisecond)
	pr.done(3e6)
	if got, want := out.String(), "загрузка: готово 1 из 6 файлов (3.0 из 6.0 МБ)\n"; got != want {
		t.Errorf("ru progress %q, want %q", got, want)
	}
}

// Prepare's errors are diagnostics, said in the reader's language.
func TestPrepareErrorsInTheReadersLanguage(t *testing.T) {
	ru, zh := speak.New("ru"), speak.New("zh")
	ctx := context.Background()
	elsewhere := "file://" + filepath.ToSlash(t.TempDir())
	missing := filepath.Join(t.TempDir(), "public")
	_, err := Prepare(ctx, Options{Dir: missing, Target: elsewhere})
	if got, want := ru.Error(err), "в "+missing+" нет собранного сайта (нет такого файла или папки): сначала запустите gen build"; got != want {
		t.Errorf("no build:\n%s\nwant:\n%s", got, want)
	}

	dir := writeTree(t, map[string]string{"index.html": "x", ".gen/journal": "gen manifest 1\n"})
	_, err = Prepare(ctx, Options{Dir: dir, Target: elsewhere})
	if got, want := zh.Error(err), dir+" 中有一次生成还没有把文件全部放到位"; !strings.HasPrefix(got, want) {
		t.Errorf("unfinished build:\n%s\nwant %s…", got, want)
	}
	os.Remove(filepath.Join(dir, ".gen", "journal"))
	os.WriteFile(filepath.Join(dir, ".gen", "manifest"), []byte("gen manifest 1\n"), 0o666)

	s, err := publish.Begin(dir, nil, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Prepare(ctx, Options{Dir: dir, Target: elsewhere})
	s.Abort()
	if got, want := zh.Error(err), dir+": 另一个 gen build 或 gen deploy 正在使用这个文件夹；请等它完成：没有发布任何内容；之后请再次运行 gen deploy"; got != want {
		t.Errorf("during a build:\n%s\nwant:\n%s", got, want)
	}

	_, err = Prepare(ctx, Options{Dir: dir, Target: "file://" + filepath.ToSlash(dir)})
	var refused *Refused
	if !errors.As(err, &refused) {
		t.Fatalf("the folder itself: %v, want a *Refused", err)
	}
	if got, want := ru.Error(err), "--target file://"+filepath.ToSlash(dir)+": это "+dir+" — та самая папка, которую нужно опубликовать; ничего не изменено"; got != want {
		t.Errorf("the folder itself:\n%s\nwant:\n%s", got, want)
	}
	site := t.TempDir()
	inContent := "file://" + filepath.ToSlash(filepath.Join(site, "content", "out"))
	_, err = Prepare(ctx, Options{Dir: dir, Site: site, Target: inContent})
	if got, want := ru.Error(err), "--target "+inContent+": она внутри папки сайта content/, откуда gen читает: укажите для сайта отдельную папку, например public; ничего не изменено"; got != want {
		t.Errorf("in content/:\n%s\nwant:\n%s", got, want)
	}
	_, err = Prepare(ctx, Options{Dir: dir, Target: "azblob://press"})
	if got, want := zh.Error(err), "azblob://press：这个 gen 不能发布到 azblob:// 目标"; !strings.HasPrefix(got, want) && !strings.HasPrefix(got, "无法打开") {
		t.Errorf("azblob:\n%s\nwant %s…", got, want)
	}
}

// A link to a folder in the folder deployed is named, in the reader's
// language; so is a failure of the target.
func TestScanAndTargetErrorsInTheReadersLanguage(t *testing.T) {
	dir := writeTree(t, map[string]string{"real/a.txt": "a"})
	if err := os.Symlink("real", filepath.Join(dir, "link")); err != nil {
		t.Skip(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	_, err = Scan(root, dir, Rules{})
	if got, want := speak.New("ru").Error(err), filepath.Join(dir, "link")+": это ссылка на папку; gen deploy по ней не переходит (скопируйте файлы вместо ссылки)"; got != want {
		t.Errorf("a link to a folder:\n%s\nwant:\n%s", got, want)
	}
	if err == nil || !strings.HasSuffix(err.Error(), "link: is a link to a folder; gen deploy does not follow it (copy the files instead)") {
		t.Errorf("in English: %v", err)
	}
	if got := speak.New("zh").Error(describe(nil, context.Canceled)); got != "已停止" {
		t.Errorf("a stopped upload: %q", got)
	}
	// What the storage library says in its words is said plainly, with
	// the fix, for the mistakes a press office makes setting up.
	sdk := func(s string) error {
		return fmt.Errorf("blob (code=Unknown): operation error S3: ListObjectsV2, %s", s)
	}
	for _, c := range []struct {
		err        error
		lang, want string
	}{
		{sdk("resolve auth scheme: resolve endpoint: endpoint rule error, Invalid region: region was not a valid DNS name"), "en",
			"the bucket's region is not known: add it to the target URL, like s3://bucket?region=eu-central-1, or set AWS_REGION"},
		{sdk("get identity: get credentials: failed to refresh cached credentials, no EC2 IMDS role found"), "ru",
			"для бакета нет ключей доступа: передайте их gen deploy в AWS_ACCESS_KEY_ID и AWS_SECRET_ACCESS_KEY (в CI — из его секретов) или назовите профиль в AWS_PROFILE"},
		{&net.OpError{Op: "dial", Err: &net.DNSError{Name: "bucket.127.0.0.1", Err: "no such host", IsNotFound: true}}, "zh",
			"没有服务器 bucket.127.0.0.1：请检查目标网址中的存储桶名称和 endpoint（使用自己 endpoint 的存储桶通常需要 use_path_style=true）"},
	} {
		if got := speak.New(c.lang).Error(describe(nil, c.err)); got != c.want {
			t.Errorf("%v in %s:\n got %s\nwant %s", c.err, c.lang, got, c.want)
		}
	}
}
