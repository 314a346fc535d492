// test_dce.cpp — dead pure values go; guards, stores, calls and snapshot values stay.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::expect_pass;

TEST_CASE("dead pure instructions are removed, snapshot uses keep values alive") {
  // %4 is dead; %5 is named only by the guard's snapshot and stays.
  expect_pass(R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_INT %0 [pc 0 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #3
  %4 int ADD %2 %3
  %5 int ADD %2 %2
  %6 bool LT %2 %3
  GUARD_TRUE %6 [pc 4 depth 1 1=%5]
  RET %0
)",
              pass_dce, R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_INT %0 [pc 0 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #3
  %4 int ADD %2 %2
  %5 bool LT %2 %3
  GUARD_TRUE %5 [pc 4 depth 1 1=%4]
  RET %0
)");
}
