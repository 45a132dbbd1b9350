package arn

import "strings"

// Name returns the ARN name the service derives from a resource name:
// ASCII letters are lower-cased and each space becomes one '-'; digits,
// '-' and '_' are kept. name must be a valid ResourceName (3 to 128
// letters, digits, '-', '_' and inner spaces); otherwise the error is the
// *Error of Validate("ResourceName", name).
//
// The sources disagree on '_': the ARN patterns allow it, while one client
// library documents that it becomes '-'. Name keeps it (decision AS-9);
// the UnderscoreToHyphen reading maps it. The mapping is not one-to-one:
// "My Recipe" and "my-recipe" give the same ARN name.
func Name(name string) (string, error) {
	s, _, err := Options{}.Name(name)
	return s, err
}

// Name is like the package-level Name under the readings o selects. The
// decisions hold AS-9 when name contains '_'.
func (o Options) Name(name string) (string, []Decision, error) {
	r, err := o.reading()
	if err != nil {
		return "", nil, err
	}
	if err := Validate("ResourceName", name); err != nil {
		return "", nil, err
	}
	var ds []Decision
	if strings.IndexByte(name, '_') >= 0 {
		ds = []Decision{UnderscoreToHyphen}
	}
	b := make([]byte, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ', c == '_' && r.hyphens:
			c = '-'
		}
		b[i] = c
	}
	return string(b), ds, nil
}
