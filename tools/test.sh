#!/usr/bin/env bash
# test.sh — builds Tributary (release and ASan/UBSan) and runs every test:
# doctest unit tests and the differential script suite, under both builds.
# Ends with one line "N passed, M failed" (unit test cases + script runs).
set -uo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh || exit 1
passed=0
failed=0

count_unit() { # parses doctest's summary line
  local out=$1 p f
  p=$(grep -E '^\[doctest\] test cases:' <<<"$out" | sed -E 's/.*\| *([0-9]+) passed.*/\1/')
  f=$(grep -E '^\[doctest\] test cases:' <<<"$out" | sed -E 's/.*\| *([0-9]+) failed.*/\1/')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-1}))
}
count_scripts() { # parses run_scripts.py's closing line
  local out=$1 line
  line=$(tail -n 1 <<<"$out")
  if [[ $line =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
  else
    failed=$((failed + 1))
  fi
}

count_pyunit() { # parses python -m unittest's "Ran N tests" and "FAILED (...)" lines
  local out=$1 ran bad=0 skipped=0 n
  ran=$(grep -E '^Ran [0-9]+ tests?' <<<"$out" | sed -E 's/^Ran ([0-9]+).*/\1/')
  if [[ -z $ran ]]; then failed=$((failed + 1)); return; fi
  for n in $(grep -E '^FAILED' <<<"$out" | grep -oE '(failures|errors)=[0-9]+' | cut -d= -f2); do
    bad=$((bad + n))
  done
  for n in $(grep -E '^(OK|FAILED)' <<<"$out" | grep -oE 'skipped=[0-9]+' | cut -d= -f2); do
    skipped=$((skipped + n))
  done
  passed=$((passed + ran - bad - skipped))
  failed=$((failed + bad))
}

run_suite() { # DIR LABEL [extra runner args...]
  local dir=$1 label=$2 out
  shift 2
  echo "== $label: unit tests"
  out=$("$dir/tests/unit_tests" 2>&1)
  echo "$out" | tail -n 4
  count_unit "$out"
  echo "== $label: script tests"
  out=$(python3 tests/run_scripts.py --tributary "$dir/tributary" -j 2 \
        --mode 'interp=--jit=off' \
        --mode 'jit=--jit=on --jit-param threshold=2,function_threshold=3,trace_eagerness=2' "$@" 2>&1)
  echo "$out" | grep -v '^PASS' | tail -n 60
  count_scripts "$out"
}

# Correctness must not depend on the merge policy or on any single optimizer
# pass: the release build also runs the JIT under every merging policy and
# with each pass disabled in turn.
no_pass=()
for policy in none diamond cap:2 adaptive cfg; do
  no_pass+=(--mode "$policy=--jit=on --merge=$policy --jit-param threshold=2,function_threshold=3,trace_eagerness=2")
done
for p in fold bounds cse licm ifconvert dce; do
  no_pass+=(--mode "jit-no-$p=--jit=on --jit-disable=$p --jit-param threshold=2,function_threshold=3,trace_eagerness=2")
done
if tools/build.sh build; then
  run_suite build release "${no_pass[@]}"
else
  echo "release build failed"; failed=$((failed + 1))
fi
export ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if tools/build.sh build-asan -Dbuildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false; then
  run_suite build-asan asan+ubsan
else
  echo "sanitizer build failed"; failed=$((failed + 1))
fi
echo "== benchmark harness tests"
out=$(python3 -m unittest tests/bench/test_harness.py 2>&1)
echo "$out" | tail -n 3
count_pyunit "$out"
echo "== command-line tests"
out=$(TRIBUTARY=build/tributary python3 -m unittest tests/test_cli.py 2>&1)
echo "$out" | tail -n 3
count_pyunit "$out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
