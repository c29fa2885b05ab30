package entity

import (
	"bufio"
	"fmt"
	"os"
	"testing"
)

func TestZZProbe(t *testing.T) {
	f, err := os.Open("/tmp/probe13r.txt")
	if err != nil {
		t.Skip()
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fmt.Printf("%s\n", line)
		for _, tr := range Troops(line) {
			fmt.Printf("    %q %q %s %s src=%q\n", tr.Text, tr.Nation, tr.Category, tr.Status, tr.Source)
		}
	}
}
