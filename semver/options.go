package semver

// ParseOptions selects the readings of the grammar that differ from the
// defaults. The zero value is the default reading used by the package-level
// Parse, ParseBuild and ParseFilter functions.
type ParseOptions struct {
	// RegexOnly accepts filters that the service model's regular expression
	// accepts but the documented rules reject: a wildcard node followed by
	// a numeric one, such as "x.2.x" or "1.x.3" (Decision AS-1). Such a
	// filter matches node by node. The node limit MaxNode still applies,
	// since Version cannot hold larger values; arn.Validate with RegexOnly
	// checks the text alone.
	RegexOnly bool

	// RejectLeadingZeros makes nodes written with a leading zero, such as
	// "2021.01.01", an error wrapping ErrLeadingZero (Decision AS-6).
	// The build number is not affected.
	RejectLeadingZeros bool
}

// Parse parses a version "M.m.p" under the options.
func (o ParseOptions) Parse(s string) (Version, error) {
	if o == (ParseOptions{}) {
		if v, i, ok := fastVersion(s); ok && i == len(s) {
			return v, nil
		}
	}
	r, err := o.scan(s, formVersion)
	if err != nil {
		return Version{}, err
	}
	return Version{r.nodes[0], r.nodes[1], r.nodes[2]}, nil
}

// ParseBuild parses a build version "M.m.p/b" under the options.
func (o ParseOptions) ParseBuild(s string) (BuildVersion, error) {
	if o == (ParseOptions{}) {
		if v, i, ok := fastVersion(s); ok {
			if b, ok := fastBuild(s, i); ok {
				return BuildVersion{v, b}, nil
			}
		}
	}
	r, err := o.scan(s, formBuild)
	if err != nil {
		return BuildVersion{}, err
	}
	return BuildVersion{Version{r.nodes[0], r.nodes[1], r.nodes[2]}, r.build}, nil
}

// ParseVersionOrBuild parses "M.m.p" or "M.m.p/b" under the options.
// hasBuild reports whether a build was present; without one the result's
// build is 0.
func (o ParseOptions) ParseVersionOrBuild(s string) (b BuildVersion, hasBuild bool, err error) {
	r, err := o.scan(s, formVersionOrBuild)
	if err != nil {
		return BuildVersion{}, false, err
	}
	return BuildVersion{Version{r.nodes[0], r.nodes[1], r.nodes[2]}, r.build}, r.hasBuild, nil
}

// ParseFilter parses a version filter under the options.
func (o ParseOptions) ParseFilter(s string) (Filter, error) {
	r, err := o.scan(s, formFilter)
	if err != nil {
		return Filter{}, err
	}
	return Filter{Version{r.nodes[0], r.nodes[1], r.nodes[2]}, r.mask}, nil
}
