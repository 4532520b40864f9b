package lint

import (
	"fmt"

	"github.com/okrctl/okrctl/pkg/okr"
)

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
