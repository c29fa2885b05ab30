package memlimit

import (
	"errors"
	"runtime/debug"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    int64
		wantErr string
	}{
		{in: "512MiB", want: 512 << 20},
		{in: " 2GiB ", want: 2 << 30},
		{in: "65536KiB", want: 64 << 20},
		{in: "1073741824", want: 1 << 30},
		{in: "1 TiB", want: 1 << 40},
		{in: "off", want: Off},
		{in: "0", want: Off},
		{in: "", wantErr: "want a whole number"},
		{in: "512MB", wantErr: "want a whole number"},
		{in: "-1GiB", wantErr: "want a whole number"},
		{in: "1.5GiB", wantErr: "want a whole number"},
		{in: "10MiB", wantErr: "below the least of 64MiB"},
		{in: "9999999999TiB", wantErr: "too large"},
		{in: "99999999999999999999", wantErr: "want a whole number"},
		{in: strings.Repeat("9", 100) + "MiB", wantErr: "too long"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := Parse(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Parse(%q) = %d, %v; want an error saying %q", tc.in, got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Parse(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestApply(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })

	t.Setenv("GOMEMLIMIT", "")
	got, err := Apply(300 << 20)
	if err != nil || got != 300<<20 || debug.SetMemoryLimit(-1) != 300<<20 {
		t.Fatalf("Apply(300MiB) = %d, %v; runtime limit %d", got, err, debug.SetMemoryLimit(-1))
	}

	// The operator's GOMEMLIMIT is left as the runtime read it.
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(1 << 30)
	got, err = Apply(300 << 20)
	if !errors.Is(err, ErrEnvironment) || got != 1<<30 || debug.SetMemoryLimit(-1) != 1<<30 {
		t.Fatalf("Apply with GOMEMLIMIT set = %d, %v; runtime limit %d; want 1GiB kept and ErrEnvironment", got, err, debug.SetMemoryLimit(-1))
	}
}
