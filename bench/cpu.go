package main

import (
	"fmt"
	"runtime"
	"slices"
	"strings"

	"github.com/klauspost/cpuid/v2"
)

// CPU describes the machine a run was made on.
type CPU struct {
	Brand        string   `json:"brand"`
	Vendor       string   `json:"vendor"`
	Family       int      `json:"family"`
	Model        int      `json:"model"`
	Stepping     int      `json:"stepping"`
	LogicalCPUs  int      `json:"logical_cpus"` // runtime.NumCPU: what this process may use
	L1D          int      `json:"l1d_bytes"`    // -1 when unknown
	L2           int      `json:"l2_bytes"`
	L3           int      `json:"l3_bytes"`
	CacheLine    int      `json:"cache_line"`
	GOOS         string   `json:"goos"`
	GOARCH       string   `json:"goarch"`
	Features     []string `json:"features"` // every feature cpuid reports
	Hypervisor   bool     `json:"hypervisor"`
	FrequencyHz  int64    `json:"frequency_hz,omitempty"`
	X86Level     int      `json:"x86_level,omitempty"`
	ARM64Version string   `json:"arm64_version,omitempty"`
}

// describeCPU reads the CPU description from cpuid.
func describeCPU() CPU {
	c := cpuid.CPU
	d := CPU{
		Brand:       strings.TrimSpace(c.BrandName),
		Vendor:      c.VendorString,
		Family:      c.Family,
		Model:       c.Model,
		Stepping:    c.Stepping,
		LogicalCPUs: runtime.NumCPU(),
		L1D:         c.Cache.L1D,
		L2:          c.Cache.L2,
		L3:          c.Cache.L3,
		CacheLine:   c.CacheLine,
		GOOS:        runtime.GOOS,
		GOARCH:      runtime.GOARCH,
		Features:    c.FeatureSet(),
		Hypervisor:  c.VM(),
		FrequencyHz: c.Hz,
	}
	if runtime.GOARCH == "amd64" {
		d.X86Level = c.X64Level()
	}
	if runtime.GOARCH == "arm64" {
		d.ARM64Version = c.GOARM64()
	}
	if d.Brand == "" {
		d.Brand = "unknown " + runtime.GOARCH + " CPU"
	}
	return d
}

// kernelFeatures are the features that matter to lowbit's kernels, in the
// order they are printed.
var kernelFeatures = []string{
	"SSE42", "AVX", "AVX2", "FMA3", "F16C", "BMI2",
	"AVX512F", "AVX512BW", "AVX512VL", "AVX512DQ", "AVX512VNNI", "AVX512VBMI", "AVX512BF16", "AVXVNNI", "AVX512FP16",
	"ASIMD", "ASIMDDP", "ASIMDHP", "FPHP", "I8MM", "SVE", "SVE2",
}

// KernelFeatures returns the features of the CPU that lowbit's kernels can
// use, a short list for the report.
func (c CPU) KernelFeatures() []string {
	var out []string
	for _, f := range kernelFeatures {
		if slices.Contains(c.Features, f) {
			out = append(out, f)
		}
	}
	return out
}

// String is a one-line description of the CPU.
func (c CPU) String() string {
	s := fmt.Sprintf("%s (%s family %d model %d stepping %d), %d logical CPUs, %s/%s", c.Brand, c.Vendor, c.Family, c.Model, c.Stepping, c.LogicalCPUs, c.GOOS, c.GOARCH)
	if c.Hypervisor {
		s += ", virtual machine"
	}
	return s
}

// Caches describes the cache sizes.
func (c CPU) Caches() string {
	return fmt.Sprintf("L1d %s, L2 %s, L3 %s, line %d B", sizeOrUnknown(c.L1D), sizeOrUnknown(c.L2), sizeOrUnknown(c.L3), c.CacheLine)
}

func sizeOrUnknown(n int) string {
	if n <= 0 {
		return "unknown"
	}
	return byteSize(int64(n))
}

// byteSize formats a byte count in KiB/MiB/GiB.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20:
		if n%(1<<20) == 0 {
			return fmt.Sprintf("%d MiB", n>>20)
		}
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		if n%(1<<10) == 0 {
			return fmt.Sprintf("%d KiB", n>>10)
		}
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
