//go:build !race

package ingest

const raceSlowdown = 1
