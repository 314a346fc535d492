// ir_parse.cpp — reads the text form written by ir_print.cpp back into a Trace.
//
// Grammar (one item per line; blank lines and lines starting with '#' skipped):
//   trace loop|function|bridge pc N
//   block N: [-> block M (%a, %b, ...)]
//   [%N TYPE] OP [%a [%b]] [#imm | NAME(%x, ...)] [[pc P depth D s=%r ...]] [-> block T]
// Every guard gets its own snapshot; instruction numbers must be dense.
#include <bit>
#include <cstdlib>
#include <cstring>
#include <sstream>

#include <fmt/format.h>

#include "jit/helpers.h"
#include "jit/ir.h"

namespace tributary::jit {

namespace {

bool parse_ref(std::string_view tok, Ref& r) {
  if (tok.size() < 2 || tok[0] != '%') return false;
  r = static_cast<Ref>(std::strtol(std::string(tok.substr(1)).c_str(), nullptr, 10));
  return true;
}

std::vector<std::string> tokens(std::string_view line) {
  // Splits on blanks, keeping "[...]" groups' words and "name(...)" calls apart.
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == ',') {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else if (c == '[' || c == ']' || c == '(' || c == ')' || c == ':') {
      if (!cur.empty()) out.push_back(cur), cur.clear();
      out.push_back(std::string(1, c));
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

} // namespace

std::string parse_trace(std::string_view text, Trace& t) {
  t = Trace();
  std::istringstream in{std::string(text)};
  std::string line;
  int lineno = 0;
  auto err = [&](const std::string& msg) { return fmt::format("line {}: {}", lineno, msg); };
  while (std::getline(in, line)) {
    ++lineno;
    auto tok = tokens(line);
    if (tok.empty() || tok[0][0] == '#') continue;
    size_t p = 0;
    auto at = [&](size_t k) -> const std::string& {
      static const std::string none;
      return k < tok.size() ? tok[k] : none;
    };
    if (tok[0] == "trace") {
      if (at(1) == "loop") t.kind = TraceKind::Loop;
      else if (at(1) == "function") t.kind = TraceKind::Function;
      else if (at(1) == "chunk") t.kind = TraceKind::Chunk;
      else if (at(1) == "bridge") t.kind = TraceKind::Bridge;
      else return err("unknown trace kind");
      if (at(2) == "pc") t.start_pc = static_cast<uint32_t>(std::atoi(at(3).c_str()));
      continue;
    }
    if (tok[0] == "block") {
      if (!t.blocks.empty()) t.blocks.back().end = static_cast<int32_t>(t.ins.size());
      Block b{static_cast<int32_t>(t.ins.size()), static_cast<int32_t>(t.ins.size()), -1, {}};
      p = 3; // block N :
      if (at(p) == "->" && at(p + 1) == "block") {
        b.succ = std::atoi(at(p + 2).c_str());
        p += 3;
        if (at(p) == "(") {
          for (++p; p < tok.size() && tok[p] != ")"; ++p) {
            Ref r;
            if (!parse_ref(tok[p], r)) return err("bad block argument");
            b.args.push_back(r);
          }
        }
      }
      t.blocks.push_back(std::move(b));
      continue;
    }
    if (t.blocks.empty()) return err("instruction outside a block");
    Ins ins{IrOp::kCount, IrType::None};
    Ref self = kNoRef;
    if (parse_ref(at(p), self)) {
      if (self != static_cast<Ref>(t.ins.size())) return err("instructions must be numbered densely");
      ++p;
      std::string ty = at(p++);
      static const std::pair<const char*, IrType> kTypes[] = {{"val", IrType::Val}, {"int", IrType::Int}, {"raw", IrType::Raw},
                                                              {"f64", IrType::F64}, {"bool", IrType::Bool}};
      bool found = false;
      for (auto& [n, ty_v] : kTypes)
        if (ty == n) ins.type = ty_v, found = true;
      if (!found) return err("unknown type " + ty);
    }
    std::string opname = at(p++);
    for (size_t k = 0; k < static_cast<size_t>(IrOp::kCount); ++k)
      if (opname == kIrOpInfo[k].name) ins.op = static_cast<IrOp>(k);
    if (ins.op == IrOp::kCount) return err("unknown op " + opname);
    if (self == kNoRef) ins.type = ir_info(ins.op).type;
    Ref r;
    if (parse_ref(at(p), r)) ins.a = r, ++p;
    if (parse_ref(at(p), r)) ins.b = r, ++p;
    if (parse_ref(at(p), r)) ins.c = r, ++p;
    if (!at(p).empty() && (at(p)[0] == '#' || ins.op == IrOp::KF64)) {
      std::string imm = at(p)[0] == '#' ? at(p).substr(1) : at(p);
      ++p;
      if (ins.op == IrOp::KF64) ins.imm = static_cast<int64_t>(std::bit_cast<uint64_t>(std::strtod(imm.c_str(), nullptr)));
      else ins.imm = static_cast<int64_t>(std::strtoull(imm.c_str(), nullptr, 0));
    } else if (ins.op == IrOp::CALL) {
      CallSite cs{nullptr, nullptr, {}};
      std::string name = at(p++);
      if (const helpers::HelperInfo* h = helpers::find_helper(name))
        cs.fn = reinterpret_cast<void*>(h->fn), cs.name = h->name;
      if (!cs.fn) return err("unknown helper " + name);
      if (at(p) == "(") {
        for (++p; p < tok.size() && tok[p] != ")"; ++p) {
          if (!parse_ref(tok[p], r)) return err("bad call argument");
          cs.args.push_back(r);
        }
        ++p;
      }
      t.calls.push_back(std::move(cs));
      ins.imm = static_cast<int64_t>(t.calls.size()) - 1;
    }
    if (at(p) == "[") {
      Snapshot s{0, 0, {}, {}};
      ++p;
      if (at(p) != "pc") return err("snapshot without pc");
      s.pc = static_cast<uint32_t>(std::atoi(at(p + 1).c_str()));
      if (at(p + 2) != "depth") return err("snapshot without depth");
      s.stack_depth = static_cast<uint32_t>(std::atoi(at(p + 3).c_str()));
      for (p += 4; p < tok.size() && tok[p] != "]"; ++p) {
        if (tok[p] == "inline") { // inline FUNC-BITS BASE PC DEPTH
          if (p + 4 >= tok.size()) return err("truncated inline frame");
          SnapFrame f{Value::from_bits(std::strtoull(tok[p + 1].c_str(), nullptr, 0)), std::atoi(tok[p + 2].c_str()),
                      static_cast<uint32_t>(std::atoi(tok[p + 3].c_str())),
                      static_cast<uint32_t>(std::atoi(tok[p + 4].c_str()))};
          s.frames.push_back(f);
          p += 4;
          continue;
        }
        size_t eq = tok[p].find('=');
        if (eq == std::string::npos || !parse_ref(std::string_view(tok[p]).substr(eq + 1), r))
          return err("bad snapshot entry " + tok[p]);
        s.entries.push_back({std::atoi(tok[p].substr(0, eq).c_str()), r});
      }
      ++p;
      t.snaps.push_back(std::move(s));
      ins.snap = static_cast<int32_t>(t.snaps.size()) - 1;
    }
    if (at(p) == "->" && at(p + 1) == "block") ins.target = std::atoi(at(p + 2).c_str());
    t.ins.push_back(ins);
  }
  if (t.blocks.empty()) return "no blocks";
  t.blocks.back().end = static_cast<int32_t>(t.ins.size());
  return "";
}

} // namespace tributary::jit
