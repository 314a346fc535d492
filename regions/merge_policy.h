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
// One file per policy under regions/policies/; options are parsed once, here.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "jit/ir.h"

namespace tributary::regions {

enum class PolicyKind : uint8_t { None, Diamond, Generalize };

// The default is `generalize`: on the bench suite (bench/README.md, 5 runs,
// 2026-11-22) it has the best geometric mean (0.59x CPython's time against
// 0.75x for `none` and 0.65x for `diamond`), makes data_driven 2.9x faster than
// CPython where `none` is 2.4x slower, and is within noise of `none` elsewhere.
struct PolicySpec {
  PolicyKind kind = PolicyKind::Generalize;
};

// "none" | "diamond" | "generalize"; error describes a bad spec.
std::optional<PolicySpec> parse_policy(std::string_view text, std::string& error);
std::string policy_help();  // one line per policy, for --help
std::string policy_names(); // "none, diamond, generalize"
const char* policy_name(PolicyKind k);

// What one path holds in a slot at a merge point.
struct SlotValue {
  jit::IrType type = jit::IrType::None; // None: untouched (the frame's memory)
  bool is_const = false;
  uint64_t const_bits = 0; // boxed constant
  bool fold_used = false;  // the recorder decided control flow on this constant
  bool memory() const { return type == jit::IrType::None; }
};

enum class SlotJoin : uint8_t { Same, Phi, Reject };

struct JoinDecision {
  SlotJoin kind;
  jit::IrType phi_type = jit::IrType::None;
};

class MergePolicy {
public:
  virtual ~MergePolicy() = default;
  virtual PolicyKind kind() const = 0;
  // False: bridges never join inside a region (pure tracing).
  virtual bool merges() const = 0;
  // Joins one slot's values from the region (`region`) and the bridge.
  virtual JoinDecision join(const SlotValue& region, const SlotValue& bridge) const = 0;
};

std::unique_ptr<MergePolicy> make_policy(const PolicySpec& spec);

// Shared lattice rule of the merging policies: equal constants or identical
// values are the same; two variables of one machine type join with a PHI.
JoinDecision join_equal_states(const SlotValue& region, const SlotValue& bridge);

} // namespace tributary::regions
