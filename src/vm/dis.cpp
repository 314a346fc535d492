// dis.cpp — prints bytecode with source lines, operands resolved to names and
// constants, jump targets and the exception table.
#include "vm/dis.h"

#include <fmt/format.h>

#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::vm {

namespace {

std::string operand_text(const Code* code, const Instr& in) {
  switch (op_info(in.op).operand) {
  case OperandKind::Const: {
    Value v = code->consts[in.arg];
    if (is_kind(v, Kind::Code)) return fmt::format("<code object {}>", v.as<Code>()->name);
    return repr_string(v);
  }
  case OperandKind::Local: return code->local_names[in.arg];
  case OperandKind::Name: return std::string(code->names[in.arg].as<Str>()->view());
  case OperandKind::Cell: {
    size_t n = code->cell_names.size();
    return static_cast<size_t>(in.arg) < n ? code->cell_names[in.arg] : code->free_names[in.arg - n];
  }
  case OperandKind::Jump: return fmt::format("to {}", in.arg);
  case OperandKind::Op:
    if (in.op == Op::BINARY_OP)
      return std::string(binop_symbol(static_cast<BinOp>(in.arg & 0xFF))) + ((in.arg & kInplace) ? "=" : "");
    return cmpop_symbol(static_cast<CmpOp>(in.arg));
  default: return "";
  }
}

} // namespace

std::string disassemble(const Code* code, bool recursive) {
  std::string out = fmt::format("Disassembly of <code object {} at line {}> ({} locals, {} cells, stack {}):\n",
                                code->qualname, code->first_line, code->nlocals, code->ncells(), code->max_stack);
  int last_line = -1;
  for (size_t i = 0; i < code->code.size(); ++i) {
    const Instr& in = code->code[i];
    std::string line = code->lines[i] != last_line ? fmt::format("{:>4}", code->lines[i]) : "    ";
    last_line = code->lines[i];
    const OpInfo& info = op_info(in.op);
    std::string arg = info.operand == OperandKind::None ? "" : fmt::format("{}", in.arg);
    std::string text = operand_text(code, in);
    out += fmt::format("{} {:>6} {:<22} {:>4}{}\n", line, i, info.name, arg, text.empty() ? "" : " (" + text + ")");
  }
  if (!code->exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionEntry& e : code->exception_table)
      out += fmt::format("  {} to {} -> {} [{}]\n", e.start, e.end, e.target, e.depth);
  }
  if (recursive) {
    for (Value v : code->consts) {
      if (!is_kind(v, Kind::Code)) continue;
      out += "\n";
      out += disassemble(v.as<Code>(), true);
    }
  }
  return out;
}

} // namespace tributary::vm
