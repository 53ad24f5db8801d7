# The steps of IT's scripts (.ci/bootstrap, .ci/bootstrap-qbservice,
# .ci/bootstrap-local), sourced by each: a command's exit code decides, as
# in a script, and a failure shows what the program said. The sourcing
# script sets name (its name in messages), program (the program to run, as
# an array: the Linux binary or "wine …exe"), work (its temporary folder)
# and password.

fail() { echo "$name: FAIL: $*" >&2; exit 1; }
step() { echo "$name: $*"; }
# qbs runs the program; Windows programs end their lines with CR LF.
qbs() { "${program[@]}" "$@" 2>"$work/stderr" | tr -d '\r'; }
# with_password runs the program with the password on standard input.
with_password() { printf '%s\n' "$password" | qbs "$@"; }
expect_exit() { # WANT COMMAND...: the command's exit code is WANT
  local want=$1 rc=0
  shift
  "$@" >"$work/out" || rc=$?
  [ "$rc" = "$want" ] && return
  local said
  said="$(cat "$work/out") $(tr -d '\r' <"$work/stderr" 2>/dev/null)"
  # The program words every failure; silence means it did not run to its end.
  [ -n "${said// /}" ] || said="none at all: the program was ended from outside (under Wine: its wineserver went away)"
  fail "$(printf '%q ' "${@:2}"): exit $rc, want $want; output: $said"
}
