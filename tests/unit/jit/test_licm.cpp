// test_licm.cpp — loop-invariant code motion.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::run_pass;

TEST_CASE("invariant arithmetic and guards leave the loop; the loop-carried update stays") {
  std::string out = run_pass(R"(trace loop pc 3
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
)", pass_licm);
  size_t loop = out.find("block 1:");
  REQUIRE(loop != std::string::npos);
  std::string entry = out.substr(0, loop), body = out.substr(loop);
  CHECK(entry.find("FMUL") != std::string::npos);
  CHECK(entry.find("GUARD_F64   %0  [pc 3 depth 0]") != std::string::npos); // moved with the entry snapshot
  CHECK(body.find("FADD") != std::string::npos);
  CHECK(body.find("FMUL") == std::string::npos);
}

TEST_CASE("memory guards stay in a loop that calls out") {
  std::string out = run_pass(R"(trace loop pc 0
block 0: -> block 1 ()
  %0 raw KRAW #4096
  %1 val KVAL #0x2
block 1: -> block 1 ()
  GUARD_WORD %0 #0x1 [pc 1 depth 0]
  %3 val CALL truthy(%1)
  GUARD_NOEXC %3 [pc 2 depth 0]
)", pass_licm);
  CHECK(out.find("block 1:") < out.find("GUARD_WORD"));
}
