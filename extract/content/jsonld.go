package content

import (
	"encoding/json"
	"strings"
)

// ldArticle is what we read from a page's JSON-LD: the fields of the object
// that describes the article, plus the publisher's name wherever it appears.
type ldArticle struct {
	headline, published, modified string
	authors                       []string
	publisher, image, lang        string
	body                          string // articleBody, when the page gives it
	pageType                      string // what kind of page the data says this is: "article", "listing", "product" or ""
	score                         int    // how sure we are this object is the article
}

// articleTypes are the schema.org types that describe an article page, with
// how strongly each says "this object is the story on the page".
var articleTypes = map[string]int{
	"newsarticle": 4, "article": 4, "blogposting": 4, "reportagenews": 4,
	"analysisnewsarticle": 4, "opinionnewsarticle": 4, "reviewnewsarticle": 4,
	"backgroundnewsarticle": 4, "scholarlyarticle": 3, "techarticle": 3,
	"socialmediaposting": 3, "liveblogposting": 3, "report": 3, "posting": 2,
	"webpage": 1, "itempage": 1, "medicalwebpage": 1, "videoobject": 1,
}

// ldPageTypes say what kind of page a schema.org type describes. An
// article type wins over the others: a story page also lists breadcrumbs
// and its publisher's products.
var ldPageTypes = map[string]string{
	"newsarticle": "article", "article": "article", "blogposting": "article",
	"reportagenews": "article", "analysisnewsarticle": "article", "opinionnewsarticle": "article",
	"reviewnewsarticle": "article", "backgroundnewsarticle": "article", "liveblogposting": "article",
	"scholarlyarticle": "article", "techarticle": "article", "report": "article",
	"collectionpage": "listing", "itemlist": "listing", "searchresultspage": "listing",
	"product": "product", "productgroup": "product", "offer": "product", "aggregateoffer": "product",
}

// parseJSONLD reads every ld+json block of the page and keeps the object that
// most looks like the article. Broken blocks are common (trailing commas, raw
// newlines inside strings), so a block that fails is retried once with
// control characters blanked and otherwise skipped.
func parseJSONLD(blocks []string) ldArticle {
	var best ldArticle
	best.score = -1
	publisher, pageType := "", ""
	for _, b := range blocks {
		var v any
		if err := json.Unmarshal([]byte(b), &v); err != nil {
			if err := json.Unmarshal([]byte(blankControls(b)), &v); err != nil {
				continue
			}
		}
		walkLD(v, 0, func(obj map[string]any) {
			typ := ldType(obj)
			if k := ldPageTypes[typ]; k != "" && (pageType == "" || k == "article") {
				pageType = k
			}
			if typ == "organization" || typ == "newsmediaorganization" || typ == "website" {
				if publisher == "" && typ != "website" {
					publisher = ldString(obj["name"])
				}
				return
			}
			s, ok := articleTypes[typ]
			if !ok {
				return
			}
			if obj["datePublished"] != nil {
				s += 2
			}
			if obj["headline"] != nil {
				s++
			}
			if s <= best.score {
				return
			}
			a := ldArticle{
				headline:  ldString(obj["headline"]),
				published: ldString(obj["datePublished"]),
				modified:  ldString(obj["dateModified"]),
				authors:   ldNames(obj["author"]),
				image:     ldURL(obj["image"]),
				lang:      ldString(obj["inLanguage"]),
				body:      ldString(obj["articleBody"]),
				score:     s,
			}
			if a.headline == "" && typ != "webpage" {
				a.headline = ldString(obj["name"])
			}
			if p, ok := obj["publisher"].(map[string]any); ok {
				a.publisher = ldString(p["name"])
			}
			best = a
		})
	}
	if best.publisher == "" {
		best.publisher = publisher
	}
	best.pageType = pageType
	return best
}

// walkLD visits every object in a JSON-LD value: top-level arrays, @graph
// arrays, and objects nested as mainEntity and the like. Depth is bounded
// because the input is untrusted.
func walkLD(v any, depth int, visit func(map[string]any)) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			walkLD(e, depth+1, visit)
		}
	case map[string]any:
		visit(x)
		if g, ok := x["@graph"]; ok {
			walkLD(g, depth+1, visit)
		}
		if m, ok := x["mainEntity"]; ok {
			walkLD(m, depth+1, visit)
		}
		if m, ok := x["mainEntityOfPage"].(map[string]any); ok {
			walkLD(m, depth+1, visit)
		}
	}
}

// ldType returns the most article-like of an object's @type values, lower
// case.
func ldType(obj map[string]any) string {
	switch t := obj["@type"].(type) {
	case string:
		return strings.ToLower(t)
	case []any:
		best, bestScore := "", -1
		for _, e := range t {
			s, _ := e.(string)
			s = strings.ToLower(s)
			if v, ok := articleTypes[s]; ok && v > bestScore {
				best, bestScore = s, v
			} else if best == "" {
				best = s
			}
		}
		return best
	}
	return ""
}

func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s := ldString(x["@value"]); s != "" {
			return s
		}
		return ldString(x["name"])
	}
	return ""
}

// ldNames reads an author value, which sites write as a string, a Person, an
// Organization, or an array of any of them.
func ldNames(v any) []string {
	var out []string
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 3 {
			return
		}
		switch x := v.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" && !strings.HasPrefix(s, "http") {
				out = append(out, s)
			}
		case map[string]any:
			if s := ldString(x["name"]); s != "" {
				out = append(out, s)
			}
		case []any:
			for _, e := range x {
				add(e, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

// ldURL reads an image value: a URL string, an ImageObject, or an array.
func ldURL(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		if len(x) > 0 {
			return ldURL(x[0])
		}
	case map[string]any:
		if s := ldURL(x["url"]); s != "" {
			return s
		}
		return ldURL(x["contentUrl"])
	}
	return ""
}

func blankControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
}
