package main

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lowbit-ml/lowbit"
	"github.com/lowbit-ml/lowbit/mikv"
)

// TuneReport is the result of -tune.
type TuneReport struct {
	Model     string      `json:"model"`
	Sequences int         `json:"sequences"`
	Length    int         `json:"length"`
	Prefill   int         `json:"prefill"`
	Budget    float64     `json:"budget"`
	Points    []TunePoint `json:"points"`   // every configuration evaluated
	Frontier  []int       `json:"frontier"` // indices into Points, by share
	// FrontierNoRotation is the frontier of the points without rotation
	// (Config.Rotation none): what the sweep finds without it.
	FrontierNoRotation []int       `json:"frontier_no_rotation"`
	Best               int         `json:"best"`   // index into Points of the recommendation; -1 if none fits
	Config             string      `json:"config"` // the recommendation as a Go literal
	Checks             []TuneCheck `json:"checks"`
	Seconds            float64     `json:"seconds"`     // wall clock
	CPUSecs            float64     `json:"cpu_seconds"` // CPU time of the process (0 if unknown)
	Workers            int         `json:"workers"`
	Stages             []string    `json:"stages"`
	Formats            []string    `json:"formats"`
}

// TunePoint is one configuration of the sweep.
type TunePoint struct {
	PolicyScore
	Kind  string `json:"kind"` // "uniform", "two-tier" (importance-aware) or "selection" (a baseline ranking)
	Stage string `json:"stage"`
	cfg   mikv.Config
}

// TuneCheck is one of the comparisons the tune prints: a difference of
// mean KL between two configurations and its standard error over the
// sequences (paired: both ran on the same sequences).
type TuneCheck struct {
	What      string  `json:"what"`
	A         string  `json:"a"`
	B         string  `json:"b"`
	KLA       float64 `json:"kl_a"`
	KLB       float64 `json:"kl_b"`
	Diff      float64 `json:"diff"` // KLB - KLA: positive when A is better
	DiffSE    float64 `json:"diff_std_err"`
	Satisfied bool    `json:"satisfied"` // Diff > DiffSE
}

// importanceAware reports whether a configuration ranks tokens by attention
// into two tiers.
func importanceAware(c mikv.Config) bool {
	return !c.Evict && c.Ratio > 0 && c.Ratio < 1 && (c.Selection == mikv.Accumulated || c.Selection == mikv.Normalized)
}

// tuneFormats returns the code formats the sweep tries, ordered by bits per
// value: widths 2-8, asymmetric and symmetric, in groups of g.
func tuneFormats(g int) []lowbit.Format {
	var fs []lowbit.Format
	for b := 2; b <= 8; b++ {
		fs = append(fs, lowbit.Quant(b, g), lowbit.SymQuant(b, g))
	}
	slices.SortStableFunc(fs, func(a, b lowbit.Format) int { return cmp.Compare(a.BitsPerValue(), b.BitsPerValue()) })
	return fs
}

// widen returns f with bits more bits (capped at 8), same group and
// symmetry.
func widen(f lowbit.Format, bits int) lowbit.Format {
	f.Bits = min(8, f.Bits+bits)
	return f
}

// tuner runs the staged sweep.
type tuner struct {
	e        *evalSet
	base     mikv.Config
	g        int
	quick    bool
	points   []TunePoint
	seen     map[string]bool
	progress io.Writer
}

// add evaluates the configurations not evaluated yet and records them.
func (t *tuner) add(stage string, kinds []string, names []string, cfgs []mikv.Config) error {
	var ns []string
	var cs []mikv.Config
	var ks []string
	for i, c := range cfgs {
		key := t.e.m.MiKVConfig(c).String() + fmt.Sprint(c.Important, c.Retained)
		if t.seen[key] {
			continue
		}
		t.seen[key] = true
		ns, cs, ks = append(ns, names[i]), append(cs, c), append(ks, kinds[i])
	}
	if len(cs) == 0 {
		return nil
	}
	fmt.Fprintf(t.progress, "bench: tune stage %q: %d configurations × %d sequences\n", stage, len(cs), len(t.e.seqs))
	scores, err := t.e.evaluate(ns, cs, t.progress)
	if err != nil {
		return err
	}
	for i, s := range scores {
		t.points = append(t.points, TunePoint{PolicyScore: s, Kind: ks[i], Stage: stage, cfg: cs[i]})
	}
	return nil
}

func (t *tuner) uniform(k, v lowbit.Format) mikv.Config {
	c := t.base
	c.Ratio = 0
	c.Retained = mikv.Tier{Key: k, Value: v}
	return c
}

func (t *tuner) twoTier(hi, lo mikv.Tier, r float64, sel mikv.Selection) mikv.Config {
	c := t.base
	c.Important, c.Retained, c.Ratio, c.Selection = hi, lo, r, sel
	return c
}

// describe names a configuration briefly: "uniform q5g8/q4g8",
// "q7g8/q6g8 over q5g8/q4g8 r=0.2 accumulated", "uniform q2g64/q2g64 no
// balancer hadamard+v".
func describe(c mikv.Config) string {
	var s string
	switch {
	case c.Evict:
		return fmt.Sprintf("H2O %s r=%g %s", c.Important, c.Ratio, c.Selection)
	case c.Ratio == 0:
		s = "uniform " + c.Retained.String()
	case c.Ratio == 1:
		return "full " + c.Important.String()
	default:
		s = fmt.Sprintf("%s over %s r=%g %s", c.Important, c.Retained, c.Ratio, c.Selection)
	}
	if c.Sinks > 0 {
		s += fmt.Sprintf(" sinks=%d", c.Sinks)
	}
	if !c.Balancer {
		s += " no balancer"
	}
	if c.Rotation.Kind != mikv.NoRotation {
		s += " " + c.Rotation.String()
	}
	return s
}

// withoutRotation returns the points' indices whose configurations do not
// rotate.
func withoutRotation(ps []TunePoint) []TunePoint {
	var out []TunePoint
	for _, p := range ps {
		if p.cfg.Rotation.Kind == mikv.NoRotation {
			out = append(out, p)
		}
	}
	return out
}

// frontier returns the indices of the points no other point beats on both
// memory and mean KL, ordered by share.
func frontier(ps []TunePoint) []int {
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c := cmp.Compare(ps[a].Share, ps[b].Share); c != 0 {
			return c
		}
		return cmp.Compare(ps[a].MeanKL, ps[b].MeanKL)
	})
	var out []int
	best := math.Inf(1)
	for _, i := range idx {
		if ps[i].MeanKL < best {
			out = append(out, i)
			best = ps[i].MeanKL
		}
	}
	return out
}

// pairedDiff returns mean(b - a) over sequences and its standard error.
func pairedDiff(a, b []float64) (diff, se float64) {
	d := make([]float64, len(a))
	for i := range a {
		d[i] = b[i] - a[i]
	}
	return mean(d), stdErr(d)
}

// runTune is -tune: the staged sweep, the frontier and the recommendation.
func runTune(o *options, rep *Report, w, progress io.Writer) error {
	if o.model == "" {
		return fmt.Errorf("-tune needs a checkpoint: -model FILE or LOWBIT_MODEL")
	}
	if !(o.budget > 0 && o.budget <= 2) {
		return fmt.Errorf("-budget %v: want a share of the fp16 cache in (0, 2]", o.budget)
	}
	start := time.Now()
	cpu0, _ := processCPUTime()
	nseq := o.seqs
	if nseq <= 0 {
		nseq = 8
		if o.quick {
			nseq = 3
		}
	}
	length := o.length
	if length <= 0 && o.quick {
		length = 256
	}
	e, err := newEvalSet(o.model, nseq, length, o.prefill, o.workers, progress)
	if err != nil {
		return err
	}
	d := e.m.HeadDim()
	g := min(d, 64)
	for g > 8 && d%g != 0 {
		g -= 8
	}
	t := &tuner{e: e, base: mikv.DefaultConfig(1, 1, 1, d), g: g, quick: o.quick, seen: map[string]bool{}, progress: progress}
	tr := &TuneReport{Model: baseName(o.model), Sequences: nseq, Length: len(e.seqs[0]), Prefill: e.prefill, Budget: o.budget}
	fs := tuneFormats(g)
	for _, f := range fs {
		tr.Formats = append(tr.Formats, f.String())
	}

	// Stage 1: uniform round-to-nearest, keys and values alike, keys one or
	// two bits wider, values one bit wider.
	var kinds, names []string
	var cfgs []mikv.Config
	addCfg := func(kind string, c mikv.Config) {
		kinds, names, cfgs = append(kinds, kind), append(names, describe(c)), append(cfgs, c)
	}
	for _, f := range fs {
		addCfg("uniform", t.uniform(f, f))
		if f.Bits < 8 {
			addCfg("uniform", t.uniform(widen(f, 1), f))
			if !o.quick {
				addCfg("uniform", t.uniform(f, widen(f, 1)))
			}
		}
		if f.Bits < 7 && !o.quick {
			addCfg("uniform", t.uniform(widen(f, 2), f))
		}
	}
	addCfg("full", t.twoTier(mikv.Tier{Key: lowbit.F16, Value: lowbit.F16}, mikv.Tier{Key: fs[0], Value: fs[0]}, 1, mikv.Accumulated))
	tr.Stages = append(tr.Stages, fmt.Sprintf("uniform: %d configurations", len(cfgs)))
	if err := t.add("uniform", kinds, names, cfgs); err != nil {
		return err
	}

	// Stage 2: two tiers over the uniform configurations on the uniform
	// frontier at or under the budget (the retained tier), the important
	// tier 1 to 3 bits wider per side, r on a grid and r chosen to land on
	// the budget, accumulated-attention selection.
	var uni []TunePoint
	for _, p := range t.points {
		if p.Kind == "uniform" {
			uni = append(uni, p)
		}
	}
	var bases []TunePoint
	for _, i := range frontier(uni) {
		if p := uni[i]; p.Share <= o.budget && p.Share >= o.budget*0.6 {
			bases = append(bases, p)
		}
	}
	maxBases, gaps, ratios := 6, []int{1, 2, 3}, []float64{0.1, 0.2, 0.3, 0.5}
	if o.quick {
		maxBases, gaps, ratios = 3, []int{1, 2}, []float64{0.2}
	}
	if len(bases) > maxBases { // the most accurate ones: those closest to the budget
		bases = bases[len(bases)-maxBases:]
	}
	kinds, names, cfgs = nil, nil, nil
	for _, b := range bases {
		lo := b.cfg.Retained
		for _, gap := range gaps {
			hi := mikv.Tier{Key: widen(lo.Key, gap), Value: widen(lo.Value, gap)}
			if hi == lo {
				continue
			}
			rs := slices.Clone(ratios)
			// The share is linear in r: r* puts the configuration on the budget.
			sHi, sLo := t.uniform(hi.Key, hi.Value).ShareOfF16(), t.uniform(lo.Key, lo.Value).ShareOfF16()
			if rStar := (o.budget - sLo) / (sHi - sLo); rStar > 0.02 && rStar < 0.98 {
				rs = append(rs, math.Floor(rStar*100)/100)
			}
			for _, r := range rs {
				addCfg("two-tier", t.twoTier(hi, lo, r, mikv.Accumulated))
			}
		}
	}
	// The paper's setting, for reference.
	paper := t.base
	paper.Retained = mikv.Tier{Key: lowbit.Quant(2, g), Value: lowbit.Quant(2, g)}
	addCfg("two-tier", paper)
	tr.Stages = append(tr.Stages, fmt.Sprintf("two-tier: %d configurations over %d uniform bases", len(cfgs), len(bases)))
	if err := t.add("two-tier", kinds, names, cfgs); err != nil {
		return err
	}

	// Stage 3: for the best importance-aware configurations within the
	// budget, the other rankings at equal tiers (normalized attention;
	// recency and random as baselines), the balancer off, and four
	// attention sinks.
	var aware []TunePoint
	for _, p := range t.points {
		if importanceAware(p.cfg) && p.Share <= o.budget {
			aware = append(aware, p)
		}
	}
	slices.SortStableFunc(aware, func(a, b TunePoint) int { return cmp.Compare(a.MeanKL, b.MeanKL) })
	kinds, names, cfgs = nil, nil, nil
	top := 2
	if o.quick {
		top = 1
	}
	for _, p := range aware[:min(top, len(aware))] {
		for _, sel := range []mikv.Selection{mikv.Normalized, mikv.Recency, mikv.Random} {
			c := p.cfg
			c.Selection = sel
			kind := "selection"
			if sel == mikv.Normalized {
				kind = "two-tier"
			}
			addCfg(kind, c)
		}
		c := p.cfg
		c.Balancer = false
		addCfg("two-tier", c)
		c = p.cfg
		c.Sinks = 4 // attention sinks always important
		addCfg("two-tier", c)
	}
	tr.Stages = append(tr.Stages, fmt.Sprintf("selection: %d configurations", len(cfgs)))
	if err := t.add("selection", kinds, names, cfgs); err != nil {
		return err
	}

	// Stage 4: rotation before quantization (keys and values) against and
	// with the balancer: for the uniform int2, int3 and int4
	// configurations (asymmetric, keys and values alike) and the best
	// importance-aware ones, Hadamard with the balancer, Hadamard alone,
	// neither, and (not with -quick) a random rotation with the balancer.
	kinds, names, cfgs = nil, nil, nil
	var rotBases []TunePoint
	for _, p := range t.points {
		for _, b := range []int{2, 3, 4} {
			f := lowbit.Quant(b, g)
			if p.cfg == t.uniform(f, f) {
				rotBases = append(rotBases, p)
			}
		}
	}
	rotBases = append(rotBases, aware[:min(top, len(aware))]...)
	had := mikv.Rotation{Kind: mikv.HadamardRotation, Values: true}
	for _, p := range rotBases {
		kind := p.Kind
		if kind == "selection" {
			kind = "two-tier"
		}
		c := p.cfg
		c.Rotation = had
		addCfg(kind, c)
		c.Balancer = false
		addCfg(kind, c)
		c.Rotation = mikv.Rotation{}
		addCfg(kind, c)
		if !o.quick {
			c = p.cfg
			c.Rotation = mikv.Rotation{Kind: mikv.RandomRotation, Values: true, Seed: 1}
			addCfg(kind, c)
		}
	}
	tr.Stages = append(tr.Stages, fmt.Sprintf("rotation: %d configurations", len(cfgs)))
	if err := t.add("rotation", kinds, names, cfgs); err != nil {
		return err
	}

	tr.Points = t.points
	tr.Frontier = frontier(t.points)
	plain := withoutRotation(t.points)
	for _, i := range frontier(plain) {
		tr.FrontierNoRotation = append(tr.FrontierNoRotation, slices.IndexFunc(t.points, func(p TunePoint) bool { return p.cfg == plain[i].cfg }))
	}
	tr.Best = -1
	for i, p := range t.points {
		if p.Share <= o.budget && (tr.Best < 0 || p.MeanKL < t.points[tr.Best].MeanKL) {
			tr.Best = i
		}
	}
	if tr.Best >= 0 {
		tr.Config = configLiteral(e.m.MiKVConfig(t.points[tr.Best].cfg))
	}
	tr.Checks = tuneChecks(t.points, tr.Frontier)
	tr.Seconds = time.Since(start).Seconds()
	if cpu, ok := processCPUTime(); ok {
		tr.CPUSecs = (cpu - cpu0).Seconds()
	}
	tr.Workers = e.workers
	rep.Tune = tr
	printTune(w, rep, tr)
	fmt.Fprintf(progress, "bench: done in %.0f s\n", tr.Seconds)
	return nil
}

// tuneChecks computes the two comparisons of the acceptance criteria: the
// best importance-aware frontier point against the best uniform
// configuration of no larger memory, and, at equal tiers, accumulated
// attention against recency and random selection.
func tuneChecks(ps []TunePoint, front []int) []TuneCheck {
	var checks []TuneCheck
	check := func(what string, a, b TunePoint) {
		d, se := pairedDiff(a.SeqKL, b.SeqKL)
		checks = append(checks, TuneCheck{What: what, A: a.Name, B: b.Name, KLA: a.MeanKL, KLB: b.MeanKL, Diff: d, DiffSE: se, Satisfied: d > se})
	}
	// Every importance-aware point on the frontier against the best uniform
	// configuration of no larger memory.
	for _, i := range front {
		p := ps[i]
		if !importanceAware(p.cfg) {
			continue
		}
		bu := -1
		for j, u := range ps {
			if u.Kind == "uniform" && u.Share <= p.Share+1e-9 && (bu < 0 || u.MeanKL < ps[bu].MeanKL) {
				bu = j
			}
		}
		if bu >= 0 {
			check("importance-aware frontier points vs the best uniform configuration of no larger memory", p, ps[bu])
		}
	}
	// Selection at equal tiers.
	for _, p := range ps {
		if p.Kind != "selection" {
			continue
		}
		for _, a := range ps {
			c := p.cfg
			c.Selection = mikv.Accumulated
			if a.cfg == c {
				check("attention-ranked (accumulated) vs baseline selection at equal tiers", a, p)
			}
		}
	}
	// Rotation (stage 4): each rotated configuration against the same
	// without rotation.
	for _, p := range ps {
		if p.cfg.Rotation.Kind == mikv.NoRotation {
			continue
		}
		for _, a := range ps {
			c := p.cfg
			c.Rotation = mikv.Rotation{}
			if a.cfg == c {
				check("rotation before quantization: the same configuration rotated (a) vs not (b)", p, a)
			}
		}
	}
	// The variants stage 3 measures for the best configurations: the
	// balancer off, attention sinks, each against the same configuration
	// with the balancer on and no sinks.
	for _, p := range ps {
		if p.cfg.Balancer && p.cfg.Sinks == 0 {
			continue
		}
		for _, a := range ps {
			c := p.cfg
			c.Balancer, c.Sinks = true, 0
			if a.cfg == c {
				check("the best configurations vs the same with the balancer off or attention sinks", a, p)
			}
		}
	}
	return checks
}

// rotationKinds names the rotation kinds' constants.
var rotationKinds = map[mikv.RotationKind]string{mikv.NoRotation: "NoRotation", mikv.HadamardRotation: "HadamardRotation", mikv.RandomRotation: "RandomRotation"}

// configLiteral writes c as a Go composite literal: every field that is
// not its zero value (found by reflection, so that fields mikv adds later
// are not lost), formats as lowbit constructors, the selection by name.
func configLiteral(c mikv.Config) string {
	format := func(x lowbit.Format) string {
		switch {
		case x.Bits == 16:
			return "lowbit.F16"
		case x.Bits == 32:
			return "lowbit.F32"
		case x.Symmetric:
			return fmt.Sprintf("lowbit.SymQuant(%d, %d)", x.Bits, x.Group)
		}
		return fmt.Sprintf("lowbit.Quant(%d, %d)", x.Bits, x.Group)
	}
	selections := map[mikv.Selection]string{mikv.Accumulated: "mikv.Accumulated", mikv.Normalized: "mikv.Normalized", mikv.Recency: "mikv.Recency", mikv.Random: "mikv.Random"}
	var b strings.Builder
	b.WriteString("mikv.Config{\n")
	v := reflect.ValueOf(c)
	for i := 0; i < v.NumField(); i++ {
		name, f := v.Type().Field(i).Name, v.Field(i)
		if f.IsZero() && name != "Selection" { // Accumulated is the zero Selection: say it anyway
			continue
		}
		var val string
		switch x := f.Interface().(type) {
		case mikv.Tier:
			val = fmt.Sprintf("mikv.Tier{Key: %s, Value: %s}", format(x.Key), format(x.Value))
		case mikv.Rotation:
			val = fmt.Sprintf("mikv.Rotation{Kind: mikv.%s, Values: %t, Seed: %d}", rotationKinds[x.Kind], x.Values, x.Seed)
		case mikv.Selection:
			val = selections[x]
			if val == "" {
				val = fmt.Sprintf("mikv.Selection(%d)", int(x))
			}
		case float64:
			val = strconv.FormatFloat(x, 'g', -1, 64)
		default:
			val = fmt.Sprint(x)
		}
		fmt.Fprintf(&b, "\t%-12s %s,\n", name+":", val)
	}
	b.WriteString("}")
	return b.String()
}

// printTune prints the frontier, the recommendation and the checks.
func printTune(w io.Writer, rep *Report, tr *TuneReport) {
	fmt.Fprintf(w, "lowbit bench -tune, %s, %s\nCPU: %s\n\n", rep.Date, rep.GoVersion, rep.CPU)
	fmt.Fprintf(w, `Cache configurations on %s: %d of the model's own samples from BOS
(seeds 1-%d), %d tokens each, teacher-forced (a %d-token prompt by Prefill,
then Decode). Mean KL(exact || cache) of the next-token distributions in
nats ± standard error over sequences; share: the cache's codes, scales and
mins as a share of an fp16 cache. %d configurations in %s (%s).

Pareto frontier (no configuration is both smaller and better):
`, tr.Model, tr.Sequences, tr.Sequences, tr.Length, tr.Prefill, len(tr.Points), runTime(tr.Seconds, tr.CPUSecs, tr.Workers), strings.Join(tr.Stages, "; "))
	frontier := func(points []int) {
		fmt.Fprintf(w, "  %6s  %-17s %8s %6s   %s\n", "share", "mean KL ± s.e.", "p95 KL", "top-1", "configuration (* importance-aware)")
		for _, i := range points {
			p := tr.Points[i]
			mark := " "
			if importanceAware(p.cfg) {
				mark = "*"
			}
			fmt.Fprintf(w, "  %5.1f%%  %7.4f ± %-7.4f %8.4f %6.3f %s %s\n", 100*p.Share, p.MeanKL, p.KLStdErr, p.P95KL, p.Top1, mark, p.Name)
		}
	}
	frontier(tr.Frontier)
	if len(tr.FrontierNoRotation) > 0 {
		fmt.Fprintf(w, "\nPareto frontier without rotation (Config.Rotation none):\n")
		frontier(tr.FrontierNoRotation)
	}
	if tr.Best < 0 {
		fmt.Fprintf(w, "\nNo configuration fits a budget of %.0f%% of fp16.\n", 100*tr.Budget)
	} else {
		p := tr.Points[tr.Best]
		fmt.Fprintf(w, "\nBest at or under %.0f%% of fp16: %s (%.1f%%, mean KL %.4f ± %.4f). As a mikv.Config:\n\n%s\n",
			100*tr.Budget, p.Name, 100*p.Share, p.MeanKL, p.KLStdErr, tr.Config)
	}
	printChecks(w, tr.Checks)
}

// printChecks prints the paired comparisons, one table per question, with
// the name columns as wide as the longest name.
func printChecks(w io.Writer, checks []TuneCheck) {
	if len(checks) == 0 {
		return
	}
	wa, wb := 1, 1
	for _, c := range checks {
		wa, wb = max(wa, len([]rune(c.A))), max(wb, len([]rune(c.B)))
	}
	fmt.Fprintf(w, "\nComparisons, paired over the sequences: d = KL(b) - KL(a) ± its standard error (d > s.e.: a is better by more than its error).\n")
	last := ""
	for _, c := range checks {
		if c.What != last {
			fmt.Fprintf(w, "\n%s\n  %-*s %7s   %-*s %7s   %s\n", c.What, wa, "a", "KL", wb, "b", "KL", "d ± s.e.")
			last = c.What
		}
		ok := "yes"
		if !c.Satisfied {
			ok = "NO"
		}
		fmt.Fprintf(w, "  %-*s %7.4f   %-*s %7.4f   %+.4f ± %.4f %s\n", wa, c.A, c.KLA, wb, c.B, c.KLB, c.Diff, c.DiffSE, ok)
	}
}

// runTime describes how long a run took: wall clock, and CPU time when
// known (on a shared machine the wall clock overstates the cost).
func runTime(wall, cpu float64, workers int) string {
	if cpu <= 0 {
		return fmt.Sprintf("%.0f s with %d workers", wall, workers)
	}
	return fmt.Sprintf("%.0f s wall, %.0f s CPU, %d workers", wall, cpu, workers)
}
