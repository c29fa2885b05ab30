package ingest

import "net/netip"

// PrivateAddr says whether ip is an address defwatch refuses to connect
// to without --allow-private (loopback, private, link-local, carrier-grade
// NAT and the like), so other commands can refuse such an address early,
// with the same rule the fetcher applies when it connects.
func PrivateAddr(ip netip.Addr) bool { return blockedAddr(ip) != "" }
