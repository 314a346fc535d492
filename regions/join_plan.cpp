// join_plan.cpp — see join_plan.h.
#include "regions/join_plan.h"

#include <algorithm>

#include <fmt/format.h>

#include "jit/opt/pipeline.h"
#include "regions/region.h"

namespace tributary::regions {

using jit::IrOp;
using jit::IrType;
using jit::JoinSlot;
using jit::kNoRef;
using jit::Ref;
using jit::SnapEntry;
using jit::TraceKind;

namespace {

SlotValue describe(const jit::Trace& t, Ref r, bool fold_used) {
  const jit::Ins& i = t.ins[r];
  SlotValue v;
  v.type = i.type;
  v.fold_used = fold_used;
  if (i.is_value_const()) v.is_const = true, v.const_bits = i.value_bits();
  return v;
}

// Does region code at or below boundary instruction `at` read v (an operand,
// a call argument, a block argument)? Below is where the join will dominate:
// `at` and after in its block, and the blocks that block dominates.
bool read_below(const jit::Trace& t, const std::vector<int32_t>& block_of, const std::vector<std::vector<bool>>& dom,
                Ref v, Ref at) {
  const int32_t jb = block_of[at];
  auto below = [&](Ref r) {
    const int32_t rb = block_of[r];
    return rb == jb ? r >= at : rb >= 0 && static_cast<bool>(dom[rb][jb]);
  };
  for (Ref r = 0; r < static_cast<Ref>(t.ins.size()); ++r) {
    const jit::Ins& i = t.ins[r];
    if (i.a != v && i.b != v && i.op != IrOp::CALL) continue;
    if (i.op == IrOp::CALL && i.a != v && i.b != v &&
        std::find(t.calls[i.imm].args.begin(), t.calls[i.imm].args.end(), v) == t.calls[i.imm].args.end())
      continue;
    if (i.op == IrOp::PHI || below(r)) return true;
  }
  for (size_t b = 0; b < t.blocks.size(); ++b)
    if (std::find(t.blocks[b].args.begin(), t.blocks[b].args.end(), v) != t.blocks[b].args.end()) return true;
  return false;
}

Ref find_slot(const std::vector<SnapEntry>& entries, int32_t slot) {
  for (const SnapEntry& e : entries)
    if (e.slot == slot) return e.ref;
  return kNoRef;
}

} // namespace

jit::JoinChoice plan_join(const jit::JoinQuery& q, const MergePolicy& policy) {
  jit::JoinChoice out;
  auto note = [&](std::string why) {
    if (out.note.empty()) out.note = std::move(why);
  };
  const jit::CompiledTrace& root = q.region;
  const jit::Trace& region = root.raw;
  const jit::Snapshot& exit = region.snaps[region.ins[q.guard].snap];
  const uint64_t key = jit::merge_key(q.pc, q.frames);
  auto region_fold = [&](Ref r) { return r < static_cast<Ref>(root.fold_used.size()) && root.fold_used[r]; };
  MergePoint at;
  if (const Region* r = root.region.get()) {
    if (auto v = r->versions.find(key); v != r->versions.end()) at.versions = v->second;
    if (auto j = r->joins.find(key); j != r->joins.end()) at.joins = j->second;
    at.reformed = r->reformed;
  }
  at.region_blocks = static_cast<uint32_t>(region.blocks.size());
  // A loop's header carries every local its body changes; the body reads the
  // others from values loaded before the loop. A bridge that changes such a
  // local cannot join inside the loop: the next iteration would read the
  // stale value (TO_ROOT refuses the same bridges).
  // (Locals of inlined frames are fresh on every call: only the trace's own frame's count.)
  std::vector<bool> carried(static_cast<size_t>(q.root_stack_base), root.kind != TraceKind::Loop);
  if (root.kind == TraceKind::Loop && region.blocks.size() >= 2)
    for (Ref r = region.blocks[1].begin; r < region.blocks[1].end && region.ins[r].op == IrOp::PHI; ++r)
      if (region.ins[r].imm >= 0 && region.ins[r].imm < q.root_stack_base) carried[region.ins[r].imm] = true;
  const std::vector<bool> in_memory = jit::memory_resident(region, q.root_stack_base);
  const std::vector<int32_t>& block_of = q.region_blocks;
  auto before_guard = [&](Ref r) { // r is computed on every path to the guard, before it
    const int32_t rb = block_of[r], gb = block_of[q.guard];
    return rb == gb ? r < q.guard : static_cast<bool>(q.region_dom[gb][rb]);
  };
  for (size_t bi = 0; bi < root.bounds.size(); ++bi) {
    const jit::Boundary& b = root.bounds[bi];
    if (b.pc != q.pc || b.depth != q.depth || b.resume_pc != q.resume_pc || b.resume_depth != q.resume_depth ||
        b.frames != q.frames || b.ins == kNoRef || b.ins >= static_cast<Ref>(region.ins.size()) ||
        !jit::joins_forward(region, block_of, q.guard, b.ins))
      continue;
    std::vector<JoinSlot> plan;
    bool ok = true;
    int widened = 0;
    std::vector<std::string> widen_why;
    for (size_t li = 0; li < q.live.size() && ok; ++li) {
      const int32_t s = q.live[li].slot;
      Ref rref = find_slot(b.state, s);
      Ref bref = q.live[li].ref;
      bool from_region = false;
      if (bref == kNoRef) {
        bref = find_slot(exit.entries, s);
        from_region = bref != kNoRef;
      }
      if (q.live[li].inlined) {
        // Snapshots leave unbound locals of inlined frames out.
        if (bref == kNoRef) bref = q.unbound_value(), from_region = false;
        if (rref == kNoRef) {
          note(fmt::format("no join at pc {} (slot {}: no value in the region)", q.pc, s));
          ok = false;
          break;
        }
      }
      if (bref == kNoRef && rref == kNoRef) continue; // both still in memory
      if (from_region && bref == rref) continue;      // the same value on both paths
      if (rref == kNoRef) { // the region has not touched it here: join its memory value
        plan.push_back({s, JoinSlot::MemPhi, IrType::Val, kNoRef, bref, from_region, 0});
        continue;
      }
      SlotValue rv = describe(region, rref, region_fold(rref));
      if (bref == kNoRef) { // the bridge never touched it: load it to the region's view
        // ... unless the region's value is that slot's own load: the memory
        // still holds it on both paths (the exit left the slot untouched).
        Ref loaded = rref;
        if (region.ins[loaded].op == IrOp::UNBOX_INT || region.ins[loaded].op == IrOp::UNBOX_F64)
          loaded = region.ins[loaded].a;
        // (The load must have happened before the guard on the region's path.)
        if (s < q.root_stack_base + static_cast<int32_t>(q.resume_depth) && region.ins[loaded].op == IrOp::SLOAD &&
            region.ins[loaded].imm == s && before_guard(loaded))
          continue;
        if (rv.is_const) plan.push_back({s, JoinSlot::LoadSame, IrType::Val, rref, kNoRef, false, rv.const_bits});
        else if (rv.type == IrType::Int || rv.type == IrType::F64 || rv.type == IrType::Val)
          plan.push_back({s, JoinSlot::LoadPhi, rv.type, rref, kNoRef, false, 0});
        else ok = false;
        continue;
      }
      SlotValue bv = from_region ? describe(region, bref, region_fold(bref)) : describe(q.bridge, bref, q.bridge_fold(bref));
      // A boxed value on one path, an unboxed one on the other: the bridge's
      // value is boxed (the region's code below handles a boxed value), or
      // takes the region's machine type under a type guard on the bridge's path.
      if (rv.type == IrType::Val && (bv.type == IrType::Int || bv.type == IrType::F64)) {
        bv.type = IrType::Val;
      } else if (bv.type == IrType::Val && !bv.is_const && (rv.type == IrType::Int || rv.type == IrType::F64)) {
        // The region holds a default constant (`x = 1.5` where the bridge has
        // the caller's value): the join widens to a boxed value, checked once
        // below the join, so the bridge's path needs no guard of its own (and
        // the diamond can become a select). Typed variables keep their type.
        if (rv.is_const && !rv.fold_used && policy.widens_defaults()) {
          plan.push_back({s, JoinSlot::Phi, IrType::Val, rref, bref, from_region, 0});
          ++widened;
          widen_why.push_back(fmt::format("slot {} (a default constant joins a boxed value)", s));
          continue;
        }
        bv.type = rv.type;
      }
      if (join_equal_states(rv, bv).kind == SlotJoin::Reject)
        rv.read_below = read_below(region, block_of, q.region_dom, rref, b.ins);
      const JoinDecision d = policy.join(rv, bv, at);
      if (d.kind == SlotJoin::Reject) {
        ok = false;
        note(fmt::format("no join at pc {} (slot {}: {}; {} versions)", q.pc, s, d.why ? d.why : "rejected", at.versions));
      } else if (d.kind == SlotJoin::Phi) {
        plan.push_back({s, JoinSlot::Phi, d.phi_type, rref, bref, from_region, 0});
        if (d.widened()) {
          ++widened;
          widen_why.push_back(fmt::format("slot {} ({})", s, d.why));
        }
      }
    }
    // (A local the loop keeps in memory joins: the bridge stores it as well.)
    for (const JoinSlot& j : plan)
      if ((j.action == JoinSlot::Phi || j.action == JoinSlot::MemPhi) && j.slot < q.root_stack_base &&
          !carried[j.slot] && !in_memory[j.slot]) {
        ok = false;
        note(fmt::format("no join at pc {} (slot {}: the loop does not carry it)", q.pc, j.slot));
      }
    // A PHI replaces the region's value below the join: that value must not
    // also stand for another slot there (it would read the other path's value).
    for (const JoinSlot& j : plan) {
      if (j.action != JoinSlot::Phi && j.action != JoinSlot::LoadPhi) continue;
      const auto uses = std::count_if(b.state.begin(), b.state.end(), [&](const SnapEntry& e) { return e.ref == j.region_ref; });
      if (uses > 1) {
        note(fmt::format("no join at pc {} (slot {}: its value also stands for another slot)", q.pc, j.slot));
        ok = false;
      }
    }
    if (!ok) continue;
    out.bound = static_cast<int32_t>(bi);
    out.plan = std::move(plan);
    out.widened = widened;
    out.widen_why = std::move(widen_why);
    out.note = fmt::format("joins at pc {} ({} versions, {} joins there, {} slots joined, {} widened)", q.pc,
                           at.versions, at.joins, out.plan.size(), widened);
    return out;
  }
  return out;
}

} // namespace tributary::regions
