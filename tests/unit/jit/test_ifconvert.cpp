// test_ifconvert.cpp — diamonds that only choose values become SELECTs.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::run_pass;

using tributary::jit::test::count;

TEST_CASE("an `if x is None: x = default` diamond becomes a select") {
  // Block 1 guards x is not None; the side block (x = 1.5, boxed) only
  // passes a constant to the join block 2.
  std::string out = run_pass(R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
  %1 val KVAL #0x3ff8000000000000
block 1: -> block 2 (%0)
  GUARD_ISNT %0 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %3 val PHI #0
  RET %3
block 3: -> block 2 (%1)
)", pass_ifconvert);
  CHECK(count(out, "GUARD_ISNT") == 0);
  CHECK(count(out, "SELECT") == 1);
  CHECK(count(out, "block 3") == 0);
  CHECK(out.find("VEQ") != std::string::npos); // the condition: not (x is None)
}

TEST_CASE("a clamp diamond selects between two values defined above") {
  std::string out = run_pass(R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
  GUARD_F64 %0 [pc 0 depth 0]
  %2 f64 UNBOX_F64 %0
  %3 f64 KF64 2
  %4 bool FLT %2 %3
block 1: -> block 2 (%2)
  GUARD_FALSE %4 [pc 3 depth 0] -> block 3
block 2:
  %6 f64 PHI #0
  %7 val BOX_F64 %6
  RET %7
block 3: -> block 2 (%3)
)", pass_ifconvert);
  CHECK(count(out, "GUARD_FALSE") == 0);
  CHECK(out.find("f64  SELECT") != std::string::npos);
  CHECK(out.find("NOT") != std::string::npos); // passes when the comparison is false
}

TEST_CASE("a side block that can exit or load stays a branch") {
  std::string in = R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
block 1: -> block 2 (%0)
  GUARD_ISNT %0 #0x2 [pc 1 depth 0] -> block 3
block 2:
  %2 val PHI #0
  RET %2
block 3: -> block 2 (%4)
  %4 val SLOAD #1
)";
  std::string out = run_pass(in, pass_ifconvert);
  CHECK(count(out, "SELECT") == 0);
  CHECK(count(out, "GUARD_ISNT") == 1);
}
