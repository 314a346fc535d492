// test_cse.cpp — common subexpressions and redundant guards.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::expect_pass;

TEST_CASE("equal pure values and repeated type guards are merged") {
  // One guard, one unbox and one FADD remain; the FMUL squares the FADD.
  expect_pass(R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_F64 %0 [pc 0 depth 0]
  %2 f64 UNBOX_F64 %0
  GUARD_F64 %0 [pc 3 depth 1]
  %4 f64 UNBOX_F64 %0
  %5 f64 FADD %2 %4
  %6 f64 FADD %2 %4
  %7 f64 FMUL %5 %6
  %8 val BOX_F64 %7
  RET %8
)",
              pass_cse, R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_F64 %0 [pc 0 depth 0]
  %2 f64 UNBOX_F64 %0
  %3 f64 FADD %2 %2
  %4 f64 FMUL %3 %3
  %5 val BOX_F64 %4
  RET %5
)");
}

TEST_CASE("memory-reading guards are not merged across a call") {
  // The second check of the word goes (nothing ran in between); the one after
  // the call stays.
  expect_pass(R"(trace function pc 0
block 0:
  %0 raw KRAW #4096
  GUARD_WORD %0 #0x5 [pc 0 depth 0]
  GUARD_WORD %0 #0x5 [pc 1 depth 0]
  %3 val KVAL #0x2
  %4 val CALL truthy(%3)
  GUARD_NOEXC %4 [pc 2 depth 0]
  GUARD_WORD %0 #0x5 [pc 3 depth 0]
  RET %4
)",
              pass_cse, R"(trace function pc 0
block 0:
  %0 raw KRAW #4096
  GUARD_WORD %0 #0x5 [pc 0 depth 0]
  %2 val KVAL #0x2
  %3 val CALL truthy(%2)
  GUARD_NOEXC %3 [pc 2 depth 0]
  GUARD_WORD %0 #0x5 [pc 3 depth 0]
  RET %3
)");
}

TEST_CASE("a value is not reused in a block it does not dominate") {
  // Block 2 is entered before %5 is computed: its ADD stays, and the trace is
  // unchanged.
  expect_pass(R"(trace loop pc 0
block 0: -> block 1 (%1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 1 (%5)
  %2 int PHI #0
  %3 bool LT %2 %0
  GUARD_TRUE %3 [pc 2 depth 0 0=%2] -> block 2
  %5 int ADD %2 %0
block 2: -> block 1 (%6)
  %6 int ADD %2 %0
)",
              pass_cse, R"(trace loop pc 0
block 0: -> block 1 (%1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 1 (%5)
  %2 int PHI
  %3 bool LT %2 %0
  GUARD_TRUE %3 [pc 2 depth 0 0=%2] -> block 2
  %5 int ADD %2 %0
block 2: -> block 1 (%6)
  %6 int ADD %2 %0
)");
}

TEST_CASE("a helper's effects decide which memory facts survive its call") {
  // build_tuple only allocates: the load and the version guard after it are
  // the ones before. list_append writes its list: the load is read again,
  // the version word (no Python code ran) is not. truthy may run Python
  // code: both are checked again.
  expect_pass(R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  %1 raw KRAW #4096
  %2 val KVAL #0x2
  GUARD_WORD %1 #0x5 [pc 0 depth 0]
  %4 raw LOAD %0 #8
  %5 val CALL build_tuple(%2, %0)
  GUARD_WORD %1 #0x5 [pc 1 depth 0]
  %7 raw LOAD %0 #8
  %8 val CALL list_append(%0, %5)
  GUARD_WORD %1 #0x5 [pc 2 depth 0]
  %10 raw LOAD %0 #8
  %11 val CALL truthy(%0)
  GUARD_WORD %1 #0x5 [pc 3 depth 0]
  %13 raw LOAD %0 #8
  %14 raw ADD %4 %7
  %15 raw ADD %10 %13
  %16 raw ADD %14 %15
  %17 int RAW2INT %16 [pc 4 depth 0]
  %18 val BOX_INT %17
  RET %18
)",
              pass_cse, R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  %1 raw KRAW #4096
  %2 val KVAL #0x2
  GUARD_WORD %1 #0x5 [pc 0 depth 0]
  %4 raw LOAD %0 #8
  %5 val CALL build_tuple(%2, %0)
  %6 val CALL list_append(%0, %5)
  %7 raw LOAD %0 #8
  %8 val CALL truthy(%0)
  GUARD_WORD %1 #0x5 [pc 3 depth 0]
  %10 raw LOAD %0 #8
  %11 raw ADD %4 %4
  %12 raw ADD %7 %10
  %13 raw ADD %11 %12
  %14 int RAW2INT %13 [pc 4 depth 0]
  %15 val BOX_INT %14
  RET %15
)");
}
