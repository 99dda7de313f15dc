package sim

import (
	"fmt"
	"sync/atomic"
	"testing"
)

// forEach returns the first error by index, whatever the workers, and
// starts no more jobs once one has failed.
func TestForEachFirstError(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		for rep := range 50 {
			var ran atomic.Int64
			err := forEach(1000, workers, nil, func(i int) error {
				ran.Add(1)
				if i == 3 || i == 5 || i >= 7 {
					return fmt.Errorf("job %d", i)
				}
				return nil
			})
			if err == nil || err.Error() != "job 3" {
				t.Fatalf("workers %d rep %d: error %v, want job 3", workers, rep, err)
			}
			if n := ran.Load(); n > int64(10+workers) {
				t.Errorf("workers %d: %d jobs ran after the first failure at 3", workers, n)
			}
		}
	}
	if err := forEach(10, 2, nil, func(int) error { return nil }); err != nil {
		t.Fatal(err)
	}
}
