// former.h — the region former: attaching a bridge to its region.
//
// A region is a root trace (loop or function) plus the bridges attached to it,
// kept as one CFG in its raw (unoptimized) form and re-optimized and
// recompiled as a unit whenever it grows. A bridge starts at a guard of the
// region and ends in one of three ways:
//   TO_ROOT — it reached the loop header: it passes the new slot values to the
//             header's PHIs (a path of a trace tree, as in PyPy);
//   RET     — it returned from the function;
//   JOIN    — the merge policy let it join the region at a bytecode position
//             the region covers: the region's block is split there, PHIs are
//             added for the slots whose values differ, and every use of the
//             region's values dominated by the join reads the PHIs instead.
// The guard that exited then branches to the bridge's block.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "jit/jit.h"

namespace tributary::regions {

// The parts of a region an attach changes, to put back when the attach or
// the recompilation after it fails (the one way an attach is undone).
struct RegionCheckpoint {
  explicit RegionCheckpoint(const jit::CompiledTrace& r) : raw(r.raw), bounds(r.bounds), fold_used(r.fold_used) {}
  void restore(jit::CompiledTrace& r) {
    r.raw = std::move(raw);
    r.bounds = std::move(bounds);
    r.fold_used = std::move(fold_used);
  }
  jit::Trace raw;
  std::vector<jit::Boundary> bounds;
  std::vector<uint8_t> fold_used;
};

struct AttachResult {
  std::string error; // why the bridge could not be attached ("" on success)
  int phis = 0;      // PHIs added by a JOIN
  int widened = 0;   // of which Val PHIs joining values of other types (or control-flow constants)
  int checks = 0;    // guards added below the join for widened PHIs
  bool joined = false;
  // On success: the region as it was, for the caller to restore if it cannot
  // compile the result. (On failure the region is already restored.)
  std::optional<RegionCheckpoint> before;
};

// Attaches `bridge` to `region` at the raw guard instruction `guard`: runs the
// steps of BridgeAttach in order; when one fails, the region is left as it was.
AttachResult attach_bridge(jit::CompiledTrace& region, jit::Ref guard, const jit::CompiledTrace& bridge);

// One attach, step by step. Between steps the region is under construction
// (new instructions are appended, the bridge's block is not laid out yet);
// format() prints it as it stands. A step that fails leaves the region
// half-changed: attach_bridge restores it.
class BridgeAttach {
public:
  BridgeAttach(jit::CompiledTrace& region, jit::Ref guard, const jit::CompiledTrace& bridge);

  // 1. Copies the bridge's instructions into the region: constants into the
  //    entry block, the rest into a new block (the tail), with loads of slots
  //    the exit knows replaced by the exit's values and guards that the
  //    region's failed guard implies dropped. A TO_ROOT end passes the loop
  //    header's PHIs; a RET stays; a JOIN is left to plan_join.
  std::string copy_bridge();
  // 2. (A JOIN end.) Finds the join point and turns the recorder's join plan
  //    into PHI inputs: the tail's value per joined slot, boxed, type-checked
  //    or loaded as the plan says.
  std::string plan_join();
  // 3. (A JOIN end.) Splits the region's block at the join point: the part
  //    above falls through to a new join block holding the PHIs. Joining an
  //    earlier bridge's join block adds the tail as one more predecessor.
  std::string split_at_join();
  // 4. (A fresh join block.) A widened PHI (boxed, where the region's code
  //    below was specialized to a type or a constant) is checked at the join:
  //    a type guard and an unbox where code below reads it, or an identity guard.
  void check_widened();
  // 5. The guard branches to the tail; instructions are laid out block by
  //    block (constants first in the entry block, the join block's PHIs and
  //    checks first in it); join points and constant-fold marks renumbered.
  void lay_out();
  // 6. Below the join the region's values, slot loads and snapshots read
  //    the PHIs. Refused when a path from above the join enters below it.
  std::string rewrite_below_join();

  AttachResult& result() { return res_; }
  std::string format() const; // the region as it stands, the tail block last

private:
  struct NewPhi {
    int32_t slot;
    jit::IrType type;
    jit::Ref root_value;   // the region's value (its uses under the join are rewritten)
    jit::Ref root_input;   // what the region's path passes (boxed if needed)
    jit::Ref bridge_input;
  };
  static constexpr int32_t kTail = -2; // the block of the tail's instructions until it has an index

  jit::Ref add(jit::Ins i, int32_t block);
  jit::Ref boxed(jit::Ref r, int32_t block);
  int32_t map_snap(int32_t bridge_snap);
  bool implied(const jit::Ins& i) const;
  std::string end_at_header(const jit::Ins& to_root);
  std::string join_into_existing();
  void split_block();
  int32_t join_snapshot();
  bool used_below(jit::Ref v, const std::vector<std::vector<bool>>& dom_before) const;
  std::vector<jit::Ref> layout_order(const std::vector<int32_t>& blk) const;

  jit::CompiledTrace& region_;
  jit::Trace& root_;
  const jit::CompiledTrace& bridge_ct_;
  const jit::Trace& bridge_;
  const jit::Ref guard_;
  const jit::Ins parent_; // the region's guard, as it was
  AttachResult res_;

  jit::Snapshot exit_snap_;
  int32_t frame_slots_ = 0;
  std::unordered_map<int32_t, jit::Ref> at_exit_; // slot -> the region's value at the exit
  std::vector<int32_t> blk_;                      // every instruction's block (kTail: the tail's)
  size_t first_new_ = 0;                          // the first instruction the attach added
  std::vector<jit::Ref> map_;                     // bridge ref -> region ref
  std::vector<int32_t> snap_map_;                 // bridge snapshot -> region snapshot
  std::vector<jit::Ref> hoisted_;                 // constants, for the entry block
  jit::Block tail_{0, 0, -1, {}};
  int32_t join_at_ = -1; // the bridge's JOIN instruction

  std::vector<NewPhi> new_phis_;
  std::vector<std::vector<bool>> dom_before_; // the region's dominators before the split
  int32_t split_ = -1;                        // the block split at the join
  jit::Ref join_ins_ = jit::kNoRef;           // the region's instruction at the join point
  bool existing_join_ = false;                // joining a join block an earlier bridge made (no split)
  int32_t join_block_ = -1;
  int32_t join_snap_ = -1;             // the join position's snapshot, for widened PHIs' checks
  std::vector<jit::Ref> phi_refs_;     // per new PHI: the join block's PHI
  std::vector<jit::Ref> replacement_;  // per new PHI: what the region's value reads below the join (kNoRef: itself)
  std::vector<jit::Ref> checks_;       // guards and unboxes that open the join block after its PHIs
  std::vector<bool> reused_;           // per new PHI: it is the existing join block's PHI
  bool laid_out_ = false;
};

} // namespace tributary::regions
