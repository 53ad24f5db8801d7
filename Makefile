# make run   sets up what is missing, builds the app and starts it.
# make test  sets up what is missing and runs every test, headless.
# Both work as root on a fresh Debian 12 machine and skip what is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

WAILS_VERSION := v2.16.0
# Debian 12 ships WebKitGTK 4.1; Wails needs the tag to link against it.
TAGS := webkit2_41
# libxml2-utils: xmllint checks the QuickBooks service's qbXML against
# Intuit's schema.
APT_PACKAGES := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev \
	xvfb xauth xdotool imagemagick dbus dbus-x11 gnome-keyring libsecret-tools sqlite3 \
	libxml2-utils

export PATH := /usr/local/go/bin:$(shell go env GOPATH 2>/dev/null || echo $(HOME)/go)/bin:$(PATH)
WAILS := wails
BINARY := build/bin/qbsettings
# The product version, from wails.json, into the binary (qbsettings --version).
VERSION := $(shell grep -oP '"productVersion":\s*"\K[^"]+' wails.json)
VERSION_FLAGS := -ldflags "-X main.version=$(VERSION)"

.PHONY: check-setup catalogs test-bootstrap golangci-lint soak fuzz print-apt-packages measure measure-service measure-sync measure-exports measure-jobcosts e2e screenshots simulator demo apt-windows wine-prefix test-windows windows test-installer run test deps apt wails-cli npm-deps frontend bindings build lint test-go test-frontend smoke clean

## Set-up --------------------------------------------------------------------

deps: apt wails-cli npm-deps

# install_missing installs the Debian packages of $(1) that are not there yet.
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

apt:
	$(call install_missing,$(APT_PACKAGES))

# Every Debian package the set-up installs, for .ci/check-setup.
print-apt-packages:
	@echo $(APT_PACKAGES) $(E2E_APT) $(WINDOWS_APT) $(MEASURE_APT)

# (The version is read whole before it is compared: grep -q would stop
# reading early, and pipefail would take the writer's broken pipe for a
# missing tool.)
wails-cli:
	@v=$$($(WAILS) version 2>/dev/null || true); case "$$v" in "$(WAILS_VERSION)"*) ;; *) \
	  echo "Installing the Wails CLI $(WAILS_VERSION)"; \
	  go install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION);; esac

npm-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## Build ---------------------------------------------------------------------

# The TypeScript bindings (frontend/wailsjs) are generated from the Go types
# and not committed, so the frontend is always type-checked against the Go
# it talks to; fields.json beside them is the settings' description, for
# the frontend's tests (the app asks Go for it). Generating compiles package main, which embeds frontend/dist:
# until the first frontend build, a placeholder page stands in.
bindings: wails-cli
	@[ -n "$$(ls -A frontend/dist 2>/dev/null)" ] || { mkdir -p frontend/dist; \
	  echo '<!doctype html><title>placeholder until the frontend is built</title>' >frontend/dist/index.html; }
	$(WAILS) generate module -tags $(TAGS) >/dev/null
	go run ./internal/cmd/fields-json >frontend/wailsjs/fields.json

# The message catalogs in step with the Go code: unused messages removed,
# new ones added with their US words (listed, to be worded for each locale).
catalogs:
	go run ./internal/cmd/catalogs

# The frontend comes before every Go build and test: Go embeds frontend/dist.
frontend: npm-deps bindings
	cd frontend && npm run --silent build

build: deps frontend
	$(WAILS) build -tags $(TAGS) -s -trimpath $(VERSION_FLAGS) >/dev/null
	@echo "Built $(BINARY)"

# The project's QuickBooks service simulator: http://127.0.0.1:8765 and
# https://127.0.0.1:8766 (self-signed), user demo, password demo-password.
SIMULATOR := build/bin/qbsim
$(SIMULATOR): $(shell find backend internal -name '*.go' -not -name '*_test.go') go.mod
	go build -trimpath -o $@ ./internal/cmd/qbsim

simulator: $(SIMULATOR)
	./$(SIMULATOR) $(SIMULATOR_FLAGS)

# The QuickBooks service and the app together, with fresh data folders:
# the whole flow in one command. The service runs as it does on the
# QuickBooks PC; the emulated Web Connector, added from the service's .qwc
# file, calls it every 5 seconds with QuickBooks behind it. Enter
# http://localhost:8780, demo, demo-password-1 in the app.
QBSERVICE := build/bin/qbservice
$(QBSERVICE): $(shell find backend qbservice cmd internal -name '*.go' -not -name '*_test.go') go.mod
	go build -trimpath -o $@ ./cmd/qbservice
QBWCEMU := build/bin/qbwcemu
$(QBWCEMU): $(shell find backend qbservice internal -name '*.go' -not -name '*_test.go') go.mod
	go build -trimpath -o $@ ./internal/cmd/qbwcemu
PROCOREEMU := build/bin/procoreemu
$(PROCOREEMU): $(shell find internal/procoreemu internal/cmd/procoreemu -name '*.go' -not -name '*_test.go') go.mod
	go build -trimpath -o $@ ./internal/cmd/procoreemu

# The app, the QuickBooks service, the emulated Web Connector and an
# emulated Procore company (internal/cmd/demo) whose scripted user sends a
# vendors refresh and a vendor's export: README.md says what to see.
demo: build $(QBSERVICE) $(QBWCEMU)
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display: start make demo from a desktop session (or set DISPLAY)."; exit 1; fi
	@./$(QBSERVICE) stop # make run's, which holds localhost:8780
	@data=$$(mktemp -d); trap 'kill $$(jobs -p) 2>/dev/null; rm -rf "$$data"' EXIT; \
	echo demo-password-1 | ./$(QBSERVICE) account set -data "$$data/service" demo; \
	./$(QBSERVICE) qwc -user demo -name "Summit Ridge Builders (demo)" >"$$data/demo.qwc"; \
	./$(QBSERVICE) serve -data "$$data/service" -poll 5s -public-url https://relay.demo/procore/events 2>"$$data/service.log" & \
	until (exec 3<>/dev/tcp/127.0.0.1/8780) 2>/dev/null; do sleep 0.2; done; \
	echo demo-password-1 | ./$(QBWCEMU) -qwc "$$data/demo.qwc" -every 5s 2>"$$data/webconnector.log" & \
	echo demo-password-1 | go run ./internal/cmd/demo -service http://localhost:8780 -user demo -relay relay.demo & \
	echo "Demo data folder: $$data. Service URL http://localhost:8780, user demo, password demo-password-1."; \
	QBSETTINGS_DATA_DIR=$$data/app ./$(BINARY)

# The app, with the QuickBooks service beside it started as the Windows
# installer starts it: the one running from an earlier build is stopped and
# this one started, on its own data folder, listening on localhost:8780; it
# keeps running after the window closes, as it does from a Windows logon.
run: build $(QBSERVICE)
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "No display: start make run from a desktop session (or set DISPLAY)."; exit 1; fi
	@./$(QBSERVICE) stop >/dev/null
	@setsid -f ./$(QBSERVICE) serve >/dev/null 2>&1
	@echo "The QuickBooks service runs at http://localhost:8780 until: $(QBSERVICE) stop"
	./$(BINARY)

## Tests ---------------------------------------------------------------------

test: deps frontend lint test-frontend test-go test-bootstrap smoke e2e test-windows test-installer check-setup
	@echo "All tests passed."

# Last, once every set-up step has installed its packages: every program
# the targets and scripts call is then on the machine, so none is skipped.
check-setup:
	.ci/check-setup

# Go: gofmt, go vet and golangci-lint (its set and why in .golangci.yml);
# the frontend: ESLint (typescript-eslint, react-hooks) and Prettier's
# formatting; tsc runs in the frontend build.
GOLANGCI_LINT_VERSION := v2.15.0
golangci-lint:
	@v=$$(golangci-lint version 2>/dev/null || true); case "$$v" in *"version $(GOLANGCI_LINT_VERSION:v%=%) "*) ;; *) \
	  echo "Installing golangci-lint $(GOLANGCI_LINT_VERSION)"; \
	  go install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION);; esac

lint: frontend golangci-lint
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	go vet -tags $(TAGS) ./...
	golangci-lint run ./...
	cd frontend && npx --no-install eslint --max-warnings 0 . && npx --no-install prettier --check --log-level warn .

test-frontend: frontend
	cd frontend && npx --no-install vitest run

# Go tests run against a real Secret Service in a private D-Bus session,
# under the race detector (the keychain's timeouts, cancellable operations,
# the client and the app service all use goroutines). The fuzz targets'
# seeds run here as ordinary tests.
test-go: frontend
	.ci/with-keyring go test -race -tags $(TAGS) -count=1 ./...

# The real executable's password set killed at random moments: make test
# runs 100 kills (in test-go), make soak 1,000.
SOAK_RUNS ?= 1000
soak: frontend
	QBSETTINGS_KILL_RUNS=$(SOAK_RUNS) .ci/with-keyring go test -tags $(TAGS) -count=1 -v \
	  -run '^TestPasswordSetKilledAtRandomMoments$$' ./tests/program | grep -v '^=== RUN'

# Every fuzz target for FUZZTIME (default 1m); the figures go to docs/fuzzing.md.
FUZZTIME ?= 1m
fuzz: frontend
	FUZZTIME=$(FUZZTIME) .ci/fuzz

# IT's fresh-PC script with the built program: an empty data folder to
# Connected, with no window (README, Command line for IT).
test-bootstrap: build $(SIMULATOR) $(QBSERVICE) $(QBWCEMU)
	@data=$$(mktemp -d); trap 'rm -rf "$$data"' EXIT; \
	QBSETTINGS_DATA_DIR=$$data .ci/with-keyring .ci/bootstrap $(SIMULATOR) -- $(BINARY)
	@data=$$(mktemp -d); trap 'rm -rf "$$data"' EXIT; \
	QBSETTINGS_DATA_DIR=$$data .ci/with-keyring .ci/bootstrap-qbservice $(QBSERVICE) $(QBWCEMU) -- $(BINARY)
	@data=$$(mktemp -d); trap 'rm -rf "$$data"' EXIT; \
	QBSETTINGS_DATA_DIR=$$data .ci/with-keyring .ci/bootstrap-local $(QBWCEMU) -- $(BINARY)

# The real binary in a real window under Xvfb.
smoke: build $(SIMULATOR)
	.ci/with-keyring .ci/smoke $(BINARY) $(SIMULATOR)

# The journeys in Chromium against the real backend: a dev build of the app
# serves the production frontend (frontend/dist) with live Go bindings.
E2E_APT := chromium
DEV_BINARY := build/bin/qbsettings-dev
$(DEV_BINARY): frontend
	go build -tags dev,$(TAGS) -o $@ .

e2e: deps frontend $(DEV_BINARY) $(SIMULATOR) $(QBSERVICE) $(QBWCEMU) $(PROCOREEMU)
	$(call install_missing,$(E2E_APT))
	rm -rf .artifacts/screens
	.ci/with-keyring xvfb-run -a -s "-screen 0 1280x1000x24" sh -c 'cd frontend && npx --no-install playwright test'

# Start-up time, memory and their ratios to the bare Wails template (built
# here by the pinned CLI), the picker's keystrokes in Chromium, sizes and
# Go benchmarks, written to docs/performance.md.
measure: build windows $(DEV_BINARY) $(SIMULATOR) measure-service measure-sync measure-exports measure-jobcosts
	$(call install_missing,$(E2E_APT))
	.ci/with-keyring .ci/measure

# A refresh of 10,000 to 100,000 items through the built QuickBooks
# service, from the emulated Web Connector: its time, CPU and memory, the
# list read back, with an anchor measured in the same run; and the
# refresh's pages read by the service's decoder beside PHP's (SimpleXML,
# and consolibyte/quickbooks-php's parser when CONSOLIBYTE names a copy of
# it: its code is not kept here), written to docs/performance.md. PHP is
# installed here, for the measurements alone: make test has none.
MEASURE_APT := php8.2-cli php8.2-xml

# Refresh Vendors List over 2,500 to 20,000 QuickBooks vendors through the
# built service, the emulated Web Connector and the emulated Procore: the
# service's CPU and memory, the calls to Procore and their 429s, beside an
# anchor measured in the same run, written to docs/performance.md. The
# service keeps Procore's secret in a keychain: a private one here.
measure-sync: apt
	go build -o build/bin/qbservice ./cmd/qbservice
	.ci/with-keyring go run ./internal/cmd/qbservicebench -service build/bin/qbservice -sync 2500,5000,10000,20000 -out docs/performance.md

# A project's subcontract of 2,000 lines, a change order adding 200 lines
# to it and 500 subcontractor invoices on it exported through the built service, the emulated Web Connector and
# the emulated Procore: the service's CPU beside the total and the Web
# Connector's round trips, and its memory, written to docs/performance.md.
measure-exports:
	go build -o build/bin/qbservice ./cmd/qbservice
	.ci/with-keyring go run ./internal/cmd/qbservicebench -service build/bin/qbservice -exports 2000/200/500 -out docs/performance.md

# A project's job costs read twice from a company file of 20,000 bills
# through the built service: every bill the first time, the few changed
# the second; the service's CPU, requests and memory, written to
# docs/performance.md.
measure-jobcosts:
	go build -o build/bin/qbservice ./cmd/qbservice
	.ci/with-keyring go run ./internal/cmd/qbservicebench -service build/bin/qbservice -jobcosts 20000 -out docs/performance.md

measure-service:
	$(call install_missing,$(MEASURE_APT))
	go build -o build/bin/qbservice ./cmd/qbservice
	go run ./internal/cmd/qbservicebench -service build/bin/qbservice -consolibyte "$(CONSOLIBYTE)" -out docs/performance.md

# The screenshots in docs/, from the e2e run's screens of each state.
screenshots: e2e
	cp .artifacts/screens/first-run.png docs/screenshot-first-run.png
	cp .artifacts/screens/connected.png docs/screenshot.png
	cp .artifacts/screens/history.png docs/screenshot-history.png
	cp .artifacts/screens/update-refused.png docs/screenshot-errors.png
	cp .artifacts/screens/dark-first-run.png docs/screenshot-dark.png
	cp .artifacts/screens/certificate.png docs/screenshot-certificate.png
	cp .artifacts/screens/local-steps.png docs/screenshot-local-service.png
	cp .artifacts/screens/procore-connected.png docs/screenshot-procore.png
	cp .artifacts/screens/procore-commitment-activity.png docs/screenshot-activity.png
	cp .artifacts/screens/procore-setting-effects.png docs/screenshot-effects.png

## Windows -------------------------------------------------------------------

# Windows builds and tests are made on Linux: mingw-w64 compiles the cgo
# parts (SQLite), NSIS makes the installer, osslsigncode signs, and Wine runs
# the Windows tests against Windows' own APIs.
WINDOWS_APT := gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 binutils-mingw-w64-x86-64 \
	nsis wine wine64 osslsigncode openssl
WIN_GO := GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++
WINE_DIR := $(CURDIR)/build/wine
# No Mono or Gecko: the prefix would ask to download them.
WINE_ENV := WINEPREFIX=$(WINE_DIR)/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
# Every Go package with tests runs under Wine against Windows' own APIs
# (Credential Manager, Windows paths, sockets, TLS, the console), listed by
# go list so that a new package joins by itself. Left out of this run:
# backend/locale runs on its own below, with the Windows user locale set;
# tests/program builds the program with the Go toolchain, which Wine has
# not (test-installer proves the installed program under Wine: installed,
# then IT's whole script).
WINDOWS_LIST_TESTED := $(WIN_GO) go list -e -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... | \
	grep -v -x -e qbsettings/backend/locale -e qbsettings/tests/program

apt-windows:
	$(call install_missing,$(WINDOWS_APT))

# A Wine prefix of our own, as Windows 10, with the ProcessPrng stand-in
# that Go programs need and Wine 8 lacks (.ci/windows/bcryptprimitives.c).
wine-prefix: apt-windows $(WINE_DIR)/prefix/.ready

$(WINE_DIR)/prefix/.ready: .ci/windows/bcryptprimitives.c .ci/windows/bcryptprimitives.def
	rm -rf $(WINE_DIR)/prefix
	mkdir -p $(WINE_DIR)
	x86_64-w64-mingw32-gcc -shared -O2 -o $(WINE_DIR)/bcryptprimitives.dll $^ -lbcrypt
	$(WINE_ENV) wineboot -i >/dev/null 2>&1
	$(WINE_ENV) winecfg -v win10 >/dev/null 2>&1
	cp $(WINE_DIR)/bcryptprimitives.dll $(WINE_DIR)/prefix/drive_c/windows/system32/
	$(WINE_ENV) wineserver -w
	touch $@

# Signing: a real certificate when QBSETTINGS_SIGN_PFX (and
# QBSETTINGS_SIGN_PASSWORD) name one, otherwise a throwaway test certificate
# made in build/signing/ and never committed.
SIGN_DIR := $(CURDIR)/build/signing
ifeq ($(QBSETTINGS_SIGN_PFX),)
export QBSETTINGS_SIGN_PFX := $(SIGN_DIR)/test.pfx
export QBSETTINGS_SIGN_PASSWORD_FILE := $(SIGN_DIR)/password
export QBSETTINGS_SIGN_CA := $(SIGN_DIR)/test.crt
endif

# build/bin/qbsettings.exe and build/bin/qbsettings-amd64-installer.exe,
# signed: the exe before it goes into the installer, the uninstaller and
# the installer as NSIS writes them (build/windows/installer/project.nsi).
# The QuickBooks service (qbservice.exe) goes beside the app: no console
# window of its own (it starts at logon), version information like the
# app's. It is built first: wails's own pass over project.nsi packs it too.
windows: apt-windows deps frontend
	@[ -f "$(QBSETTINGS_SIGN_PFX)" ] || .ci/windows/test-certificate $(SIGN_DIR)
	.ci/windows/service-resource cmd/qbservice/version_windows_amd64.syso
	$(WIN_GO) go build -trimpath -ldflags "-H windowsgui -s -X main.version=$(VERSION)" -o build/bin/qbservice.exe ./cmd/qbservice; \
	  status=$$?; rm -f cmd/qbservice/version_windows_amd64.syso; exit $$status
	.ci/windows/sign build/bin/qbservice.exe
	$(WIN_GO) $(WAILS) build -platform windows/amd64 -s -trimpath -nsis $(VERSION_FLAGS) >/dev/null
	.ci/windows/sign build/bin/qbsettings.exe
	makensis -V2 -DARG_WAILS_AMD64_BINARY=$(CURDIR)/build/bin/qbsettings.exe \
	  -DARG_QBSERVICE_BINARY=$(CURDIR)/build/bin/qbservice.exe \
	  -DQBS_SIGN=$(CURDIR)/.ci/windows/sign build/windows/installer/project.nsi
	.ci/windows/check-exe build/bin/qbsettings.exe build/bin/qbservice.exe build/bin/qbsettings-amd64-installer.exe

# The Windows tests, cross-compiled and run under Wine, one package at a
# time: Wine's Credential Manager lists credentials by their place in its
# registry, so one process's deletes make another's listing skip some
# (seen: RemoveAll finding 0 of 3 while another package removed its own).
test-windows: wine-prefix
	$(WIN_GO) go build -o $(WINE_DIR)/qbservice-test.exe ./cmd/qbservice
	pkgs=$$($(WINDOWS_LIST_TESTED)); [ -n "$$pkgs" ]; \
	$(WINE_ENV) QBSETTINGS_KEYRING_TESTS=1 QBSETTINGS_TEST_QBSERVICE='Z:$(WINE_DIR)/qbservice-test.exe' \
	  $(WIN_GO) go test -exec wine -count=1 -p 1 $$pkgs
	$(WINE_ENV) wineserver -k 2>/dev/null || true
	# The Windows user locale decides the app's English (Wine takes it from LANG).
	$(WINE_ENV) LC_ALL=en_GB.UTF-8 LANG=en_GB.UTF-8 QBSETTINGS_WANT_LOCALE=en-GB $(WIN_GO) go test -exec wine -count=1 ./backend/locale
	$(WINE_ENV) wineserver -k 2>/dev/null || true

# The installer under Wine: silent install, upgrade and uninstall, the
# service beside the app, and IT's scripts with the installed program.
test-installer: windows wine-prefix $(SIMULATOR) $(QBWCEMU)
	$(WINE_ENV) .ci/windows/test-installer build/bin/qbsettings-amd64-installer.exe $(SIMULATOR) $(QBWCEMU)
	$(WINE_ENV) wineserver -k 2>/dev/null || true

clean:
	rm -rf build/bin build/wine frontend/dist .artifacts
