// cfg.cpp — the upper bound on merging (HHVM's hot-CFG region selector, a
// method JIT restricted to executed paths): a hot exit's path joins the region
// at the first position it reaches that the region covers, whatever the two
// states hold. Slots of one machine type join with a typed PHI (generalize);
// any other pair is widened to a boxed Val PHI, checked where the region's
// code relies on its type. The size budget (cfg_max_blocks) stops the widening
// once the region has that many blocks: past it cfg joins as generalize does.
#include "regions/merge_policy.h"

namespace tributary::regions {

namespace {
class CfgPolicy final : public MergePolicy {
public:
  explicit CfgPolicy(const PolicyParams& p) : max_blocks_(static_cast<uint32_t>(p.cfg_max_blocks)) {}
  PolicyKind kind() const override { return PolicyKind::Cfg; }
  bool merges() const override { return true; }
  JoinDecision join(const SlotValue& r, const SlotValue& b, const MergePoint& at) const override {
    if (at.region_blocks >= max_blocks_) return join_same_type(r, b);
    return join_generic(r, b, "cfg: widened to a boxed value");
  }

private:
  uint32_t max_blocks_;
};
} // namespace

std::unique_ptr<MergePolicy> make_cfg_policy(const PolicyParams& p) { return std::make_unique<CfgPolicy>(p); }

} // namespace tributary::regions
