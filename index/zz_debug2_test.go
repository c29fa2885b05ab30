package index
import ("context";"testing";"time";"os";"fmt")
func TestZZDebug1MSearch(t *testing.T){
	if os.Getenv("ZZIDX")=="" { t.Skip() }
	idx, err := Open(os.Getenv("ZZIDX")); if err != nil { t.Fatal(err) }
	defer idx.Close()
	for i := range 4 {
		s0 := idx.stats.skipped()
		t0 := time.Now()
		res, err := idx.Search(context.Background(), Request{Query: fmt.Sprintf("ukraine -source:zzfresh%d", i), Size: 20})
		if err != nil { t.Fatal(err) }
		t.Logf("total %d skipped %d took %v approx %v", res.Total, idx.stats.skipped()-s0, time.Since(t0), res.Facets.Approximate)
		t0 = time.Now()
		res, err = idx.Search(context.Background(), Request{Query: fmt.Sprintf("ukraine -source:zzfresh%d", i), Size: 20, NoFacets: true})
		t.Logf("nofacets again total %d took %v", res.Total, time.Since(t0))
		t0 = time.Now()
		res, err = idx.Search(context.Background(), Request{Query: fmt.Sprintf("ukraine -source:zzfrash%d", i), Size: 20, NoFacets: true})
		t.Logf("nofacets fresh total %d took %v", res.Total, time.Since(t0))
	}
}
