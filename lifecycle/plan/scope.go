package plan

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// Scope is the Region and account a policy acts in (Decision L-26): a
// lifecycle policy is a Regional resource of one account, and an execution
// acts only on the images of that Region and account. Only the output
// resources of those images (AMIs distributed to other Regions and
// accounts) reach beyond it.
type Scope struct {
	Region    string `json:"region,omitempty"`
	AccountID string `json:"accountId,omitempty"`
	// Source says where the Region and account came from: "policy ARN",
	// "options" (Options.Region and AccountID, the CLI's --region and
	// --account), or "inventory" when every image of the inventory has the
	// same Region and account and the plan is flagged L-26. When the two
	// came from different places, each is named ("Region from the options,
	// account from the inventory"); when two places agree on one, both
	// ("policy ARN and options"). Empty when the index has no image and
	// nothing gave them.
	Source string `json:"source,omitempty"`
}

// contains reports whether an image of the given Region and account is in
// the scope; an empty field of the scope matches any value.
func (s *Scope) contains(region, account string) bool {
	return (s.Region == "" || s.Region == region) && (s.AccountID == "" || s.AccountID == account)
}

// inferred reports whether the inventory supplied part of the scope.
func (s *Scope) inferred() bool { return strings.Contains(s.Source, "inventory") }

// scopeField is one of the two members of a Scope while it is resolved.
type scopeField struct {
	name    string // "Region" or "AccountID"
	flag    string // the command-line flag that gives it
	value   string
	sources []string
}

// set records a value from a source, or reports a contradiction.
func (f *scopeField) set(value, source string) error {
	switch {
	case value == "":
		return nil
	case f.value == "":
		f.value = value
	case f.value != value:
		return inputError(f.name, value, "contradicts the policy ARN, whose "+f.name+" is "+f.value+"; give the policy's own "+f.name+" or leave it out")
	}
	f.sources = append(f.sources, source)
	return nil
}

// resolveScope finds the Region and account of the policy: from its ARN,
// from the options, and for what is still unknown from the index when all
// its images agree on it.
func resolveScope(p *lifecycle.Policy, idx *inventory.Index, o *settings) (Scope, error) {
	region := scopeField{name: "Region", flag: "--region"}
	account := scopeField{name: "AccountID", flag: "--account"}
	if a, err := arn.Parse(p.ARN); err == nil && a.Type() == arn.LifecyclePolicy {
		region.set(a.Region(), "policy ARN")
		account.set(a.Account(), "policy ARN")
	}
	if err := region.set(o.region, "options"); err != nil {
		return Scope{}, err
	}
	if err := account.set(o.account, "options"); err != nil {
		return Scope{}, err
	}
	if region.value == "" || account.value == "" {
		regions, accounts := distinctScopes(index.Images(idx))
		for _, f := range []struct {
			field  *scopeField
			values []string
		}{{&region, regions}, {&account, accounts}} {
			if f.field.value != "" {
				continue
			}
			switch len(f.values) {
			case 0:
			case 1:
				f.field.value = f.values[0]
				f.field.sources = append(f.field.sources, "inventory")
			default:
				return Scope{}, inputError(f.field.name, "", "is unknown: the policy document has no ARN and the inventory holds images of "+
					strconv.Itoa(len(f.values))+" "+plural2(f.field.name)+" ("+listSome(f.values, 5)+
					"); a policy acts only in its own Region and account (L-26), so give its "+f.field.name+
					" (plan.Options."+f.field.name+", "+f.field.flag+")")
			}
		}
	}
	return Scope{Region: region.value, AccountID: account.value, Source: scopeSource(region.sources, account.sources)}, nil
}

// scopeSource names where the Region and account came from: one source
// when both agree on it ("policy ARN"), else one for each ("Region from
// the options, account from the inventory").
func scopeSource(region, account []string) string {
	r, a := strings.Join(region, " and "), strings.Join(account, " and ")
	switch {
	case r == a:
		return r
	case r == "":
		return "account from the " + a
	case a == "":
		return "Region from the " + r
	}
	return "Region from the " + r + ", account from the " + a
}

// plural2 names a scope field in the plural for messages.
func plural2(field string) string {
	if field == "Region" {
		return "Regions"
	}
	return "accounts"
}

// distinctScopes returns the distinct Regions and accounts of the images,
// each ascending, in one pass. Inventories mostly hold one of each: a
// value equal to the previous one costs a string comparison, not a map
// lookup.
func distinctScopes(images []index.Image) (regions, accounts []string) {
	var r, a distinct
	for i := range images {
		r.add(images[i].Region)
		a.add(images[i].AccountID)
	}
	return r.sorted(), a.sorted()
}

// distinct collects distinct non-empty strings.
type distinct struct {
	last string
	seen map[string]bool
	out  []string
}

func (d *distinct) add(v string) {
	if v == "" || v == d.last {
		return
	}
	d.last = v
	if d.seen == nil {
		d.seen = map[string]bool{}
	}
	if !d.seen[v] {
		d.seen[v] = true
		d.out = append(d.out, v)
	}
}

func (d *distinct) sorted() []string {
	slices.Sort(d.out)
	return d.out
}

// listSome joins at most n of the values, saying how many more there are.
func listSome(values []string, n int) string {
	if len(values) <= n {
		return strings.Join(values, ", ")
	}
	return strings.Join(values[:n], ", ") + " and " + strconv.Itoa(len(values)-n) + " more"
}
