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
// Slots of the trace's own frame (those of inlined frames are numbered after them).
int32_t own_slots(const vm::Code* code) { return code ? code->nlocals + code->ncells() + code->max_stack : 0; }

bool live_in(const Snapshot& snap, int32_t slot, const vm::Code* code) {
  const int32_t locals = code ? code->nlocals + code->ncells() : 0;
  if (slot < own_slots(code)) return slot < locals || slot - locals < static_cast<int32_t>(snap.stack_depth);
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

AttachResult attach_bridge(CompiledTrace& region, Ref guard, const CompiledTrace& bridge) {
  RegionCheckpoint before(region);
  BridgeAttach a(region, guard, bridge);
  std::string err = a.copy_bridge();
  if (err.empty()) err = a.plan_join();
  if (err.empty()) err = a.split_at_join();
  if (err.empty()) {
    a.check_widened();
    a.lay_out();
    err = a.rewrite_below_join();
  }
  if (!err.empty()) {
    before.restore(region);
    AttachResult failed;
    failed.error = std::move(err);
    return failed;
  }
  AttachResult res = std::move(a.result());
  res.before.emplace(std::move(before));
  return res;
}

BridgeAttach::BridgeAttach(CompiledTrace& region, Ref guard, const CompiledTrace& bridge)
    : region_(region), root_(region.raw), bridge_ct_(bridge), bridge_(bridge.raw), guard_(guard),
      parent_(region.raw.ins[guard]) {}

Ref BridgeAttach::add(Ins i, int32_t block) {
  root_.ins.push_back(i);
  blk_.push_back(block);
  return static_cast<Ref>(root_.ins.size()) - 1;
}

Ref BridgeAttach::boxed(Ref r, int32_t block) {
  IrOp op = box_op(root_.ins[r].type);
  return op == IrOp::kCount ? r : add({op, IrType::Val, r}, block);
}

// Bridge snapshots: the bridge's own view, completed with the exit's values
// for every slot it did not touch (the frame's memory is stale there).
int32_t BridgeAttach::map_snap(int32_t s) {
  if (snap_map_[s] >= 0) return snap_map_[s];
  const Snapshot& bs = bridge_.snaps[s];
  Snapshot ns{bs.pc, bs.stack_depth, {}, bs.frames};
  std::unordered_map<int32_t, bool> have;
  for (const SnapEntry& e : bs.entries) {
    ns.entries.push_back({e.slot, map_[e.ref]});
    have[e.slot] = true;
  }
  for (const SnapEntry& e : exit_snap_.entries)
    if (!have.count(e.slot)) ns.entries.push_back(e);
  root_.snaps.push_back(std::move(ns));
  snap_map_[s] = static_cast<int32_t>(root_.snaps.size()) - 1;
  return snap_map_[s];
}

// On the bridge's path the region's guard failed: a bridge guard that checks
// exactly that (the branch re-recorded from the exit) always passes.
bool BridgeAttach::implied(const Ins& i) const {
  if (!i.is(jit::Guard) || i.a == kNoRef || map_[i.a] == kNoRef) return false;
  const Ref a = map_[i.a];
  const Ins& p = parent_;
  if (p.op == IrOp::GUARD_ISNT && i.op == IrOp::GUARD_IS) return a == p.a && i.imm == p.imm;
  if (p.op == IrOp::GUARD_IS && i.op == IrOp::GUARD_ISNT) return a == p.a && i.imm == p.imm;
  if (p.op == IrOp::GUARD_TRUE || p.op == IrOp::GUARD_FALSE) {
    const bool failed_value = p.op == IrOp::GUARD_FALSE; // what the condition was on this path
    if ((i.op == IrOp::GUARD_TRUE || i.op == IrOp::GUARD_FALSE) && a == p.a) return (i.op == IrOp::GUARD_TRUE) == failed_value;
    // The exit boxed the condition: GUARD_IS (BOX_BOOL c) #True/#False.
    if (i.op == IrOp::GUARD_IS && root_.ins[a].op == IrOp::BOX_BOOL && root_.ins[a].a == p.a)
      return static_cast<uint64_t>(i.imm) == Value::boolean(failed_value).bits();
  }
  return false;
}

// ---- 1. copy the bridge ----------------------------------------------------------

std::string BridgeAttach::copy_bridge() {
  if (bridge_.blocks.size() != 1) return "bridge is not a single block";
  if (parent_.snap < 0 || parent_.target >= 0) return "guard has no exit";
  if (root_.kind == TraceKind::Loop && guard_ < root_.blocks[0].end)
    return "guard is in the entry block"; // the loop header relies on all of it
  exit_snap_ = root_.snaps[parent_.snap];
  frame_slots_ = root_.code ? root_.code->nlocals + root_.code->ncells() + root_.code->max_stack : 0;
  for (const SnapEntry& e : exit_snap_.entries) at_exit_[e.slot] = e.ref;
  blk_ = jit::block_index(root_);
  first_new_ = root_.ins.size();
  map_.assign(bridge_.ins.size(), kNoRef);
  snap_map_.assign(bridge_.snaps.size(), -1);

  bool ended = false;
  for (size_t n = 0; n < bridge_.ins.size() && !ended; ++n) {
    Ins i = bridge_.ins[n];
    if (implied(i)) continue;
    switch (i.op) {
    case IrOp::KINT:
    case IrOp::KRAW:
    case IrOp::KF64:
    case IrOp::KVAL:
      map_[n] = add(i, 0); // constants: the entry block's start
      hoisted_.push_back(map_[n]);
      continue;
    case IrOp::SLOAD: {
      auto it = at_exit_.find(static_cast<int32_t>(i.imm));
      if (it != at_exit_.end()) {
        map_[n] = boxed(it->second, kTail);
      } else if (i.imm >= frame_slots_) { // an inlined frame's local that is unbound at the exit
        map_[n] = add({IrOp::KVAL, IrType::Val, kNoRef, kNoRef, static_cast<int64_t>(Value::empty().bits())}, 0);
        hoisted_.push_back(map_[n]);
      } else {
        map_[n] = add(i, kTail);
      }
      continue;
    }
    case IrOp::TO_ROOT:
      if (std::string err = end_at_header(i); !err.empty()) return err;
      ended = true;
      continue;
    case IrOp::JOIN:
      join_at_ = static_cast<int32_t>(n);
      ended = true;
      continue;
    case IrOp::EXIT: // a raise, a yield, a loop without a trace: the path ends in the interpreter
      // (A path out of a loop region to another loop's header stays apart,
      // as one that continues in that loop's trace does: the loop's own code
      // keeps its shape: an attached block that left it made spectral_norm
      // about 15% slower.)
      if (static_cast<jit::ExitEnd>(i.imm) == jit::ExitEnd::Loop && root_.kind == TraceKind::Loop)
        return "bridge ends at another loop's header";
      if (static_cast<jit::ExitEnd>(i.imm) == jit::ExitEnd::Chunk && root_.kind == TraceKind::Loop)
        return "bridge ends where a chunk of the code after the loop starts";
      i.snap = map_snap(i.snap);
      i.exit_id = -1;
      add(i, kTail);
      ended = true;
      continue;
    case IrOp::RET:
      i.a = map_[i.a];
      add(i, kTail);
      ended = true;
      continue;
    default: break;
    }
    if (i.a != kNoRef) i.a = map_[i.a];
    if (i.b != kNoRef) i.b = map_[i.b];
    if (i.snap >= 0) i.snap = map_snap(i.snap);
    i.exit_id = -1;
    i.target = -1;
    if (i.op == IrOp::CALL) {
      jit::CallSite cs = bridge_.calls[i.imm];
      for (Ref& a : cs.args) a = map_[a];
      root_.calls.push_back(std::move(cs));
      i.imm = static_cast<int64_t>(root_.calls.size()) - 1;
    }
    map_[n] = add(i, kTail);
  }
  if (!ended) return "bridge has no end";
  for (const Value& v : bridge_.pool) root_.pool.push_back(v);
  return "";
}

// A TO_ROOT end: the tail passes the loop header's PHIs the slots' new values.
std::string BridgeAttach::end_at_header(const Ins& i) {
  if (i.imm != 0) return "bridge continues in another loop's trace";
  if (root_.kind != TraceKind::Loop || root_.blocks.size() < 2) return "no loop header to return to";
  const Snapshot& end = bridge_.snaps[i.snap];
  std::unordered_map<int32_t, Ref> at_end;
  for (const SnapEntry& e : end.entries) at_end[e.slot] = map_[e.ref];
  std::vector<int32_t> phi_slots;
  std::vector<IrType> phi_types;
  for (Ref r = root_.blocks[1].begin; r < root_.blocks[1].end && root_.ins[r].op == IrOp::PHI; ++r) {
    phi_slots.push_back(static_cast<int32_t>(root_.ins[r].imm));
    phi_types.push_back(root_.ins[r].type);
  }
  // A slot the loop does not carry is read from its value before the loop:
  // the bridge must end with that value, the exit's own only when it is one
  // from before the loop (an exit inside an attached path that changed the
  // slot and ends in `return` has the changed value).
  const Ref loop_begin = root_.blocks[1].begin;
  auto carried = [&](int32_t slot) { return std::find(phi_slots.begin(), phi_slots.end(), slot) != phi_slots.end(); };
  // A local the loop neither reads nor writes (a counter only this path
  // bumps) lives in the frame's memory: the bridge stores its new value there.
  const int32_t locals = root_.code ? root_.code->nlocals + root_.code->ncells() : 0;
  const std::vector<bool> in_memory = jit::memory_resident(root_, locals);
  auto resident = [&](int32_t slot) { return slot < locals && in_memory[slot]; };
  // Its value at the bridge's end is stored even when the bridge did not
  // change it: the exit may be inside an attached path that changed it and
  // stores it only at its own end (chained_compare_loop.py).
  for (int32_t slot = 0; slot < locals; ++slot) {
    if (carried(slot) || !resident(slot)) continue;
    auto v = at_end.find(slot);
    Ref ref = v != at_end.end() ? v->second : kNoRef;
    if (ref == kNoRef)
      if (auto ex = at_exit_.find(slot); ex != at_exit_.end()) ref = ex->second;
    if (ref != kNoRef) add({IrOp::SSTORE, IrType::None, boxed(ref, kTail), kNoRef, slot}, kTail);
  }
  for (auto [slot, ref] : at_end) {
    auto ex = at_exit_.find(slot);
    if (!carried(slot) && !resident(slot) && !(ex != at_exit_.end() && ex->second == ref && ref < loop_begin))
      return "bridge changes a slot the loop does not carry";
  }
  for (auto [slot, ref] : at_exit_) // (the exit's stack and inlined frames are gone at the header)
    if (slot < locals && !carried(slot) && !resident(slot) && !at_end.count(slot) && ref >= loop_begin)
      return "bridge changes a slot the loop does not carry";
  const int32_t end_snap = map_snap(static_cast<int32_t>(i.snap));
  for (size_t k = 0; k < phi_slots.size(); ++k) {
    Ref v = at_end.count(phi_slots[k])    ? at_end[phi_slots[k]]
            : at_exit_.count(phi_slots[k]) ? at_exit_[phi_slots[k]]
                                           : kNoRef;
    if (v == kNoRef) return "loop value unknown at the bridge's end";
    const IrType have = root_.ins[v].type, want = phi_types[k];
    if (have != want) {
      if (want == IrType::Val) {
        v = boxed(v, kTail);
      } else if (have == IrType::Val && (want == IrType::Int || want == IrType::F64)) {
        Ins g{want == IrType::Int ? IrOp::GUARD_INT : IrOp::GUARD_F64, IrType::None, v};
        g.snap = end_snap;
        add(g, kTail);
        v = add({want == IrType::Int ? IrOp::UNBOX_INT : IrOp::UNBOX_F64, want, v}, kTail);
      } else {
        return "a loop value changes type on the bridge";
      }
    }
    tail_.args.push_back(v);
  }
  tail_.succ = 1;
  return "";
}

// ---- 2. plan the join ------------------------------------------------------------

std::string BridgeAttach::plan_join() {
  if (join_at_ < 0) return "";
  const Ins& join = bridge_.ins[join_at_];
  if (bridge_ct_.join_bound < 0 || bridge_ct_.join_bound >= static_cast<int32_t>(region_.bounds.size()))
    return "join point unknown";
  join_ins_ = region_.bounds[bridge_ct_.join_bound].ins;
  if (join_ins_ == kNoRef || join_ins_ >= static_cast<Ref>(first_new_) || !jit::joins_forward(root_, blk_, guard_, join_ins_))
    return "join point not after the guard";
  split_ = blk_[join_ins_];
  // At the start of a block on the region's path: another bridge already
  // joined there (a join block, with or without PHIs), and this one becomes
  // one more predecessor. (Not the entry block or a loop's header.)
  if (join_ins_ == root_.blocks[split_].begin) {
    if (split_ == 0 || (root_.kind == TraceKind::Loop && split_ == 1))
      return "the join point starts a block that is not a join";
    existing_join_ = true;
  }
  dom_before_ = jit::dominators(root_);
  const int32_t join_snap = map_snap(static_cast<int32_t>(join.snap));
  const int32_t locals = root_.code ? root_.code->nlocals + root_.code->ncells() : 0;
  const std::vector<bool> in_memory = jit::memory_resident(root_, locals);
  for (const JoinSlot& j : bridge_ct_.join_plan) {
    Ref bv = j.bridge_ref == kNoRef ? kNoRef : (j.bridge_from_region ? j.bridge_ref : map_[j.bridge_ref]);
    // The slot's value at the exit, boxed, or else its load from memory.
    auto exit_value = [&] {
      auto ex = at_exit_.find(j.slot);
      return ex != at_exit_.end() ? boxed(ex->second, kTail)
                                  : add({IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, j.slot}, kTail);
    };
    // A boxed value where the region's code below expects type t: checked and unboxed.
    auto unbox_checked = [&](Ref v, IrType t) {
      Ins g{t == IrType::Int ? IrOp::GUARD_INT : IrOp::GUARD_F64, IrType::None, v};
      g.snap = join_snap;
      add(g, kTail);
      return add({t == IrType::Int ? IrOp::UNBOX_INT : IrOp::UNBOX_F64, t, v}, kTail);
    };
    switch (j.action) {
    case JoinSlot::MemPhi: {
      // The bridge's value also goes to memory: code that reads the slot from
      // memory without passing the join (a later iteration, an exit that
      // omits it, the interpreter after the loop) must see it.
      Ref v = boxed(bv, kTail);
      add({IrOp::SSTORE, IrType::None, v, kNoRef, j.slot}, kTail);
      new_phis_.push_back({j.slot, IrType::Val, kNoRef, kNoRef, v});
      break;
    }
    case JoinSlot::LoadSame: {
      Ins g{IrOp::GUARD_IS, IrType::None, exit_value(), kNoRef, static_cast<int64_t>(j.const_bits)};
      g.snap = join_snap;
      add(g, kTail);
      break;
    }
    case JoinSlot::LoadPhi: {
      auto ex = at_exit_.find(j.slot);
      Ref v;
      if (ex != at_exit_.end() && root_.ins[ex->second].type == j.type) v = ex->second;
      else if (j.type != IrType::Val) v = unbox_checked(exit_value(), j.type);
      else v = exit_value();
      new_phis_.push_back({j.slot, j.type, j.region_ref, j.region_ref, v});
      break;
    }
    case JoinSlot::Phi: {
      const IrType have = root_.ins[bv].type;
      if (have != j.type) {
        if (j.type == IrType::Val) bv = boxed(bv, kTail);
        else if (have == IrType::Val && (j.type == IrType::Int || j.type == IrType::F64)) bv = unbox_checked(bv, j.type);
        else return "join value of another type";
      }
      // A local the loop keeps in memory (see end_at_header) is stored too:
      // the loop's next iteration reads it from there.
      if (j.slot < locals && in_memory[j.slot])
        add({IrOp::SSTORE, IrType::None, boxed(bv, kTail), kNoRef, j.slot}, kTail);
      new_phis_.push_back({j.slot, j.type, j.region_ref, j.region_ref, bv});
      break;
    }
    }
  }
  return "";
}

// ---- 3. split at the join --------------------------------------------------------

std::string BridgeAttach::split_at_join() {
  if (split_ < 0) return "";
  if (existing_join_) return join_into_existing();
  split_block();
  return "";
}

// Block split_ is a join block: its PHIs stay, each predecessor passes one
// value per PHI. The bridge passes its values for them; a slot the earlier
// joins did not need gets a new PHI, to which the other predecessors pass the
// region's value (it dominates the join).
std::string BridgeAttach::join_into_existing() {
  join_block_ = split_;
  std::vector<Ref> old_phis;
  for (Ref r = root_.blocks[split_].begin; r < root_.blocks[split_].end && root_.ins[r].op == IrOp::PHI; ++r)
    old_phis.push_back(r);
  // A slot the region has not touched above the join (MemPhi) is right in
  // memory on every path into it: the bridge stores its value too. It needs
  // a PHI only where an earlier join made one for it (code below reads that
  // PHI); otherwise the code below reads memory, as before this bridge.
  auto slot_phi = [&](const NewPhi& p) {
    for (Ref o : old_phis)
      if (root_.ins[o].imm == p.slot) return o;
    return kNoRef;
  };
  std::erase_if(new_phis_, [&](const NewPhi& p) { return p.root_value == kNoRef && slot_phi(p) == kNoRef; });
  reused_.assign(new_phis_.size(), false);
  std::vector<Ref> tail_args(old_phis.size(), kNoRef);
  phi_refs_.assign(new_phis_.size(), kNoRef);
  for (size_t k = 0; k < new_phis_.size(); ++k) {
    const NewPhi& p = new_phis_[k];
    const Ref match = p.root_value == kNoRef ? slot_phi(p) : p.root_value;
    for (size_t o = 0; o < old_phis.size(); ++o)
      if (old_phis[o] == match) {
        if (root_.ins[p.bridge_input].type != root_.ins[old_phis[o]].type) return "join value of another type";
        tail_args[o] = p.bridge_input;
        reused_[k] = true;
        phi_refs_[k] = old_phis[o];
      }
  }
  for (Ref a : tail_args)
    if (a == kNoRef) return "the bridge has no value for a PHI of the join";
  tail_.args = tail_args;
  std::vector<int32_t> preds;
  for (size_t b = 0; b < root_.blocks.size(); ++b)
    if (root_.blocks[b].succ == split_) preds.push_back(static_cast<int32_t>(b));
  for (size_t k = 0; k < new_phis_.size(); ++k) {
    if (reused_[k]) continue;
    const NewPhi& p = new_phis_[k];
    const Ins& rv = root_.ins[p.root_value];
    const bool fold = rv.is_value_const() && p.root_value < static_cast<Ref>(region_.fold_used.size()) &&
                      region_.fold_used[p.root_value];
    if (rv.type != p.type || fold) return "a widened value joins an existing join";
    for (int32_t b : preds) root_.blocks[b].args.push_back(p.root_value);
    tail_.args.push_back(p.bridge_input);
    Ins phi{IrOp::PHI, p.type};
    phi.imm = p.slot;
    phi_refs_[k] = add(phi, join_block_);
  }
  tail_.succ = join_block_;
  replacement_ = phi_refs_;
  for (size_t k = 0; k < new_phis_.size(); ++k)
    if (reused_[k]) replacement_[k] = kNoRef;
  return "";
}

// [begin, join) of block split_ falls through to the new join block
// M = [join, end), which inherits the old successor.
void BridgeAttach::split_block() {
  Block& x = root_.blocks[split_];
  Block m{0, 0, x.succ, x.args};
  x.args.clear();
  for (NewPhi& p : new_phis_) {
    if (p.root_value == kNoRef) p.root_input = add({IrOp::SLOAD, IrType::Val, kNoRef, kNoRef, p.slot}, split_);
    else if (root_.ins[p.root_value].type != p.type) p.root_input = boxed(p.root_value, split_);
    root_.blocks[split_].args.push_back(p.root_input);
    tail_.args.push_back(p.bridge_input);
  }
  for (size_t r = 0; r < first_new_; ++r) {
    if (blk_[r] > split_) ++blk_[r];
    else if (blk_[r] == split_ && static_cast<Ref>(r) >= join_ins_) blk_[r] = split_ + 1;
  }
  for (size_t r = first_new_; r < blk_.size(); ++r)
    if (blk_[r] > split_) ++blk_[r];
  insert_block(root_, split_ + 1, m);
  root_.blocks[split_].succ = split_ + 1;
  join_block_ = split_ + 1;
  for (const NewPhi& p : new_phis_) {
    Ins phi{IrOp::PHI, p.type};
    phi.imm = p.slot;
    phi_refs_.push_back(add(phi, join_block_));
  }
  tail_.succ = join_block_;
  replacement_ = phi_refs_;
}

// ---- 4. check widened PHIs -------------------------------------------------------

// Is region value v (an instruction from before the attach) read in a block
// the join block dominates? Blocks are numbered after the split here
// (M = split_ + 1) and `dom_before` by the numbers before it: a block the
// split block dominated is dominated by M, as every path into it leaves the
// split block through the join.
bool BridgeAttach::used_below(Ref v, const std::vector<std::vector<bool>>& dom_before) const {
  auto below = [&](int32_t nb) {
    if (nb == split_ + 1) return true;
    if (nb < 0 || nb == split_) return false;
    const int32_t ob = nb < split_ ? nb : nb - 1;
    return ob < static_cast<int32_t>(dom_before.size()) && dom_before[ob][split_];
  };
  for (Ref r = 0; r < static_cast<Ref>(first_new_); ++r) {
    const Ins& i = root_.ins[r];
    if (!below(blk_[r])) continue;
    if (i.a == v || i.b == v) return true;
    if (i.op == IrOp::CALL)
      for (Ref a : root_.calls[i.imm].args)
        if (a == v) return true;
  }
  for (size_t b = 0; b < root_.blocks.size(); ++b)
    if (below(static_cast<int32_t>(b)))
      for (Ref a : root_.blocks[b].args)
        if (a == v) return true;
  return false;
}

// The join position's state with the PHIs for the joined slots.
int32_t BridgeAttach::join_snapshot() {
  if (join_snap_ >= 0) return join_snap_;
  const jit::Boundary& bd = region_.bounds[bridge_ct_.join_bound];
  Snapshot ns{bd.resume_pc, bd.resume_depth, {}, bd.frames};
  for (const SnapEntry& e : bd.state) ns.entries.push_back(e);
  for (size_t k = 0; k < new_phis_.size(); ++k) {
    bool present = false;
    for (SnapEntry& e : ns.entries)
      if (e.slot == new_phis_[k].slot) e.ref = phi_refs_[k], present = true;
    if (!present) ns.entries.push_back({new_phis_[k].slot, phi_refs_[k]});
  }
  root_.snaps.push_back(std::move(ns));
  join_snap_ = static_cast<int32_t>(root_.snaps.size()) - 1;
  return join_snap_;
}

void BridgeAttach::check_widened() {
  if (split_ < 0 || existing_join_) return;
  for (size_t k = 0; k < new_phis_.size(); ++k) {
    const NewPhi& p = new_phis_[k];
    if (p.type != IrType::Val || p.root_value == kNoRef) continue;
    const Ins rv = root_.ins[p.root_value];
    const bool fold = rv.is_value_const() && p.root_value < static_cast<Ref>(region_.fold_used.size()) &&
                      region_.fold_used[p.root_value];
    if (rv.type == IrType::Val && !fold) continue;
    ++res_.widened;
    if (fold) { // a control-flow constant: an identity guard, and it stays a constant below
      Ins g{IrOp::GUARD_IS, IrType::None, phi_refs_[k], kNoRef, static_cast<int64_t>(rv.value_bits())};
      g.snap = join_snapshot();
      checks_.push_back(add(g, join_block_));
      replacement_[k] = kNoRef;
      ++res_.checks;
      continue;
    }
    if (!used_below(p.root_value, dom_before_)) continue; // snapshots take the boxed PHI as it is
    const IrOp guard_op = rv.type == IrType::Int   ? IrOp::GUARD_INT
                          : rv.type == IrType::F64 ? IrOp::GUARD_F64
                                                   : IrOp::GUARD_BOOL;
    const IrOp unbox_op = rv.type == IrType::Int   ? IrOp::UNBOX_INT
                          : rv.type == IrType::F64 ? IrOp::UNBOX_F64
                                                   : IrOp::UNBOX_BOOL;
    Ins g{guard_op, IrType::None, phi_refs_[k]};
    g.snap = join_snapshot();
    checks_.push_back(add(g, join_block_));
    replacement_[k] = add({unbox_op, rv.type, phi_refs_[k]}, join_block_);
    checks_.push_back(replacement_[k]);
    ++res_.checks;
  }
}

// ---- 5. lay out ------------------------------------------------------------------

// Block by block: constants open the entry block; the join block opens with
// its PHIs (an existing join's first, as its predecessors pass them) and the
// checks of widened PHIs.
std::vector<Ref> BridgeAttach::layout_order(const std::vector<int32_t>& blk) const {
  std::vector<bool> placed(blk.size(), false);
  for (Ref r : hoisted_) placed[r] = true;
  for (Ref r : checks_) placed[r] = true;
  std::vector<std::vector<Ref>> by_block(root_.blocks.size() + 1);
  for (size_t r = 0; r < blk.size(); ++r)
    if (blk[r] >= 0 && blk[r] < static_cast<int32_t>(by_block.size())) by_block[blk[r]].push_back(static_cast<Ref>(r));
  std::vector<Ref> order;
  for (size_t b = 0; b < by_block.size(); ++b) {
    if (b == 0) order.insert(order.end(), hoisted_.begin(), hoisted_.end());
    const bool join = static_cast<int32_t>(b) == join_block_;
    if (join) {
      if (existing_join_)
        for (Ref r : by_block[b])
          if (static_cast<size_t>(r) < first_new_ && root_.ins[r].op == IrOp::PHI) order.push_back(r);
      for (size_t k = 0; k < phi_refs_.size(); ++k)
        if (reused_.empty() || !reused_[k]) order.push_back(phi_refs_[k]);
      order.insert(order.end(), checks_.begin(), checks_.end());
    }
    for (Ref r : by_block[b]) {
      if (placed[r]) continue;
      if (root_.ins[r].op == IrOp::PHI && (static_cast<size_t>(r) >= first_new_ || (existing_join_ && join))) continue;
      order.push_back(r);
    }
  }
  return order;
}

void BridgeAttach::lay_out() {
  const int32_t tail_index = static_cast<int32_t>(root_.blocks.size());
  root_.blocks.push_back(tail_);
  for (int32_t& b : blk_)
    if (b == kTail) b = tail_index;
  root_.ins[guard_].target = tail_index;
  const std::vector<Ref> remap = jit::reorder(root_, layout_order(blk_), blk_);
  for (Ref& p : phi_refs_) p = remap[p];
  for (Ref& p : replacement_)
    if (p != kNoRef) p = remap[p];
  for (NewPhi& p : new_phis_)
    if (p.root_value != kNoRef) p.root_value = remap[p.root_value];
  for (size_t k = 0; k < region_.bounds.size(); ++k) {
    jit::Boundary& bd = region_.bounds[k];
    if (bd.ins == kNoRef) continue;
    // Positions with no code between them share an instruction index (a
    // LOAD_FAST, a call inlined to a constant). Below a join the PHIs stand
    // for the join position's slots, and the other positions at the same
    // index would read them as their own: they stop being join points.
    if (bd.ins == join_ins_ && static_cast<int32_t>(k) != bridge_ct_.join_bound) {
      bd.ins = kNoRef;
      continue;
    }
    bd.ins = remap[bd.ins];
    for (SnapEntry& e : bd.state) e.ref = remap[e.ref];
  }
  std::vector<uint8_t> fold(root_.ins.size(), 0);
  for (size_t r = 0; r < region_.fold_used.size() && r < remap.size(); ++r)
    if (region_.fold_used[r] && remap[r] != kNoRef) fold[remap[r]] = 1;
  region_.fold_used = std::move(fold);
  blk_ = jit::block_index(root_);
  laid_out_ = true;
}

std::string BridgeAttach::format() const {
  if (laid_out_) return jit::format_trace(root_);
  jit::Trace t = root_;
  std::vector<int32_t> blk = blk_;
  const int32_t tail_index = static_cast<int32_t>(t.blocks.size());
  t.blocks.push_back(tail_);
  for (int32_t& b : blk)
    if (b == kTail) b = tail_index;
  jit::reorder(t, layout_order(blk), blk);
  return jit::format_trace(t);
}

// ---- 6. rewrite below the join ---------------------------------------------------

std::string BridgeAttach::rewrite_below_join() {
  if (join_block_ < 0) return "";
  res_.joined = true;
  res_.phis = reused_.empty() ? static_cast<int>(phi_refs_.size())
                              : static_cast<int>(std::count(reused_.begin(), reused_.end(), false));
  if (phi_refs_.empty()) return "";
  const std::vector<std::vector<bool>> dom = jit::dominators(root_);
  const std::vector<int32_t>& block_now = blk_;
  auto dominated = [&](int32_t b) { return dom[b][join_block_]; };
  // Below the join the region's values are rewritten to the PHIs only where
  // the join dominates. A block reachable from the join (within one
  // iteration) that it does not dominate — an earlier bridge joined further
  // down from above this join — would keep reading the region's values,
  // undefined on the new path: refuse the join.
  {
    const int32_t header = root_.kind == TraceKind::Loop ? 1 : -1;
    std::vector<bool> seen(root_.blocks.size(), false);
    std::vector<int32_t> work{join_block_};
    seen[join_block_] = true;
    while (!work.empty()) {
      const int32_t b = work.back();
      work.pop_back();
      if (!dominated(b)) return "a path from above joins below the join point";
      std::vector<int32_t> succs{root_.blocks[b].succ};
      for (Ref r = root_.blocks[b].begin; r < root_.blocks[b].end; ++r)
        if (root_.ins[r].target >= 0) succs.push_back(root_.ins[r].target);
      for (int32_t n : succs)
        if (n >= 0 && n != header && !seen[n]) seen[n] = true, work.push_back(n);
    }
  }
  std::unordered_map<Ref, Ref> replace;
  for (size_t k = 0; k < new_phis_.size(); ++k)
    if (new_phis_[k].root_value != kNoRef && replacement_[k] != kNoRef) replace[new_phis_[k].root_value] = replacement_[k];
  // Below the join the frame's memory is stale for a joined slot: loads of it
  // read the PHI (boxed, as a load would be).
  for (Ref r = 0; r < static_cast<Ref>(root_.ins.size()); ++r) {
    Ins& i = root_.ins[r];
    if (i.op != IrOp::SLOAD || !dominated(block_now[r])) continue;
    for (size_t k = 0; k < new_phis_.size(); ++k) {
      if (i.imm != new_phis_[k].slot) continue;
      const IrOp box = box_op(new_phis_[k].type);
      if (box == IrOp::kCount) {
        replace[r] = phi_refs_[k];
      } else {
        i.op = box;
        i.a = phi_refs_[k];
        i.imm = 0;
      }
    }
  }
  auto sub_from = [](const std::unordered_map<Ref, Ref>& m, Ref& r) {
    auto it = m.find(r);
    if (it != m.end()) r = it->second;
  };
  auto sub = [&](Ref& r) { sub_from(replace, r); };
  // A joined slot's unboxed region value may also stand for the slot in its
  // boxed form (the load it was unboxed from): snapshots and join states
  // below the join name the PHI instead (they accept any type).
  std::unordered_map<Ref, Ref> replace_slot = replace;
  for (size_t k = 0; k < new_phis_.size(); ++k) {
    const Ref rv = new_phis_[k].root_value;
    if (rv == kNoRef || replacement_[k] == kNoRef) continue;
    const Ins& u = root_.ins[rv];
    if ((u.op == IrOp::UNBOX_INT || u.op == IrOp::UNBOX_F64) && !dominated(block_now[u.a]))
      replace_slot.emplace(u.a, replacement_[k]);
  }
  auto sub_slot = [&](Ref& r) { sub_from(replace_slot, r); };
  std::vector<bool> snap_done(root_.snaps.size(), false);
  for (Ref r = 0; r < static_cast<Ref>(root_.ins.size()); ++r) {
    if (!dominated(block_now[r]) || root_.ins[r].op == IrOp::PHI) continue;
    Ins& i = root_.ins[r];
    // Code below the join that checks and unboxes the slot's boxed load
    // itself (a bridge attached earlier from a guard down here, whose tail
    // reads the slot from the region) reads the PHI: its type check is the
    // PHI's type, its unboxing the PHI itself (the load does not reach it on
    // the joining path: a pickle round trip under cfg, "operand is not
    // computed on every path").
    if (auto it = replace_slot.find(i.a); i.a != kNoRef && it != replace_slot.end() && !replace.count(i.a)) {
      const IrType pt = root_.ins[it->second].type;
      const bool to_int = (i.op == IrOp::UNBOX_INT || i.op == IrOp::GUARD_INT) && pt == IrType::Int;
      const bool to_f64 = (i.op == IrOp::UNBOX_F64 || i.op == IrOp::GUARD_F64) && pt == IrType::F64;
      if (to_int || to_f64) {
        i.op = IrOp::COPY;
        i.type = pt;
        i.a = it->second;
        i.snap = -1;
        i.exit_id = -1;
        i.target = -1;
        continue;
      }
      if (pt == IrType::Val) i.a = it->second;
    }
    if (i.a != kNoRef) sub(i.a);
    if (i.b != kNoRef) sub(i.b);
    if (i.op == IrOp::CALL)
      for (Ref& a : root_.calls[i.imm].args) sub(a);
    if (i.snap >= 0 && !snap_done[i.snap]) {
      Snapshot& snap = root_.snaps[i.snap];
      for (SnapEntry& e : snap.entries) sub_slot(e.ref);
      // A snapshot may omit a slot of the trace's own frame the region never
      // changed (its memory was right); below the join the memory is wrong on
      // the joining path. (An inlined frame has no memory: a slot its
      // snapshot omits is unbound, and a later snapshot with a frame at the
      // same base is another call, whose slots are not this PHI's: fuzzer
      // seed 1655, a joined slot of an inlined method named in the snapshots
      // of a dict comprehension inlined after it.)
      for (size_t k = 0; k < new_phis_.size(); ++k) {
        if (new_phis_[k].slot >= own_slots(root_.code) || !live_in(snap, new_phis_[k].slot, root_.code)) continue;
        const int32_t slot = new_phis_[k].slot;
        bool present = false;
        for (const SnapEntry& e : snap.entries) present |= e.slot == slot;
        if (!present) snap.entries.push_back({slot, phi_refs_[k]});
      }
      snap_done[i.snap] = true;
    }
  }
  for (size_t b = 0; b < root_.blocks.size(); ++b)
    if (dominated(static_cast<int32_t>(b)) && static_cast<int32_t>(b) != join_block_ - 1)
      for (Ref& a : root_.blocks[b].args) sub(a);
  for (jit::Boundary& bd : region_.bounds) {
    if (bd.ins == kNoRef || bd.ins >= static_cast<Ref>(block_now.size()) || !dominated(block_now[bd.ins])) continue;
    for (SnapEntry& e : bd.state) sub_slot(e.ref);
    // As in snapshots: a slot the region left in memory at this position holds
    // the join's PHI on the joining path. A later bridge joining here must see
    // the PHI (the code below reads it), not plan the slot as in memory.
    Snapshot at;
    at.stack_depth = bd.resume_depth;
    at.frames = bd.frames;
    for (size_t k = 0; k < new_phis_.size(); ++k) {
      const int32_t slot = new_phis_[k].slot;
      if (slot >= own_slots(root_.code) || !live_in(at, slot, root_.code)) continue;
      bool present = false;
      for (const SnapEntry& e : bd.state) present |= e.slot == slot;
      if (!present) bd.state.push_back({slot, phi_refs_[k]});
    }
  }
  return "";
}

} // namespace tributary::regions
