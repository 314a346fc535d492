// merge_policy.cpp — policy spec parsing, the factory, and the shared lattice rule.
#include "regions/merge_policy.h"

#include <fmt/format.h>

namespace tributary::regions {

std::unique_ptr<MergePolicy> make_none_policy();
std::unique_ptr<MergePolicy> make_diamond_policy();
std::unique_ptr<MergePolicy> make_generalize_policy();
std::unique_ptr<MergePolicy> make_cap_policy(int k);
std::unique_ptr<MergePolicy> make_adaptive_policy(const PolicyParams& p);
std::unique_ptr<MergePolicy> make_cfg_policy(const PolicyParams& p);

namespace {
struct PolicyEntry {
  PolicyKind kind;
  const char* name; // as listed; "cap:K" takes a number
  const char* help;
};
constexpr PolicyEntry kPolicies[] = {
    {PolicyKind::None, "none", "pure tracing: hot side exits get bridges, paths never merge (PyPy/LuaJIT)"},
    {PolicyKind::Diamond, "diamond",
     "a hot exit's path joins the region at the first point whose abstract state equals the region's "
     "(on every slot the code below reads)"},
    {PolicyKind::Generalize, "generalize",
     "like diamond, but constants that differ are widened to variables of their type so the join succeeds"},
    {PolicyKind::Cap, "cap:K",
     "like generalize for K specialized versions per merge point, then joins widen what differs to boxed values"},
    {PolicyKind::Adaptive, "adaptive",
     "rarely taken exits stay side exits; hot ones merge as generalize; exponential bridging re-forms the root"},
    {PolicyKind::Cfg, "cfg",
     "merge every path that can join, widening across types to boxed values, within a region block budget"},
};

std::string_view base_name(const char* name) {
  std::string_view n(name);
  return n.substr(0, n.find(':'));
}
} // namespace

std::optional<PolicySpec> parse_policy(std::string_view text, std::string& error) {
  for (const PolicyEntry& p : kPolicies) {
    if (text == p.name) return PolicySpec{p.kind};
    if (p.kind != PolicyKind::Cap) continue;
    std::string_view base = base_name(p.name);
    if (text == base) return PolicySpec{p.kind, 0};
    if (text.size() > base.size() + 1 && text.substr(0, base.size()) == base && text[base.size()] == ':') {
      int k = 0;
      for (char c : text.substr(base.size() + 1)) {
        if (c < '0' || c > '9' || k > 100000) {
          error = fmt::format("invalid value in '{}' (cap:K takes a positive number)", text);
          return std::nullopt;
        }
        k = k * 10 + (c - '0');
      }
      if (k < 1) {
        error = fmt::format("invalid value in '{}' (cap:K takes a positive number)", text);
        return std::nullopt;
      }
      return PolicySpec{p.kind, k};
    }
  }
  std::string names;
  for (const PolicyEntry& p : kPolicies) names += fmt::format("{}'{}'", names.empty() ? "" : ", ", p.name);
  error = fmt::format("invalid choice '{}' (choose from {})", text, names);
  return std::nullopt;
}

std::string policy_help() {
  std::string out;
  for (const PolicyEntry& p : kPolicies) out += fmt::format("  --merge={:<12} {}\n", p.name, p.help);
  return out;
}

std::string policy_names() {
  std::string out;
  for (const PolicyEntry& p : kPolicies) out += fmt::format("{}{}", out.empty() ? "" : ", ", p.name);
  return out;
}

const char* policy_name(PolicyKind k) {
  switch (k) { // base names (the table lists cap:K)
  case PolicyKind::None: return "none";
  case PolicyKind::Diamond: return "diamond";
  case PolicyKind::Generalize: return "generalize";
  case PolicyKind::Cap: return "cap";
  case PolicyKind::Adaptive: return "adaptive";
  case PolicyKind::Cfg: return "cfg";
  }
  return "?";
}

std::string spec_name(const PolicySpec& spec) {
  if (spec.kind == PolicyKind::Cap) return fmt::format("cap:{}", spec.cap);
  return policy_name(spec.kind);
}

std::unique_ptr<MergePolicy> make_policy(const PolicySpec& spec, const PolicyParams& params) {
  std::unique_ptr<MergePolicy> p;
  PolicySpec s = spec;
  switch (spec.kind) {
  case PolicyKind::None: p = make_none_policy(); break;
  case PolicyKind::Diamond: p = make_diamond_policy(); break;
  case PolicyKind::Generalize: p = make_generalize_policy(); break;
  case PolicyKind::Cap:
    if (s.cap <= 0) s.cap = params.cap_versions > 0 ? params.cap_versions : 1;
    p = make_cap_policy(s.cap);
    break;
  case PolicyKind::Adaptive: p = make_adaptive_policy(params); break;
  case PolicyKind::Cfg: p = make_cfg_policy(params); break;
  }
  p->spec_ = s;
  return p;
}

namespace {
bool boxable(jit::IrType t) {
  return t == jit::IrType::Val || t == jit::IrType::Int || t == jit::IrType::F64 || t == jit::IrType::Bool;
}
} // namespace

JoinDecision join_equal_states(const SlotValue& r, const SlotValue& b) {
  if (r.memory() || b.memory()) return {SlotJoin::Reject};
  if (r.is_const && b.is_const && r.const_bits == b.const_bits) return {SlotJoin::Same};
  if (!r.is_const && !b.is_const && r.type == b.type) return {SlotJoin::Phi, r.type};
  // `if type(x) is int: x = x * 2 else: x = x * 0.75`, a statement or two
  // on: the region's code no longer reads x, only its exits store it. The
  // states agree on everything the code reads: a PHI (boxed if the types
  // differ) costs no check. (Not a constant the region decided control flow
  // on: the code below relies on it without reading it.)
  if (!r.read_below && !r.fold_used && boxable(r.type) && boxable(b.type))
    return r.type == b.type ? JoinDecision{SlotJoin::Phi, r.type}
                            : JoinDecision{SlotJoin::Phi, jit::IrType::Val, "types differ, not read below the join: boxed"};
  return {SlotJoin::Reject, jit::IrType::None, "states differ"};
}

JoinDecision join_same_type(const SlotValue& r, const SlotValue& b) {
  JoinDecision d = join_equal_states(r, b);
  if (d.kind != SlotJoin::Reject) return d;
  if (r.memory() || b.memory()) return {SlotJoin::Reject, jit::IrType::None, "frame memory"};
  if (r.type != b.type) return {SlotJoin::Reject, jit::IrType::None, "types differ"};
  if (r.fold_used || b.fold_used) return {SlotJoin::Reject, jit::IrType::None, "control flow decided on the constant"};
  if (r.type == jit::IrType::Int || r.type == jit::IrType::F64 || r.type == jit::IrType::Val)
    return {SlotJoin::Phi, r.type};
  return {SlotJoin::Reject, jit::IrType::None, "type cannot be joined"};
}

JoinDecision join_generic(const SlotValue& r, const SlotValue& b, const char* why) {
  JoinDecision d = join_same_type(r, b);
  if (d.kind != SlotJoin::Reject) return d;
  if (r.memory() || b.memory()) return d;
  // Below the join the region's code checks a widened value where it relies
  // on it (its type where it reads it, its identity where it decided control
  // flow on it). When the bridge's own value is sure to fail that check, the
  // join only moves the bridge's path to the check's exit, and its bridge
  // joins one instruction further down (cfg: four bridges per
  // `type(x) is int` switch). The bridge records on to where no check fails.
  const bool typed = b.type != jit::IrType::Val;
  if ((r.read_below && typed && r.type != jit::IrType::Val && r.type != b.type) ||
      (r.fold_used && b.is_const && b.const_bits != r.const_bits))
    return {SlotJoin::Reject, jit::IrType::None, "the check below the join would fail on the bridge's path"};
  if (!boxable(r.type) || !boxable(b.type)) return {SlotJoin::Reject, jit::IrType::None, "type cannot be boxed"};
  // A bridge constant the bridge decided control flow on is fine: the bridge's
  // own code above the join relied on it, nothing below does.
  return {SlotJoin::Phi, jit::IrType::Val, why};
}

} // namespace tributary::regions
