//go:build race

package ingest

// raceSlowdown scales the time bounds of tests that measure scheduling:
// the race detector makes the work between two polls several times
// slower.
const raceSlowdown = 5
