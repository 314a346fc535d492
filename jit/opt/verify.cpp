// verify.cpp — IR well-formedness: every operand defined before its use (PHI
// back-edge inputs excepted) in a block that dominates the use (a value computed
// on one arm of a diamond is not read below the join except through a PHI),
// snapshots and block arguments likewise, blocks tile the instruction array,
// operand types match what each op consumes.
#include <fmt/format.h>

#include <algorithm>
#include <climits>

#include "jit/opt/pipeline.h"

namespace tributary::jit {

namespace {

// reach[u][d]: control that reaches block u from block d left d at an
// instruction index below this one on some path (a guard exiting at g passes
// the values before g; the block's end passes all of them). INT32_MAX where no
// path runs from d to u. Only pairs where d dominates u are computed.
std::vector<std::vector<Ref>> reach_limits(const Trace& t, const std::vector<std::vector<bool>>& dom) {
  const size_t n = t.blocks.size();
  struct Edge {
    size_t from;
    Ref at; // the values below `at` flow along the edge
  };
  std::vector<std::vector<Edge>> in(n);
  for (size_t b = 0; b < n; ++b) {
    const Block& blk = t.blocks[b];
    if (blk.succ >= 0 && static_cast<size_t>(blk.succ) < n) in[blk.succ].push_back({b, blk.end});
    for (Ref r = blk.begin; r < blk.end; ++r)
      if (t.ins[r].target >= 0 && static_cast<size_t>(t.ins[r].target) < n) in[t.ins[r].target].push_back({b, r});
  }
  std::vector<std::vector<Ref>> reach(n, std::vector<Ref>(n, INT32_MAX));
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t u = 1; u < n; ++u)
      for (size_t d = 0; d < n; ++d) {
        if (d == u || !dom[u][d]) continue;
        Ref lim = INT32_MAX;
        for (const Edge& e : in[u]) lim = std::min(lim, e.from == d ? e.at : reach[e.from][d]);
        if (lim < reach[u][d]) {
          reach[u][d] = lim;
          changed = true;
        }
      }
  }
  return reach;
}

} // namespace

std::string verify(const Trace& t) {
  const int32_t n = static_cast<int32_t>(t.ins.size());
  int32_t pos = 0;
  for (const Block& b : t.blocks) {
    if (b.begin != pos || b.end < b.begin) return fmt::format("blocks do not tile the trace at {}", pos);
    pos = b.end;
  }
  if (pos != n) return "blocks do not cover the trace";
  // PHIs open their block; every predecessor passes one typed value per PHI.
  for (size_t bi = 0; bi < t.blocks.size(); ++bi) {
    const Block& b = t.blocks[bi];
    bool in_phis = true;
    for (int32_t r = b.begin; r < b.end; ++r) {
      bool phi = t.ins[r].op == IrOp::PHI;
      if (phi && !in_phis) return fmt::format("%{} PHI after the start of block {}", r, bi);
      in_phis = in_phis && phi;
    }
    if (b.succ < 0) {
      if (!b.args.empty()) return fmt::format("block {} passes arguments without a successor", bi);
      continue;
    }
    if (b.succ >= static_cast<int32_t>(t.blocks.size())) return fmt::format("block {} jumps to a missing block", bi);
    const Block& s = t.blocks[b.succ];
    size_t phis = 0;
    for (int32_t r = s.begin; r < s.end && t.ins[r].op == IrOp::PHI; ++r) {
      if (phis < b.args.size()) {
        Ref a = b.args[phis];
        if (a == kNoRef || a >= b.end || t.ins[a].type != t.ins[r].type)
          return fmt::format("block {}: argument {} for PHI %{} is missing, later or mistyped", bi, phis, r);
      }
      ++phis;
    }
    if (phis != b.args.size()) return fmt::format("block {} passes {} arguments to {} PHIs", bi, b.args.size(), phis);
  }
  const std::vector<int32_t> block_of = block_index(t);
  const std::vector<std::vector<bool>> dom = dominators(t);
  const std::vector<std::vector<Ref>> reach = reach_limits(t, dom);
  // Is the value `def` available at block `use_block`? Its block dominates the
  // use, and every way out of that block towards the use leaves after `def`: a
  // guard that exits to a block in the middle of its own block passes only the
  // values computed before it. (Unreachable blocks are dominated by everything.)
  auto available = [&](Ref def, int32_t use_block) {
    const int32_t db = block_of[def];
    return db == use_block || (dom[use_block][db] && def < reach[use_block][db]);
  };
  for (size_t bi = 0; bi < t.blocks.size(); ++bi)
    for (Ref a : t.blocks[bi].args)
      if (!available(a, static_cast<int32_t>(bi)))
        return fmt::format("block {} passes %{}, which is not computed on every path to it", bi, a);
  for (int32_t r = 0; r < n; ++r) {
    const Ins& i = t.ins[r];
    const IrOpInfo& info = ir_info(i.op);
    const int32_t here = block_of[r];
    Ref ops[3] = {i.a, i.b, i.c};
    for (int k = 0; k < info.operands; ++k) {
      if (ops[k] == kNoRef || ops[k] >= n) return fmt::format("%{} {}: missing operand {}", r, info.name, k);
      if (ops[k] >= r) return fmt::format("%{} {}: operand %{} defined later", r, info.name, ops[k]);
      if (t.ins[ops[k]].type == IrType::None) return fmt::format("%{} {}: operand %{} has no value", r, info.name, ops[k]);
      if (!available(ops[k], here))
        return fmt::format("%{} {}: operand %{} is not computed on every path to it", r, info.name, ops[k]);
    }
    if (i.target >= static_cast<int32_t>(t.blocks.size())) return fmt::format("%{}: branch to a missing block", r);
    if (i.is(Guard) && i.op != IrOp::EXIT) {
      if (i.snap < 0 || i.snap >= static_cast<int32_t>(t.snaps.size()))
        return fmt::format("%{} {}: guard without snapshot", r, info.name);
    }
    if (i.snap >= 0)
      for (const SnapEntry& e : t.snaps[i.snap].entries)
        if (e.ref == kNoRef || e.ref >= r || !available(e.ref, here))
          return fmt::format("%{} {}: snapshot names %{} which is not yet defined", r, info.name, e.ref);
    if (i.op == IrOp::CALL)
      for (Ref a : t.calls[i.imm].args)
        if (a == kNoRef || a >= r || t.ins[a].type != IrType::Val || !available(a, here))
          return fmt::format("%{} CALL: bad argument %{}", r, a);
  }
  return "";
}

} // namespace tributary::jit
