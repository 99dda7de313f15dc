package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
)

// A report is what a command answers, built once and rendered as a table
// for people, CSV and JSON for machines, or a self-contained HTML page.
// Every concept has one key in every format (see the column helpers
// below): a driver is "driver", his team "team", the season "season" (its
// id, as --season takes it), the last round counted "after_round", a
// probability a fraction with six decimals.
type report struct {
	Title string   // the first line of the table, the page's heading
	Lead  []string // lines under the title: what was assumed
	Meta  []field  // the JSON object's keys before the rows, the page's facts
	Rows  string   // the JSON key of the rows ("standings")
	Cols  []column
	Body  [][]cell
	Notes []string // after the table
	// Extra are further sections: the table renders them after the notes,
	// JSON under their own keys, HTML as further tables.
	Extra []*report
	// Tight puts the table right under the title and lead lines, with no
	// blank line between (a section of a longer report).
	Tight bool
	// SVG holds charts for the HTML page, each a complete <svg> element.
	SVG []string
	// View, if set, is what people see (the table and the page) where a
	// wide layout reads better than the machines' rows: a column per
	// contender instead of a row per contender and round.
	View *report
	// fold marks rows that people see folded into the row above (a crew's
	// drivers share a line); machines get every row.
	fold map[int]bool
}

// folded folds row i into the row above it in the table and the page.
func (r *report) folded(i int) {
	if r.fold == nil {
		r.fold = map[int]bool{}
	}
	r.fold[i] = true
}

// insert adds a column after the one keyed after (at the end if there is
// none), its cell in row i given by value(i).
func (r *report) insert(after string, col column, value func(i int) cell) {
	at := len(r.Cols)
	for i, c := range r.Cols {
		if c.Key == after {
			at = i + 1
		}
	}
	r.Cols = append(r.Cols[:at], append([]column{col}, r.Cols[at:]...)...)
	for i, row := range r.Body {
		r.Body[i] = append(row[:at], append([]cell{value(i)}, row[at:]...)...)
	}
}

// round6 keeps numbers free of float noise such as 25.139999999999997.
func round6(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 6, 64), 64)
	return v
}

// field is one fact of a report: a key and its value, rendered as JSON.
type field struct {
	Key   string
	Value any
}

// A column's Key names it in CSV and JSON, its Head in the table; a
// column without a Key is only shown to people, one without a Head only
// to machines. Right aligns it right in the table.
type column struct {
	Key   string
	Head  string
	Right bool
	CSV   bool // false: JSON only (a list, an object)
}

// num is a column of numbers: right-aligned, in every format.
func num(key, head string) column { return column{Key: key, Head: head, Right: true, CSV: true} }

// text is a column of words, in every format.
func text(key, head string) column { return column{Key: key, Head: head, CSV: true} }

// cell is one value: Text as the table shows it, Value as CSV and JSON
// carry it (nil: empty in CSV, left out of JSON).
type cell struct {
	Text  string
	Value any
}

// fraction is a probability, written as a fraction with six decimals.
type fraction float64

// pts is a number of points, written with as many decimals as it needs.
type pts float64

// fixed is a number written with a fixed number of decimals in CSV.
type fixed struct {
	V float64
	D int
}

func (p fraction) MarshalJSON() ([]byte, error) { return []byte(machineText(p)), nil }
func (p pts) MarshalJSON() ([]byte, error)      { return []byte(machineText(p)), nil }
func (f fixed) MarshalJSON() ([]byte, error)    { return []byte(machineText(f)), nil }

// c makes a cell shown and carried alike.
func c(v any) cell { return cell{Text: machineText(v), Value: v} }

// machineText is a value as CSV writes it.
func machineText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case fraction:
		return strconv.FormatFloat(float64(x), 'f', 6, 64)
	case pts:
		return strconv.FormatFloat(round6(float64(x)), 'f', -1, 64)
	case fixed:
		return strconv.FormatFloat(x.V, 'f', x.D, 64)
	case float64:
		return strconv.FormatFloat(round6(x), 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case fmt.Stringer:
		return x.String()
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// render writes the report in format.
func (r *report) render(w io.Writer, format string) error {
	switch format {
	case formatCSV:
		return r.writeCSV(w)
	case formatJSON:
		return writeJSON(w, r.object())
	case formatHTML:
		return r.writeHTML(w)
	}
	return r.writeTable(w)
}

func (r *report) writeTable(w io.Writer) error {
	if r.View != nil {
		return r.View.writeTable(w)
	}
	var b strings.Builder
	r.table(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *report) table(b *strings.Builder) {
	if r.Title != "" {
		b.WriteString(safeText(r.Title) + "\n")
	}
	for _, l := range r.Lead {
		b.WriteString(safeText(l) + "\n")
	}
	if (r.Title != "" || len(r.Lead) > 0) && !r.Tight {
		b.WriteString("\n")
	}
	var heads []string
	var idx []int
	for i, col := range r.Cols {
		if col.Head == "" {
			continue
		}
		h := col.Head
		if col.Right {
			h = ">" + h
		}
		heads = append(heads, h)
		idx = append(idx, i)
	}
	t := newTable(heads...)
	for k, row := range r.Body {
		if r.fold[k] {
			continue
		}
		cells := make([]string, len(idx))
		for j, i := range idx {
			cells[j] = row[i].Text
		}
		t.add(cells...)
	}
	_ = t.write(b)
	if len(r.Notes) > 0 {
		b.WriteString("\n")
		for _, n := range r.Notes {
			b.WriteString(safeText(n) + "\n")
		}
	}
	for _, x := range r.Extra {
		b.WriteString("\n")
		x.table(b)
	}
}

func (r *report) writeCSV(w io.Writer) error {
	var recs [][]string
	var head []string
	var idx []int
	for i, col := range r.Cols {
		if col.Key != "" && col.CSV {
			head = append(head, col.Key)
			idx = append(idx, i)
		}
	}
	recs = append(recs, head)
	for _, row := range r.Body {
		rec := make([]string, len(idx))
		for j, i := range idx {
			rec[j] = machineText(row[i].Value)
		}
		recs = append(recs, rec)
	}
	return writeRecords(w, recs)
}

// object is the report as one JSON object: the facts, then the rows under
// r.Rows, then the extra sections under theirs.
func (r *report) object() orderedObject {
	var o orderedObject
	o = append(o, r.Meta...)
	rows := make([]orderedObject, 0, len(r.Body))
	for _, row := range r.Body {
		var ro orderedObject
		for i, col := range r.Cols {
			if col.Key == "" || row[i].Value == nil {
				continue
			}
			ro = append(ro, field{col.Key, row[i].Value})
		}
		rows = append(rows, ro)
	}
	key := r.Rows
	if key == "" {
		key = "rows"
	}
	o = append(o, field{key, rows})
	if len(r.Notes) > 0 {
		o = append(o, field{"notes", r.Notes})
	}
	for _, x := range r.Extra {
		sub := x.object()
		if len(x.Meta) == 0 && len(x.Notes) == 0 {
			o = append(o, sub[len(sub)-1])
			continue
		}
		o = append(o, field{x.Rows, sub})
	}
	return o
}

// orderedObject is a JSON object whose keys keep their order.
type orderedObject []field

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false) // names keep their < and &
		if err := enc.Encode(f.Key); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
		b.WriteByte(':')
		v := f.Value
		if x, ok := v.(float64); ok {
			v = round6(x) // no float noise such as 0.30000000000000004
		}
		if err := enc.Encode(v); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Key, err)
		}
		b.Truncate(b.Len() - 1)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// pageCSS keeps the page readable on a phone (the tables scroll sideways
// inside their box) and on paper (no shadows, no page break in a row).
const pageCSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:1rem auto;max-width:60rem;padding:0 .75rem;color:#111;line-height:1.4}
h1{font-size:1.3rem;margin:.5rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.lead{color:#444;margin:.2rem 0}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.9rem}
th,td{padding:.2rem .5rem;border-bottom:1px solid #ddd;text-align:left;white-space:nowrap}
th{border-bottom:2px solid #888}td.n,th.n{text-align:right}
tr{break-inside:avoid}
td:first-child,th:first-child{position:sticky;left:0;background:#fff}
.notes{color:#333;font-size:.9rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;font-size:.85rem;color:#444}dt{font-weight:600}dd{margin:0}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
@media print{body{max-width:none;margin:0}.scroll{overflow:visible}a{color:inherit}}
`

func (r *report) writeHTML(w io.Writer) error {
	if r.View != nil {
		v := *r.View
		v.SVG, v.Meta = append(v.SVG, r.SVG...), r.Meta
		return v.writeHTML(w)
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", htmlText(r.Title), pageCSS)
	r.html(&b, "h1")
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *report) html(b *strings.Builder, h string) {
	if r.Title != "" {
		fmt.Fprintf(b, "<%s>%s</%s>\n", h, htmlText(r.Title), h)
	}
	for _, l := range r.Lead {
		fmt.Fprintf(b, "<p class=\"lead\">%s</p>\n", htmlText(l))
	}
	b.WriteString("<div class=\"scroll\"><table>\n<thead><tr>")
	for _, col := range r.Cols {
		if col.Head == "" {
			continue
		}
		fmt.Fprintf(b, "<th%s scope=\"col\">%s</th>", numClass(col), htmlText(col.Head))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for k, row := range r.Body {
		if r.fold[k] {
			continue
		}
		b.WriteString("<tr>")
		for i, col := range r.Cols {
			if col.Head == "" {
				continue
			}
			fmt.Fprintf(b, "<td%s>%s</td>", numClass(col), htmlText(row[i].Text))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table></div>\n")
	if len(r.Notes) > 0 {
		b.WriteString("<div class=\"notes\">\n")
		for _, n := range r.Notes {
			fmt.Fprintf(b, "<p>%s</p>\n", htmlText(n))
		}
		b.WriteString("</div>\n")
	}
	for _, svg := range r.SVG {
		fmt.Fprintf(b, "<figure>\n%s\n</figure>\n", svg)
	}
	for _, x := range r.Extra {
		x.html(b, "h2")
	}
	if len(r.Meta) > 0 && h == "h1" {
		b.WriteString("<h2>Assumptions</h2>\n<dl>\n")
		for _, f := range r.Meta {
			v := metaText(f.Value)
			fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>\n", htmlText(f.Key), htmlText(v))
		}
		b.WriteString("</dl>\n")
	}
}

func numClass(col column) string {
	if col.Right {
		return ` class="n"`
	}
	return ""
}

// metaText is a fact of a report as people read it.
func metaText(v any) string {
	switch x := v.(type) {
	case orderedObject:
		parts := make([]string, len(x))
		for i, f := range x {
			parts[i] = f.Key + " " + metaText(f.Value)
		}
		return strings.Join(parts, ", ")
	case []float64:
		parts := make([]string, len(x))
		for i, f := range x {
			parts[i] = machineText(f)
		}
		return strings.Join(parts, ", ")
	}
	return machineText(v)
}

// htmlText is text for the page: control characters shown as escapes, as
// in the table (a NUL is not allowed in HTML at all), then HTML-escaped.
func htmlText(s string) string { return html.EscapeString(safeText(s)) }
