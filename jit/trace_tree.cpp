// trace_tree.cpp — see trace_tree.h.
#include "jit/trace_tree.h"

#include <unordered_map>

#include "jit/opt/pipeline.h"

namespace tributary::jit {

namespace {

IrOp box_op(IrType t) {
  switch (t) {
  case IrType::Int: return IrOp::BOX_INT;
  case IrType::F64: return IrOp::BOX_F64;
  case IrType::Bool: return IrOp::BOX_BOOL;
  default: return IrOp::kCount;
  }
}

} // namespace

std::string attach_bridge(Trace& root, Ref guard, const Trace& bridge) {
  if (root.kind != TraceKind::Loop || root.blocks.size() < 2) return "root is not a loop";
  if (bridge.blocks.size() != 1) return "bridge is not a single block";
  const Ins& gins = root.ins[guard];
  if (gins.snap < 0 || gins.target >= 0) return "guard has no exit";
  // The loop header relies on everything the entry block computes: a path
  // that left the entry block early cannot join it.
  if (guard < root.blocks[0].end) return "guard is in the entry block";
  const Snapshot exit_snap = root.snaps[gins.snap];
  std::unordered_map<int32_t, Ref> at_exit;
  for (const SnapEntry& e : exit_snap.entries) at_exit[e.slot] = e.ref;

  // Slots carried around the loop, in PHI order.
  std::vector<int32_t> phi_slots;
  std::vector<IrType> phi_types;
  for (Ref r = root.blocks[1].begin; r < root.blocks[1].end && root.ins[r].op == IrOp::PHI; ++r) {
    phi_slots.push_back(static_cast<int32_t>(root.ins[r].imm));
    phi_types.push_back(root.ins[r].type);
  }

  const int32_t nb = static_cast<int32_t>(root.blocks.size());
  std::vector<Ref> map(bridge.ins.size(), kNoRef);
  std::vector<Ref> hoisted; // constants, placed in the entry block
  const size_t first_new = root.ins.size(), first_snap = root.snaps.size(), first_call = root.calls.size();
  auto fail = [&](const char* why) {
    root.ins.resize(first_new);
    root.snaps.resize(first_snap);
    root.calls.resize(first_call);
    return std::string(why);
  };
  auto add = [&](Ins i) {
    root.ins.push_back(i);
    return static_cast<Ref>(root.ins.size()) - 1;
  };
  auto boxed = [&](Ref r) {
    IrOp op = box_op(root.ins[r].type);
    if (op == IrOp::kCount) return r;
    return add({op, IrType::Val, r});
  };
  // Bridge snapshots become root snapshots: the bridge's own view, completed
  // with the exit's values for every slot it did not touch (memory is stale).
  std::vector<int32_t> snap_map(bridge.snaps.size(), -1);
  auto map_snap = [&](int32_t s) {
    if (snap_map[s] >= 0) return snap_map[s];
    const Snapshot& bs = bridge.snaps[s];
    Snapshot ns{bs.pc, bs.stack_depth, {}};
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

  const int32_t block_begin = static_cast<int32_t>(root.ins.size());
  std::vector<Ref> end_args;
  bool ended = false;
  for (size_t n = 0; n < bridge.ins.size(); ++n) {
    Ins i = bridge.ins[n];
    switch (i.op) {
    case IrOp::KINT:
    case IrOp::KRAW:
    case IrOp::KF64:
    case IrOp::KVAL:
      map[n] = add(i);
      hoisted.push_back(map[n]);
      continue;
    case IrOp::SLOAD: {
      auto it = at_exit.find(static_cast<int32_t>(i.imm));
      map[n] = it != at_exit.end() ? boxed(it->second) : add(i);
      continue;
    }
    case IrOp::TO_ROOT: {
      const Snapshot& end = bridge.snaps[i.snap];
      std::unordered_map<int32_t, Ref> at_end;
      for (const SnapEntry& e : end.entries) at_end[e.slot] = map[e.ref];
      // Slots the bridge changed must be carried by the loop's PHIs.
      for (auto [slot, ref] : at_end) {
        bool carried = false;
        for (int32_t s : phi_slots) carried |= s == slot;
        auto ex = at_exit.find(slot);
        if (!carried && !(ex != at_exit.end() && ex->second == ref))
          return fail("bridge changes a slot the loop does not carry");
      }
      int32_t end_snap = map_snap(static_cast<int32_t>(i.snap));
      for (size_t k = 0; k < phi_slots.size(); ++k) {
        Ref v = at_end.count(phi_slots[k]) ? at_end[phi_slots[k]] : at_exit.count(phi_slots[k]) ? at_exit[phi_slots[k]] : kNoRef;
        if (v == kNoRef) return fail("loop value unknown at the bridge's end");
        IrType have = root.ins[v].type, want = phi_types[k];
        if (have != want) {
          if (want == IrType::Val) {
            v = boxed(v);
          } else if (have == IrType::Val && (want == IrType::Int || want == IrType::F64)) {
            Ins g{want == IrType::Int ? IrOp::GUARD_INT : IrOp::GUARD_F64, IrType::None, v};
            g.snap = end_snap;
            add(g);
            v = add({want == IrType::Int ? IrOp::UNBOX_INT : IrOp::UNBOX_F64, want, v});
          } else {
            return fail("a loop value changes type on the bridge");
          }
        }
        end_args.push_back(v);
      }
      ended = true;
      continue;
    }
    case IrOp::RET: return fail("bridge returns");
    default: break;
    }
    if (i.a != kNoRef) i.a = map[i.a];
    if (i.b != kNoRef) i.b = map[i.b];
    if (i.snap >= 0) i.snap = map_snap(i.snap);
    i.exit_id = -1;
    i.target = -1;
    if (i.op == IrOp::CALL) {
      CallSite cs = bridge.calls[i.imm];
      for (Ref& a : cs.args) a = map[a];
      root.calls.push_back(std::move(cs));
      i.imm = static_cast<int64_t>(root.calls.size()) - 1;
    }
    map[n] = add(i);
  }
  if (!ended) return fail("bridge does not return to the loop");
  for (Value v : bridge.pool) root.pool.push_back(v);
  root.ins[guard].target = nb;
  root.blocks.push_back({block_begin, static_cast<int32_t>(root.ins.size()), 1, std::move(end_args)});
  // Constants move to the entry block, where they dominate every use.
  std::vector<int32_t> block_of = block_index(root);
  std::vector<Ref> order;
  for (Ref r = root.blocks[0].begin; r < root.blocks[0].end; ++r) order.push_back(r);
  for (Ref r : hoisted) {
    order.push_back(r);
    block_of[r] = 0;
  }
  std::vector<bool> is_hoisted(root.ins.size(), false);
  for (Ref r : hoisted) is_hoisted[r] = true;
  for (Ref r = root.blocks[0].end; r < static_cast<Ref>(root.ins.size()); ++r)
    if (!is_hoisted[r]) order.push_back(r);
  reorder(root, order, block_of);
  return "";
}

} // namespace tributary::jit
