package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// The deploy tests publish to a real S3 server on loopback: Versity's S3
// gateway (versitygw) serving a temporary folder. .ci/run builds it; a
// test finds it in $GEN_VERSITYGW, on the PATH, or in $GOBIN or
// $GOPATH/bin, and skips without it, unless CI=true.

const (
	s3Access = "gen-test-access"
	s3Secret = "gen-test-secret-0123456789"
	s3Region = "us-east-1"
)

// s3Server is a running versitygw, with a client to look at what it holds.
type s3Server struct {
	addr   string
	client *s3.Client
	cmd    *exec.Cmd
	exited chan struct{}
	log    string
	access string // one line per request: the operation (s3_GetObject), the path, …
}

// findVersitygw returns the versitygw binary, or skips the test (fails it
// in CI).
func findVersitygw(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("GEN_VERSITYGW"); p != "" {
		return p
	}
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p
	}
	dirs := []string{os.Getenv("GOBIN")}
	for _, gp := range filepath.SplitList(os.Getenv("GOPATH")) {
		dirs = append(dirs, filepath.Join(gp, "bin"))
	}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, "go", "bin"))
	}
	for _, d := range dirs {
		if p := filepath.Join(d, "versitygw"); d != "" && isExecutable(p) {
			return p
		}
	}
	msg := "versitygw not found (set GEN_VERSITYGW, or: go install github.com/versity/versitygw/cmd/versitygw@v1.8.0)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

func isExecutable(p string) bool {
	info, err := os.Stat(p)
	return err == nil && !info.IsDir() && info.Mode()&0o111 != 0
}

// startS3 starts versitygw over a new folder on a free loopback port and
// waits until it answers; it stops when the test ends.
func startS3(t *testing.T) *s3Server {
	t.Helper()
	bin := findVersitygw(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	logs := t.TempDir()
	s := &s3Server{addr: addr, exited: make(chan struct{}), log: filepath.Join(logs, "versitygw.log"), access: filepath.Join(logs, "access.log")}
	logf, err := os.Create(s.log)
	if err != nil {
		t.Fatal(err)
	}
	s.cmd = exec.Command(bin, "--port", addr, "--quiet", "--access-log", s.access, "posix", t.TempDir())
	s.cmd.Env = append(os.Environ(), "ROOT_ACCESS_KEY="+s3Access, "ROOT_SECRET_KEY="+s3Secret)
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.cmd.Wait(); logf.Close(); close(s.exited) }()
	t.Cleanup(s.stop)
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-s.exited:
			t.Fatalf("versitygw ended before it answered:\n%s", s.output())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("versitygw did not answer on %s within 20 s:\n%s", addr, s.output())
		}
	}
	s.client = s3.New(s3.Options{
		Region:       s3Region,
		BaseEndpoint: aws.String("http://" + addr),
		UsePathStyle: true,
		Credentials:  credentials.NewStaticCredentialsProvider(s3Access, s3Secret, ""),
	})
	return s
}

// stop ends the server and waits until it has.
func (s *s3Server) stop() {
	select {
	case <-s.exited:
		return
	default:
	}
	s.cmd.Process.Kill()
	<-s.exited
}

func (s *s3Server) output() string {
	b, _ := os.ReadFile(s.log)
	return string(b)
}

// bucket creates a bucket through the S3 API and returns its target URL.
func (s *s3Server) bucket(t *testing.T, name string) string {
	t.Helper()
	if _, err := s.client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		t.Fatalf("create bucket %s: %v", name, err)
	}
	return s.url(name)
}

// url is the target URL of the bucket name on this server.
func (s *s3Server) url(name string) string {
	return fmt.Sprintf("s3://%s?endpoint=http://%s&region=%s&use_path_style=true", name, s.addr, s3Region)
}

// env is the environment gen deploy takes its credentials from, and
// nothing of the machine's own AWS set-up.
func (s *s3Server) env() []string {
	return []string{
		"AWS_ACCESS_KEY_ID=" + s3Access, "AWS_SECRET_ACCESS_KEY=" + s3Secret, "AWS_SESSION_TOKEN=",
		"AWS_PROFILE=", "AWS_CONFIG_FILE=" + os.DevNull, "AWS_SHARED_CREDENTIALS_FILE=" + os.DevNull,
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

// objects returns every object of the bucket: key → SHA-256 of its bytes,
// as tree does for a folder.
func (s *s3Server) objects(t *testing.T, bucket string) map[string]string {
	t.Helper()
	ctx := context.Background()
	m := map[string]string{}
	pages := s3.NewListObjectsV2Paginator(s.client, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			t.Fatalf("list %s: %v", bucket, err)
		}
		for _, o := range page.Contents {
			m[*o.Key] = fmt.Sprintf("%x", sha256.Sum256(s.get(t, bucket, *o.Key)))
		}
	}
	return m
}

// get returns the bytes of an object as stored.
func (s *s3Server) get(t *testing.T, bucket, key string) []byte {
	t.Helper()
	out, err := s.client.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer out.Body.Close()
	var b bytes.Buffer
	if _, err := io.Copy(&b, out.Body); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// head returns an object's headers.
func (s *s3Server) head(t *testing.T, bucket, key string) *s3.HeadObjectOutput {
	t.Helper()
	out, err := s.client.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		t.Fatalf("head %s: %v", key, err)
	}
	return out
}

// requests returns the access log's lines from the n-th on.
func (s *s3Server) requests(n int) []string {
	b, _ := os.ReadFile(s.access)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	return lines[min(n, len(lines)):]
}
