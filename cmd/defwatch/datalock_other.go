//go:build !unix

package main

import "errors"

var errDataInUse = errors.New("data directory in use")

// lockData does nothing where flock is missing: one defwatch per data
// directory is then the operator's to keep.
func lockData(string) (func(), error) { return func() {}, nil }
