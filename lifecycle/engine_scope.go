package lifecycle

import "github.com/ibkit/ibkit/semver"

// selector decides which images a policy's resourceSelection selects.
type selector struct {
	imageType ImageType
	// exact and normalised index the recipe entries by their name and by
	// the ARN form of their name.
	exact      map[string][]recipeFilter
	normalised map[string][]recipeFilter
	hasRecipes bool
	tags       Tags
	// emptyKeys are the keys of selection pairs with an empty value, whose
	// meaning is Decision L-18.
	emptyKeys []string

	normaliseAlways bool
	emptyMatchesAny bool
}

// selectCache remembers a goroutine's previous exact-name lookup:
// consecutive images mostly share their recipe.
type selectCache struct {
	name    string
	filters []recipeFilter
}

// recipeFilter is the version filter of one recipe entry; mixed marks a
// filter such as "x.1.x" accepted under AllowMixedWildcards (L-14).
type recipeFilter struct {
	filter semver.Filter
	mixed  bool
}

func newSelector(p *Policy, o *PlanOptions) *selector {
	s := &selector{
		imageType:       p.ResourceType.ImageType(),
		normaliseAlways: o.NormalisedRecipeNames,
		emptyMatchesAny: o.EmptyTagValueMatchesAny,
	}
	sel := &p.ResourceSelection
	if len(sel.Recipes) > 0 {
		s.hasRecipes = true
		s.exact = make(map[string][]recipeFilter, len(sel.Recipes))
		s.normalised = make(map[string][]recipeFilter, len(sel.Recipes))
		parse := semver.ParseOptions{RegexOnly: o.AllowMixedWildcards}
		for _, r := range sel.Recipes {
			f, err := parse.ParseFilter(r.SemanticVersion)
			if err != nil {
				continue // rejected by validation; selects nothing
			}
			rf := recipeFilter{filter: f, mixed: !f.IsStrict()}
			s.exact[r.Name] = append(s.exact[r.Name], rf)
			n := arnRecipeName(r.Name)
			s.normalised[n] = append(s.normalised[n], rf)
		}
	}
	if len(sel.TagMap) > 0 {
		s.tags = sel.TagMap
		for _, k := range sel.TagMap.Keys() {
			if sel.TagMap[k] == "" {
				s.emptyKeys = append(s.emptyKeys, k)
			}
		}
	}
	return s
}

// selects reports whether the policy selects the image, with the
// decisions the answer depends on. It does not look at the status.
func (s *selector) selects(img *IndexedImage, c *selectCache) (bool, decisionSet) {
	if img.Type != s.imageType {
		return false, 0
	}
	var flags decisionSet
	if s.hasRecipes {
		ok, f := s.recipeMatch(img, c)
		flags |= f
		if ok {
			return true, flags
		}
	}
	if s.tags != nil {
		ok, f := s.tagMatch(img.Tags)
		return ok, flags | f
	}
	return false, flags
}

func (s *selector) recipeMatch(img *IndexedImage, c *selectCache) (bool, decisionSet) {
	if img.Name != "" && !s.normaliseAlways {
		if img.Name != c.name || c.name == "" {
			c.name, c.filters = img.Name, s.exact[img.Name]
		}
		ok, mixed := matchFilters(c.filters, img.Version)
		if !ok {
			return false, 0
		}
		if mixed {
			return true, flagL14
		}
		return true, 0
	}
	ok, mixed := matchFilters(s.normalised[img.ARNName], img.Version)
	if !ok {
		return false, 0
	}
	// The match relied on the ARN form of the name: either the name is
	// unknown or the option compares ARN forms and the exact names differ.
	flags := decisionSet(0)
	if img.Name == "" {
		flags |= flagL21
	} else if exact, _ := matchFilters(s.exact[img.Name], img.Version); !exact {
		flags |= flagL21
	}
	if mixed {
		flags |= flagL14
	}
	return true, flags
}

// matchFilters reports whether one of the filters matches v, and whether
// every matching filter is a mixed one.
func matchFilters(fs []recipeFilter, v semver.Version) (ok, mixed bool) {
	for _, f := range fs {
		if f.filter.Match(v) {
			if !f.mixed {
				return true, false
			}
			ok, mixed = true, true
		}
	}
	return ok, mixed
}

// tagMatch applies the selection tag map: any pair, exact key and value
// (Decision L-18); under EmptyTagValueMatchesAny a pair with an empty value
// matches any value of its key.
func (s *selector) tagMatch(tags Tags) (bool, decisionSet) {
	if len(tags) == 0 {
		return false, 0
	}
	if tags.MatchesAny(s.tags) {
		return true, 0
	}
	for _, k := range s.emptyKeys {
		if _, ok := tags[k]; ok {
			// Only the other reading of L-18 decides this image.
			return s.emptyMatchesAny, flagL18
		}
	}
	return false, 0
}
