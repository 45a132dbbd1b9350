package main

import (
	"encoding/json"
	"io"
)

// jsonIndent is the indentation of the commands' JSON.
const jsonIndent = "  "

// newJSONEncoder returns the encoder every command uses: two-space
// indentation and no HTML escaping, so ARNs and messages print as they are.
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent("", jsonIndent)
	enc.SetEscapeHTML(false)
	return enc
}
