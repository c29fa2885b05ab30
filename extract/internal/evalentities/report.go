package main

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"text/tabwriter"
)

// metric is one figure of the report, read off a summed score.
type metric struct {
	name string
	get  func(*score) float64
}

// interval is a metric's value over a group of articles with its 95%
// bootstrap interval.
type interval struct{ value, lo, hi float64 }

func (iv interval) String() string {
	return fmt.Sprintf("%.3f [%.2f–%.2f]", iv.value, iv.lo, iv.hi)
}

// bootstrap gives the metrics over articles with 95% intervals from
// resamples of the articles (drawn with replacement, by a fixed seed so
// that two runs print the same table). Articles, not entities, are
// resampled: an article's entities stand or fall together.
func bootstrap(articles []*score, metrics []metric, resamples int, seed uint64) []interval {
	var total score
	for _, a := range articles {
		total.add(a)
	}
	out := make([]interval, len(metrics))
	for i, m := range metrics {
		out[i].value = m.get(&total)
	}
	if len(articles) == 0 || resamples < 2 {
		for i := range out {
			out[i].lo, out[i].hi = out[i].value, out[i].value
		}
		return out
	}
	rng := rand.New(rand.NewPCG(seed, 0x6465667761746368))
	samples := make([][]float64, len(metrics))
	for i := range samples {
		samples[i] = make([]float64, resamples)
	}
	for r := 0; r < resamples; r++ {
		var s score
		for range articles {
			s.add(articles[rng.IntN(len(articles))])
		}
		for i, m := range metrics {
			samples[i][r] = m.get(&s)
		}
	}
	for i := range metrics {
		v := samples[i]
		slices.Sort(v)
		out[i].lo = v[int(0.025*float64(resamples-1))]
		out[i].hi = v[int(0.975*float64(resamples-1)+0.5)]
	}
	return out
}

// The report's figures.
var (
	prfMetrics = []struct {
		name string
		get  func(*score) counts
	}{
		{"nations", func(s *score) counts { return s.nations }},
		{"troop figures", func(s *score) counts { return s.troops }},
		{"meetings", func(s *score) counts { return s.meetings }},
	}
	shareMetrics = []struct {
		name string
		get  func(*score) share
	}{
		{"troop owners right", func(s *score) share { return s.troopOwner }},
		{"troop status right", func(s *score) share { return s.troopStatus }},
		{"troop source right", func(s *score) share { return s.troopSource }},
		{"strength figures found", func(s *score) share { return s.foundStrength }},
		{"casualty figures found", func(s *score) share { return s.foundCasualties }},
		{"other figures found", func(s *score) share { return s.foundOther }},
		{"meeting dates right", func(s *score) share { return s.meetDate }},
		{"meeting locations right", func(s *score) share { return s.meetLocation }},
		{"meeting participants right", func(s *score) share { return s.meetParticipants }},
		{"meeting status right", func(s *score) share { return s.meetStatus }},
		{"meeting kinds right", func(s *score) share { return s.meetKind }},
	}
)

// allMetrics lists precision, recall and F1 of each entity type, then the
// shares, in the order the report prints them.
func allMetrics() []metric {
	var ms []metric
	for _, p := range prfMetrics {
		get := p.get
		ms = append(ms,
			metric{p.name + " precision", func(s *score) float64 { return get(s).precision() }},
			metric{p.name + " recall", func(s *score) float64 { return get(s).recall() }},
			metric{p.name + " F1", func(s *score) float64 { return get(s).f1() }})
	}
	for _, sh := range shareMetrics {
		get := sh.get
		ms = append(ms, metric{sh.name, func(s *score) float64 { return get(s).value() }})
	}
	return ms
}

// group is the articles of one part, or of one language within it.
type group struct {
	name     string
	articles []*score
}

// partGroups splits the scored articles of part into the whole part, one
// group per language and one per labelling batch.
func partGroups(all []scored, part string) (whole group, langs, batches []group) {
	whole.name = part
	by := func(key string, groups map[string]*group, names *[]string, a *scored) {
		g, ok := groups[key]
		if !ok {
			g = &group{name: key}
			groups[key] = g
			*names = append(*names, key)
		}
		g.articles = append(g.articles, &a.score)
	}
	byLang, byBatch := map[string]*group{}, map[string]*group{}
	var langNames, batchNames []string
	for i := range all {
		a := &all[i]
		if a.part != part {
			continue
		}
		whole.articles = append(whole.articles, &a.score)
		by(a.lang, byLang, &langNames, a)
		by(a.batch, byBatch, &batchNames, a)
	}
	slices.Sort(langNames)
	slices.Sort(batchNames)
	for _, n := range langNames {
		langs = append(langs, *byLang[n])
	}
	for _, n := range batchNames {
		batches = append(batches, *byBatch[n])
	}
	return whole, langs, batches
}

// printPart prints one part's tables: every figure over the whole part,
// then the main ones per language and, where the part has more than one,
// per labelling batch (a rule fitted to one batch shows as a gap between
// batches).
func printPart(w io.Writer, all []scored, part string, resamples int, seed uint64) {
	whole, langs, batches := partGroups(all, part)
	fmt.Fprintf(w, "\n%s part: %d articles", part, len(whole.articles))
	for _, g := range langs {
		fmt.Fprintf(w, ", %s %d", g.name, len(g.articles))
	}
	fmt.Fprintf(w, " (95%% intervals: %d bootstrap resamples of articles)\n", resamples)
	if len(whole.articles) == 0 {
		fmt.Fprintln(w, "  no labelled articles in this part")
		return
	}
	ms := allMetrics()
	iv := bootstrap(whole.articles, ms, resamples, seed)
	var total score
	for _, a := range whole.articles {
		total.add(a)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "type\tlabelled\tfound\tprecision\trecall\tF1")
	for i, p := range prfMetrics {
		c := p.get(&total)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\n", p.name, c.tp+c.fn, c.tp+c.fp, iv[3*i], iv[3*i+1], iv[3*i+2])
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "of those matched (found: of those labelled)\tright\tof\tshare")
	for i, sh := range shareMetrics {
		s := sh.get(&total)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", sh.name, s.right, s.of, iv[3*len(prfMetrics)+i])
	}
	tw.Flush()

	printGroups(w, "language", langs, ms, resamples, seed)
	if len(batches) > 1 {
		printGroups(w, "batch", batches, ms, resamples, seed)
	}
}

// printGroups prints, per group of articles, F1 of each type and the
// shares the targets name.
func printGroups(w io.Writer, by string, groups []group, ms []metric, resamples int, seed uint64) {
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tarticles\tnations F1\ttroops F1\towners right\tmeetings P\tmeetings R\tdates right\tparticipants right\n", by)
	pick := []string{"nations F1", "troop figures F1", "troop owners right", "meetings precision", "meetings recall", "meeting dates right", "meeting participants right"}
	var sel []metric
	for _, name := range pick {
		for _, m := range ms {
			if m.name == name {
				sel = append(sel, m)
			}
		}
	}
	for _, g := range groups {
		v := bootstrap(g.articles, sel, resamples, seed)
		fmt.Fprintf(tw, "%s\t%d", g.name, len(g.articles))
		for _, x := range v {
			fmt.Fprintf(tw, "\t%s", x)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
}

// printMisses lists every disagreement of the dev part. The test part
// keeps none (evaluate drops them), so none can be printed.
func printMisses(w io.Writer, all []scored) {
	fmt.Fprintln(w, "\ndev part, every disagreement:")
	for _, a := range all {
		if a.part != partDev {
			continue
		}
		for _, m := range a.misses {
			fmt.Fprintf(w, "  %-22s %-15s %s\n", m.article, m.kind, m.what)
		}
	}
}

// total sums the scores of part.
func total(all []scored, part string) score {
	var t score
	for i := range all {
		if all[i].part == part {
			t.add(&all[i].score)
		}
	}
	return t
}
