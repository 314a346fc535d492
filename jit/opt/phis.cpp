// phis.cpp — removes joins that choose nothing: a PHI whose predecessors all
// pass one value (or the PHI itself) is that value.
//
// The region former makes such PHIs where merged paths carry the same value
// to a join: a FOR_ITER whose item is built above the diamond the
// iterator's __next__ branches into, say. Left in, the PHI hides the value
// from the passes after it (the virtuals pass sees a tuple stored into a
// join and keeps its allocation). The value dominates the join, since it
// reaches the join on every path. A loop header's PHIs stay: they name the
// slots the loop carries (memory_resident), and the virtuals pass carries
// objects through them.
#include "jit/opt/pipeline.h"

namespace tributary::jit {

void pass_phis(Trace& t) {
  const size_t header = t.kind == TraceKind::Loop && t.blocks.size() > 1 ? 1 : SIZE_MAX;
  std::vector<Ref> fwd(t.ins.size(), kNoRef);
  std::vector<bool> keep(t.ins.size(), true);
  bool removed = false;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t bi = 1; bi < t.blocks.size(); ++bi) {
      if (bi == header) continue;
      Block& join = t.blocks[bi];
      std::vector<Block*> preds;
      for (Block& p : t.blocks)
        if (p.succ == static_cast<int32_t>(bi)) preds.push_back(&p);
      if (preds.empty()) continue;
      // The PHIs still open the block: the k-th live one takes args[k].
      size_t k = 0;
      for (Ref r = join.begin; r < join.end && t.ins[r].op == IrOp::PHI; ++r) {
        if (!keep[r]) continue;
        Ref same = kNoRef;
        bool one = true;
        for (Block* p : preds) {
          Ref a = p->args[k];
          while (a != kNoRef && fwd[a] != kNoRef) a = fwd[a];
          if (a == r) continue;
          if (same == kNoRef) same = a;
          else one &= a == same;
        }
        if (!one || same == kNoRef) {
          ++k;
          continue;
        }
        fwd[r] = same;
        keep[r] = false;
        for (Block* p : preds) p->args.erase(p->args.begin() + static_cast<std::ptrdiff_t>(k));
        changed = removed = true;
      }
    }
  }
  if (!removed) return;
  forward_uses(t, fwd);
  compact(t, keep);
}

} // namespace tributary::jit
