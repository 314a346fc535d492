// licm.cpp — loop-invariant code motion for loop traces.
//
// A pure instruction in the loop block whose operands are all defined in the
// entry block computes the same value on every iteration: it moves to the
// entry block (float constants, address arithmetic, unboxing of invariant
// slots). Type and identity guards on invariant values move too, with the
// entry snapshot (resuming at the loop header is exact: if the guard fails it
// fails before the first iteration). Memory-reading guards move only when the
// loop contains no store and no call that could change the word (a helper
// that runs Python code: helpers.def's effects).
#include "jit/helpers.h"
#include "jit/opt/pipeline.h"

namespace tributary::jit {

void pass_licm(Trace& t) {
  // Block 0 is the entry, block 1 the loop header; later blocks (attached
  // bridges) belong to the loop too but run conditionally, so only block 1's
  // instructions move.
  if (t.kind != TraceKind::Loop || t.blocks.size() < 2) return;
  const Block entry = t.blocks[0], loop = t.blocks[1];
  bool loop_writes = false;
  for (Ref r = loop.begin; r < static_cast<Ref>(t.ins.size()); ++r)
    if (t.ins[r].is(Store) ||
        (t.ins[r].is(Call) && helpers::effects_of(t.calls[t.ins[r].imm].fn) == helpers::Effects::Any))
      loop_writes = true;
  std::vector<bool> invariant(t.ins.size(), false);
  for (Ref r = entry.begin; r < entry.end; ++r) invariant[r] = true;
  auto inv = [&](Ref x) { return x == kNoRef || invariant[x]; };
  std::vector<Ref> hoisted, stays;
  for (Ref r = loop.begin; r < loop.end; ++r) {
    Ins& i = t.ins[r];
    bool move = false;
    // A guard that branches (to an attached path) stays where its path leaves.
    if (i.op != IrOp::PHI && i.target < 0 && inv(i.a) && inv(i.b)) {
      switch (i.op) {
      case IrOp::GUARD_INT:
      case IrOp::GUARD_F64:
      case IrOp::GUARD_IS:
      case IrOp::GUARD_ISNT:
      case IrOp::GUARD_TYPE:
      case IrOp::GUARD_BOOL: move = true; break;
      case IrOp::GUARD_WORD: move = !loop_writes; break;
      default: move = i.is(Pure); break;
      }
    }
    if (move) {
      invariant[r] = true;
      if (i.is(Guard)) i.snap = 0; // the entry snapshot: resume at the loop header
      hoisted.push_back(r);
    } else {
      stays.push_back(r);
    }
  }
  if (hoisted.empty()) return;
  std::vector<int32_t> block_of = block_index(t);
  std::vector<Ref> order;
  for (Ref r = entry.begin; r < entry.end; ++r) order.push_back(r);
  for (Ref r : hoisted) {
    order.push_back(r);
    block_of[r] = 0;
  }
  for (Ref r : stays) order.push_back(r);
  for (Ref r = loop.end; r < static_cast<Ref>(t.ins.size()); ++r) order.push_back(r);
  reorder(t, order, block_of);
}

} // namespace tributary::jit
