package lint

import "regexp/syntax"

// bytePattern matches the simplest patterns of the schema, such as a slug
// (^[a-z0-9][a-z0-9._-]*$), without the machinery of package regexp: the
// fast check matches ids of every objective and key result, and a Go
// regexp spends most of that time setting up. It is compiled from the
// pattern's text, so it only ever speeds up what the schema says.
type bytePattern struct {
	steps []byteStep
	end   bool // anchored at the end ($): nothing may follow the steps
}

// byteStep is an ASCII class repeated min to max times (max -1: any).
type byteStep struct {
	set      [2]uint64
	min, max int
}

func (s *byteStep) has(c byte) bool { return c < 128 && s.set[c/64]&(1<<(c%64)) != 0 }

// compileBytePattern compiles pattern, as Go's regexp reads it, when it is
// anchored at the start and is a sequence of ASCII classes or letters,
// each optional, repeated or starred, where a step that varies in length
// shares no byte with any step after it: then a byte it can take no later
// step can, and the greedy match is the only match. Anything else returns nil, and regexp
// decides.
func compileBytePattern(pattern string) *bytePattern {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText {
		return nil
	}
	// Simplify writes a repeat x{4} as a concatenation of its own.
	var subs []*syntax.Regexp
	var flatten func(rs []*syntax.Regexp)
	flatten = func(rs []*syntax.Regexp) {
		for _, r := range rs {
			if r.Op == syntax.OpConcat {
				flatten(r.Sub)
			} else {
				subs = append(subs, r)
			}
		}
	}
	flatten(re.Sub[1:])
	if len(subs) == 0 {
		return nil
	}
	p := &bytePattern{}
	if last := subs[len(subs)-1]; last.Op == syntax.OpEndText {
		p.end = true
		subs = subs[:len(subs)-1]
	}
	for _, sub := range subs {
		min, max := 1, 1
		switch sub.Op {
		case syntax.OpStar:
			min, max, sub = 0, -1, sub.Sub[0]
		case syntax.OpPlus:
			min, max, sub = 1, -1, sub.Sub[0]
		case syntax.OpQuest:
			min, max, sub = 0, 1, sub.Sub[0]
		case syntax.OpRepeat:
			min, max, sub = sub.Min, sub.Max, sub.Sub[0]
		}
		if sub.Flags&syntax.FoldCase != 0 {
			return nil
		}
		switch sub.Op {
		case syntax.OpLiteral:
			if (min != 1 || max != 1) && len(sub.Rune) != 1 {
				return nil
			}
			for _, r := range sub.Rune {
				step := byteStep{min: min, max: max}
				if !step.add(r, r) {
					return nil
				}
				p.steps = append(p.steps, step)
			}
		case syntax.OpCharClass:
			step := byteStep{min: min, max: max}
			for i := 0; i+1 < len(sub.Rune); i += 2 {
				if !step.add(sub.Rune[i], sub.Rune[i+1]) {
					return nil
				}
			}
			p.steps = append(p.steps, step)
		default:
			return nil
		}
	}
	for i, s := range p.steps {
		if s.min == s.max {
			continue
		}
		for _, later := range p.steps[i+1:] {
			if s.set[0]&later.set[0] != 0 || s.set[1]&later.set[1] != 0 {
				return nil
			}
		}
	}
	return p
}

// add puts the runes lo to hi in the class; false for a rune beyond ASCII.
func (s *byteStep) add(lo, hi rune) bool {
	if lo < 0 || hi >= 128 {
		return false
	}
	for r := lo; r <= hi; r++ {
		s.set[r/64] |= 1 << (r % 64)
	}
	return true
}

// MatchString reports whether s matches the pattern, as regexp would.
func (p *bytePattern) MatchString(s string) bool {
	i := 0
	for _, step := range p.steps {
		n := 0
		for i < len(s) && (step.max < 0 || n < step.max) && step.has(s[i]) {
			i++
			n++
		}
		if n < step.min {
			return false
		}
	}
	return !p.end || i == len(s)
}
