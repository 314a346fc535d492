// adaptive.cpp — keep the hot path tight, merge what is hot, and react to
// exponential bridging (seed 000: nine data-driven `if x is None` give a
// bridge per combination under pure tracing).
//   - Frequency: a function root's exit gets a bridge only when it is taken on
//     at least adaptive_min_percent of the root's calls; rarer exits stay side
//     exits (the tight hot path tracing intends). Under this policy compiled
//     loops count their iterations, so a loop's exit is judged the same way
//     against them (without a count it waits adaptive_delay times
//     trace_eagerness before it gets a bridge). A loop's exit taken on that
//     share of the loop's entries is where the loop ends: it is bridged too.
//     So is any exit taken more than hot_exit_report times.
//   - Profile shifts: merged arms that still branch count how often they are
//     taken; over windows of adaptive_window iterations (or calls), an arm
//     whose share moves by adaptive_shift percentage points re-forms the
//     region: it is dropped and re-recorded around the current hot path.
//   - Joins follow generalize.
//   - Re-formation: when a root holds more than reform_ratio bridges per
//     distinct guard position behind them (after reform_min_bridges bridges),
//     the bridges are copies of one another's paths; the root is re-formed
//     into a merged region: from then on its merge points join generically
//     (as cfg does), so new paths join instead of adding copies. Existing
//     blocks are not re-recorded.
#include "regions/merge_policy.h"

namespace tributary::regions {

namespace {
class AdaptivePolicy final : public MergePolicy {
public:
  explicit AdaptivePolicy(const PolicyParams& p) : p_(p) {}
  PolicyKind kind() const override { return PolicyKind::Adaptive; }
  bool merges() const override { return true; }
  JoinDecision join(const SlotValue& r, const SlotValue& b, const MergePoint& at) const override {
    if (!at.reformed) return join_same_type(r, b);
    return join_generic(r, b, "re-formed region: widened to a boxed value");
  }
  bool bridge_now(const ExitProfile& e) const override {
    if (e.taken < static_cast<uint64_t>(e.eagerness)) return false;
    // However rare per run, an exit taken this often costs more as a side
    // exit than its bridge does (fannkuch: 2,685 takes at 4% of the runs).
    if (e.taken > static_cast<uint64_t>(p_.hot_exit_report)) return true;
    // An exit taken on that share of the loop's runs is where the loop ends
    // (a search that returns, a `break`): rare per iteration, yet each run
    // would leave through it.
    if (e.loop_root && e.loop_entries && e.taken * 100 >= e.loop_entries * static_cast<uint64_t>(p_.adaptive_min_percent)) return true;
    if (e.loop_root && !e.counted)
      return e.taken >= static_cast<uint64_t>(e.eagerness) * static_cast<uint64_t>(p_.adaptive_delay);
    return e.taken * 100 >= e.root_entries * static_cast<uint64_t>(p_.adaptive_min_percent);
  }
  bool profiles() const override { return true; }
  bool profile_shifted(double before, double now) const override {
    return (now > before ? now - before : before - now) * 100.0 >= static_cast<double>(p_.adaptive_shift);
  }
  uint64_t profile_window() const override { return static_cast<uint64_t>(p_.adaptive_window); }
  bool wants_reform(uint32_t bridges, uint32_t guard_pcs) const override {
    return bridges >= static_cast<uint32_t>(p_.reform_min_bridges) &&
           bridges > guard_pcs * static_cast<uint32_t>(p_.reform_ratio);
  }

private:
  PolicyParams p_;
};
} // namespace

std::unique_ptr<MergePolicy> make_adaptive_policy(const PolicyParams& p) {
  return std::make_unique<AdaptivePolicy>(p);
}

} // namespace tributary::regions
