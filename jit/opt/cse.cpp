// cse.cpp — common-subexpression and redundant-guard elimination.
//
// Blocks are laid out in dominance order (entry before loop; regions keep
// that order), so a linear scan sees every dominating definition first.
// Pure instructions with equal (op, type, operands, imm) are merged. Guards
// on immutable facts (type, identity) are redundant once an equal guard has
// passed; a GUARD_WORD reads memory, so it is merged only while no call or
// store could have changed the word in between. The words are version
// counters inside runtime structures (dicts, their entries, the class
// epoch), at constant addresses: a store through an object's pointer writes
// a Value field of that object (instance slots, list items, cells, iterator
// state) and cannot change one, a frame-slot store neither; a store to a
// constant address changes only the word at that address.
// Loads of one address merge while nothing could have written memory in
// between (no store, no call that writes memory). A helper's effects
// (helpers.def) say what its call changes: an allocating one nothing the
// trace read, one that writes its arguments memory but no version word, any
// other everything. Memory facts reach only blocks with one
// predecessor: a join or a loop header is also entered from paths that may
// have written.
#include <map>
#include <tuple>

#include "jit/helpers.h"
#include "jit/opt/pipeline.h"

namespace tributary::jit {

void pass_cse(Trace& t) {
  using Key = std::tuple<int, int, Ref, Ref, int64_t>;
  struct Scope {
    std::map<Key, Ref> seen;       // pure values and immutable-fact guards
    std::map<Key, Ref> word_guards; // memory-reading guards, valid until a write
    std::map<Key, Ref> loads;       // memory reads, valid until a store or call
    void forget_memory() {
      word_guards.clear();
      loads.clear();
    }
  };
  // Blocks are ordered so each block's dominator precedes it: block 0, the
  // loop header (dominated by the end of block 0), then attached blocks, each
  // dominated by the prefix of its parent block up to the guard branching to it.
  std::vector<Scope> at_entry(t.blocks.size());
  std::vector<bool> has_entry(t.blocks.size(), false);
  // Predecessor counts (fallthrough edges and guard branches).
  std::vector<int> preds(t.blocks.size(), 0);
  for (const Block& b : t.blocks) {
    if (b.succ >= 0) ++preds[b.succ];
    for (Ref r = b.begin; r < b.end; ++r)
      if (t.ins[r].target >= 0) ++preds[t.ins[r].target];
  }
  // What every path has computed: block 0 up to its first branch (constants
  // live there). A block where paths join starts from this.
  Scope common;
  bool common_set = false;
  std::vector<Ref> fwd(t.ins.size(), kNoRef);
  std::vector<bool> keep(t.ins.size(), true);
  auto resolve = [&](Ref x) {
    while (x != kNoRef && fwd[x] != kNoRef) x = fwd[x];
    return x;
  };
  for (size_t bi = 0; bi < t.blocks.size(); ++bi) {
    Scope scope = has_entry[bi] ? std::move(at_entry[bi]) : (bi == 0 ? Scope{} : common);
    if (!has_entry[bi]) scope.forget_memory();
    const Block& b = t.blocks[bi];
    for (Ref n = b.begin; n < b.end; ++n) {
      if (bi == 0 && !common_set && t.ins[n].target >= 0) {
        common = scope;
        common_set = true;
      }
      Ins& i = t.ins[n];
      i.a = resolve(i.a);
      i.b = resolve(i.b);
      if (i.op == IrOp::PHI) continue;
      Key k{static_cast<int>(i.op), static_cast<int>(i.type), i.a, i.b, i.imm};
      if (i.is(Call)) { // (what the helper may change: helpers.def's effects)
        const helpers::Effects e = helpers::effects_of(t.calls[i.imm].fn);
        if (e == helpers::Effects::Any) scope.forget_memory();
        else if (e == helpers::Effects::Writes) scope.loads.clear();
      }
      if (i.is(Store)) scope.loads.clear();
      if (i.op == IrOp::STORE && t.ins[i.a].op == IrOp::KRAW) {
        const int64_t written = t.ins[i.a].imm + i.imm;
        std::erase_if(scope.word_guards, [&](const auto& g) {
          const Ins& word = t.ins[std::get<2>(g.first)];
          return word.op != IrOp::KRAW || word.imm == written;
        });
      }
      // A block entered only by this branch starts with what holds here.
      if (i.target >= 0 && preds[i.target] == 1) {
        at_entry[i.target] = scope;
        has_entry[i.target] = true;
      }
      if (i.target >= 0) continue; // a branch, not a redundant check
      switch (i.op) {
      case IrOp::GUARD_INT:
      case IrOp::GUARD_F64:
      case IrOp::GUARD_IS:
      case IrOp::GUARD_ISNT:
      case IrOp::GUARD_TYPE:
      case IrOp::GUARD_BOOL:
      case IrOp::GUARD_TRUE:
      case IrOp::GUARD_FALSE:
        if (scope.seen.count(k)) keep[n] = false;
        else scope.seen[k] = n;
        continue;
      case IrOp::GUARD_WORD:
        if (scope.word_guards.count(k)) keep[n] = false;
        else scope.word_guards[k] = n;
        continue;
      case IrOp::LOAD:
      case IrOp::LOAD_ELEM: {
        auto it = scope.loads.find(k);
        if (it != scope.loads.end()) fwd[n] = it->second;
        else scope.loads[k] = n;
        continue;
      }
      default: break;
      }
      if (!i.is(Pure)) continue;
      auto it = scope.seen.find(k);
      if (it != scope.seen.end()) fwd[n] = it->second;
      else scope.seen[k] = n;
    }
    if (bi == 0 && !common_set) {
      common = scope;
      common_set = true;
    }
    // A successor entered only from here (or a loop header, whose other
    // predecessors it dominates itself, entered from an entry block without
    // branches) starts with this block's facts.
    if (b.succ >= 0 && (preds[b.succ] == 1 || (bi == 0 && b.succ == 1 && t.kind == TraceKind::Loop))) {
      bool branches = false;
      for (Ref n = b.begin; n < b.end; ++n) branches |= t.ins[n].target >= 0;
      if (preds[b.succ] == 1 || !branches) {
        if (preds[b.succ] != 1) scope.forget_memory(); // the back edge may have written
        at_entry[b.succ] = std::move(scope);
        has_entry[b.succ] = true;
      }
    }
  }
  forward_uses(t, fwd);
  for (size_t n = 0; n < t.ins.size(); ++n)
    if (fwd[n] != kNoRef) keep[n] = false;
  compact(t, keep);
}

} // namespace tributary::jit
