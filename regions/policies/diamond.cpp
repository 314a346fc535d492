// diamond.cpp — join at the first point whose abstract state equals the region's:
// identical values or equal constants, and variables of the same machine type
// (a PHI). A slot the region's code below the join does not read may hold
// anything (a boxed PHI: only exits see it). Anything else keeps the bridge
// recording.
#include "regions/merge_policy.h"

namespace tributary::regions {

namespace {
class DiamondPolicy final : public MergePolicy {
public:
  PolicyKind kind() const override { return PolicyKind::Diamond; }
  bool merges() const override { return true; }
  bool widens_defaults() const override { return false; }
  JoinDecision join(const SlotValue& r, const SlotValue& b, const MergePoint&) const override {
    return join_equal_states(r, b);
  }
};
} // namespace

std::unique_ptr<MergePolicy> make_diamond_policy() { return std::make_unique<DiamondPolicy>(); }

} // namespace tributary::regions
