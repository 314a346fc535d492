// join_plan.h — where a bridge may join its region, and how each slot joins.
//
// At every bytecode boundary of a bridge's recording the recorder says where
// it stands (jit::JoinQuery: the position, inside the inlined calls it is in,
// and the bridge's value of every live slot). plan_join looks for a boundary
// of the region at the same position that the bridge can reach without a
// cycle and, slot by slot, asks the merge policy how the two paths' values
// join. The plan it returns (one JoinSlot per slot whose values differ) is
// what the bridge's JOIN carries and attach_bridge (former.h) carries out.
#pragma once

#include "jit/region_engine.h"
#include "regions/merge_policy.h"

namespace tributary::regions {

jit::JoinChoice plan_join(const jit::JoinQuery& q, const MergePolicy& policy);

} // namespace tributary::regions
