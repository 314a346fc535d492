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
        --mode "jit=--jit=on $eager" "$@" 2>&1)
  echo "$out" | grep -v '^PASS' | tail -n 60
  count_scripts "$out"
}

# Correctness must not depend on the merge policy or on any single optimizer
# pass: the release build also runs the JIT under every merging policy and
# with each pass disabled in turn, and under every other code generator. The
# names come from the binary's --help.
eager="--jit-param threshold=2,function_threshold=3,trace_eagerness=2"
policy_modes() { # BINARY: one --mode per merge policy other than the default
  local p default
  default=$("$1" --help | sed -n 's/.*--merge=POLICY.*(default: \([^)]*\)).*/\1/p')
  for p in $("$1" --help | sed -n 's/.*--merge=POLICY.*available: //p' | tr -d ',' | sed 's/cap:K/cap:2/'); do
    [ "$p" = "$default" ] && continue # the "jit" mode runs it
    printf '%s\n' --mode "$p=--jit=on --merge=$p $eager"
  done
}
backend_modes() { # BINARY: one --mode per code generator other than the default
  local b default
  default=$("$1" --help | sed -n 's/.*--backend=NAME.*(default: \([^)]*\)).*/\1/p')
  for b in $("$1" --help | sed -n 's/.*--backend=NAME.*available: //p' | tr -d ','); do
    [ "$b" = "$default" ] && continue
    # (MIR compiles 5-20x slower than lsra: the per-region compile-time
    # budget is scaled, so that shape tests see the same freezes. tiered
    # promotes after 50 entries or iterations, so that small scripts reach
    # the optimizing tier.)
    local extra=""
    [ "$b" = tiered ] && extra=",tier_up=50"
    printf '%s\n' --mode "jit-$b=--jit=on --backend=$b $eager,region_compile_ms=2500$extra"
  done
  if "$1" --version | grep -q "MIR not found"; then
    echo "== MIR not built (not found at build time): the mir and tiered modes are skipped" >&2
  fi
}
pass_modes() { # BINARY: one --mode per optimizer pass, disabled
  local p
  for p in $("$1" --help | sed -n 's/.*skip optimizer passes (comma-separated: \(.*\))/\1/p' | tr -d ','); do
    printf '%s\n' --mode "jit-no-$p=--jit=on --jit-disable=$p $eager"
  done
}
fuzz_smoke() { # BINARY LABEL: fixed seeds of the differential fuzzer (tests/fuzz)
  local out
  echo "== $2: fuzzer, seeds 0-${FUZZ_SEEDS:-199} under CPython, the interpreter and every policy"
  out=$(python3 tests/fuzz/run.py -n "${FUZZ_SEEDS:-200}" -j 2 -q --tributary "$1" --out /tmp/tributary-fuzz-failures 2>&1)
  echo "$out" | tail -n 12
  count_scripts "$out"
}
if tools/build.sh build; then
  mapfile -t modes < <(policy_modes build/tributary; backend_modes build/tributary; pass_modes build/tributary)
  run_suite build release --timeout 40 "${modes[@]}" # (MIR compiles a huge function's chunks in 10-30 s)
  fuzz_smoke build/tributary release
else
  echo "release build failed"; failed=$((failed + 1))
fi
export ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if tools/build.sh build-asan -Dbuildtype=debugoptimized -Db_sanitize=address,undefined -Db_lundef=false; then
  # The per-region compile-time budget (region_compile_ms, wall clock) is set
  # for release code; sanitized code compiles 3-5x slower, and on a loaded
  # machine a region near the budget froze in one run and not in the next, so
  # shape tests counted bridges differently. Scaled by 10 here.
  eager="$eager,region_compile_ms=2500"
  mapfile -t modes < <(policy_modes build-asan/tributary)
  run_suite build-asan asan+ubsan --timeout 30 "${modes[@]}" # (ASan runs 3-5x slower)
else
  echo "sanitizer build failed"; failed=$((failed + 1))
fi
echo "== benchmark harness tests"
out=$(python3 -m unittest tests/bench/test_harness.py 2>&1)
echo "$out" | tail -n 3
count_pyunit "$out"
echo "== benchmark workloads against CPython (small sizes, strict JIT)"
out=$(TRIBUTARY=build/tributary python3 -m unittest tests/bench/test_workloads.py 2>&1)
echo "$out" | tail -n 3
count_pyunit "$out"
echo "== command-line tests"
out=$(TRIBUTARY=build/tributary python3 -m unittest tests/test_cli.py 2>&1)
echo "$out" | tail -n 3
count_pyunit "$out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
