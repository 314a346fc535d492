// ifconvert.cpp — diamonds whose side path computes nothing become selects.
//
// A bridge that only re-binds locals to values the region already has (the
// `if x is None: x = default` and clamp diamonds of data-driven code: a
// constant, or a value defined above the guard) joins right after its guard.
// The guard's branch then only chooses which values reach the join's PHIs;
// SELECTs make that choice without a branch, so branches that go either way
// at random stop costing mispredictions. The side block disappears (its few
// pure instructions move above the selects) and the guard becomes the
// condition.
#include "jit/opt/pipeline.h"

#include <algorithm>

namespace tributary::jit {

namespace {

constexpr int32_t kMaxSideOps = 8; // pure instructions a side block may hold

bool speculatable(const Ins& i) {
  // Pure and nothing else (no guard, load, store or call); a constant is pure too.
  return (ir_info(i.op).flags & ~Const) == Pure && i.op != IrOp::PHI;
}

// A type guard in the side block on a value it passes to the join, which the
// join block checks again first thing (a widened PHI's check): the join's
// check exits with the same interpreter state, so the side's is redundant.
bool checked_at_join(const Trace& t, const Block& side, Ref r) {
  const Ins& g = t.ins[r];
  if (g.op != IrOp::GUARD_F64 && g.op != IrOp::GUARD_INT) return false;
  const Block& join = t.blocks[side.succ];
  for (size_t k = 0; k < side.args.size(); ++k) {
    if (side.args[k] != g.a) continue;
    const Ref phi = join.begin + static_cast<Ref>(k);
    for (Ref j = join.begin; j < join.end; ++j) {
      const Ins& x = t.ins[j];
      if (x.op == IrOp::PHI) continue;
      if (x.op == g.op && x.a == phi) return true;
      if (!x.is(Guard) && !speculatable(x)) break; // (only checks and pure values before it)
    }
  }
  return false;
}

// The condition under which the guard passes (the region's own path), or kNoRef.
Ref stay_condition(Trace& t, const Ins& g, std::vector<Ref>& added) {
  auto add = [&](IrOp op, IrType type, Ref a, Ref b, int64_t imm) {
    t.ins.push_back({op, type, a, b, imm});
    added.push_back(static_cast<Ref>(t.ins.size()) - 1);
    return added.back();
  };
  switch (g.op) {
  case IrOp::GUARD_TRUE: return g.a;
  case IrOp::GUARD_FALSE: return add(IrOp::NOT, IrType::Bool, g.a, kNoRef, 0);
  case IrOp::GUARD_IS:
  case IrOp::GUARD_ISNT: {
    Ref k = add(IrOp::KVAL, IrType::Val, kNoRef, kNoRef, g.imm);
    Ref eq = add(IrOp::VEQ, IrType::Bool, g.a, k, 0);
    return g.op == IrOp::GUARD_IS ? eq : add(IrOp::NOT, IrType::Bool, eq, kNoRef, 0);
  }
  default: return kNoRef;
  }
}

// Converts one diamond; false when there is none left.
bool convert_one(Trace& t) {
  const int32_t nblocks = static_cast<int32_t>(t.blocks.size());
  std::vector<int32_t> entries(nblocks, 0); // edges into each block
  for (int32_t b = 0; b < nblocks; ++b) {
    if (t.blocks[b].succ >= 0) ++entries[t.blocks[b].succ];
    for (Ref r = t.blocks[b].begin; r < t.blocks[b].end; ++r)
      if (t.ins[r].target >= 0) ++entries[t.ins[r].target];
  }
  for (int32_t b = 0; b < nblocks; ++b) {
    Block& blk = t.blocks[b];
    if (blk.succ < 0 || blk.end <= blk.begin) continue;
    Ref g = blk.end - 1; // the branching guard, followed by nothing but pure values
    while (g > blk.begin && speculatable(t.ins[g])) --g;
    const int32_t side = t.ins[g].target;
    if (side < 0 || side == b || entries[side] != 1) continue;
    const Block& sb = t.blocks[side];
    if (sb.succ != blk.succ || sb.args.size() != blk.args.size() || sb.end - sb.begin > kMaxSideOps) continue;
    bool pure = true;
    std::vector<Ref> dropped; // side guards the join re-checks
    for (Ref r = sb.begin; r < sb.end && pure; ++r) {
      if (checked_at_join(t, sb, r)) dropped.push_back(r);
      else pure = speculatable(t.ins[r]);
    }
    if (!pure) continue;
    for (size_t k = 0; k < blk.args.size() && pure; ++k)
      pure = t.ins[blk.args[k]].type == t.ins[sb.args[k]].type;
    if (!pure) continue;

    std::vector<Ref> added;
    const Ins guard = t.ins[g];
    Ref stay = stay_condition(t, guard, added);
    if (stay == kNoRef) {
      t.ins.resize(t.ins.size() - added.size());
      continue;
    }
    std::vector<Ref> args(blk.args.size());
    for (size_t k = 0; k < args.size(); ++k) {
      Ref x = t.blocks[b].args[k], y = t.blocks[side].args[k];
      if (x == y) {
        args[k] = x;
        continue;
      }
      Ins sel{IrOp::SELECT, t.ins[x].type, stay, x};
      sel.c = y;
      t.ins.push_back(sel);
      added.push_back(static_cast<Ref>(t.ins.size()) - 1);
      args[k] = added.back();
    }
    // New layout: the side block's instructions and the selects close block b
    // in place of the guard; the side block is left empty, then removed.
    std::vector<int32_t> block_of = block_index(t);
    for (Ref r : added) block_of[r] = b;
    std::vector<Ref> order;
    for (int32_t k = 0; k < nblocks; ++k) {
      if (k == side) continue;
      const Block& kb = t.blocks[k];
      for (Ref r = kb.begin; r < kb.end; ++r)
        if (r != g) order.push_back(r);
      if (k == b) {
        for (Ref r = t.blocks[side].begin; r < t.blocks[side].end; ++r) {
          if (std::find(dropped.begin(), dropped.end(), r) != dropped.end()) continue;
          order.push_back(r);
          block_of[r] = b;
        }
        for (Ref r : added) order.push_back(r);
      }
    }
    t.blocks[b].args = args;
    std::vector<Ref> map = reorder(t, order, block_of);
    (void)map;
    t.blocks.erase(t.blocks.begin() + side);
    for (Block& kb : t.blocks)
      if (kb.succ > side) --kb.succ;
    for (Ins& i : t.ins)
      if (i.target > side) --i.target;
    return true;
  }
  return false;
}

} // namespace

void pass_ifconvert(Trace& t) {
  while (convert_one(t)) {
  }
}

} // namespace tributary::jit
