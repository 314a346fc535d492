// test_join_points.cpp — where a bridge may join its region: the code from the
// join point must not reach the guard the bridge leaves from (a cycle), and it
// must be entered only through the join point (a path from above would skip
// the join's PHIs); raw instruction order does not matter.
#include "../jit/ir_text.h"

using namespace tributary::jit;

namespace {
// Block 0 is the loop's entry; block 1 the header (guard %3 leaves to block 3,
// a bridge already attached); block 2 a join block the header falls into and
// block 3 jumps to; block 3's guard %9 leaves the region.
const char* kRegion = R"(trace loop pc 0
block 0: -> block 1 (%1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 2 (%2)
  %2 int PHI #0
  GUARD_TRUE %2 [pc 2 depth 0 0=%2] -> block 3
  %4 int ADD %2 %0
block 2: -> block 1 (%6)
  %5 int PHI #0
  %6 int ADD %5 %0
  %7 int ADD %6 %0
block 3: -> block 2 (%10)
  %8 bool LT %2 %0
  GUARD_TRUE %8 [pc 4 depth 0 0=%2]
  %10 int SUB %2 %0
)";
} // namespace

TEST_CASE("a join point after the guard in raw order is not required") {
  Trace t;
  REQUIRE(parse_trace(kRegion, t) == "");
  std::vector<int32_t> blocks = block_index(t);
  // Guard %9 sits in block 3, laid out after block 2: joining block 2 at %6
  // is still forward (block 2 cannot reach block 3 within an iteration).
  CHECK(joins_forward(t, blocks, 9, 6));
  CHECK(joins_forward(t, blocks, 9, 7));
}

TEST_CASE("a join point that reaches its guard, or the loop's entry, is refused") {
  Trace t;
  REQUIRE(parse_trace(kRegion, t) == "");
  std::vector<int32_t> blocks = block_index(t);
  CHECK_FALSE(joins_forward(t, blocks, 3, 2));  // above the guard in its own block
  CHECK_FALSE(joins_forward(t, blocks, 9, 10)); // below guard %9, but block 2 is also entered from block 1
  CHECK_FALSE(joins_forward(t, blocks, 9, 4));  // block 1 reaches block 3 through guard %3
  CHECK_FALSE(joins_forward(t, blocks, 9, 0));  // the loop's entry block
}

TEST_CASE("a join point entered from above below it is refused") {
  // Block 2 is entered from block 1's lower part and from block 3, which
  // block 1's upper part (guard %3) reaches: joining block 1 at %4 would
  // leave block 2 reachable from above the join, without its PHIs — even
  // though block 1 as a whole dominates block 2.
  Trace t;
  REQUIRE(parse_trace(kRegion, t) == "");
  std::vector<int32_t> blocks = block_index(t);
  CHECK_FALSE(joins_forward(t, blocks, 3, 4));
}
