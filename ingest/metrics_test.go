package ingest

import (
	"bytes"
	"testing"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// What ingest writes parses in a strict parser: label values and help
// text that need escaping come back whole, counters add up, and each
// family is typed once.
func TestMetricsParse(t *testing.T) {
	values := []string{`plain`, `a "quoted" name`, `back\slash`, "two\nlines", "ünïcode"}
	g := Gauge{Name: "defwatch_test_gauge", Help: "A \\ help text\nover two lines.", Labels: []string{"rule", "other"}}
	for i, v := range values {
		g.Add(float64(i), v, "x")
	}
	var b bytes.Buffer
	g.WritePrometheus(&b)
	(&Gauge{Name: "defwatch_test_plain"}).Add(7).WritePrometheus(&b)
	(&Gauge{Name: "defwatch_test_empty"}).WritePrometheus(&b)
	c := NewCounterVec("defwatch_test_total", "Counted.", "what")
	c.With("b").Add(2)
	c.With("a").Add(1)
	c.With("b").Add(1)
	c.WritePrometheus(&b)
	NewCounterVec("defwatch_test_single_total", "Never counted.").WritePrometheus(&b)
	parser := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := parser.TextToMetricFamilies(&b)
	if err != nil {
		t.Fatalf("does not parse: %v\n%s", err, b.String())
	}
	got := map[string]float64{}
	for _, m := range fams["defwatch_test_gauge"].GetMetric() {
		got[m.GetLabel()[0].GetValue()] = m.GetGauge().GetValue()
	}
	for i, v := range values {
		if w, ok := got[v]; !ok || w != float64(i) {
			t.Errorf("label %q: %v (present %v), want %d", v, w, ok, i)
		}
	}
	if h := fams["defwatch_test_gauge"].GetHelp(); h != "A \\ help text\nover two lines." {
		t.Errorf("help %q", h)
	}
	if p := fams["defwatch_test_plain"]; p == nil || p.GetMetric()[0].GetGauge().GetValue() != 7 {
		t.Errorf("unlabelled gauge: %v", p)
	}
	if e := fams["defwatch_test_empty"]; e != nil {
		t.Errorf("a gauge with no series is written: %v", e)
	}
	counted := map[string]float64{}
	for _, m := range fams["defwatch_test_total"].GetMetric() {
		counted[m.GetLabel()[0].GetValue()] = m.GetCounter().GetValue()
	}
	if len(counted) != 2 || counted["a"] != 1 || counted["b"] != 3 {
		t.Errorf("counters %v, want a 1, b 3", counted)
	}
	if s := fams["defwatch_test_single_total"]; s == nil || len(s.GetMetric()) != 1 || s.GetMetric()[0].GetCounter().GetValue() != 0 {
		t.Errorf("a counter never counted: %v, want it at 0", s)
	}
}
