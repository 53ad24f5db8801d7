package main

import (
	"os"
	"testing"

	"qbsettings/internal/testkeys"
)

func TestMain(m *testing.M) {
	testkeys.Isolate()
	os.Exit(m.Run())
}
