package ingest

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"
)

func TestBlockedAddr(t *testing.T) {
	// One address inside every range (its first, last or a middle one),
	// and the embedded forms of IPv4 inside IPv6.
	blocked := []string{
		"0.0.0.0", "0.1.2.3", "0.255.255.255", // this network
		"10.0.0.1", "10.255.255.255",
		"100.64.0.1", "100.127.255.254",
		"127.0.0.1", "127.255.255.254",
		"169.254.169.254",
		"172.16.0.1", "172.31.255.255",
		"192.0.0.1", "192.0.0.170", "192.0.0.9",
		"192.0.2.1", "192.31.196.1", "192.52.193.1", "192.88.99.1",
		"192.168.1.1", "192.175.48.1",
		"198.18.0.1", "198.19.255.255", // benchmarking
		"198.51.100.1", "203.0.113.1",
		"224.0.0.1", "239.255.255.250",
		"240.0.0.1", "254.255.255.255", // reserved
		"255.255.255.255",
		"::", "::1",
		"::127.0.0.1", "::10.0.0.1", "::8.8.8.8", // IPv4-compatible: deprecated, all refused
		"::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::ffff:198.18.0.1",
		"64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", // NAT64 of private space
		"64:ff9b:1::1", "64:ff9b:1:ffff::8.8.8.8", // local-use NAT64
		"100::1", "100:0:0:1::1",
		"2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
		"2001:1::1", "2001:2::1", "2001:3::1", "2001:20::1", "2001:1ff::1",
		"2001:db8::1", "2002:7f00:1::1", "2002:a00:1::", "2002:c0a8:101::1", // 6to4 of private space
		"2620:4f:8000::1", "3fff::1", "5f00::1",
		"fc00::1", "fd12:3456::1",
		"fe80::1", "febf::1", "fec0::1",
		"ff02::1", "ff05::2",
		"2a00:1450:4001:800:0:5efe:a00:1", "2a00:1450:4001:800:200:5efe:7f00:1", // ISATAP of private space
		"fe80::1%eth0",
	}
	allowed := []string{
		"1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.0",
		"172.15.255.255", "172.32.0.0", "192.0.1.1", "198.17.255.255", "198.20.0.0",
		"223.255.255.255", "11.0.0.1",
		"2a00:1450:4001:800::200e", "2606:4700::6810:85e5",
		"::ffff:8.8.8.8", "64:ff9b::8.8.8.8", "2002:808:808::1", // public IPv4 behind mapping, NAT64, 6to4
		"2001:200::1", // outside 2001::/23
		"2a00:1450:4001:800:0:5efe:808:808",
	}
	for _, s := range blocked {
		t.Run(s, func(t *testing.T) {
			if why := blockedAddr(netip.MustParseAddr(s)); why == "" {
				t.Errorf("%s is not refused", s)
			}
		})
	}
	for _, s := range allowed {
		t.Run(s, func(t *testing.T) {
			if why := blockedAddr(netip.MustParseAddr(s)); why != "" {
				t.Errorf("%s refused: %s", s, why)
			}
		})
	}
	t.Run("every range has an address refused", func(t *testing.T) {
		for _, r := range append(special4, special6...) {
			if why := blockedAddr(r.prefix.Addr()); why == "" {
				t.Errorf("%s (%s): its first address passes", r.prefix, r.name)
			}
			last := lastAddr(r.prefix)
			if why := blockedAddr(last); why == "" {
				t.Errorf("%s (%s): its last address %s passes", r.prefix, r.name, last)
			}
		}
	})
	t.Run("the reason names the range", func(t *testing.T) {
		if why := blockedAddr(netip.MustParseAddr("64:ff9b::7f00:1")); !strings.Contains(why, "NAT64") || !strings.Contains(why, "loopback") {
			t.Errorf("got %q", why)
		}
	})
}

func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// TestFetcherRefusesSpecialAddresses dials each spelling for real: the
// check is in the dialer, so none of them receives a packet.
func TestFetcherRefusesSpecialAddresses(t *testing.T) {
	f := NewFetcher(FetcherConfig{Timeout: 2 * time.Second})
	for _, u := range []string{
		"http://[::127.0.0.1]:9/", "http://[::ffff:127.0.0.1]:9/", "http://[64:ff9b::7f00:1]:9/",
		"http://198.18.0.1:9/", "http://240.0.0.1:9/", "http://0.1.2.3:9/", "http://[2002:7f00:1::1]:9/",
		"http://[2001:db8::1]:9/", "http://192.0.0.170:9/", "http://[fe80::1%25lo]:9/",
	} {
		t.Run(u, func(t *testing.T) {
			_, err := f.Get(context.Background(), u, "", "")
			if !errors.Is(err, ErrPrivateAddress) {
				t.Errorf("got %v, want ErrPrivateAddress", err)
			}
		})
	}
}
