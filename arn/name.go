package arn

import "strings"

// ARNName returns the ARN name the service derives from a resource name:
// ASCII letters are lower-cased and each space becomes one '-'; digits,
// '-' and '_' are kept. name must be a valid ResourceName (3 to 128
// letters, digits, '-', '_' and inner spaces); otherwise the error is the
// *ParseError of Validate(ResourceName, name).
//
// The sources disagree on '_': the ARN patterns allow it, while one client
// library documents that it becomes '-'. ARNName keeps it (decision AS-9);
// Options.UnderscoreToHyphen maps it. The mapping is not one-to-one:
// "My Recipe" and "my-recipe" give the same ARN name.
func ARNName(name string) (string, error) {
	s, _, err := Options{}.ARNName(name)
	return s, err
}

// ARNName is like the package-level ARNName under the reading o selects.
// The decisions hold AS-9 when name contains '_'.
func (o Options) ARNName(name string) (string, Decisions, error) {
	if err := Validate(ResourceName, name); err != nil {
		return "", 0, err
	}
	var d Decisions
	if strings.IndexByte(name, '_') >= 0 {
		d = d.With(AS9)
	}
	b := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ', c == '_' && o.UnderscoreToHyphen:
			c = '-'
		}
		b[i] = c
	}
	return string(b), d, nil
}
