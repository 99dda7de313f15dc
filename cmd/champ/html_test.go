package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless browser, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH (Debian: apt-get install chromium; .ci/run installs it): the HTML pages are not checked in a browser")
	return ""
}

// The HTML pages need nothing from the network: no scripts, no
// stylesheets or images from elsewhere.
func TestHTMLSelfContained(t *testing.T) {
	for _, args := range [][]string{
		{"standings", "--format", "html"},
		{"project", "--sims", "2000", "--format", "html"},
		{"clinch", "--format", "html"},
		{"timeline", "--sims", "500", "--format", "html"},
		{"backtest", "--season", "f1-2021", "--sims", "500", "--compare", "", "--format", "html"},
		{"rescore", "--system", "f1-2003", "--format", "html"},
	} {
		out, errs, code := champ(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if m := regexp.MustCompile(`(?i)<script|<link|<img|<iframe|(src|href)="?https?:|@import|url\(`).FindString(out); m != "" {
			t.Errorf("%v: the page reaches out: %q", args, m)
		}
		if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `name="viewport"`) || !strings.Contains(out, "@media print") {
			t.Errorf("%v: not a page for phones and paper:\n%.300s", args, out)
		}
	}
}

// A real browser reads the pages: the tables and the chart are in its
// DOM, on a phone-sized window, and it prints them to PDF.
func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "project.html")
	if _, errs, code := champ(t, "project", "--sims", "2000", "--out", page); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--window-size=390,844"}
	dom, err := exec.CommandContext(ctx, bin, append(flags, "--dump-dom", "file://"+page)...).Output()
	if err != nil {
		t.Fatalf("chromium --dump-dom: %v", err)
	}
	for _, want := range []string{"<table>", "Max Verstappen", "<svg", "Title %"} {
		if !strings.Contains(string(dom), want) {
			t.Errorf("the browser's DOM lacks %q", want)
		}
	}
	pdf := filepath.Join(dir, "project.pdf")
	if err := exec.CommandContext(ctx, bin, append(flags, "--print-to-pdf="+pdf, "file://"+page)...).Run(); err != nil {
		t.Fatalf("chromium --print-to-pdf: %v", err)
	}
	if fi, err := os.Stat(pdf); err != nil || fi.Size() < 1000 {
		t.Errorf("printing the page gave no PDF: %v", err)
	}
}
