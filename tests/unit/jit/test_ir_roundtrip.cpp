// test_ir_roundtrip.cpp — the IR printer and parser agree, and the verifier rejects bad IR.
#include "ir_text.h"

using namespace tributary::jit;
using tributary::jit::test::squash;

TEST_CASE("trace text round-trips through the parser") {
  const std::string text = R"(trace loop pc 4
block 0: -> block 1 (%3, %3)
  %0 int KINT #1
  %1 val SLOAD #2
  GUARD_INT %1 [pc 4 depth 0]
  %3 int UNBOX_INT %1
  %4 f64 KF64 0.1
  %5 val KVAL #0x7
block 1: -> block 1 (%7, %8)
  %6 int PHI #2
  %7 int ADD_OV %6 %0 [pc 9 depth 2 2=%6 3=%0]
  %8 f64 FADD %4 %4
  %9 val BOX_INT %7
  %10 val CALL truthy(%9)
  GUARD_NOEXC %10 [pc 11 depth 1 2=%7]
)";
  Trace t;
  REQUIRE(parse_trace(text, t) == "");
  // The text above has one PHI but passes two values: the verifier must notice.
  CHECK(verify(t).find("passes 2 arguments to 1 PHIs") != std::string::npos);

  const std::string good = R"(trace loop pc 4
block 0: -> block 1 (%3)
  %0 int KINT #1
  %1 val SLOAD #2
  GUARD_INT %1 [pc 4 depth 0]
  %3 int UNBOX_INT %1
  %4 f64 KF64 0.1
block 1: -> block 1 (%6)
  %5 int PHI #2
  %6 int ADD_OV %5 %0 [pc 9 depth 2 2=%5 3=%0]
  %7 val BOX_INT %6
  %8 val CALL truthy(%7)
  GUARD_NOEXC %8 [pc 11 depth 1 2=%6] -> block 2
block 2:
  RET %7
)";
  Trace u;
  REQUIRE(parse_trace(good, u) == "");
  CHECK(verify(u) == "");
  std::string printed = format_trace(u);
  Trace again;
  REQUIRE(parse_trace(printed, again) == "");
  CHECK(format_trace(again) == printed);
  CHECK(squash(printed) == squash(good));
}

TEST_CASE("the verifier rejects use before definition and missing snapshots") {
  Trace t;
  REQUIRE(parse_trace("trace function pc 0\nblock 0:\n  %0 int ADD %1 %1\n  %1 int KINT #2\n", t) == "");
  CHECK(verify(t).find("defined later") != std::string::npos);
  REQUIRE(parse_trace("trace function pc 0\nblock 0:\n  %0 val SLOAD #0\n  GUARD_INT %0\n", t) == "");
  CHECK(verify(t).find("without snapshot") != std::string::npos);
}

TEST_CASE("snapshots with inlined frames round-trip") {
  // The trace's own frame resumes at pc 12 after the call; two inlined frames
  // (slots from 20 and 31) resume inside their callees.
  const std::string text = R"(trace loop pc 4
block 0:
  %0 val SLOAD #1
  GUARD_INT %0 [pc 12 depth 1 1=%0 20=%0 31=%0 inline 0x1000 20 7 1 inline 0x2000 31 3 2]
)";
  Trace t;
  REQUIRE(parse_trace(text, t) == "");
  REQUIRE(t.snaps.size() == 1);
  const Snapshot& s = t.snaps[0];
  REQUIRE(s.frames.size() == 2);
  CHECK(s.frames[0].func.bits() == 0x1000);
  CHECK(s.frames[0].base == 20);
  CHECK(s.frames[1].pc == 3);
  CHECK(s.frames[1].stack_depth == 2);
  CHECK(squash(format_trace(t)) == squash(text));
}

TEST_CASE("a guard's exit passes only the values computed before it") {
  // Block 2 joins the guard's exit path (block 3) and block 1's end: %4,
  // computed after the guard, is defined on one path only. Block 1
  // dominates block 2, so a block-level dominance check would accept it
  // (fuzzer seed 3346 compiled exactly this: a garbage register read as %4).
  const std::string bad = R"(trace function pc 0
block 0: -> block 1
  %0 val SLOAD #0
  %1 raw KRAW #1
block 1: -> block 2 (%4)
  GUARD_WORD %1 #0x1 [pc 0 depth 0] -> block 3
  %3 val SLOAD #1
  %4 val BOX_INT %1
block 2:
  %5 val PHI #1
  GUARD_INT %4 [pc 2 depth 0]
  RET %5
block 3: -> block 2 (%0)
  GUARD_INT %0 [pc 0 depth 0]
)";
  Trace t;
  REQUIRE(parse_trace(bad, t) == "");
  INFO(verify(t));
  CHECK(verify(t).find("%6 GUARD_INT: operand %4 is not computed on every path to it") != std::string::npos);
  // Reading the PHI instead, or a value from before the guard, is fine.
  std::string good = bad;
  good.replace(good.find("GUARD_INT %4"), 12, "GUARD_INT %0");
  REQUIRE(parse_trace(good, t) == "");
  CHECK(verify(t) == "");
}
