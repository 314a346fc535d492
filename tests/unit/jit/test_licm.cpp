// test_licm.cpp — loop-invariant code motion.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::expect_pass;

TEST_CASE("invariant arithmetic and guards leave the loop; the loop-carried update stays") {
  // The guard on invariant slot 0 moves with the entry snapshot (pc 3, the
  // loop header, nothing to restore), then its unbox and the FMUL; the FADD
  // reads the PHI and stays.
  expect_pass(R"(trace loop pc 3
block 0: -> block 1 (%4)
  %0 val SLOAD #0
  %1 f64 KF64 2
  %2 val SLOAD #1
  GUARD_F64 %2 [pc 3 depth 0]
  %4 f64 UNBOX_F64 %2
block 1: -> block 1 (%9)
  %5 f64 PHI #1
  GUARD_F64 %0 [pc 5 depth 1 1=%5]
  %7 f64 UNBOX_F64 %0
  %8 f64 FMUL %7 %1
  %9 f64 FADD %5 %8
)",
              pass_licm, R"(trace loop pc 3
block 0: -> block 1 (%4)
  %0 val SLOAD #0
  %1 f64 KF64 2
  %2 val SLOAD #1
  GUARD_F64 %2 [pc 3 depth 0]
  %4 f64 UNBOX_F64 %2
  GUARD_F64 %0 [pc 3 depth 0]
  %6 f64 UNBOX_F64 %0
  %7 f64 FMUL %6 %1
block 1: -> block 1 (%9)
  %8 f64 PHI #1
  %9 f64 FADD %8 %7
)");
}

TEST_CASE("memory guards stay in a loop that calls out") {
  // The call may change the word: the trace is unchanged.
  expect_pass(R"(trace loop pc 0
block 0: -> block 1 ()
  %0 raw KRAW #4096
  %1 val KVAL #0x2
block 1: -> block 1 ()
  GUARD_WORD %0 #0x1 [pc 1 depth 0]
  %3 val CALL truthy(%1)
  GUARD_NOEXC %3 [pc 2 depth 0]
)",
              pass_licm, R"(trace loop pc 0
block 0: -> block 1 ()
  %0 raw KRAW #4096
  %1 val KVAL #0x2
block 1: -> block 1 ()
  GUARD_WORD %0 #0x1 [pc 1 depth 0]
  %3 val CALL truthy(%1)
  GUARD_NOEXC %3 [pc 2 depth 0]
)");
}
