package lint

import (
	"fmt"

	"github.com/okrctl/okrctl/pkg/okr"
)

func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func bounds(lo, hi int) string {
	if lo == hi {
		return fmt.Sprint(lo)
	}
	return fmt.Sprintf("%d to %d", lo, hi)
}

// krName names a key result in a message: its id, else its position.
func krName(kr *okr.KeyResult, i int) string {
	if kr.ID != "" {
		return fmt.Sprintf("key result %q", kr.ID)
	}
	return fmt.Sprintf("key result %d", i+1)
}
