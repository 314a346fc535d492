// dce.cpp — removes pure instructions whose values nothing uses.
//
// Roots: guards (and their snapshots), stores, calls, control instructions,
// PHIs and the block arguments that feed them.
#include "jit/opt/pipeline.h"

namespace tributary::jit {

void pass_dce(Trace& t) {
  std::vector<bool> live(t.ins.size(), false);
  std::vector<Ref> work;
  auto mark = [&](Ref r) {
    if (r != kNoRef && !live[r]) {
      live[r] = true;
      work.push_back(r);
    }
  };
  for (size_t n = 0; n < t.ins.size(); ++n) {
    const Ins& i = t.ins[n];
    if (i.is(Guard) || i.is(Store) || i.is(Call) || (i.is(Ctl) && i.op != IrOp::PHI)) mark(static_cast<Ref>(n));
  }
  for (const Block& b : t.blocks)
    for (Ref a : b.args) mark(a);
  for (size_t n = 0; n < t.ins.size(); ++n)
    if (t.ins[n].op == IrOp::PHI) mark(static_cast<Ref>(n)); // joins are kept whole
  while (!work.empty()) {
    Ref r = work.back();
    work.pop_back();
    const Ins& i = t.ins[r];
    mark(i.a);
    mark(i.b);
    mark(i.c);
    if (i.op == IrOp::CALL)
      for (Ref a : t.calls[i.imm].args) mark(a);
    if (i.snap >= 0)
      for (const SnapEntry& e : t.snaps[i.snap].entries) mark(e.ref);
  }
  compact(t, live);
}

} // namespace tributary::jit
