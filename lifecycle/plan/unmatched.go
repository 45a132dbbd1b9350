package plan

import (
	"github.com/ibkit/ibkit/internal/textdist"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/internal/names"

	"slices"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/semver"
)

// unmatchedSelection returns a warning for every recipe entry and every
// selection tag pair that selects no image of the index in the policy's
// scope, used naming those that do, naming what the index holds that comes
// nearest: the same recipe at other versions, recipes with similar names,
// the same tag key with other values, or similar keys. A typo in a
// selection otherwise shows only as a plan that does nothing.
func (pl *planner) unmatchedSelection(images []index.Image, got selectedBy) lifecycle.Findings {
	s := pl.sel
	sel := &pl.p.ResourceSelection
	var want selectedBy
	if s.hasRecipes {
		want.recipes = 1<<s.entries - 1
		if s.entries == 64 {
			want.recipes = ^uint64(0)
		}
	}
	for _, bit := range s.tagBit {
		want.tags |= bit
	}
	if got == want {
		return nil
	}
	var out lifecycle.Findings
	recipes, tags := pl.present(images, got.recipes != want.recipes, got.tags != want.tags)
	for i, r := range sel.Recipes[:s.entries] {
		if got.recipes&(1<<i) != 0 {
			continue
		}
		out = append(out, lifecycle.Finding{Severity: lifecycle.SeverityWarning,
			Path: "resourceSelection.recipes[" + strconv.Itoa(i) + "]", Code: codeSelectsNothing,
			Message: "recipe " + strconv.Quote(r.Name) + " at " + r.SemanticVersion + " selects no image of the inventory" +
				pl.scopeText() + "; " + recipes.nearest(names.ARNName(r.Name), true)})
	}
	if got.tags != want.tags {
		for _, k := range sel.TagMap.Keys() {
			if bit := s.tagBit[k]; bit == 0 || got.tags&bit != 0 {
				continue
			}
			out = append(out, lifecycle.Finding{Severity: lifecycle.SeverityWarning,
				Path: "resourceSelection.tagMap." + k, Code: codeSelectsNothing,
				Message: "tag " + k + "=" + sel.TagMap[k] + " selects no image of the inventory" + pl.scopeText() +
					"; " + tags.nearest(k, false)})
		}
	}
	out.Sort()
	return out
}

// selectable reports whether img is of the policy's type, not deleted,
// and in its scope: an image its selection could act on.
func (pl *planner) selectable(img *index.Image) bool {
	return img.Type == pl.sel.imageType && img.Status != lifecycle.StatusDeleted && pl.scope.contains(img.Region, img.AccountID)
}

// scopeText names the scope for messages.
func (pl *planner) scopeText() string {
	sc := pl.scope
	switch {
	case sc.Region != "" && sc.AccountID != "":
		return " in " + sc.Region + ", account " + sc.AccountID
	case sc.Region != "":
		return " in " + sc.Region
	case sc.AccountID != "":
		return " in account " + sc.AccountID
	}
	return ""
}

// present gathers, in one pass over the index's images of the policy's
// type in scope, what the warnings compare with: when withRecipes, the
// recipe names (ARN form) with their versions; when withTags, the tag keys
// with their values.
func (pl *planner) present(images []index.Image, withRecipes, withTags bool) (recipes, tags presentSet) {
	recipes, tags = presentSet{}, presentSet{}
	for i := range images {
		img := &images[i]
		if !pl.selectable(img) {
			continue
		}
		if withRecipes {
			recipes.add(img.ARNName, img.Version.String())
		}
		if withTags {
			for k, v := range img.Tags {
				tags.add(k, v)
			}
		}
	}
	return recipes, tags
}

// presentSet maps a name (a recipe name or a tag key) to the set of values
// (versions or tag values) seen with it.
type presentSet map[string]map[string]bool

func (p presentSet) add(name, value string) {
	vs := p[name]
	if vs == nil {
		vs = map[string]bool{}
		p[name] = vs
	}
	vs[value] = true
}

// maxListed bounds the names and values a warning lists.
const maxListed = 5

// nearest says what the set holds nearest to name: the values it has for
// the name itself (a recipe at other versions, a tag key with other
// values), else the names closest by edit distance. versions tells recipe
// names, whose values are versions, from tag keys.
func (p presentSet) nearest(name string, versions bool) string {
	if len(p) == 0 {
		return "the inventory holds no image this policy could select there"
	}
	if vs, ok := p[name]; ok {
		values := names.SortedKeys(vs)
		if versions {
			slices.SortFunc(values, compareVersionText)
			return "the inventory holds " + name + " only at " + listSome(values, maxListed)
		}
		return "images carry " + name + " only with " + quoteAll(values, maxListed)
	}
	type scored struct {
		name string
		d    int
	}
	best := make([]scored, 0, len(p))
	for n := range p {
		best = append(best, scored{n, textdist.Distance(name, n)})
	}
	slices.SortFunc(best, func(a, b scored) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.name, b.name)
	})
	names := make([]string, 0, 3)
	for _, b := range best[:min(3, len(best))] {
		names = append(names, b.name)
	}
	what := "tag keys"
	if versions {
		what = "recipes"
	}
	return "nearest " + what + " in the inventory: " + strings.Join(names, ", ")
}

// compareVersionText orders version texts numerically when they parse.
func compareVersionText(a, b string) int {
	va, ea := semver.Parse(a)
	vb, eb := semver.Parse(b)
	if ea == nil && eb == nil {
		return va.Compare(vb)
	}
	return strings.Compare(a, b)
}

func quoteAll(values []string, n int) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = strconv.Quote(v)
	}
	return listSome(q, n)
}
