// none.cpp — pure tracing: every hot side exit gets a bridge; nothing merges.
#include "regions/merge_policy.h"

namespace tributary::regions {

namespace {
class NonePolicy final : public MergePolicy {
public:
  PolicyKind kind() const override { return PolicyKind::None; }
  bool merges() const override { return false; }
  JoinDecision join(const SlotValue&, const SlotValue&, const MergePoint&) const override { return {SlotJoin::Reject}; }
};
} // namespace

std::unique_ptr<MergePolicy> make_none_policy() { return std::make_unique<NonePolicy>(); }

} // namespace tributary::regions
