// test_attach.cpp — attaching a bridge to its region, one step at a time:
// region text in, region text out after each of BridgeAttach's steps, and the
// one rollback path (a failed attach leaves the region exactly as it was).
#include "../jit/ir_text.h"
#include "regions/former.h"
#include "vm/code.h"

using namespace tributary;
using jit::CompiledTrace;
using jit::IrType;
using jit::JoinSlot;
using jit::test::squash;
using regions::BridgeAttach;

namespace {

// A loop over two int locals, i (slot 0) and x (slot 1); slot 2 is the value
// stack. At pc 2 it tests `i < 1` (guard %5: its exit has the condition on the
// stack), at pc 4 does `i += 1` (a merge point: boundary 0) and at pc 6 `x += i`.
const char* kLoop = R"(trace loop pc 0
block 0: -> block 1 (%1, %1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 1 (%6, %7)
  %2 int PHI
  %3 int PHI #1
  %4 bool LT %2 %0
  GUARD_TRUE %4 [pc 2 depth 1 0=%2 1=%3 2=%4]
  %6 int ADD_OV %2 %0 [pc 4 depth 0 0=%2 1=%3]
  %7 int ADD_OV %3 %6 [pc 6 depth 0 0=%6 1=%3]
)";

vm::Code* two_locals() {
  vm::Code* c = vm::new_code();
  c->nlocals = 2;
  c->max_stack = 1;
  return c;
}

std::unique_ptr<CompiledTrace> region_from(const char* text) {
  auto r = std::make_unique<CompiledTrace>();
  REQUIRE(jit::parse_trace(text, r->raw) == "");
  r->raw.code = two_locals();
  r->kind = r->raw.kind;
  r->fold_used.assign(r->raw.ins.size(), 0);
  // Boundary 0: pc 4, at %6, with i = %2 and x = %3.
  jit::Boundary b;
  b.pc = b.resume_pc = 4;
  b.ins = 6;
  b.depth = b.resume_depth = 0;
  b.state = {{0, 2}, {1, 3}};
  b.key = jit::merge_key(4, {});
  r->bounds.push_back(b);
  return r;
}

// The bridge from guard %5 (i >= 1): the re-recorded branch (implied by the
// exit), then x = x + x, joining at pc 4 with x's new value.
const char* kBridge = R"(trace bridge pc 2
block 0:
  %0 val SLOAD #2
  GUARD_IS %0 #0x6 [pc 2 depth 1]
  %2 val SLOAD #1
  GUARD_INT %2 [pc 3 depth 0]
  %4 int UNBOX_INT %2
  %5 int ADD_OV %4 %4 [pc 3 depth 0]
  JOIN [pc 4 depth 0 1=%5]
)";

std::unique_ptr<CompiledTrace> bridge_from(const char* text, std::vector<JoinSlot> plan, int32_t bound = 0) {
  auto b = std::make_unique<CompiledTrace>();
  REQUIRE(jit::parse_trace(text, b->raw) == "");
  b->raw.code = two_locals();
  b->kind = jit::TraceKind::Bridge;
  b->join_bound = bound;
  b->join_plan = std::move(plan);
  return b;
}

// x joins with a PHI of type `t`: the region's %3 against the bridge's %5.
JoinSlot x_joins(IrType t) { return JoinSlot{1, JoinSlot::Phi, t, 3, 5, false, 0}; }

} // namespace

TEST_CASE("attach, step by step: copy, plan, split, lay out, rewrite below the join") {
  REQUIRE(Value::boolean(false).bits() == 0x6);
  auto region = region_from(kLoop);
  auto bridge = bridge_from(kBridge, {x_joins(IrType::Int)});
  BridgeAttach a(*region, 5, *bridge);

  // 1. The implied guard is gone (its load too: the exit's %4 boxed, unused);
  // x's load is the exit's %3, boxed. New instructions go to the tail, block 2.
  REQUIRE(a.copy_bridge() == "");
  CHECK(squash(a.format()) == squash(R"(trace loop pc 0
block 0: -> block 1 (%1, %1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 1 (%6, %7)
  %2 int PHI
  %3 int PHI #1
  %4 bool LT %2 %0
  GUARD_TRUE %4 [pc 2 depth 1 0=%2 1=%3 2=%4]
  %6 int ADD_OV %2 %0 [pc 4 depth 0 0=%2 1=%3]
  %7 int ADD_OV %3 %6 [pc 6 depth 0 0=%6 1=%3]
block 2:
  %8 val BOX_BOOL %4
  %9 val BOX_INT %3
  GUARD_INT %9 [pc 3 depth 0 0=%2 1=%3 2=%4]
  %11 int UNBOX_INT %9
  %12 int ADD_OV %11 %11 [pc 3 depth 0 0=%2 1=%3 2=%4]
)"));

  // 2. x's PHI: the region's %3 against the bridge's sum (same type: no check).
  REQUIRE(a.plan_join() == "");
  // 3. Block 1 splits at %6: its upper part falls into the join block 2 (the
  // PHI for x), the tail (now block 3) passes the sum.
  REQUIRE(a.split_at_join() == "");
  a.check_widened();
  CHECK(a.result().widened == 0);
  CHECK(squash(a.format()) == squash(R"(trace loop pc 0
block 0: -> block 1 (%1, %1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 2 (%3)
  %2 int PHI
  %3 int PHI #1
  %4 bool LT %2 %0
  GUARD_TRUE %4 [pc 2 depth 1 0=%2 1=%3 2=%4]
block 2: -> block 1 (%7, %8)
  %6 int PHI #1
  %7 int ADD_OV %2 %0 [pc 4 depth 0 0=%2 1=%3]
  %8 int ADD_OV %3 %7 [pc 6 depth 0 0=%7 1=%3]
block 3: -> block 2 (%13)
  %9 val BOX_BOOL %4
  %10 val BOX_INT %3
  GUARD_INT %10 [pc 3 depth 0 0=%2 1=%3 2=%4]
  %12 int UNBOX_INT %10
  %13 int ADD_OV %12 %12 [pc 3 depth 0 0=%2 1=%3 2=%4]
)"));

  // 5. The guard branches to the tail.
  a.lay_out();
  // 6. Below the join, x reads the PHI: in `x += i` and in both snapshots.
  REQUIRE(a.rewrite_below_join() == "");
  CHECK(squash(a.format()) == squash(R"(trace loop pc 0
block 0: -> block 1 (%1, %1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 2 (%3)
  %2 int PHI
  %3 int PHI #1
  %4 bool LT %2 %0
  GUARD_TRUE %4 [pc 2 depth 1 0=%2 1=%3 2=%4] -> block 3
block 2: -> block 1 (%7, %8)
  %6 int PHI #1
  %7 int ADD_OV %2 %0 [pc 4 depth 0 0=%2 1=%6]
  %8 int ADD_OV %6 %7 [pc 6 depth 0 0=%7 1=%6]
block 3: -> block 2 (%13)
  %9 val BOX_BOOL %4
  %10 val BOX_INT %3
  GUARD_INT %10 [pc 3 depth 0 0=%2 1=%3 2=%4]
  %12 int UNBOX_INT %10
  %13 int ADD_OV %12 %12 [pc 3 depth 0 0=%2 1=%3 2=%4]
)"));
  CHECK(a.result().joined);
  CHECK(a.result().phis == 1);
  CHECK(region->bounds[0].ins == 7);                           // the join point moved with its instruction
  CHECK(region->bounds[0].state == std::vector<jit::SnapEntry>{{0, 2}, {1, 6}}); // and reads the PHI
  CHECK(jit::verify(region->raw) == "");
}

TEST_CASE("attach: a widened PHI is checked at the join where the code below reads the region's value") {
  // x joins as a boxed value (the bridge made it a float, say): the region's
  // code below the join was specialized to an int, so the PHI is type-guarded
  // and unboxed at the join; `x += i` and the snapshots below read the
  // unboxed value (the guard's own snapshot, the boxed PHI).
  auto region = region_from(kLoop);
  auto bridge = bridge_from(kBridge, {x_joins(IrType::Val)});
  regions::AttachResult r = regions::attach_bridge(*region, 5, *bridge);
  REQUIRE(r.error == "");
  CHECK(r.phis == 1);
  CHECK(r.widened == 1);
  CHECK(r.checks == 1);
  CHECK(squash(jit::format_trace(region->raw)) == squash(R"(trace loop pc 0
block 0: -> block 1 (%1, %1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 2 (%6)
  %2 int PHI
  %3 int PHI #1
  %4 bool LT %2 %0
  GUARD_TRUE %4 [pc 2 depth 1 0=%2 1=%3 2=%4] -> block 3
  %6 val BOX_INT %3
block 2: -> block 1 (%10, %11)
  %7 val PHI #1
  GUARD_INT %7 [pc 4 depth 0 0=%2 1=%7]
  %9 int UNBOX_INT %7
  %10 int ADD_OV %2 %0 [pc 4 depth 0 0=%2 1=%9]
  %11 int ADD_OV %9 %10 [pc 6 depth 0 0=%10 1=%9]
block 3: -> block 2 (%17)
  %12 val BOX_BOOL %4
  %13 val BOX_INT %3
  GUARD_INT %13 [pc 3 depth 0 0=%2 1=%3 2=%4]
  %15 int UNBOX_INT %13
  %16 int ADD_OV %15 %15 [pc 3 depth 0 0=%2 1=%3 2=%4]
  %17 val BOX_INT %16
)"));
  CHECK(jit::verify(region->raw) == "");
}

TEST_CASE("attach: a bridge that ends at the loop header passes the header's PHIs") {
  auto region = region_from(kLoop);
  auto bridge = bridge_from(R"(trace bridge pc 2
block 0:
  %0 val SLOAD #1
  GUARD_INT %0 [pc 3 depth 0]
  %2 int UNBOX_INT %0
  %3 int KINT #7
  %4 int ADD_OV %2 %3 [pc 3 depth 0]
  TO_ROOT [pc 0 depth 0 1=%4]
)", {}, -1);
  regions::AttachResult r = regions::attach_bridge(*region, 5, *bridge);
  REQUIRE(r.error == "");
  CHECK_FALSE(r.joined);
  CHECK(r.phis == 0);
  // The constant opens the entry block; i is passed unchanged (the exit's %2).
  CHECK(squash(jit::format_trace(region->raw)) == squash(R"(trace loop pc 0
block 0: -> block 1 (%2, %2)
  %0 int KINT #7
  %1 int KINT #1
  %2 int KINT #0
block 1: -> block 1 (%7, %8)
  %3 int PHI
  %4 int PHI #1
  %5 bool LT %3 %1
  GUARD_TRUE %5 [pc 2 depth 1 0=%3 1=%4 2=%5] -> block 2
  %7 int ADD_OV %3 %1 [pc 4 depth 0 0=%3 1=%4]
  %8 int ADD_OV %4 %7 [pc 6 depth 0 0=%7 1=%4]
block 2: -> block 1 (%3, %12)
  %9 val BOX_INT %4
  GUARD_INT %9 [pc 3 depth 0 0=%3 1=%4 2=%5]
  %11 int UNBOX_INT %9
  %12 int ADD_OV %11 %0 [pc 3 depth 0 0=%3 1=%4 2=%5]
)"));
  CHECK(jit::verify(region->raw) == "");
}

TEST_CASE("attach: a failed step leaves the region exactly as it was") {
  const std::string before = [] {
    auto region = region_from(kLoop);
    return jit::format_trace(region->raw);
  }();
  SUBCASE("the join point is above the guard (after the bridge was copied in)") {
    auto region = region_from(kLoop);
    region->bounds[0].ins = 2; // pc 4 claimed at the header's PHI, above guard %5
    auto bridge = bridge_from(kBridge, {x_joins(IrType::Int)});
    const size_t snaps = region->raw.snaps.size();
    regions::AttachResult r = regions::attach_bridge(*region, 5, *bridge);
    CHECK(r.error == "join point not after the guard");
    CHECK_FALSE(r.before.has_value());
    CHECK(jit::format_trace(region->raw) == before);
    CHECK(region->raw.snaps.size() == snaps);
    CHECK(region->bounds[0].ins == 2);
  }
  SUBCASE("a join value of another type (after the plan added checks)") {
    auto region = region_from(kLoop);
    auto bridge = bridge_from(kBridge, {x_joins(IrType::F64)}); // an int where the plan says float
    regions::AttachResult r = regions::attach_bridge(*region, 5, *bridge);
    CHECK(r.error == "join value of another type");
    CHECK(jit::format_trace(region->raw) == before);
  }
  SUBCASE("a successful attach hands back the region as it was, for a failed compilation") {
    auto region = region_from(kLoop);
    auto bridge = bridge_from(kBridge, {x_joins(IrType::Int)});
    regions::AttachResult r = regions::attach_bridge(*region, 5, *bridge);
    REQUIRE(r.error == "");
    REQUIRE(r.before.has_value());
    CHECK(jit::format_trace(region->raw) != before);
    r.before->restore(*region);
    CHECK(jit::format_trace(region->raw) == before);
    CHECK(region->bounds[0].ins == 6);
  }
}
