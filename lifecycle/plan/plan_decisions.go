package plan

import "github.com/ibkit/ibkit/lifecycle"

// decisionOrder lists the lifecycle decisions in the order of the
// specification's table: L-1 … L-30, then L-P1 … L-P9. Plan records list
// their decisions in this order. It is a read-only table.
var decisionOrder = [...]lifecycle.Decision{
	"L-1", "L-2", "L-3", "L-4", "L-5", "L-6", "L-7", "L-8", "L-9", "L-10",
	"L-11", "L-12", "L-13", "L-14", "L-15", "L-16", "L-17", "L-18", "L-19", "L-20",
	"L-21", "L-22", "L-23", "L-24", "L-25", "L-26", "L-27", "L-28", "L-29", "L-30",
	"L-P1", "L-P2", "L-P3", "L-P4", "L-P5", "L-P6", "L-P7", "L-P8", "L-P9",
}

// decisionSet is a set of decisions, one bit per entry of decisionOrder.
type decisionSet uint64

// The bits of the decisions the engine flags.
const (
	flagL1 decisionSet = 1 << iota
	flagL2
	flagL3
	flagL4
	flagL5
	flagL6
	flagL7
	flagL8
	flagL9
	flagL10
	flagL11
	flagL12
	flagL13
	flagL14
	flagL15
	flagL16
	flagL17
	flagL18
	flagL19
	flagL20
	flagL21
	flagL22
	flagL23
	flagL24
	flagL25
	flagL26
	flagL27
	flagL28
	flagL29
	flagL30
	flagLP1
	flagLP2
	flagLP3
	flagLP4
	flagLP5
	flagLP6
	flagLP7
	flagLP8
	flagLP9
)

// count returns the number of decisions in s.
func (s decisionSet) count() int {
	n := 0
	for ; s != 0; s &= s - 1 {
		n++
	}
	return n
}

// appendTo appends the decisions of s to dst in table order.
func (s decisionSet) appendTo(dst []lifecycle.Decision) []lifecycle.Decision {
	for i := 0; s != 0 && i < len(decisionOrder); i++ {
		if s&(1<<i) != 0 {
			dst = append(dst, decisionOrder[i])
			s &^= 1 << i
		}
	}
	return dst
}

// decisionArena hands out small decision slices carved from one backing
// array, so that a plan with many flagged records makes few allocations.
// Each slice has its capacity clipped to its length: appending to one never
// writes into another.
type decisionArena struct {
	buf []lifecycle.Decision
}

// slice returns the decisions of s in table order, nil when s is empty.
func (a *decisionArena) slice(s decisionSet) []lifecycle.Decision {
	n := s.count()
	if n == 0 {
		return nil
	}
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]lifecycle.Decision, 0, max(256, n))
	}
	start := len(a.buf)
	a.buf = s.appendTo(a.buf)
	return a.buf[start:len(a.buf):len(a.buf)]
}
