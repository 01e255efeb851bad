package checker

import "testing"

// SetRecycle turns the recycling of released Documents' memory on or off
// for the test, and with poison has a released Document's memory
// overwritten.
func SetRecycle(t testing.TB, on, poison bool) {
	t.Helper()
	oldR, oldP := recycle, poisonReleased
	recycle, poisonReleased = on, poison
	t.Cleanup(func() { recycle, poisonReleased = oldR, oldP })
}
