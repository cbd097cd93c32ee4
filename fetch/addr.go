package fetch

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// blockedRange is one address range that a fetch may not reach, with the
// class reported in the error.
type blockedRange struct {
	prefix netip.Prefix
	class  string
}

// blockedRanges lists the ranges that are never public web servers. IPv6
// forms that embed an IPv4 address (mapped, NAT64, 6to4) are not listed
// here: CheckAddr takes the IPv4 address out and judges that instead.
var blockedRanges = []blockedRange{
	// IPv4.
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified"},        // "this network"; 0.0.0.0 reaches the local host on Linux
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},           // RFC 1918
	{netip.MustParsePrefix("100.64.0.0/10"), "private"},        // carrier-grade NAT, RFC 6598
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},         // the local host
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},    // includes cloud metadata at 169.254.169.254
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},        // RFC 1918
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved"},        // IETF protocol assignments
	{netip.MustParsePrefix("192.0.2.0/24"), "reserved"},        // documentation (TEST-NET-1)
	{netip.MustParsePrefix("192.88.99.0/24"), "reserved"},      // 6to4 relay anycast, deprecated
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},       // RFC 1918
	{netip.MustParsePrefix("198.18.0.0/15"), "reserved"},       // benchmarking
	{netip.MustParsePrefix("198.51.100.0/24"), "reserved"},     // documentation (TEST-NET-2)
	{netip.MustParsePrefix("203.0.113.0/24"), "reserved"},      // documentation (TEST-NET-3)
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},        // multicast
	{netip.MustParsePrefix("255.255.255.255/32"), "broadcast"}, // limited broadcast; listed before 240/4 to name it
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},         // future use
	// IPv6.
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("::/96"), "ipv4-compatible"},  // deprecated ::a.b.c.d form, never routed
	{netip.MustParsePrefix("64:ff9b:1::/48"), "private"}, // local-use NAT64, RFC 8215
	{netip.MustParsePrefix("100::/64"), "reserved"},      // discard-only
	{netip.MustParsePrefix("2001::/32"), "teredo"},       // tunnels to an address we cannot judge
	{netip.MustParsePrefix("2001:db8::/32"), "reserved"}, // documentation
	{netip.MustParsePrefix("fc00::/7"), "private"},       // unique local addresses
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("fec0::/10"), "private"}, // site-local, deprecated
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

var (
	nat64Prefix = netip.MustParsePrefix("64:ff9b::/96") // well-known NAT64, RFC 6052
	sixToFour   = netip.MustParsePrefix("2002::/16")    // 6to4, RFC 3056
)

// CheckAddr reports whether a fetch may connect to ip. It returns nil for a
// public address and a *ForbiddenAddressError otherwise. IPv6 addresses
// that carry an IPv4 address (IPv4-mapped, NAT64, 6to4) are judged by the
// IPv4 address inside them.
func CheckAddr(ip netip.Addr) error {
	if !ip.IsValid() {
		return &ForbiddenAddressError{Addr: ip, Class: "invalid"}
	}
	orig := ip
	ip = ip.WithZone("")
	if inner, ok := embeddedIPv4(ip); ok {
		if err := CheckAddr(inner); err != nil {
			fe := err.(*ForbiddenAddressError)
			return &ForbiddenAddressError{Addr: orig, Class: fe.Class + " (embedded " + inner.String() + ")"}
		}
		return nil
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(ip) {
			return &ForbiddenAddressError{Addr: orig, Class: r.class}
		}
	}
	return nil
}

// embeddedIPv4 returns the IPv4 address carried inside an IPv6 address of
// the IPv4-mapped, NAT64 or 6to4 kind.
func embeddedIPv4(ip netip.Addr) (netip.Addr, bool) {
	if !ip.Is6() {
		return netip.Addr{}, false
	}
	if ip.Is4In6() {
		return ip.Unmap(), true
	}
	b := ip.As16()
	switch {
	case nat64Prefix.Contains(ip):
		return netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), true
	case sixToFour.Contains(ip):
		return netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), true
	}
	return netip.Addr{}, false
}

// parseHostIP reads a URL host as an IP address if it is one. Besides the
// usual forms it accepts the IPv4 spellings that browsers and inet_aton
// accept: decimal (2130706433), octal (0177.0.0.1), hex (0x7f.1) and short
// forms (127.1). ok is false for a host name; err is set for a host that
// looks numeric but is not a valid address (such as 256.0.0.1).
func parseHostIP(host string) (ip netip.Addr, ok bool, err error) {
	h := strings.TrimSuffix(host, ".")
	if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	}
	if strings.Contains(h, ":") {
		ip, err := netip.ParseAddr(h)
		if err != nil {
			return netip.Addr{}, false, fmt.Errorf("bad IPv6 address %q", host)
		}
		return ip, true, nil
	}
	parts := strings.Split(h, ".")
	// As in the WHATWG URL standard, a host is an IPv4 address when its
	// last label is numeric; otherwise it is a name.
	if !isNumericLabel(parts[len(parts)-1]) {
		return netip.Addr{}, false, nil
	}
	if len(parts) > 4 {
		return netip.Addr{}, false, fmt.Errorf("bad IPv4 address %q: too many parts", host)
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		n, err := parseIPv4Part(p)
		if err != nil {
			return netip.Addr{}, false, fmt.Errorf("bad IPv4 address %q: %v", host, err)
		}
		nums[i] = n
	}
	// Every part but the last is one byte; the last fills the rest.
	for _, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false, fmt.Errorf("bad IPv4 address %q: part over 255", host)
		}
	}
	last := nums[len(nums)-1]
	if restBits := 8 * (5 - len(nums)); last >= 1<<restBits {
		return netip.Addr{}, false, fmt.Errorf("bad IPv4 address %q: last part too large", host)
	}
	var v uint64
	for _, n := range nums[:len(nums)-1] {
		v = v<<8 | n
	}
	v = v<<(8*(5-len(nums))) | last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true, nil
}

// isNumericLabel reports whether a host label is a number in decimal,
// octal or hex spelling, as parseIPv4Part reads them.
func isNumericLabel(s string) bool {
	if s == "" {
		return false
	}
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		s = s[2:]
		for _, c := range s {
			if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
				return false
			}
		}
		return true
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func parseIPv4Part(s string) (uint64, error) {
	base := 10
	switch {
	case s == "":
		return 0, fmt.Errorf("empty part")
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		s, base = s[2:], 16
		if s == "" {
			return 0, nil
		}
	case len(s) > 1 && s[0] == '0':
		s, base = s[1:], 8
	}
	n, err := strconv.ParseUint(s, base, 32)
	if err != nil {
		return 0, fmt.Errorf("part %q is not a number", s)
	}
	return n, nil
}
