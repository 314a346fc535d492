// cse.cpp — common-subexpression and redundant-guard elimination.
//
// Blocks are laid out in dominance order (entry before loop; regions keep
// that order), so a linear scan sees every dominating definition first.
// Pure instructions with equal (op, type, operands, imm) are merged. Guards
// on immutable facts (type, identity) are redundant once an equal guard has
// passed; a GUARD_WORD reads memory, so it is merged only while no call or
// store could have changed the word in between.
#include <map>
#include <tuple>

#include "jit/opt/pipeline.h"

namespace tributary::jit {

void pass_cse(Trace& t) {
  using Key = std::tuple<int, int, Ref, Ref, int64_t>;
  std::map<Key, Ref> seen;
  std::map<Key, Ref> word_guards;
  std::vector<Ref> fwd(t.ins.size(), kNoRef);
  std::vector<bool> keep(t.ins.size(), true);
  for (size_t n = 0; n < t.ins.size(); ++n) {
    Ins& i = t.ins[n];
    auto r = [&](Ref x) {
      while (x != kNoRef && fwd[x] != kNoRef) x = fwd[x];
      return x;
    };
    i.a = r(i.a);
    i.b = r(i.b);
    if (i.op == IrOp::PHI) continue;
    Key k{static_cast<int>(i.op), static_cast<int>(i.type), i.a, i.b, i.imm};
    if (i.is(Call) || i.is(Store)) word_guards.clear();
    switch (i.op) {
    case IrOp::GUARD_INT:
    case IrOp::GUARD_F64:
    case IrOp::GUARD_IS:
    case IrOp::GUARD_ISNT:
    case IrOp::GUARD_TYPE:
    case IrOp::GUARD_BOOL:
    case IrOp::GUARD_TRUE:
    case IrOp::GUARD_FALSE:
      if (seen.count(k)) keep[n] = false;
      else seen[k] = static_cast<Ref>(n);
      continue;
    case IrOp::GUARD_WORD:
      if (word_guards.count(k)) keep[n] = false;
      else word_guards[k] = static_cast<Ref>(n);
      continue;
    default: break;
    }
    if (!i.is(Pure)) continue;
    auto it = seen.find(k);
    if (it != seen.end()) fwd[n] = it->second;
    else seen[k] = static_cast<Ref>(n);
  }
  forward_uses(t, fwd);
  for (size_t n = 0; n < t.ins.size(); ++n)
    if (fwd[n] != kNoRef) keep[n] = false;
  compact(t, keep);
}

} // namespace tributary::jit
