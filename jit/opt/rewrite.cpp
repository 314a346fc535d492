// rewrite.cpp — use forwarding and instruction compaction shared by the passes.
#include "jit/opt/pipeline.h"

#include <algorithm>

namespace tributary::jit {

namespace {
Ref resolve(std::vector<Ref>& fwd, Ref r) {
  if (r == kNoRef) return r;
  while (fwd[r] != kNoRef && fwd[r] != r) r = fwd[r];
  return r;
}
} // namespace

void forward_uses(Trace& t, std::vector<Ref>& fwd) {
  for (Ins& i : t.ins) {
    i.a = resolve(fwd, i.a);
    i.b = resolve(fwd, i.b);
    i.c = resolve(fwd, i.c);
  }
  for (CallSite& c : t.calls)
    for (Ref& a : c.args) a = resolve(fwd, a);
  for (Snapshot& s : t.snaps)
    for (SnapEntry& e : s.entries) e.ref = resolve(fwd, e.ref);
  for (Block& b : t.blocks)
    for (Ref& a : b.args) a = resolve(fwd, a);
}

std::vector<int32_t> block_index(const Trace& t) {
  std::vector<int32_t> b(t.ins.size(), 0);
  for (size_t k = 0; k < t.blocks.size(); ++k)
    for (int32_t i = t.blocks[k].begin; i < t.blocks[k].end; ++i) b[i] = static_cast<int32_t>(k);
  return b;
}

std::vector<bool> memory_resident(const Trace& t, int32_t nslots) {
  std::vector<bool> out(static_cast<size_t>(std::max(nslots, 0)), t.kind == TraceKind::Loop && t.blocks.size() >= 2);
  if (out.empty() || !out[0]) return out;
  for (Ref r = t.blocks[0].begin; r < t.blocks[0].end; ++r)
    if (t.ins[r].op == IrOp::SLOAD && t.ins[r].imm >= 0 && t.ins[r].imm < nslots) out[t.ins[r].imm] = false;
  for (Ref r = t.blocks[1].begin; r < t.blocks[1].end && t.ins[r].op == IrOp::PHI; ++r)
    if (t.ins[r].imm >= 0 && t.ins[r].imm < nslots) out[t.ins[r].imm] = false;
  return out;
}

bool joins_forward(const Trace& t, const std::vector<int32_t>& block_of, Ref guard, Ref at) {
  const int32_t split = block_of[at], gblock = block_of[guard];
  if (split == gblock && at <= guard) return false; // above the guard in its block
  // A loop's entry block comes before everything (only edges back to the
  // header end a path).
  const int32_t header = t.kind == TraceKind::Loop && t.blocks.size() > 1 ? 1 : -1;
  if (header >= 0 && split == 0) return false;
  // The CFG with block `split` cut at `at`: node n = blocks.size() is the
  // lower part M = [at, end); `split` keeps [begin, at) and falls into M.
  const int32_t n = static_cast<int32_t>(t.blocks.size()), m = n;
  std::vector<std::vector<int32_t>> succs(n + 1);
  auto edges = [&](int32_t node, int32_t b, Ref from, Ref to) {
    for (Ref r = from; r < to; ++r)
      if (t.ins[r].target >= 0) succs[node].push_back(t.ins[r].target);
  };
  for (int32_t b = 0; b < n; ++b) {
    const Block& blk = t.blocks[b];
    if (b == split) {
      edges(b, b, blk.begin, at);
      succs[b].push_back(m);
      edges(m, b, at, blk.end);
      if (blk.succ >= 0) succs[m].push_back(blk.succ);
    } else {
      edges(b, b, blk.begin, blk.end);
      if (blk.succ >= 0) succs[b].push_back(blk.succ);
    }
  }
  // From M (a loop's back edges to its header end a path): the guard's code
  // must be out of reach (no cycle), and every block reached must be entered
  // only through M, else a path from above would skip the join's PHIs. That
  // is: every predecessor of a reached block other than M is reached too.
  // (Without computing dominators: this runs for every candidate join point
  // of every recorded bridge, and regions grow to hundreds of blocks.)
  const int32_t gnode = gblock == split && guard >= at ? m : gblock;
  std::vector<bool> seen(n + 1, false);
  std::vector<int32_t> work{m};
  seen[m] = true;
  while (!work.empty()) {
    const int32_t b = work.back();
    work.pop_back();
    if (b == gnode && b != m) return false;
    for (int32_t s : succs[b])
      if (s != header && !seen[s]) seen[s] = true, work.push_back(s);
  }
  if (gnode == m) return false;
  for (int32_t b = 0; b <= n; ++b)
    for (int32_t s : succs[b])
      if (s != m && seen[s] && !seen[b]) return false;
  return true;
}

std::vector<Ref> reorder(Trace& t, const std::vector<Ref>& order, const std::vector<int32_t>& block_of) {
  std::vector<Ref> map(t.ins.size(), kNoRef);
  std::vector<Ins> ins;
  ins.reserve(order.size());
  for (Ref old : order) {
    map[old] = static_cast<Ref>(ins.size());
    ins.push_back(t.ins[old]);
  }
  auto m = [&](Ref r) { return r == kNoRef ? kNoRef : map[r]; };
  for (Ins& i : ins) {
    i.a = m(i.a);
    i.b = m(i.b);
    i.c = m(i.c);
  }
  for (CallSite& c : t.calls)
    for (Ref& a : c.args) a = m(a);
  for (Snapshot& s : t.snaps)
    for (SnapEntry& e : s.entries) e.ref = m(e.ref);
  for (Block& b : t.blocks)
    for (Ref& a : b.args) a = m(a);
  // Blocks: contiguous runs of the new order.
  for (Block& b : t.blocks) b.begin = b.end = -1;
  for (size_t k = 0; k < order.size(); ++k) {
    Block& b = t.blocks[block_of[order[k]]];
    if (b.begin < 0) b.begin = static_cast<int32_t>(k);
    b.end = static_cast<int32_t>(k) + 1;
  }
  int32_t pos = 0;
  for (Block& b : t.blocks) {
    if (b.begin < 0) b.begin = b.end = pos;
    pos = b.end;
  }
  t.ins = std::move(ins);
  return map;
}

void compact(Trace& t, const std::vector<bool>& keep) {
  std::vector<int32_t> block_of = block_index(t);
  std::vector<Ref> order;
  for (size_t i = 0; i < t.ins.size(); ++i)
    if (keep[i]) order.push_back(static_cast<Ref>(i));
  reorder(t, order, block_of);
}

} // namespace tributary::jit

namespace tributary::jit {

std::vector<std::vector<bool>> dominators(const Trace& t) {
  const size_t n = t.blocks.size();
  std::vector<std::vector<size_t>> preds(n);
  for (size_t b = 0; b < n; ++b) {
    if (t.blocks[b].succ >= 0) preds[t.blocks[b].succ].push_back(b);
    for (Ref r = t.blocks[b].begin; r < t.blocks[b].end; ++r)
      if (t.ins[r].target >= 0) preds[t.ins[r].target].push_back(b);
  }
  std::vector<std::vector<bool>> dom(n, std::vector<bool>(n, true));
  dom[0].assign(n, false);
  dom[0][0] = true;
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t b = 1; b < n; ++b) {
      std::vector<bool> d(n, true);
      if (preds[b].empty()) d.assign(n, false);
      for (size_t p : preds[b])
        for (size_t k = 0; k < n; ++k) d[k] = d[k] && dom[p][k];
      d[b] = true;
      if (d != dom[b]) {
        dom[b] = std::move(d);
        changed = true;
      }
    }
  }
  return dom;
}

} // namespace tributary::jit
