package main

import "testing"

func TestGCSettings(t *testing.T) {
	const gib = 1 << 30
	tests := []struct {
		name        string
		env         map[string]string
		avail       int64
		wantPercent int
		wantLimit   int64
	}{
		{"defaults", nil, 8 * gib, gcPercent, 2 * gib},
		{"GOGC set keeps its value", map[string]string{"GOGC": "100"}, 8 * gib, 0, 2 * gib},
		{"GOGC off keeps its value", map[string]string{"GOGC": "off"}, 8 * gib, 0, 2 * gib},
		{"GOMEMLIMIT set keeps its value", map[string]string{"GOMEMLIMIT": "512MiB"}, 8 * gib, gcPercent, 0},
		{"both set", map[string]string{"GOGC": "200", "GOMEMLIMIT": "1GiB"}, 8 * gib, 0, 0},
		{"memory unknown: no limit", nil, 0, gcPercent, 0},
		{"little memory: the floor", nil, 100 << 20, gcPercent, minMemLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, l := gcSettings(func(k string) string { return tt.env[k] }, tt.avail)
			if p != tt.wantPercent || l != tt.wantLimit {
				t.Errorf("gcSettings = %d, %d; want %d, %d", p, l, tt.wantPercent, tt.wantLimit)
			}
		})
	}
}

func TestParseMemTotal(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"MemTotal:       16315716 kB\nMemFree:         1234 kB\n", 16315716 << 10},
		{"MemFree: 1 kB\nMemTotal: 2048 kB", 2048 << 10},
		{"MemTotal: 2048 MB\n", 0},
		{"MemTotal: lots kB\n", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := parseMemTotal(tt.in); got != tt.want {
			t.Errorf("parseMemTotal(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
