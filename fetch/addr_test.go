package fetch

import (
	"errors"
	"net/netip"
	"testing"
)

func TestCheckAddr(t *testing.T) {
	cases := []struct {
		addr  string
		class string // "" = allowed
	}{
		// Public addresses pass.
		{"93.184.215.14", ""},
		{"8.8.8.8", ""},
		{"1.1.1.1", ""},
		{"100.63.255.255", ""}, // just below CGNAT
		{"100.128.0.0", ""},    // just above CGNAT
		{"172.15.255.255", ""}, // just below 172.16/12
		{"172.32.0.0", ""},     // just above 172.16/12
		{"2606:4700::1111", ""},
		{"2a00:1450:4001:80b::200e", ""},
		{"::ffff:8.8.8.8", ""},   // IPv4-mapped public
		{"64:ff9b::808:808", ""}, // NAT64 of 8.8.8.8
		{"2002:808:808::1", ""},  // 6to4 of 8.8.8.8
		{"fe00::1", ""},          // just below fe80::/10... in no blocked range
		{"2001:4860:4860::8888", ""},

		// IPv4 classes.
		{"127.0.0.1", "loopback"},
		{"127.255.255.254", "loopback"},
		{"10.0.0.1", "private"},
		{"10.255.255.255", "private"},
		{"172.16.0.1", "private"},
		{"172.31.255.255", "private"},
		{"192.168.1.1", "private"},
		{"100.64.0.1", "private"},
		{"100.127.255.255", "private"},
		{"169.254.169.254", "link-local"}, // cloud metadata
		{"169.254.0.1", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"0.1.2.3", "unspecified"},
		{"224.0.0.1", "multicast"},
		{"239.255.255.250", "multicast"},
		{"255.255.255.255", "broadcast"},
		{"240.0.0.1", "reserved"},
		{"192.0.2.1", "reserved"},
		{"198.18.0.1", "reserved"},

		// IPv6 classes.
		{"::1", "loopback"},
		{"::", "unspecified"},
		{"fc00::1", "private"},
		{"fd12:3456:789a::1", "private"},
		{"fe80::1", "link-local"},
		{"fe80::1%eth0", "link-local"},
		{"febf::1", "link-local"},
		{"fec0::1", "private"},
		{"ff02::1", "multicast"},
		{"2001:db8::1", "reserved"},
		{"2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"},
		{"64:ff9b:1::a00:1", "private"},

		// IPv6 forms that carry a forbidden IPv4 address.
		{"::ffff:127.0.0.1", "loopback (embedded 127.0.0.1)"},
		{"::ffff:7f00:1", "loopback (embedded 127.0.0.1)"},
		{"::ffff:169.254.169.254", "link-local (embedded 169.254.169.254)"},
		{"::ffff:10.1.2.3", "private (embedded 10.1.2.3)"},
		{"::127.0.0.1", "ipv4-compatible"},
		{"::8.8.8.8", "ipv4-compatible"},
		{"64:ff9b::7f00:1", "loopback (embedded 127.0.0.1)"},
		{"64:ff9b::a9fe:a9fe", "link-local (embedded 169.254.169.254)"},
		{"64:ff9b::c0a8:101", "private (embedded 192.168.1.1)"},
		{"2002:7f00:1::", "loopback (embedded 127.0.0.1)"},
		{"2002:a00:1::1", "private (embedded 10.0.0.1)"},
	}
	for _, c := range cases {
		t.Run(c.addr, func(t *testing.T) {
			ip := netip.MustParseAddr(c.addr)
			err := CheckAddr(ip)
			if c.class == "" {
				if err != nil {
					t.Fatalf("CheckAddr(%s) = %v, want allowed", c.addr, err)
				}
				return
			}
			var fe *ForbiddenAddressError
			if !errors.As(err, &fe) {
				t.Fatalf("CheckAddr(%s) = %v, want a ForbiddenAddressError", c.addr, err)
			}
			if !errors.Is(err, ErrForbiddenAddress) {
				t.Errorf("errors.Is(%v, ErrForbiddenAddress) = false", err)
			}
			if fe.Class != c.class {
				t.Errorf("CheckAddr(%s) class = %q, want %q", c.addr, fe.Class, c.class)
			}
		})
	}
	t.Run("zero Addr", func(t *testing.T) {
		if err := CheckAddr(netip.Addr{}); !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("CheckAddr(zero) = %v, want forbidden", err)
		}
	})
}

func TestParseHostIP(t *testing.T) {
	cases := []struct {
		host    string
		want    string // "" = not an IP (a name)
		wantErr bool
	}{
		{host: "example.com"},
		{host: "localhost"},
		{host: "1.example"},
		{host: "0x7f.example"},
		{host: "127.0.0.1", want: "127.0.0.1"},
		{host: "127.0.0.1.", want: "127.0.0.1"},
		{host: "2130706433", want: "127.0.0.1"},
		{host: "0177.0.0.1", want: "127.0.0.1"},
		{host: "0177.00.00.01", want: "127.0.0.1"},
		{host: "0x7f.1", want: "127.0.0.1"},
		{host: "0x7f000001", want: "127.0.0.1"},
		{host: "0X7F.0X0.0X0.0X1", want: "127.0.0.1"},
		{host: "127.1", want: "127.0.0.1"},
		{host: "127.0.1", want: "127.0.0.1"},
		{host: "10.1", want: "10.0.0.1"},
		{host: "0", want: "0.0.0.0"},
		{host: "0x", want: "0.0.0.0"},
		{host: "017700000001", want: "127.0.0.1"},
		{host: "2852039166", want: "169.254.169.254"},
		{host: "0xa9fea9fe", want: "169.254.169.254"},
		{host: "0251.0376.0251.0376", want: "169.254.169.254"},
		{host: "169.254.43518", want: "169.254.169.254"},
		{host: "3232235777", want: "192.168.1.1"},
		{host: "134744072", want: "8.8.8.8"},
		{host: "[::1]", want: "::1"},
		{host: "::1", want: "::1"},
		{host: "[::ffff:127.0.0.1]", want: "::ffff:127.0.0.1"},
		{host: "256.0.0.1", wantErr: true},
		{host: "1.2.3.4.5", wantErr: true},
		{host: "4294967296", wantErr: true},
		{host: "1.16777216", wantErr: true},
		{host: "09.0.0.1", wantErr: true}, // 09 is not octal
		{host: "1..2", wantErr: true},
		{host: "[::g]", wantErr: true},
	}
	for _, c := range cases {
		t.Run(c.host, func(t *testing.T) {
			ip, ok, err := parseHostIP(c.host)
			if c.wantErr {
				if err == nil {
					t.Fatalf("parseHostIP(%q) = %v, %v, nil; want an error", c.host, ip, ok)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseHostIP(%q) error %v", c.host, err)
			}
			if c.want == "" {
				if ok {
					t.Fatalf("parseHostIP(%q) = %v, want a host name", c.host, ip)
				}
				return
			}
			if !ok || ip.String() != c.want {
				t.Fatalf("parseHostIP(%q) = %v, %v; want %s", c.host, ip, ok, c.want)
			}
		})
	}
}
