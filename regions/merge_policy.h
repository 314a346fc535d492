// merge_policy.h — the experiment: which hot side exits become merges.
//
// A bridge of a region (a root trace plus what has been attached to it) is
// recorded from a hot side exit. At every bytecode boundary the recorder asks
// the policy whether the bridge may stop and join the region at a point the
// region already covers (same bytecode position, same stack depth) by
// comparing, slot by slot, the region's abstract state there with the
// bridge's. The policy answers per slot with the join lattice:
//   Same     — both paths hold the same value: nothing to join;
//   Phi      — a PHI of the given machine type joins the two values;
//   Reject   — not joinable under this policy (keep recording: the bridge may
//              still join later, or ends as an ordinary bridge).
// A Phi of type Val whose two values have other types is a widening: both
// sides are boxed, and the region's code below the join, specialized to its own
// type, checks the PHI (type guard + unbox, or identity for a constant the
// recorder decided control flow on) before using it.
// The policy also sees the merge point's counters (MergePoint: how many
// specialized versions of the bytecode position the region already holds) and
// decides when a hot side exit gets a bridge (bridge_now).
// One file per policy under regions/policies/; options are parsed once, here.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "jit/ir.h"
#include "jit/params.h"

namespace tributary::regions {

enum class PolicyKind : uint8_t { None, Diamond, Generalize, Cap, Adaptive, Cfg };

// The default is `generalize`: on the bench suite (bench/README.md, 5 runs,
// 2026-11-22) it has the best geometric mean (0.59x CPython's time against
// 0.75x for `none` and 0.65x for `diamond`), makes data_driven 2.9x faster than
// CPython where `none` is 2.4x slower, and is within noise of `none` elsewhere.
struct PolicySpec {
  PolicyKind kind = PolicyKind::Generalize;
  int cap = 0; // cap:K — K; 0: the cap_versions parameter
};

// The policies' tunables are JIT parameters (jit/params.def: cap_versions,
// adaptive_*, reform_*, cfg_max_blocks).
using PolicyParams = jit::Params;

// "none" | "diamond" | "generalize" | "cap:K" | "adaptive" | "cfg"; error describes a bad spec.
std::optional<PolicySpec> parse_policy(std::string_view text, std::string& error);
std::string policy_help();  // one line per policy, for --help
std::string policy_names(); // "none, diamond, generalize, cap:K, ..."
const char* policy_name(PolicyKind k);
std::string spec_name(const PolicySpec& spec); // "cap:2"


// What one path holds in a slot at a merge point.
struct SlotValue {
  jit::IrType type = jit::IrType::None; // None: untouched (the frame's memory)
  bool is_const = false;
  uint64_t const_bits = 0; // boxed constant
  bool fold_used = false;  // the recorder decided control flow on this constant
  // (The region's value only.) Whether the region's code below the join reads
  // it; a slot it does not read can be widened for free: only exits see it.
  bool read_below = true;
  bool memory() const { return type == jit::IrType::None; }
};

enum class SlotJoin : uint8_t { Same, Phi, Reject };

struct JoinDecision {
  SlotJoin kind;
  jit::IrType phi_type = jit::IrType::None;
  const char* why = nullptr; // set for widenings and rejects (TRIBUTARY_LOG=region)
  bool widened() const { return why && kind == SlotJoin::Phi; }
};

// A merge point: one bytecode position of a region, with its counters.
struct MergePoint {
  uint32_t versions = 1;     // specialized copies of the position the region holds (root + bridges through it)
  uint32_t joins = 0;        // bridges that joined there
  uint32_t region_blocks = 0;
  bool reformed = false;     // the region was re-formed (adaptive): join generically
};

// What a policy knows about a side exit whose count reached trace_eagerness.
struct ExitProfile {
  uint64_t taken = 0;        // times the exit was taken
  uint64_t root_entries = 0; // entries into the exit's root region (calls, for functions)
  bool loop_root = false;
  int eagerness = 0;
  bool counted = false;      // loop roots: root_entries counts iterations (the policy profiles)
  uint64_t loop_entries = 0; // loop roots: times the loop's code was entered (each run ends at an exit)
};

class MergePolicy {
public:
  virtual ~MergePolicy() = default;
  virtual PolicyKind kind() const = 0;
  // False: bridges never join inside a region (pure tracing).
  virtual bool merges() const = 0;
  // Joins one slot's values from the region (`region`) and the bridge at `at`.
  virtual JoinDecision join(const SlotValue& region, const SlotValue& bridge, const MergePoint& at) const = 0;
  // Whether a side exit gets a bridge recorded now; by default once it was
  // taken trace_eagerness times.
  virtual bool bridge_now(const ExitProfile& e) const { return e.taken >= static_cast<uint64_t>(e.eagerness); }
  // Whether this root's bridging looks exponential: more than `reform_ratio`
  // bridges per distinct guard position behind them (adaptive only).
  virtual bool wants_reform(uint32_t /*bridges*/, uint32_t /*guard_pcs*/) const { return false; }
  // Whether regions count loop iterations and how often each merged arm is
  // taken (adaptive): the machine code then maintains those counters.
  virtual bool profiles() const { return false; }
  // Profile windows of `window` iterations or calls: whether an arm whose
  // share of them moved from `before` to `now` (0..1) means the profile
  // shifted, so the region is re-formed around the current hot path.
  virtual bool profile_shifted(double /*before*/, double /*now*/) const { return false; }
  virtual uint64_t profile_window() const { return 0; }
  // Whether a constant the region holds where the bridge has a boxed variable
  // (a default: `x = 1.5` on one path, the caller's value on the other) joins
  // as a boxed PHI checked below the join, rather than the bridge's value
  // taking the constant's type under a guard (diamond: only equal states join).
  virtual bool widens_defaults() const { return true; }
  const PolicySpec& spec() const { return spec_; }

protected:
  PolicySpec spec_;
  friend std::unique_ptr<MergePolicy> make_policy(const PolicySpec&, const PolicyParams&);
};

std::unique_ptr<MergePolicy> make_policy(const PolicySpec& spec, const PolicyParams& params = {});

// Shared lattice rule of the merging policies: equal constants or identical
// values are the same; two variables of one machine type join with a PHI; a
// slot the region's code below does not read joins whatever it holds (boxed
// when the types differ), unless control flow was decided on its constant.
JoinDecision join_equal_states(const SlotValue& region, const SlotValue& bridge);
// generalize's rule: join_equal_states, plus constants of one machine type
// widened to a variable of that type (unless control flow was decided on them).
JoinDecision join_same_type(const SlotValue& region, const SlotValue& bridge);
// The generic join: anything two paths hold, except frame memory, joins as a
// boxed Val PHI (cap after K versions, cfg, adaptive after a re-formation),
// unless the check below the join is sure to fail on the bridge's own path.
JoinDecision join_generic(const SlotValue& region, const SlotValue& bridge, const char* why);

} // namespace tributary::regions
