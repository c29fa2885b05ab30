// Package deploy holds the files that run defwatch's stages on separate
// machines (the NATS cluster configuration, systemd units, the container image
// and Kubernetes manifests) and the tests that check them. It is not part of
// the running program: its only code, ServiceCommands, reads the units back so
// that tests, here and in cmd/defwatch, can hold them to the real parsers.
package deploy
