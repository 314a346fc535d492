// ir_print.cpp — text form of the trace IR (for TRIBUTARY_LOG=jit-trace and tests).
#include <bit>

#include <fmt/format.h>

#include "jit/ir.h"

namespace tributary::jit {

const char* type_name(IrType t) {
  switch (t) {
  case IrType::None: return "none";
  case IrType::Val: return "val";
  case IrType::Int: return "int";
  case IrType::Raw: return "raw";
  case IrType::F64: return "f64";
  case IrType::Bool: return "bool";
  }
  return "?";
}

std::string format_ins(const Trace& t, Ref r) {
  const Ins& i = t.ins[r];
  const IrOpInfo& info = ir_info(i.op);
  std::string out = i.type == IrType::None ? fmt::format("       ") : fmt::format("%{:<4} ", r);
  out += fmt::format("{:<4} {:<11}", i.type == IrType::None ? "" : type_name(i.type), info.name);
  if (i.a != kNoRef) out += fmt::format(" %{}", i.a);
  if (i.b != kNoRef) out += fmt::format(" %{}", i.b);
  if (i.c != kNoRef) out += fmt::format(" %{}", i.c);
  switch (i.op) {
  case IrOp::KF64: out += fmt::format(" {}", std::bit_cast<double>(i.imm)); break;
  case IrOp::KVAL:
  case IrOp::GUARD_IS:
  case IrOp::GUARD_ISNT:
  case IrOp::GUARD_TYPE:
  case IrOp::GUARD_WORD: out += fmt::format(" #{:#x}", static_cast<uint64_t>(i.imm)); break;
  case IrOp::CALL: {
    const CallSite& c = t.calls[i.imm];
    out += fmt::format(" {}(", c.name);
    for (size_t k = 0; k < c.args.size(); ++k) out += fmt::format("{}%{}", k ? ", " : "", c.args[k]);
    out += ")";
    break;
  }
  default:
    if (i.imm != 0 || i.op == IrOp::KINT || i.op == IrOp::KRAW || i.op == IrOp::SLOAD) out += fmt::format(" #{}", i.imm);
    break;
  }
  if (i.snap >= 0) {
    const Snapshot& s = t.snaps[i.snap];
    out += fmt::format("  [pc {} depth {}", s.pc, s.stack_depth);
    for (const SnapEntry& e : s.entries) out += fmt::format(" {}=%{}", e.slot, e.ref);
    for (const SnapFrame& f : s.frames)
      out += fmt::format(" inline {:#x} {} {} {}", f.func.bits(), f.base, f.pc, f.stack_depth);
    out += "]";
  }
  if (i.target >= 0) out += fmt::format(" -> block {}", i.target);
  return out;
}

const char* kind_name(TraceKind k) {
  switch (k) {
  case TraceKind::Loop: return "loop";
  case TraceKind::Function: return "function";
  case TraceKind::Chunk: return "chunk";
  case TraceKind::Bridge: return "bridge";
  }
  return "?";
}

std::string format_trace(const Trace& t) {
  std::string out = fmt::format("trace {} pc {}\n", kind_name(t.kind), t.start_pc);
  for (size_t b = 0; b < t.blocks.size(); ++b) {
    const Block& blk = t.blocks[b];
    std::string succ;
    if (blk.succ >= 0) {
      succ = fmt::format(" -> block {} (", blk.succ);
      for (size_t k = 0; k < blk.args.size(); ++k) succ += fmt::format("{}%{}", k ? ", " : "", blk.args[k]);
      succ += ")";
    }
    out += fmt::format("block {}:{}\n", b, succ);
    for (Ref r = blk.begin; r < blk.end; ++r) out += "  " + format_ins(t, r) + "\n";
  }
  return out;
}

} // namespace tributary::jit
