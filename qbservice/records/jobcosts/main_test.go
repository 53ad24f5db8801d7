package jobcosts_test

import (
	"testing"

	"qbsettings/internal/testkeys"
)

func TestMain(m *testing.M) { testkeys.Main(m) }
