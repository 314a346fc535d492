// cap.cpp — lazy basic block versioning's cap (Chevalier-Boisvert & Feeley;
// YJIT uses 4, static BBV found 2 captures most of the gain): a merge point
// may hold K specialized versions. Below that, joins follow generalize (the
// bridge keeps recording, specialized, when its state cannot join). Once the
// region holds K versions of the bytecode position — the root's path plus the
// bridges recorded through it — the next bridge reaching it joins generically:
// every slot that differs becomes a boxed Val PHI, so no further version of
// the position is compiled for its state. The region's code below the join
// checks the widened values where it relies on their type (see merge_policy.h).
#include "regions/merge_policy.h"

namespace tributary::regions {

namespace {
class CapPolicy final : public MergePolicy {
public:
  explicit CapPolicy(int k) : k_(static_cast<uint32_t>(k)) {}
  PolicyKind kind() const override { return PolicyKind::Cap; }
  bool merges() const override { return true; }
  JoinDecision join(const SlotValue& r, const SlotValue& b, const MergePoint& at) const override {
    if (at.versions < k_) return join_same_type(r, b);
    return join_generic(r, b, "cap reached: widened to a boxed value");
  }

private:
  uint32_t k_;
};
} // namespace

std::unique_ptr<MergePolicy> make_cap_policy(int k) { return std::make_unique<CapPolicy>(k); }

} // namespace tributary::regions
