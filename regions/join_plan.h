// join_plan.h — where a bridge may join its region, and how each slot joins.
//
// At every bytecode boundary of a bridge's recording the recorder says where
// it stands (JoinQuery: the position, inside the inlined calls it is in, and
// the bridge's value of every live slot). plan_join looks for a boundary of
// the region at the same position that the bridge can reach without a cycle
// and, slot by slot, asks the merge policy how the two paths' values join.
// The plan it returns (one JoinSlot per slot whose values differ) is what the
// bridge's JOIN carries and attach_bridge (former.h) carries out.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "jit/jit.h"
#include "regions/merge_policy.h"

namespace tributary::regions {

// One slot live at the bridge's position.
struct LiveSlot {
  int32_t slot;
  jit::Ref ref; // the bridge's value; kNoRef: the bridge has not touched it
  bool inlined; // a slot of an inlined frame (no memory behind it)
};

struct JoinQuery {
  const jit::CompiledTrace& region;
  jit::Ref guard;        // the region's raw guard the bridge left from
  const jit::Trace& bridge;
  uint32_t pc = 0, depth = 0;               // the position, in the innermost frame
  std::vector<jit::SnapFrame> frames;       // the inlined frames around it
  uint32_t resume_pc = 0, resume_depth = 0; // where the trace's own frame resumes
  int32_t root_stack_base = 0;              // the trace's own frame's first stack slot
  std::vector<LiveSlot> live;
  // The region's block of every raw instruction and its dominators (kept by
  // the caller across the boundaries of one recording).
  const std::vector<int32_t>& region_blocks;
  const std::vector<std::vector<bool>>& region_dom;
  // Whether the recorder decided control flow on the bridge's constant r.
  std::function<bool(jit::Ref)> bridge_fold;
  // The bridge's constant for an inlined frame's local no path has bound.
  std::function<jit::Ref()> unbound_value;
};

struct JoinChoice {
  int32_t bound = -1; // the region's boundary to join; -1: no join here
  std::vector<jit::JoinSlot> plan;
  int widened = 0;                    // Val PHIs joining values of other types
  std::vector<std::string> widen_why; // one line per widened slot (TRIBUTARY_LOG=region)
  std::string note;                   // why it joins, or the first reason it cannot
};

JoinChoice plan_join(const JoinQuery& q, const MergePolicy& policy);

} // namespace tributary::regions
