package sim

import (
	"math"
	"testing"
)

func benchSampler() *plSampler {
	n := 20
	m := &PlackettLuce{}
	for d := range n {
		m.logW = append(m.logW, math.Log(float64(n-d)))
		m.sd = append(m.sd, 0.3)
		m.alpha = append(m.alpha, 1)
		m.bet = append(m.bet, 9)
	}
	m.tables()
	return m.NewSampler().(*plSampler)
}

func BenchmarkDraw(b *testing.B) {
	s := benchSampler()
	g := NewGen(1, 1)
	s.Begin(g)
	for b.Loop() {
		s.draw(g)
	}
}

func BenchmarkBegin(b *testing.B) {
	s := benchSampler()
	g := NewGen(1, 1)
	for b.Loop() {
		s.Begin(g)
	}
}

func BenchmarkCum(b *testing.B) {
	s := benchSampler()
	g := NewGen(1, 1)
	s.Begin(g)
	for b.Loop() {
		s.buildCum()
	}
}
