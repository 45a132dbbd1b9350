package filter_test

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/ibkit/ibkit/filter"
)

// filterJSON is Matcher.FilterJSON on a document in memory.
func filterJSON(m *filter.Matcher, doc []byte, now time.Time) ([]byte, []filter.Decision, error) {
	var out bytes.Buffer
	ds, err := m.FilterJSON(&out, bytes.NewReader(doc), now)
	if err != nil {
		return nil, nil, err
	}
	return out.Bytes(), ds, nil
}

func filterFile(m *filter.Matcher, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = m.FilterJSON(io.Discard, f, time.Time{})
	return err
}

// runtimeStats is the allocation counter of the runtime.
type runtimeStats struct{ total uint64 }

func (s *runtimeStats) read() {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	s.total = ms.TotalAlloc
}
