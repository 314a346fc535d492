// generalize.cpp — like diamond, but a slot whose paths hold different
// constants, or a constant and a variable, of one machine type is widened to a
// variable of that type (a PHI), keeping every other slot specialized. This is
// the seeds' `if x is None: x = default` case: after the `if`, x is the float
// default on one path and the caller's float on the other. A constant the
// recorder used to decide control flow is not widened (the region's code after
// the join relies on its value). Values of two types join where the region's
// code below no longer reads them (diamond's rule): a `type(x) is int` switch
// joins a statement after the switch, not after the function returns.
#include "regions/merge_policy.h"

namespace tributary::regions {

namespace {
class GeneralizePolicy final : public MergePolicy {
public:
  PolicyKind kind() const override { return PolicyKind::Generalize; }
  bool merges() const override { return true; }
  JoinDecision join(const SlotValue& r, const SlotValue& b, const MergePoint&) const override {
    return join_same_type(r, b);
  }
};
} // namespace

std::unique_ptr<MergePolicy> make_generalize_policy() { return std::make_unique<GeneralizePolicy>(); }

} // namespace tributary::regions
