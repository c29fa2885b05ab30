package entity

import "testing"

func TestQuantity(t *testing.T) {
	tests := []struct {
		text     string
		min, max int64
		approx   bool
		ok       bool
	}{
		{"10,000", 10000, 10000, false, true},
		{"10 000", 10000, 10000, false, true},
		{"10.000", 10000, 10000, false, true},
		{"1.000.000", 1000000, 1000000, false, true},
		{"1.5 million", 1500000, 1500000, false, true},
		{"2.25 thousand", 2250, 2250, false, true},
		{"1.5", 0, 0, false, false},
		{"0.500", 0, 0, false, false},
		{"1,000.5", 0, 0, false, false},
		{"9999999999999999999", 0, 0, false, false},
		{"one", 1, 1, false, true},
		{"Twelve", 12, 12, false, true},
		{"ninety-nine", 99, 99, false, true},
		{"two hundred", 200, 200, false, true},
		{"two hundred and fifty", 250, 250, false, true},
		{"thirty thousand", 30000, 30000, false, true},
		{"five hundred thousand", 500000, 500000, false, true},
		{"two thousand five hundred", 2500, 2500, false, true},
		{"a dozen", 12, 12, false, true},
		{"two dozen", 24, 24, false, true},
		{"a hundred", 100, 100, false, true},
		{"a thousand", 1000, 1000, false, true},
		{"a million", 1000000, 1000000, false, true},
		{"half a million", 500000, 500000, false, true},
		{"one and a half thousand", 1500, 1500, false, true},
		{"one-and-a-half thousand", 1500, 1500, false, true},
		{"hundred", 0, 0, false, false},
		{"a", 0, 0, false, false},
		{"dozens", 24, 99, true, true},
		{"hundreds", 100, 999, true, true},
		{"thousands", 1000, 9999, true, true},
		{"tens of thousands", 10000, 99999, true, true},
		{"hundreds of thousands", 100000, 999999, true, true},
		{"millions", 1000000, 9999999, true, true},
		{"several thousand", 1000, 9999, true, true},
		{"a few hundred", 100, 999, true, true},
		{"several dozen", 24, 99, true, true},
		{"1 mln", 1000000, 1000000, false, true},
		{"30K", 30000, 30000, false, true},
		{"1.2mn", 1200000, 1200000, false, true},
		{"many thousands", 1000, 9999, true, true},
		{"tens", 0, 0, false, false},
		{"several", 0, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			s := newScan(tt.text)
			q, ok := s.quantityAt(0)
			if ok != tt.ok {
				t.Fatalf("quantityAt(%q) ok = %v, want %v (%+v)", tt.text, ok, tt.ok, q)
			}
			if !ok {
				return
			}
			if q.min != tt.min || q.max != tt.max || q.approx != tt.approx {
				t.Errorf("quantityAt(%q) = %d..%d approx %v, want %d..%d approx %v", tt.text, q.min, q.max, q.approx, tt.min, tt.max, tt.approx)
			}
			if q.end != len(s.toks) {
				t.Errorf("quantityAt(%q) read %d of %d tokens", tt.text, q.end, len(s.toks))
			}
		})
	}
}
