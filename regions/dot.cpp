// dot.cpp — see dot.h.
#include "regions/dot.h"

#include <fmt/format.h>

#include "vm/code.h"

namespace tributary::regions {

std::string region_dot(const jit::CompiledTrace& t) {
  const jit::Trace& ir = t.ir;
  std::string out = fmt::format("digraph \"{}:{}\" {{\n  node [shape=box, fontname=monospace];\n",
                                t.code->qualname, t.start_pc);
  for (size_t b = 0; b < ir.blocks.size(); ++b) {
    const jit::Block& blk = ir.blocks[b];
    int phis = 0, guards = 0;
    int lo = -1, hi = -1;
    for (jit::Ref r = blk.begin; r < blk.end; ++r) {
      const jit::Ins& i = ir.ins[r];
      if (i.op == jit::IrOp::PHI) ++phis;
      if (i.is(jit::Guard)) ++guards;
      if (i.snap >= 0) {
        int pc = static_cast<int>(ir.snaps[i.snap].pc);
        lo = lo < 0 ? pc : std::min(lo, pc);
        hi = std::max(hi, pc);
      }
    }
    out += fmt::format("  b{} [label=\"block {}\\n{}{} ops, {} guards{}\"{}];\n", b, b,
                       lo >= 0 ? fmt::format("pc {}..{}\\n", lo, hi) : "", blk.end - blk.begin, guards,
                       phis ? fmt::format("\\njoin: {} phis", phis) : "", phis ? ", style=bold" : "");
    if (blk.succ >= 0)
      out += fmt::format("  b{} -> b{}{};\n", b, blk.succ, blk.succ <= static_cast<int32_t>(b) ? " [color=blue]" : "");
    for (jit::Ref r = blk.begin; r < blk.end; ++r) {
      const jit::Ins& i = ir.ins[r];
      if (!i.is(jit::Guard) || i.snap < 0) continue;
      if (i.target >= 0) {
        out += fmt::format("  b{} -> b{} [style=dashed, label=\"%{}\"];\n", b, i.target, r);
      } else if (i.exit_id >= 0 && i.exit_id < static_cast<int32_t>(t.exits.size())) {
        const jit::ExitInfo& e = *t.exits[i.exit_id];
        if (e.count == 0 && !e.bridge) continue; // exits never taken stay out of the picture
        out += fmt::format("  x{} [shape=ellipse, label=\"exit pc {}\\ntaken {}{}\"];\n  b{} -> x{} [style=dotted];\n",
                           r, ir.snaps[i.snap].pc, e.count, e.bridge ? "\\n(separate bridge)" : "", b, r);
      }
    }
  }
  out += "}\n";
  return out;
}

} // namespace tributary::regions
