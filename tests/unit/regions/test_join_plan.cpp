// test_join_plan.cpp — regions::plan_join: where a bridge may join its region
// and how each slot joins, under the merge policies.
#include "../jit/ir_text.h"
#include "regions/join_plan.h"
#include "vm/code.h"

using namespace tributary;
using jit::CompiledTrace;
using jit::IrType;
using jit::JoinSlot;
using jit::kNoRef;
using jit::JoinChoice;
using jit::LiveSlot;

namespace {

// i (slot 0) and x (slot 1) carried by the loop, t (slot 2) a local it does
// not carry; slot 3 is the value stack. Guard %5 tests `i < 1` at pc 2; pc 4
// (`i += 1`, at %6) is a merge point.
const char* kLoop = R"(trace loop pc 0
block 0: -> block 1 (%1, %1)
  %0 int KINT #1
  %1 int KINT #0
block 1: -> block 1 (%6, %7)
  %2 int PHI
  %3 int PHI #1
  %4 bool LT %2 %0
  GUARD_TRUE %4 [pc 2 depth 0 0=%2 1=%3]
  %6 int ADD_OV %2 %0 [pc 4 depth 0 0=%2 1=%3]
  %7 int ADD_OV %3 %6 [pc 6 depth 0 0=%6 1=%3]
)";

// f(a): if a is None, x = 1.5 (guard %1 leaves when a is not None); pc 4
// (after the `if`, at %3) is a merge point where x is the constant.
const char* kDefault = R"(trace function pc 0
block 0:
  %0 val SLOAD #0
  GUARD_IS %0 #0x2 [pc 2 depth 0 0=%0]
  %2 f64 KF64 1.5
  %3 val BOX_F64 %2
  RET %3
)";

struct Fixture {
  CompiledTrace region;
  jit::Trace bridge;
  std::vector<int32_t> blocks;
  std::vector<std::vector<bool>> dom;

  Fixture(const char* region_text, jit::Boundary at, const char* bridge_text) {
    REQUIRE(jit::parse_trace(region_text, region.raw) == "");
    vm::Code* code = vm::new_code();
    code->nlocals = 3;
    code->max_stack = 1;
    region.raw.code = code;
    region.kind = region.raw.kind;
    region.fold_used.assign(region.raw.ins.size(), 0);
    at.key = jit::merge_key(at.pc, {});
    region.bounds.push_back(at);
    REQUIRE(jit::parse_trace(bridge_text, bridge) == "");
    blocks = jit::block_index(region.raw);
    dom = jit::dominators(region.raw);
  }

  JoinChoice plan(const char* policy, jit::Ref guard, uint32_t pc, std::vector<LiveSlot> live) {
    std::string err;
    auto spec = regions::parse_policy(policy, err);
    REQUIRE(spec);
    auto p = regions::make_policy(*spec);
    jit::JoinQuery q{region, guard, bridge, pc, 0, {}, pc, 0, 3, std::move(live), blocks, dom,
                         [](jit::Ref) { return false; }, [] { return kNoRef; }};
    return regions::plan_join(q, *p);
  }
};

jit::Boundary boundary(uint32_t pc, jit::Ref ins, std::vector<jit::SnapEntry> state) {
  jit::Boundary b;
  b.pc = b.resume_pc = pc;
  b.ins = ins;
  b.depth = b.resume_depth = 0;
  b.state = std::move(state);
  return b;
}

// The bridge's values: %0 a boxed value, %2 an int variable, %3 a float.
const char* kBridge = R"(trace bridge pc 2
block 0:
  %0 val SLOAD #1
  GUARD_INT %0 [pc 2 depth 0]
  %2 int UNBOX_INT %0
  %3 f64 KF64 2.5
)";

bool same(const JoinSlot& a, const JoinSlot& b) {
  return a.slot == b.slot && a.action == b.action && a.type == b.type && a.region_ref == b.region_ref &&
         a.bridge_ref == b.bridge_ref && a.bridge_from_region == b.bridge_from_region && a.const_bits == b.const_bits;
}

} // namespace

TEST_CASE("plan_join: a changed int joins with an int PHI; the unchanged slot needs none") {
  Fixture f(kLoop, boundary(4, 6, {{0, 2}, {1, 3}}), kBridge);
  for (const char* policy : {"diamond", "generalize", "cap:2", "adaptive", "cfg"}) {
    CAPTURE(policy);
    JoinChoice c = f.plan(policy, 5, 4, {{0, kNoRef, false}, {1, 2, false}});
    REQUIRE(c.bound == 0);
    REQUIRE(c.plan.size() == 1);
    CHECK(same(c.plan[0], {1, JoinSlot::Phi, IrType::Int, 3, 2, false, 0}));
    CHECK(c.widened == 0);
    CHECK(c.note == "joins at pc 4 (1 versions, 0 joins there, 1 slots joined, 0 widened)");
  }
  // Pure tracing never asks (the recorder checks merges()); elsewhere no boundary matches.
  JoinChoice elsewhere = f.plan("generalize", 5, 6, {{0, kNoRef, false}, {1, 2, false}});
  CHECK(elsewhere.bound == -1);
  CHECK(elsewhere.note == "");
}

TEST_CASE("plan_join: an int the loop reads against a float is refused; a boxed value takes the int type") {
  Fixture f(kLoop, boundary(4, 6, {{0, 2}, {1, 3}}), kBridge);
  JoinChoice g = f.plan("generalize", 5, 4, {{0, kNoRef, false}, {1, 3, false}});
  CHECK(g.bound == -1);
  CHECK(g.note == "no join at pc 4 (slot 1: types differ; 1 versions)");
  // cfg too: %7 reads x as an int below, a check the float would fail there.
  JoinChoice c = f.plan("cfg", 5, 4, {{0, kNoRef, false}, {1, 3, false}});
  CHECK(c.bound == -1);
  CHECK(c.note == "no join at pc 4 (slot 1: the check below the join would fail on the bridge's path; 1 versions)");
  // The bridge's boxed value may be an int: it takes the loop's int type
  // (under a type guard on the bridge's path), nothing widened.
  for (const char* policy : {"generalize", "cfg"}) {
    CAPTURE(policy);
    c = f.plan(policy, 5, 4, {{0, kNoRef, false}, {1, 0, false}});
    REQUIRE(c.bound == 0);
    REQUIRE(c.plan.size() == 1);
    CHECK(same(c.plan[0], {1, JoinSlot::Phi, IrType::Int, 3, 0, false, 0}));
    CHECK(c.widened == 0);
  }
}

// f(x) with `type(x) is int` taken: x (slot 1) doubled at pc 4 (%3 reads
// it), not read again from pc 6 (%4) on; only the return value is.
const char* kSwitch = R"(trace function pc 0
block 0:
  %0 val SLOAD #1
  GUARD_INT %0 [pc 2 depth 0 1=%0]
  %2 int UNBOX_INT %0
  %3 int ADD_OV %2 %2 [pc 4 depth 0 1=%2]
  %4 f64 KF64 0.5
  %5 val BOX_INT %3
  RET %5
)";

TEST_CASE("plan_join: an int against a float joins boxed where the region no longer reads it") {
  // At pc 4 the region's code below reads the int: every policy but cfg refuses.
  Fixture read(kSwitch, boundary(4, 3, {{1, 2}}), kBridge);
  for (const char* policy : {"diamond", "generalize", "cap:2", "adaptive"}) {
    CAPTURE(policy);
    JoinChoice c = read.plan(policy, 1, 4, {{1, 3, false}});
    CHECK(c.bound == -1);
  }
  // At pc 6 nothing below reads it: a boxed PHI, no policy refuses.
  Fixture dead(kSwitch, boundary(6, 4, {{1, 2}}), kBridge);
  for (const char* policy : {"diamond", "generalize", "cap:2", "adaptive", "cfg"}) {
    CAPTURE(policy);
    JoinChoice c = dead.plan(policy, 1, 6, {{1, 3, false}});
    REQUIRE(c.bound == 0);
    REQUIRE(c.plan.size() == 1);
    CHECK(same(c.plan[0], {1, JoinSlot::Phi, IrType::Val, 2, 3, false, 0}));
    CHECK(c.widened == 1);
    CHECK(c.widen_why == std::vector<std::string>{"slot 1 (types differ, not read below the join: boxed)"});
  }
}

// kLoop where the loop also reads t (slot 2) without changing it: loaded
// once, in the entry block, and not carried.
const char* kLoopReadsT = R"(trace loop pc 0
block 0: -> block 1 (%1, %1)
  %0 int KINT #1
  %1 int KINT #0
  %2 val SLOAD #2
block 1: -> block 1 (%7, %8)
  %3 int PHI
  %4 int PHI #1
  %5 bool LT %3 %0
  GUARD_TRUE %5 [pc 2 depth 0 0=%3 1=%4]
  %7 int ADD_OV %3 %0 [pc 4 depth 0 0=%3 1=%4]
  %8 int ADD_OV %4 %7 [pc 6 depth 0 0=%7 1=%4]
)";

TEST_CASE("plan_join: a local the loop reads but does not carry cannot change before a join inside the loop") {
  Fixture f(kLoopReadsT, boundary(4, 7, {{0, 3}, {1, 4}}), kBridge);
  // The bridge stored t (slot 2): the region's code below pc 4 would read
  // the value loaded before the loop.
  JoinChoice c = f.plan("generalize", 6, 4, {{0, kNoRef, false}, {1, kNoRef, false}, {2, 2, false}});
  CHECK(c.bound == -1);
  CHECK(c.note == "no join at pc 4 (slot 2: the loop does not carry it)");
}

TEST_CASE("plan_join: a local the loop keeps in memory joins in memory") {
  Fixture f(kLoop, boundary(4, 6, {{0, 2}, {1, 3}}), kBridge);
  // The loop never loads t (slot 2): the join's PHI is also stored (MemPhi).
  JoinChoice c = f.plan("generalize", 5, 4, {{0, kNoRef, false}, {1, kNoRef, false}, {2, 2, false}});
  REQUIRE(c.bound == 0);
  REQUIRE(c.plan.size() == 1);
  CHECK(c.plan[0].slot == 2);
  CHECK(c.plan[0].action == JoinSlot::MemPhi);
}

TEST_CASE("plan_join: a join point the guard's own code reaches is not a join point") {
  // pc 4 claimed at %2 (the header, above guard %5): joining there would loop.
  Fixture f(kLoop, boundary(4, 2, {{0, 2}, {1, 3}}), kBridge);
  JoinChoice c = f.plan("cfg", 5, 4, {{0, kNoRef, false}, {1, 2, false}});
  CHECK(c.bound == -1);
}

TEST_CASE("plan_join: a default constant joining a boxed argument widens, except under diamond") {
  Fixture f(kDefault, boundary(4, 3, {{0, 0}, {1, 2}}), kBridge);
  JoinChoice g = f.plan("generalize", 1, 4, {{0, kNoRef, false}, {1, 0, false}});
  REQUIRE(g.bound == 0);
  REQUIRE(g.plan.size() == 1);
  CHECK(same(g.plan[0], {1, JoinSlot::Phi, IrType::Val, 2, 0, false, 0}));
  CHECK(g.widened == 1);
  CHECK(g.widen_why == std::vector<std::string>{"slot 1 (a default constant joins a boxed value)"});
  // diamond: the bridge's value would take the constant's type, and a
  // constant against a variable is not an equal state.
  JoinChoice d = f.plan("diamond", 1, 4, {{0, kNoRef, false}, {1, 0, false}});
  CHECK(d.bound == -1);
  CHECK(d.note == "no join at pc 4 (slot 1: states differ; 1 versions)");
}
