package plan

import (
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/internal/names"
	"github.com/ibkit/ibkit/semver"
)

// selector decides which images a policy's resourceSelection selects.
type selector struct {
	imageType lifecycle.ImageType
	// normalised indexes the recipe entries by the ARN form of their name.
	normalised map[string][]recipeFilter
	hasRecipes bool
	tags       lifecycle.Tags
	// tagBit gives each key of tags its bit in selectedBy.tags, by
	// position in ascending key order.
	tagBit map[string]uint64
	// emptyKeys are the keys of selection pairs with an empty value, whose
	// meaning is Decision L-18.
	emptyKeys []string

	exactNames      bool // ExactRecipeNames (L-21)
	needsRecipe     bool // RecipeSelectionNeedsRecipe (L-27)
	emptyMatchesAny bool
	// entries is the number of recipe entries; a selection never has more
	// than 64 (the model allows 50), so a uint64 has a bit for each.
	entries int
}

// selectCache remembers a goroutine's previous lookups: consecutive
// images mostly share their recipe.
type selectCache struct {
	arnName, name string
	norm          []recipeFilter
	// same has the bits of the entries of norm whose exact name is name.
	same uint64
}

// selectedBy names what selected an image: bits of recipe entries (by
// position in resourceSelection.recipes) and of selection tag pairs (by
// position in the sorted keys of resourceSelection.tagMap).
type selectedBy struct {
	recipes, tags uint64
}

// recipeFilter is the version filter of one recipe entry; mixed marks a
// filter such as "x.1.x" accepted under AllowMixedWildcards (L-14). bit is
// 1 << the entry's position in resourceSelection.recipes.
type recipeFilter struct {
	filter semver.Filter
	mixed  bool
	bit    uint64
	name   string // the entry's name as written
}

func newSelector(p *lifecycle.Policy, o *settings) *selector {
	s := &selector{
		imageType:       p.ResourceType.ImageType(),
		exactNames:      o.ExactRecipeNames,
		needsRecipe:     o.RecipeSelectionNeedsRecipe,
		emptyMatchesAny: o.EmptyTagValueMatchesAny,
	}
	sel := &p.ResourceSelection
	if len(sel.Recipes) > 0 {
		s.hasRecipes = true
		s.normalised = make(map[string][]recipeFilter, len(sel.Recipes))
		var readings []semver.Decision
		if o.AllowMixedWildcards {
			readings = []semver.Decision{semver.RegexOnly}
		}
		s.entries = min(len(sel.Recipes), 64)
		for i, r := range sel.Recipes[:s.entries] {
			f, err := semver.ParseFilter(r.SemanticVersion, readings...)
			if err != nil {
				continue // rejected by validation; selects nothing
			}
			_, strictErr := semver.ParseFilter(r.SemanticVersion)
			rf := recipeFilter{filter: f, mixed: strictErr != nil, bit: 1 << i, name: r.Name}
			n := names.ARNName(r.Name)
			s.normalised[n] = append(s.normalised[n], rf)
		}
	}
	if len(sel.TagMap) > 0 {
		s.tags = sel.TagMap
		keys := sel.TagMap.Keys()
		s.tagBit = make(map[string]uint64, len(keys))
		for i, k := range keys {
			if i < 64 {
				s.tagBit[k] = 1 << i
			}
			if sel.TagMap[k] == "" {
				s.emptyKeys = append(s.emptyKeys, k)
			}
		}
	}
	return s
}

// selects reports whether the policy selects the image, with the
// decisions the answer depends on and what selected it. It does not look
// at the status, the Region or the account.
func (s *selector) selects(img *index.Image, c *selectCache) (ok bool, flags decisionSet, by selectedBy) {
	if img.Type != s.imageType {
		return false, 0, by
	}
	if s.hasRecipes {
		var f decisionSet
		by.recipes, f = s.recipeMatch(img, c)
		flags |= f
	}
	// Both selectors exist only under ModelOnlyValidation; then the tags
	// are tried too, so that the plan knows which pairs select images.
	if s.tags != nil && (by.recipes == 0 || s.hasRecipes) {
		var f decisionSet
		by.tags, f = s.tagMatch(img.Tags)
		flags |= f
	}
	return by != selectedBy{}, flags, by
}

// recipeMatch applies the recipe entries. By default an entry matches an
// image when the ARN form of its name (lower case, spaces as hyphens)
// equals the name in the image's ARN, since the ARN is how the service
// identifies a recipe: "API Service" and "api-service" are one recipe
// (Decision L-21, flagged when the exact texts differ). Under
// ExactRecipeNames the image's own name must equal the entry's name; an
// image whose name is unknown is still matched by its ARN, flagged.
//
// An image that no recipe built (imported) is matched like any other and
// flagged L-27, or not matched at all under RecipeSelectionNeedsRecipe.
func (s *selector) recipeMatch(img *index.Image, c *selectCache) (uint64, decisionSet) {
	if img.ARNName != c.arnName || img.Name != c.name || c.arnName == "" {
		c.arnName, c.name, c.norm, c.same = img.ARNName, img.Name, s.normalised[img.ARNName], 0
		for _, f := range c.norm {
			if img.Name != "" && f.name == img.Name {
				c.same |= f.bit
			}
		}
	}
	if len(c.norm) == 0 {
		return 0, 0
	}
	// Entries whose ARN form is the image's ARN name; those whose exact
	// name is also the image's (c.same) match under both readings.
	var bits uint64
	mixed := true
	for _, f := range c.norm {
		if !f.filter.Match(img.Version) || s.exactNames && img.Name != "" && c.same&f.bit == 0 {
			continue
		}
		bits |= f.bit
		mixed = mixed && f.mixed
	}
	exact := bits & c.same
	if bits == 0 {
		return 0, 0
	}
	var flags decisionSet
	if exact == 0 {
		flags |= flagL21 // only the ARN forms of the names are equal
	}
	if mixed {
		flags |= flagL14
	}
	if img.Imported {
		if s.needsRecipe {
			return 0, flags | flagL27
		}
		flags |= flagL27
	}
	return bits, flags
}

// tagMatch applies the selection tag map: any pair, exact key and value
// (Decision L-18); under EmptyTagValueMatchesAny a pair with an empty value
// matches any value of its key. It returns the bits of the matching pairs.
func (s *selector) tagMatch(tags lifecycle.Tags) (uint64, decisionSet) {
	if len(tags) == 0 {
		return 0, 0
	}
	var bits uint64
	if len(tags) < len(s.tags) {
		for k, v := range tags {
			if w, ok := s.tags[k]; ok && w == v {
				bits |= s.tagBit[k]
			}
		}
	} else {
		for k, v := range s.tags {
			if w, ok := tags[k]; ok && w == v {
				bits |= s.tagBit[k]
			}
		}
	}
	if bits != 0 {
		return bits, 0
	}
	for _, k := range s.emptyKeys {
		if _, ok := tags[k]; ok {
			// Only the other reading of L-18 decides this image.
			if s.emptyMatchesAny {
				return s.tagBit[k], flagL18
			}
			return 0, flagL18
		}
	}
	return 0, 0
}
