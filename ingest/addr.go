package ingest

import (
	"net/netip"
)

// specialRange is a block of address space a fetch must not reach: every
// entry of IANA's IPv4 and IPv6 Special-Purpose Address Registries, and
// multicast. Some registry entries are anycast services marked globally
// reachable (AS112, AMT, PCP, TURN); no news site lives there, so they are
// refused too, which keeps the rule simple: special-purpose space is
// never fetched.
type specialRange struct {
	prefix netip.Prefix
	name   string
}

func ranges(list ...string) []specialRange {
	out := make([]specialRange, 0, len(list)/2)
	for i := 0; i < len(list); i += 2 {
		out = append(out, specialRange{netip.MustParsePrefix(list[i]), list[i+1]})
	}
	return out
}

var special4 = ranges(
	"0.0.0.0/8", "this network (RFC 791)",
	"10.0.0.0/8", "private (RFC 1918)",
	"100.64.0.0/10", "shared address space, carrier-grade NAT (RFC 6598)",
	"127.0.0.0/8", "loopback (RFC 1122)",
	"169.254.0.0/16", "link-local (RFC 3927)",
	"172.16.0.0/12", "private (RFC 1918)",
	"192.0.0.0/24", "IETF protocol assignments (RFC 6890)",
	"192.0.2.0/24", "documentation, TEST-NET-1 (RFC 5737)",
	"192.31.196.0/24", "AS112-v4 (RFC 7535)",
	"192.52.193.0/24", "AMT (RFC 7450)",
	"192.88.99.0/24", "deprecated 6to4 relay anycast (RFC 7526)",
	"192.168.0.0/16", "private (RFC 1918)",
	"192.175.48.0/24", "direct delegation AS112 service (RFC 7534)",
	"198.18.0.0/15", "benchmarking (RFC 2544)",
	"198.51.100.0/24", "documentation, TEST-NET-2 (RFC 5737)",
	"203.0.113.0/24", "documentation, TEST-NET-3 (RFC 5737)",
	"224.0.0.0/4", "multicast (RFC 5771)",
	"240.0.0.0/4", "reserved (RFC 1112)",
	"255.255.255.255/32", "limited broadcast (RFC 919)",
)

var special6 = ranges(
	"::/128", "unspecified (RFC 4291)",
	"::1/128", "loopback (RFC 4291)",
	"::/96", "IPv4-compatible, deprecated (RFC 4291)",
	"64:ff9b:1::/48", "local-use IPv4/IPv6 translation (RFC 8215)",
	"100::/64", "discard-only (RFC 6666)",
	"100:0:0:1::/64", "dummy IPv6 prefix (RFC 9780)",
	"2001::/23", "IETF protocol assignments, Teredo among them (RFC 2928)",
	"2001:db8::/32", "documentation (RFC 3849)",
	"2620:4f:8000::/48", "direct delegation AS112 service (RFC 7534)",
	"3fff::/20", "documentation (RFC 9637)",
	"5f00::/16", "segment routing SIDs (RFC 9602)",
	"fc00::/7", "unique local (RFC 4193)",
	"fe80::/10", "link-local unicast (RFC 4291)",
	"fec0::/10", "site-local, deprecated (RFC 3879)",
	"ff00::/8", "multicast (RFC 4291)",
)

// IPv6 forms that carry an IPv4 address, which is checked in its turn: a
// public IPv4 address behind NAT64 or 6to4 is fine, 127.0.0.1 is not.
var (
	mapped4   = netip.MustParsePrefix("::ffff:0:0/96") // RFC 4291
	nat64     = netip.MustParsePrefix("64:ff9b::/96")  // RFC 6052
	sixToFour = netip.MustParsePrefix("2002::/16")     // RFC 3056
)

// blockedAddr says why ip must not be fetched, or "" when it may be.
func blockedAddr(ip netip.Addr) string {
	ip = ip.WithZone("")
	if ip.Is4() {
		for _, r := range special4 {
			if r.prefix.Contains(ip) {
				return r.name
			}
		}
		return ""
	}
	if !ip.Is6() {
		return "not an IP address"
	}
	b := ip.As16()
	switch {
	case mapped4.Contains(ip):
		return embedded(netip.AddrFrom4([4]byte(b[12:16])), "IPv4-mapped")
	case nat64.Contains(ip):
		return embedded(netip.AddrFrom4([4]byte(b[12:16])), "NAT64")
	case sixToFour.Contains(ip):
		return embedded(netip.AddrFrom4([4]byte(b[2:6])), "6to4")
	}
	for _, r := range special6 {
		if r.prefix.Contains(ip) {
			return r.name
		}
	}
	// ISATAP puts an IPv4 address in the interface identifier
	// (::0:5efe:a.b.c.d, or ::200:5efe:a.b.c.d when globally unique); the
	// router that unwraps it delivers to that IPv4 address.
	if (b[8] == 0 || b[8] == 2) && b[9] == 0 && b[10] == 0x5e && b[11] == 0xfe {
		return embedded(netip.AddrFrom4([4]byte(b[12:16])), "ISATAP")
	}
	return ""
}

func embedded(v4 netip.Addr, form string) string {
	if why := blockedAddr(v4); why != "" {
		return form + " form of " + v4.String() + ", " + why
	}
	return ""
}
