// former.cpp — see former.h.
#include "regions/former.h"

#include <algorithm>
#include <bit>
#include <unordered_map>

#include "jit/opt/pipeline.h"
#include "vm/code.h"

namespace tributary::regions {

using jit::Block;
using jit::CompiledTrace;
using jit::Ins;
using jit::IrOp;
using jit::IrType;
using jit::JoinSlot;
using jit::kNoRef;
using jit::Ref;
using jit::SnapEntry;
using jit::Snapshot;
using jit::Trace;
using jit::TraceKind;

namespace {

// Does a snapshot restore `slot`? The trace's own frame's locals always, its
// value stack below the snapshot's depth; an inlined frame's slots only when
// the snapshot is inside that frame (and, for its stack, below its depth).
bool live_in(const Snapshot& snap, int32_t slot, const vm::Code* code) {
  const int32_t locals = code ? code->nlocals + code->ncells() : 0;
  const int32_t own = code ? locals + code->max_stack : 0;
  if (slot < own) return slot < locals || slot - locals < static_cast<int32_t>(snap.stack_depth);
  for (const jit::SnapFrame& f : snap.frames) {
    const vm::Code* co = f.func.as<vm::Function>()->code;
    if (slot < f.base || slot >= f.base + co->nlocals + co->max_stack) continue;
    return slot - f.base < co->nlocals || slot - f.base - co->nlocals < static_cast<int32_t>(f.stack_depth);
  }
  return false;
}

IrOp box_op(IrType t) {
  switch (t) {
  case IrType::Int: return IrOp::BOX_INT;
  case IrType::F64: return IrOp::BOX_F64;
  case IrType::Bool: return IrOp::BOX_BOOL;
  default: return IrOp::kCount;
  }
}

// Inserts an empty block at index `at`, renumbering every block reference.
void insert_block(Trace& t, int32_t at, Block b) {
  for (Block& x : t.blocks)
    if (x.succ >= at) ++x.succ;
  for (Ins& i : t.ins)
    if (i.target >= at) ++i.target;
  if (b.succ >= at) ++b.succ;
  t.blocks.insert(t.blocks.begin() + at, std::move(b));
}

} // namespace

AttachResult attach_bridge(CompiledTrace& region, Ref guard, const CompiledTrace& bridge_ct) {
  Trace& root = region.raw;
  const Trace& bridge = bridge_ct.raw;
  AttachResult res;
  if (bridge.blocks.size() != 1) return {"bridge is not a single block"};
  if (root.ins[guard].snap < 0 || root.ins[guard].target >= 0) return {"guard has no exit"};
  if (root.kind == TraceKind::Loop && guard < root.blocks[0].end)
    return {"guard is in the entry block"}; // the loop header relies on all of it
  const Snapshot exit_snap = root.snaps[root.ins[guard].snap];
  const int32_t frame_slots = root.code ? root.code->nlocals + root.code->ncells() + root.code->max_stack : 0;
  std::unordered_map<int32_t, Ref> at_exit;
  for (const SnapEntry& e : exit_snap.entries) at_exit[e.slot] = e.ref;

  // Every instruction's block; kTail marks the bridge's new block until it has an index.
  constexpr int32_t kTail = -2;
  std::vector<int32_t> blk = jit::block_index(root);
  const size_t first_new = root.ins.size(), first_snap = root.snaps.size(), first_call = root.calls.size();
  const size_t first_pool = root.pool.size();
  auto fail = [&](const char* why) {
    root.ins.resize(first_new);
    root.snaps.resize(first_snap);
    root.calls.resize(first_call);
    root.pool.resize(first_pool);
    return AttachResult{why};
  };
  auto add = [&](Ins i, int32_t block) {
    root.ins.push_back(i);
    blk.push_back(block);
    return static_cast<Ref>(root.ins.size()) - 1;
  };
  auto boxed = [&](Ref r, int32_t block) {
    IrOp op = box_op(root.ins[r].type);
    return op == IrOp::kCount ? r : add({op, IrType::Val, r}, block);
  };
  std::vector<Ref> map(bridge.ins.size(), kNoRef);
  std::vector<Ref> hoisted;
  // Bridge snapshots: the bridge's own view, completed with the exit's values
  // for every slot it did not touch (the frame's memory is stale there).
  std::vector<int32_t> snap_map(bridge.snaps.size(), -1);
  auto map_snap = [&](int32_t s) {
    if (snap_map[s] >= 0) return snap_map[s];
    const Snapshot& bs = bridge.snaps[s];
    Snapshot ns{bs.pc, bs.stack_depth, {}, bs.frames};
    std::unordered_map<int32_t, bool> have;
    for (const SnapEntry& e : bs.entries) {
      ns.entries.push_back({e.slot, map[e.ref]});
      have[e.slot] = true;
    }
    for (const SnapEntry& e : exit_snap.entries)
      if (!have.count(e.slot)) ns.entries.push_back(e);
    root.snaps.push_back(std::move(ns));
    snap_map[s] = static_cast<int32_t>(root.snaps.size()) - 1;
    return snap_map[s];
  };

  Block tail{0, 0, -1, {}};
  struct NewPhi {
    int32_t slot;
    IrType type;
    Ref root_value;   // the region's value (its uses under the join are rewritten)
    Ref root_input;   // what the region's path passes (boxed if needed)
    Ref bridge_input;
  };
  std::vector<NewPhi> new_phis;
  std::vector<std::vector<bool>> dom_before; // the region's dominators before the attach (widened joins)
  int32_t split = -1;   // block split at the join
  Ref join_ins = kNoRef;
  bool existing_join = false; // joining a join block an earlier bridge made (no split)
  bool ended = false;
  // On the bridge's path the region's guard failed: a bridge guard that
  // checks exactly that (the branch re-recorded from the exit) always passes.
  const Ins parent = root.ins[guard];
  auto implied = [&](const Ins& i) {
    if (!i.is(jit::Guard) || i.a == kNoRef || map[i.a] == kNoRef) return false;
    const Ref a = map[i.a];
    if (parent.op == IrOp::GUARD_ISNT && i.op == IrOp::GUARD_IS) return a == parent.a && i.imm == parent.imm;
    if (parent.op == IrOp::GUARD_IS && i.op == IrOp::GUARD_ISNT) return a == parent.a && i.imm == parent.imm;
    if (parent.op == IrOp::GUARD_TRUE || parent.op == IrOp::GUARD_FALSE) {
      const bool failed_value = parent.op == IrOp::GUARD_FALSE; // what the condition was on this path
      if ((i.op == IrOp::GUARD_TRUE || i.op == IrOp::GUARD_FALSE) && a == parent.a)
        return (i.op == IrOp::GUARD_TRUE) == failed_value;
      // The exit boxed the condition: GUARD_IS (BOX_BOOL c) #True/#False.
      if (i.op == IrOp::GUARD_IS && root.ins[a].op == IrOp::BOX_BOOL && root.ins[a].a == parent.a)
        return static_cast<uint64_t>(i.imm) == Value::boolean(failed_value).bits();
    }
    return false;
  };
  for (size_t n = 0; n < bridge.ins.size(); ++n) {
    Ins i = bridge.ins[n];
    if (implied(i)) continue;
    switch (i.op) {
    case IrOp::KINT:
    case IrOp::KRAW:
    case IrOp::KF64:
    case IrOp::KVAL:
      map[n] = add(i, 0); // constants: the entry block's start
      hoisted.push_back(map[n]);
      continue;
    case IrOp::SLOAD: {
      auto it = at_exit.find(static_cast<int32_t>(i.imm));
      if (it != at_exit.end()) map[n] = boxed(it->second, kTail);
      else if (i.imm >= frame_slots) { // an inlined frame's local that is unbound at the exit
        map[n] = add({IrOp::KVAL, IrType::Val, kNoRef, kNoRef, static_cast<int64_t>(Value::empty().bits())}, 0);
        hoisted.push_back(map[n]);
      } else {
        map[n] = add(i, kTail);
      }
      continue;
    }
    case IrOp::TO_ROOT: {
      if (i.imm != 0) return fail("bridge continues in another loop's trace");
      if (root.kind != TraceKind::Loop || root.blocks.size() < 2) return fail("no loop header to return to");
      const Snapshot& end = bridge.snaps[i.snap];
      std::unordered_map<int32_t, Ref> at_end;
      for (const SnapEntry& e : end.entries) at_end[e.slot] = map[e.ref];
      std::vector<int32_t> phi_slots;
      std::vector<IrType> phi_types;
      for (Ref r = root.blocks[1].begin; r < root.blocks[1].end && root.ins[r].op == IrOp::PHI; ++r) {
        phi_slots.push_back(static_cast<int32_t>(root.ins[r].imm));
        phi_types.push_back(root.ins[r].type);
      }
      for (auto [slot, ref] : at_end) {
        bool carried = false;
        for (int32_t s : phi_slots) carried |= s == slot;
        auto ex = at_exit.find(slot);
        if (!carried && !(ex != at_exit.end() && ex->second == ref))
          return fail("bridge changes a slot the loop does not carry");
      }
      int32_t end_snap = map_snap(static_cast<int32_t>(i.snap));
      for (size_t k = 0; k < phi_slots.size(); ++k) {
        Ref v = at_end.count(phi_slots[k]) ? at_end[phi_slots[k]]
                : at_exit.count(phi_slots[k]) ? at_exit[phi_slots[k]] : kNoRef;
        if (v == kNoRef) return fail("loop value unknown at the bridge's end");
        IrType have = root.ins[v].type, want = phi_types[k];
        if (have != want) {
          if (want == IrType::Val) {
            v = boxed(v, kTail);
          } else if (have == IrType::Val && (want == IrType::Int || want == IrType::F64)) {
            Ins g{want == IrType::Int ? IrOp::GUARD_INT : IrOp::GUARD_F64, IrType::None, v};
            g.snap = end_snap;
            add(g, kTail);
            v = add({want == IrType::Int ? IrOp::UNBOX_INT : IrOp::UNBOX_F64, want, v}, kTail);
          } else {
            return fail("a loop value changes type on the bridge");
          }
        }
        tail.args.push_back(v);
      }
      tail.succ = 1;
      ended = true;
      continue;
    }
    case IrOp::JOIN: {
      if (bridge_ct.join_bound < 0 || bridge_ct.join_bound >= static_cast<int32_t>(region.bounds.size()))
        return fail("join point unknown");
      join_ins = region.bounds[bridge_ct.join_bound].ins;
      if (join_ins >= static_cast<Ref>(first_new) || !jit::joins_forward(root, blk, guard, join_ins))
        return fail("join point not after the guard");
      split = blk[join_ins];
      // At the start of a block on the region's path: another bridge already
      // joined there (a join block, with or without PHIs), and this one
      // becomes one more predecessor. (Not the entry block or a loop's header.)
      if (join_ins == root.blocks[split].begin) {
        if (split == 0 || (root.kind == TraceKind::Loop && split == 1))
          return fail("the join point starts a block that is not a join");
        existing_join = true;
      }
      dom_before = jit::dominators(root);
      int32_t join_snap = map_snap(static_cast<int32_t>(i.snap));
      for (const JoinSlot& j : bridge_ct.join_plan) {
        Ref bv = j.bridge_ref == kNoRef ? kNoRef : (j.bridge_from_region ? j.bridge_ref : map[j.bridge_ref]);
        switch (j.action) {
        case JoinSlot::MemPhi: {
          // The bridge's value also goes to memory: code that reads the slot
          // from memory without passing the join (a later iteration, an exit
          // that omits it, the interpreter after the loop) must see it.
          Ref v = boxed(bv, kTail);
          add({IrOp::SSTORE, IrType::None, v, kNoRef, j.slot}, kTail);
          new_phis.push_back({j.slot, IrType::Val, kNoRef, kNoRef, v});
          break;
        }
        case JoinSlot::LoadSame: {
          auto ex = at_exit.find(j.slot);
          Ref v = ex != at_exit.end() ? boxed(ex->second, kTail) : add({IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, j.slot}, kTail);
          Ins g{IrOp::GUARD_IS, IrType::None, v, kNoRef, static_cast<int64_t>(j.const_bits)};
          g.snap = join_snap;
          add(g, kTail);
          break;
        }
        case JoinSlot::LoadPhi: {
          auto ex = at_exit.find(j.slot);
          if (ex != at_exit.end() && root.ins[ex->second].type == j.type) {
            new_phis.push_back({j.slot, j.type, j.region_ref, j.region_ref, ex->second});
            break;
          }
          Ref v = ex != at_exit.end() ? boxed(ex->second, kTail) : add({IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, j.slot}, kTail);
          if (j.type != IrType::Val) {
            Ins g{j.type == IrType::Int ? IrOp::GUARD_INT : IrOp::GUARD_F64, IrType::None, v};
            g.snap = join_snap;
            add(g, kTail);
            v = add({j.type == IrType::Int ? IrOp::UNBOX_INT : IrOp::UNBOX_F64, j.type, v}, kTail);
          }
          new_phis.push_back({j.slot, j.type, j.region_ref, j.region_ref, v});
          break;
        }
        case JoinSlot::Phi: {
          const IrType have = root.ins[bv].type;
          if (have != j.type) {
            if (j.type == IrType::Val) {
              bv = boxed(bv, kTail);
            } else if (have == IrType::Val && (j.type == IrType::Int || j.type == IrType::F64)) {
              // The region's code below is specialized: the bridge's boxed value is checked.
              Ins g{j.type == IrType::Int ? IrOp::GUARD_INT : IrOp::GUARD_F64, IrType::None, bv};
              g.snap = join_snap;
              add(g, kTail);
              bv = add({j.type == IrType::Int ? IrOp::UNBOX_INT : IrOp::UNBOX_F64, j.type, bv}, kTail);
            } else {
              return fail("join value of another type");
            }
          }
          new_phis.push_back({j.slot, j.type, j.region_ref, j.region_ref, bv});
          break;
        }
        }
      }
      ended = true;
      continue;
    }
    case IrOp::RET:
      if (root.kind != TraceKind::Function) return fail("bridge returns from a loop trace");
      i.a = map[i.a];
      add(i, kTail);
      ended = true;
      continue;
    default: break;
    }
    if (i.a != kNoRef) i.a = map[i.a];
    if (i.b != kNoRef) i.b = map[i.b];
    if (i.snap >= 0) i.snap = map_snap(i.snap);
    i.exit_id = -1;
    i.target = -1;
    if (i.op == IrOp::CALL) {
      jit::CallSite cs = bridge.calls[i.imm];
      for (Ref& a : cs.args) a = map[a];
      root.calls.push_back(std::move(cs));
      i.imm = static_cast<int64_t>(root.calls.size()) - 1;
    }
    map[n] = add(i, kTail);
  }
  if (!ended) return fail("bridge has no end");
  for (size_t k = 0; k < bridge.pool.size(); ++k) root.pool.push_back(bridge.pool[k]);

  // Split the region's block at the join: [begin, join) falls through to the
  // new join block M = [join, end), which inherits the old successor.
  int32_t join_block = -1;
  std::vector<Ref> phi_refs;
  std::vector<Ref> replacement; // per new PHI: what the region's value reads below the join (kNoRef: itself)
  std::vector<Ref> checks;      // guards and unboxes that open M after its PHIs

  // Widened PHIs (a Val PHI joining a region value of another type, or a
  // constant the region decided control flow on): the region's code below the
  // join was specialized to its own value, so the PHI is checked first, at the
  // join's bytecode position. A typed value gets a type guard and an unbox
  // when code below the join reads it (snapshots take the boxed PHI as it is);
  // a control-flow constant gets an identity guard and stays a constant.
  auto check_widened = [&](int32_t mblock) {
    const Ref old_end = static_cast<Ref>(first_new);
    // Blocks are numbered after the split here (M = split + 1); dom_before
    // is indexed by the numbers before it. A block the split block dominated
    // is dominated by M: every path into it leaves the split block through
    // the join.
    auto below = [&](int32_t nb) {
      if (nb == split + 1) return true;
      if (nb < 0 || nb == split) return false;
      int32_t ob = nb < split ? nb : nb - 1;
      return ob < static_cast<int32_t>(dom_before.size()) && dom_before[ob][split];
    };
    auto used_below = [&](Ref v) {
      for (Ref r = 0; r < old_end; ++r) {
        const Ins& i = root.ins[r];
        if (!below(blk[r])) continue;
        if (i.a == v || i.b == v) return true;
        if (i.op == IrOp::CALL)
          for (Ref a : root.calls[i.imm].args)
            if (a == v) return true;
      }
      for (size_t b = 0; b < root.blocks.size(); ++b)
        if (below(static_cast<int32_t>(b)))
          for (Ref a : root.blocks[b].args)
            if (a == v) return true;
      return false;
    };
    int32_t snap = -1;
    auto join_snapshot = [&]() {
      if (snap >= 0) return snap;
      const jit::Boundary& bd = region.bounds[bridge_ct.join_bound];
      Snapshot ns{bd.resume_pc, bd.resume_depth, {}, bd.frames};
      for (const SnapEntry& e : bd.state) ns.entries.push_back(e);
      for (size_t k = 0; k < new_phis.size(); ++k) {
        bool present = false;
        for (SnapEntry& e : ns.entries)
          if (e.slot == new_phis[k].slot) e.ref = phi_refs[k], present = true;
        if (!present) ns.entries.push_back({new_phis[k].slot, phi_refs[k]});
      }
      root.snaps.push_back(std::move(ns));
      snap = static_cast<int32_t>(root.snaps.size()) - 1;
      return snap;
    };
    for (size_t k = 0; k < new_phis.size(); ++k) {
      const NewPhi& p = new_phis[k];
      if (p.type != IrType::Val || p.root_value == kNoRef) continue;
      const Ins rv = root.ins[p.root_value];
      bool is_const = rv.is_value_const();
      bool fold = is_const && p.root_value < static_cast<Ref>(region.fold_used.size()) && region.fold_used[p.root_value];
      if (rv.type == IrType::Val && !fold) continue;
      ++res.widened;
      if (fold) {
        const uint64_t bits = rv.value_bits();
        Ins g{IrOp::GUARD_IS, IrType::None, phi_refs[k], kNoRef, static_cast<int64_t>(bits)};
        g.snap = join_snapshot();
        checks.push_back(add(g, mblock));
        replacement[k] = kNoRef;
        ++res.checks;
        continue;
      }
      if (!used_below(p.root_value)) continue;
      IrOp guard_op = rv.type == IrType::Int ? IrOp::GUARD_INT : rv.type == IrType::F64 ? IrOp::GUARD_F64 : IrOp::GUARD_BOOL;
      IrOp unbox_op = rv.type == IrType::Int ? IrOp::UNBOX_INT : rv.type == IrType::F64 ? IrOp::UNBOX_F64 : IrOp::UNBOX_BOOL;
      Ins g{guard_op, IrType::None, phi_refs[k]};
      g.snap = join_snapshot();
      checks.push_back(add(g, mblock));
      replacement[k] = add({unbox_op, rv.type, phi_refs[k]}, mblock);
      checks.push_back(replacement[k]);
      ++res.checks;
    }
  };
  std::vector<bool> reused; // per new PHI: it is the existing join block's PHI
  if (split >= 0 && existing_join) {
    // Block `split` is a join block: its PHIs stay, each predecessor passes
    // one value per PHI. The bridge passes its values for them; a slot the
    // earlier joins did not need gets a new PHI, to which the other
    // predecessors pass the region's value (it dominates the join).
    join_block = split;
    reused.assign(new_phis.size(), false);
    std::vector<Ref> old_phis;
    for (Ref r = root.blocks[split].begin; r < root.blocks[split].end && root.ins[r].op == IrOp::PHI; ++r)
      old_phis.push_back(r);
    std::vector<Ref> tail_args(old_phis.size(), kNoRef);
    phi_refs.assign(new_phis.size(), kNoRef);
    for (size_t k = 0; k < new_phis.size(); ++k) {
      const NewPhi& p = new_phis[k];
      if (p.root_value == kNoRef) return fail("a slot in memory joins an existing join");
      for (size_t o = 0; o < old_phis.size(); ++o)
        if (old_phis[o] == p.root_value) {
          if (root.ins[p.bridge_input].type != root.ins[old_phis[o]].type) return fail("join value of another type");
          tail_args[o] = p.bridge_input;
          reused[k] = true;
          phi_refs[k] = old_phis[o];
        }
    }
    for (Ref a : tail_args)
      if (a == kNoRef) return fail("the bridge has no value for a PHI of the join");
    tail.args = tail_args;
    std::vector<int32_t> preds;
    for (size_t b = 0; b < root.blocks.size(); ++b)
      if (root.blocks[b].succ == split) preds.push_back(static_cast<int32_t>(b));
    for (size_t k = 0; k < new_phis.size(); ++k) {
      if (reused[k]) continue;
      NewPhi& p = new_phis[k];
      const Ins& rv = root.ins[p.root_value];
      bool is_const = rv.is_value_const();
      bool fold = is_const && p.root_value < static_cast<Ref>(region.fold_used.size()) && region.fold_used[p.root_value];
      if (rv.type != p.type || fold) return fail("a widened value joins an existing join");
      for (int32_t b : preds) root.blocks[b].args.push_back(p.root_value);
      tail.args.push_back(p.bridge_input);
      Ins phi{IrOp::PHI, p.type};
      phi.imm = p.slot;
      phi_refs[k] = add(phi, join_block);
    }
    tail.succ = join_block;
    replacement = phi_refs;
    for (size_t k = 0; k < new_phis.size(); ++k)
      if (reused[k]) replacement[k] = kNoRef;
  } else if (split >= 0) {
    Block& x = root.blocks[split];
    Block m{0, 0, x.succ, x.args};
    x.args.clear();
    for (NewPhi& p : new_phis) {
      if (p.root_value == kNoRef) p.root_input = add({IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, p.slot}, split);
      else if (root.ins[p.root_value].type != p.type) p.root_input = boxed(p.root_value, split);
      x.args.push_back(p.root_input);
      tail.args.push_back(p.bridge_input);
    }
    for (size_t r = 0; r < first_new; ++r) {
      if (blk[r] > split) ++blk[r];
      else if (blk[r] == split && static_cast<Ref>(r) >= join_ins) blk[r] = split + 1;
    }
    for (size_t r = first_new; r < blk.size(); ++r)
      if (blk[r] > split) ++blk[r];
    insert_block(root, split + 1, m);
    root.blocks[split].succ = split + 1;
    join_block = split + 1;
    for (const NewPhi& p : new_phis) {
      Ins phi{IrOp::PHI, p.type};
      phi.imm = p.slot;
      phi_refs.push_back(add(phi, join_block));
    }
    tail.succ = join_block;
    replacement = phi_refs;
    check_widened(join_block);
  }
  const int32_t tail_index = static_cast<int32_t>(root.blocks.size());
  root.blocks.push_back(tail);
  for (int32_t& b : blk)
    if (b == kTail) b = tail_index;
  root.ins[guard].target = tail_index;

  // Lay the blocks out: constants open the entry block, PHIs open the join block.
  std::vector<bool> is_hoisted(root.ins.size(), false);
  for (Ref r : hoisted) is_hoisted[r] = true;
  for (Ref r : checks) is_hoisted[r] = true; // placed right after the PHIs
  std::vector<Ref> order;
  for (size_t b = 0; b < root.blocks.size(); ++b) {
    if (b == 0)
      for (Ref r : hoisted) order.push_back(r);
    if (static_cast<int32_t>(b) == join_block) {
      if (existing_join) // the earlier PHIs keep their places (predecessors pass them first)
        for (size_t r = 0; r < first_new; ++r)
          if (blk[r] == static_cast<int32_t>(b) && root.ins[r].op == IrOp::PHI) order.push_back(static_cast<Ref>(r));
      for (size_t k = 0; k < phi_refs.size(); ++k)
        if (reused.empty() || !reused[k]) order.push_back(phi_refs[k]);
      for (Ref c : checks) order.push_back(c);
    }
    for (size_t r = 0; r < blk.size(); ++r) {
      if (blk[r] != static_cast<int32_t>(b) || is_hoisted[r]) continue;
      if (root.ins[r].op == IrOp::PHI && (r >= first_new || (existing_join && static_cast<int32_t>(b) == join_block))) continue;
      order.push_back(static_cast<Ref>(r));
    }
  }
  std::vector<Ref> remap = jit::reorder(root, order, blk);
  for (Ref& p : phi_refs) p = remap[p];
  for (Ref& p : replacement)
    if (p != kNoRef) p = remap[p];
  for (NewPhi& p : new_phis)
    if (p.root_value != kNoRef) p.root_value = remap[p.root_value];
  for (size_t k = 0; k < region.bounds.size(); ++k) {
    jit::Boundary& bd = region.bounds[k];
    if (bd.ins == kNoRef) continue;
    // Positions with no code between them share an instruction index (a
    // LOAD_FAST, a call inlined to a constant). Below a join the PHIs stand
    // for the join position's slots, and the other positions at the same
    // index would read them as their own: they stop being join points.
    if (bd.ins == join_ins && static_cast<int32_t>(k) != bridge_ct.join_bound) {
      bd.ins = kNoRef;
      continue;
    }
    bd.ins = remap[bd.ins];
    for (SnapEntry& e : bd.state) e.ref = remap[e.ref];
  }
  std::vector<uint8_t> fold(root.ins.size(), 0);
  for (size_t r = 0; r < region.fold_used.size() && r < remap.size(); ++r)
    if (region.fold_used[r] && remap[r] != kNoRef) fold[remap[r]] = 1;
  region.fold_used = std::move(fold);

  // Below the join, the region's values read the PHIs.
  if (join_block >= 0) {
    res.joined = true;
    res.phis = static_cast<int>(std::count(reused.begin(), reused.end(), false));
    if (reused.empty()) res.phis = static_cast<int>(phi_refs.size());
    if (!phi_refs.empty()) {
      std::vector<std::vector<bool>> dom = jit::dominators(root);
      std::vector<int32_t> block_now = jit::block_index(root);
      auto dominated = [&](int32_t b) { return dom[b][join_block]; };
      // Below the join the region's values are rewritten to the PHIs only
      // where the join dominates. A block reachable from the join (within one
      // iteration) that it does not dominate — an earlier bridge joined further
      // down from above this join — would keep reading the region's values,
      // undefined on the new path: refuse the join.
      {
        const int32_t header = root.kind == TraceKind::Loop ? 1 : -1;
        std::vector<bool> seen(root.blocks.size(), false);
        std::vector<int32_t> work{join_block};
        seen[join_block] = true;
        while (!work.empty()) {
          int32_t b = work.back();
          work.pop_back();
          if (!dominated(b)) return {"a path from above joins below the join point"};
          std::vector<int32_t> succs{root.blocks[b].succ};
          for (Ref r = root.blocks[b].begin; r < root.blocks[b].end; ++r)
            if (root.ins[r].target >= 0) succs.push_back(root.ins[r].target);
          for (int32_t n : succs)
            if (n >= 0 && n != header && !seen[n]) seen[n] = true, work.push_back(n);
        }
      }
      std::unordered_map<Ref, Ref> replace;
      for (size_t k = 0; k < new_phis.size(); ++k)
        if (new_phis[k].root_value != kNoRef && replacement[k] != kNoRef) replace[new_phis[k].root_value] = replacement[k];
      // Below the join the frame's memory is stale for a joined slot: loads of
      // it read the PHI (boxed, as a load would be).
      for (Ref r = 0; r < static_cast<Ref>(root.ins.size()); ++r) {
        Ins& i = root.ins[r];
        if (i.op != IrOp::SLOAD || !dominated(block_now[r])) continue;
        for (size_t k = 0; k < new_phis.size(); ++k) {
          if (i.imm != new_phis[k].slot) continue;
          IrOp box = box_op(new_phis[k].type);
          if (box == IrOp::kCount) {
            replace[r] = phi_refs[k];
          } else {
            i.op = box;
            i.a = phi_refs[k];
            i.imm = 0;
          }
        }
      }
      auto sub_from = [](const std::unordered_map<Ref, Ref>& m, Ref& r) {
        auto it = m.find(r);
        if (it != m.end()) r = it->second;
      };
      auto sub = [&](Ref& r) { sub_from(replace, r); };
      // A joined slot's unboxed region value may also stand for the slot in
      // its boxed form (the load it was unboxed from): snapshots and join
      // states below the join name the PHI instead (they accept any type).
      std::unordered_map<Ref, Ref> replace_slot = replace;
      for (size_t k = 0; k < new_phis.size(); ++k) {
        const Ref rv = new_phis[k].root_value;
        if (rv == kNoRef || replacement[k] == kNoRef) continue;
        const Ins& u = root.ins[rv];
        if ((u.op == IrOp::UNBOX_INT || u.op == IrOp::UNBOX_F64) && !dominated(block_now[u.a]))
          replace_slot.emplace(u.a, replacement[k]);
      }
      auto sub_slot = [&](Ref& r) { sub_from(replace_slot, r); };
      std::vector<bool> snap_done(root.snaps.size(), false);
      for (Ref r = 0; r < static_cast<Ref>(root.ins.size()); ++r) {
        if (!dominated(block_now[r]) || root.ins[r].op == IrOp::PHI) continue;
        Ins& i = root.ins[r];
        if (i.a != kNoRef) sub(i.a);
        if (i.b != kNoRef) sub(i.b);
        if (i.op == IrOp::CALL)
          for (Ref& a : root.calls[i.imm].args) sub(a);
        if (i.snap >= 0 && !snap_done[i.snap]) {
          Snapshot& snap = root.snaps[i.snap];
          for (SnapEntry& e : snap.entries) sub_slot(e.ref);
          // A snapshot may omit a slot the region never changed (its memory was
          // right); below the join the memory is wrong on the joining path.
          for (size_t k = 0; k < new_phis.size(); ++k) {
            if (!live_in(snap, new_phis[k].slot, root.code)) continue;
            int32_t slot = new_phis[k].slot;
            bool present = false;
            for (const SnapEntry& e : snap.entries) present |= e.slot == slot;
            if (!present) snap.entries.push_back({slot, phi_refs[k]});
          }
          snap_done[i.snap] = true;
        }
      }
      for (size_t b = 0; b < root.blocks.size(); ++b)
        if (dominated(static_cast<int32_t>(b)) && static_cast<int32_t>(b) != join_block - 1)
          for (Ref& a : root.blocks[b].args) sub(a);
      for (jit::Boundary& bd : region.bounds)
        if (bd.ins != kNoRef && bd.ins < static_cast<Ref>(block_now.size()) && dominated(block_now[bd.ins]))
          for (SnapEntry& e : bd.state) sub_slot(e.ref);
    }
  }
  return res;
}

} // namespace tributary::regions
