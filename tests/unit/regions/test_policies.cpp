// test_policies.cpp — the merge policies' join lattice, slot by slot, and
// their spec parsing and bridge/re-form hooks.
#include <doctest/doctest.h>

#include "regions/merge_policy.h"
#include "runtime/object.h"

using namespace tributary;
using regions::JoinDecision;
using regions::MergePoint;
using regions::PolicyKind;
using regions::SlotJoin;
using regions::SlotValue;
using jit::IrType;

namespace {
SlotValue var(IrType t) { return SlotValue{t, false, 0, false}; }
SlotValue konst(IrType t, uint64_t bits, bool fold = false) { return SlotValue{t, true, bits, fold}; }
const SlotValue kMemory{};

std::unique_ptr<regions::MergePolicy> policy(const char* spec, regions::PolicyParams p = {}) {
  std::string err;
  auto s = regions::parse_policy(spec, err);
  REQUIRE(s);
  return regions::make_policy(*s, p);
}
} // namespace

TEST_CASE("policy specs parse into typed specs") {
  std::string err;
  auto cap = regions::parse_policy("cap:3", err);
  REQUIRE(cap);
  CHECK(cap->kind == PolicyKind::Cap);
  CHECK(cap->cap == 3);
  CHECK(regions::spec_name(*cap) == "cap:3");
  auto dflt = regions::parse_policy("cap", err);
  REQUIRE(dflt);
  regions::PolicyParams p;
  p.cap_versions = 5;
  CHECK(regions::make_policy(*dflt, p)->spec().cap == 5);
  CHECK_FALSE(regions::parse_policy("cap:0", err));
  CHECK_FALSE(regions::parse_policy("cap:x", err));
  CHECK_FALSE(regions::parse_policy("capx", err));
  CHECK(regions::parse_policy("adaptive", err)->kind == PolicyKind::Adaptive);
  CHECK(regions::parse_policy("cfg", err)->kind == PolicyKind::Cfg);
  CHECK(regions::policy_names() == "none, diamond, generalize, cap:K, adaptive, cfg");
}

TEST_CASE("cap:K joins as generalize below K versions, then widens to boxed values") {
  auto cap = policy("cap:2");
  MergePoint one{1, 0, 4, false}, two{2, 0, 4, false};
  // Same machine type, different constants: generalize's typed PHI either way.
  JoinDecision d = cap->join(konst(IrType::Int, 1), konst(IrType::Int, 2), one);
  CHECK(d.kind == SlotJoin::Phi);
  CHECK(d.phi_type == IrType::Int);
  CHECK_FALSE(d.widened());
  // Int against a boxed value: rejected below the cap, a widened Val PHI at it.
  CHECK(cap->join(var(IrType::Int), var(IrType::Val), one).kind == SlotJoin::Reject);
  d = cap->join(var(IrType::Int), var(IrType::Val), two);
  CHECK(d.kind == SlotJoin::Phi);
  CHECK(d.phi_type == IrType::Val);
  CHECK(d.widened());
  // Int against F64 where the region's code reads the int below: the check
  // there would fail on the bridge's own path, so even at the cap no join.
  d = cap->join(var(IrType::Int), var(IrType::F64), two);
  CHECK(d.kind == SlotJoin::Reject);
  CHECK(std::string(d.why) == "the check below the join would fail on the bridge's path");
  // ... and a constant control flow was decided on, against another constant.
  CHECK(cap->join(konst(IrType::Val, 7, true), konst(IrType::Val, 8), two).kind == SlotJoin::Reject);
  // A constant control flow was decided on: widened too (checked by identity below the join).
  d = cap->join(konst(IrType::Val, 7, true), var(IrType::Val), two);
  CHECK(d.kind == SlotJoin::Phi);
  CHECK(d.phi_type == IrType::Val);
  // Equal constants stay the same; frame memory and raw words never join.
  CHECK(cap->join(konst(IrType::Int, 9), konst(IrType::Int, 9), two).kind == SlotJoin::Same);
  CHECK(cap->join(kMemory, var(IrType::Int), two).kind == SlotJoin::Reject);
  CHECK(cap->join(var(IrType::Raw), var(IrType::Int), two).kind == SlotJoin::Reject);
}

TEST_CASE("cfg widens every boxable pair within its block budget") {
  regions::PolicyParams p;
  p.cfg_max_blocks = 10;
  auto cfg = policy("cfg", p);
  MergePoint small{1, 0, 5, false}, big{1, 0, 10, false};
  JoinDecision d = cfg->join(var(IrType::Bool), var(IrType::Val), small);
  CHECK(d.kind == SlotJoin::Phi);
  CHECK(d.phi_type == IrType::Val);
  CHECK(cfg->join(var(IrType::Bool), var(IrType::Val), big).kind == SlotJoin::Reject);
  d = cfg->join(var(IrType::F64), konst(IrType::F64, 3), big);
  CHECK(d.kind == SlotJoin::Phi);
  CHECK(d.phi_type == IrType::F64);
}

TEST_CASE("adaptive: cold exits stay side exits, exponential bridging re-forms") {
  regions::PolicyParams p;
  p.adaptive_min_percent = 10;
  p.adaptive_delay = 4;
  p.reform_ratio = 4;
  p.reform_min_bridges = 8;
  auto a = policy("adaptive", p);
  // Function roots: taken on 5% of 1000 calls is cold, on 20% hot.
  CHECK_FALSE(a->bridge_now({50, 1000, false, 2}));
  CHECK(a->bridge_now({200, 1000, false, 2}));
  CHECK_FALSE(a->bridge_now({1, 1, false, 2})); // below trace_eagerness
  // Loop roots: delay x trace_eagerness without an iteration count...
  CHECK_FALSE(a->bridge_now({7, 1, true, 2}));
  CHECK(a->bridge_now({8, 1, true, 2}));
  // ... and the frequency rule against iterations with one.
  CHECK_FALSE(a->bridge_now({50, 1000, true, 2, true}));
  CHECK(a->bridge_now({200, 1000, true, 2, true}));
  // An exit rare per iteration but taken on 10% of the loop's runs is where
  // the loop ends: bridged (50 of 1000 iterations, 500 entries: 10%).
  CHECK_FALSE(a->bridge_now({50, 1000, true, 2, true, 1000}));
  CHECK(a->bridge_now({50, 1000, true, 2, true, 500}));
  // Profile shifts: an arm's share moving by adaptive_shift points re-forms.
  CHECK(a->profiles());
  CHECK(a->profile_window() == 4096);
  CHECK_FALSE(a->profile_shifted(0.10, 0.35));
  CHECK(a->profile_shifted(0.10, 0.85));
  CHECK(a->profile_shifted(0.90, 0.20));
  CHECK_FALSE(a->wants_reform(7, 1));
  CHECK_FALSE(a->wants_reform(8, 2));
  CHECK(a->wants_reform(9, 2));
  // Joins: generalize until re-formed, generic after.
  CHECK(a->join(var(IrType::Int), var(IrType::F64), MergePoint{1, 0, 3, false}).kind == SlotJoin::Reject);
  CHECK(a->join(var(IrType::Int), var(IrType::Val), MergePoint{1, 0, 3, true}).phi_type == IrType::Val);
  // The default hook: bridges at trace_eagerness, never re-forms, no profiling.
  auto g = policy("generalize");
  CHECK(g->bridge_now({2, 1000, false, 2}));
  CHECK_FALSE(g->wants_reform(1000, 1));
  CHECK_FALSE(g->profiles());
  CHECK_FALSE(g->profile_shifted(0.0, 1.0));
}

TEST_CASE("none rejects, diamond joins only equal states") {
  auto none = policy("none");
  CHECK(none->join(var(IrType::Int), var(IrType::Int), {}).kind == SlotJoin::Reject);
  auto diamond = policy("diamond");
  CHECK(diamond->join(var(IrType::Int), var(IrType::Int), {}).kind == SlotJoin::Phi);
  CHECK(diamond->join(konst(IrType::Int, 1), konst(IrType::Int, 2), {}).kind == SlotJoin::Reject);
  CHECK(diamond->join(var(IrType::Int), var(IrType::F64), MergePoint{100, 0, 3, true}).kind == SlotJoin::Reject);
}

TEST_CASE("every merging policy joins a slot the region does not read below, boxed, whatever its types") {
  SlotValue dead = var(IrType::Int);
  dead.read_below = false;
  for (const char* spec : {"diamond", "generalize", "cap:2", "adaptive", "cfg"}) {
    CAPTURE(spec);
    auto p = policy(spec);
    JoinDecision d = p->join(dead, var(IrType::F64), MergePoint{});
    CHECK(d.kind == SlotJoin::Phi);
    CHECK(d.phi_type == IrType::Val);
    CHECK(d.widened());
    // Same type: a typed PHI, nothing boxed.
    d = p->join(dead, konst(IrType::Int, 5), MergePoint{});
    CHECK(d.kind == SlotJoin::Phi);
    CHECK(d.phi_type == IrType::Int);
    // Read below: diamond and generalize keep recording.
    if (std::string(spec) == "diamond" || std::string(spec) == "generalize")
      CHECK(p->join(var(IrType::Int), var(IrType::F64), MergePoint{}).kind == SlotJoin::Reject);
    // A constant the region decided control flow on is relied on below, read or not.
    SlotValue folded = konst(IrType::Int, 1, true);
    folded.read_below = false;
    CHECK(p->join(folded, konst(IrType::F64, 2), MergePoint{}).kind == SlotJoin::Reject);
  }
}
