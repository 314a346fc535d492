// merge_policy.cpp — policy spec parsing, the factory, and the shared lattice rule.
#include "regions/merge_policy.h"

#include <fmt/format.h>

namespace tributary::regions {

std::unique_ptr<MergePolicy> make_none_policy();
std::unique_ptr<MergePolicy> make_diamond_policy();
std::unique_ptr<MergePolicy> make_generalize_policy();

namespace {
struct PolicyEntry {
  PolicyKind kind;
  const char* name;
  const char* help;
};
constexpr PolicyEntry kPolicies[] = {
    {PolicyKind::None, "none", "pure tracing: hot side exits get bridges, paths never merge (PyPy/LuaJIT)"},
    {PolicyKind::Diamond, "diamond",
     "a hot exit's path joins the region at the first point whose abstract state equals the region's"},
    {PolicyKind::Generalize, "generalize",
     "like diamond, but constants that differ are widened to variables of their type so the join succeeds"},
};
} // namespace

std::optional<PolicySpec> parse_policy(std::string_view text, std::string& error) {
  for (const PolicyEntry& p : kPolicies)
    if (text == p.name) return PolicySpec{p.kind};
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
  for (const PolicyEntry& p : kPolicies)
    if (p.kind == k) return p.name;
  return "?";
}

std::unique_ptr<MergePolicy> make_policy(const PolicySpec& spec) {
  switch (spec.kind) {
  case PolicyKind::None: return make_none_policy();
  case PolicyKind::Diamond: return make_diamond_policy();
  case PolicyKind::Generalize: return make_generalize_policy();
  }
  return make_none_policy();
}

JoinDecision join_equal_states(const SlotValue& r, const SlotValue& b) {
  if (r.memory() || b.memory()) return {SlotJoin::Reject};
  if (r.is_const && b.is_const && r.const_bits == b.const_bits) return {SlotJoin::Same};
  if (!r.is_const && !b.is_const && r.type == b.type) return {SlotJoin::Phi, r.type};
  return {SlotJoin::Reject};
}

} // namespace tributary::regions
