package main

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/lowbit-ml/lowbit"
)

// reportVersion is the version of the JSON layout; -compare refuses others.
const reportVersion = 1

// Report is everything one run measured, as -json writes it.
type Report struct {
	Tool            string         `json:"tool"`
	Version         int            `json:"version"`
	Date            string         `json:"date"` // RFC 3339
	GoVersion       string         `json:"go_version"`
	CPU             CPU            `json:"cpu"`
	Implementations []ImplInfo     `json:"implementations"`
	Active          string         `json:"active"`
	Cols            int            `json:"cols,omitempty"`
	Bandwidth       []Bandwidth    `json:"bandwidth,omitempty"`     // before the kernel table
	BandwidthEnd    []Bandwidth    `json:"bandwidth_end,omitempty"` // after it
	FMAPeak         FMAPeak        `json:"fma_peak"`                // of the active implementation
	Kernels         []KernelResult `json:"kernels,omitempty"`
	Shapes          []ShapeResult  `json:"shapes,omitempty"`
	MiKV            []MiKVResult   `json:"mikv,omitempty"`
	Quality         *QualityReport `json:"quality,omitempty"`
	Tune            *TuneReport    `json:"tune,omitempty"`
}

// ImplInfo is one implementation this CPU runs.
type ImplInfo struct {
	Name string `json:"name"`
	// Accelerated of Pairs kernel/format pairs (every kernel family over
	// the default formats in groups of 64) run the implementation's own
	// code.
	Accelerated int `json:"accelerated"`
	Pairs       int `json:"pairs"`
}

// newReport describes this machine and build.
func newReport() *Report {
	rep := &Report{
		Tool:      "lowbit bench",
		Version:   reportVersion,
		Date:      time.Now().UTC().Format(time.RFC3339),
		GoVersion: runtime.Version(),
		CPU:       describeCPU(),
		Active:    lowbit.Active().Name(),
	}
	for _, im := range lowbit.Implementations() {
		info := ImplInfo{Name: im.Name()}
		for _, k := range lowbit.Kernels() {
			for _, f := range defaultFormats(64, false) {
				info.Pairs++
				if im.Accelerated(k, f) {
					info.Accelerated++
				}
			}
		}
		rep.Implementations = append(rep.Implementations, info)
	}
	return rep
}

// write saves the report as indented JSON.
func (r *Report) write(name string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append(b, '\n'), 0o644)
}

// readReport loads a report written by -json.
func readReport(name string) (*Report, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var r Report
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if r.Tool != "lowbit bench" || r.Version != reportVersion {
		return nil, fmt.Errorf("%s: not a lowbit bench report of version %d (tool %q, version %d)", name, reportVersion, r.Tool, r.Version)
	}
	return &r, nil
}
