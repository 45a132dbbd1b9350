// Package wire decodes the JSON of lifecycle policies and AWS CLI output
// into the model's Go types as the service reads it: member names matched
// exactly, repeated members refused, and every problem reported with its
// JSON path and byte offset. It reads through the module's JSON layer,
// internal/jsonread.
package wire
