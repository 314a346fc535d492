// lir.cpp — the low-level IR's table, builder, printer and verifier.
#include "backends/lir.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <climits>

namespace tributary::lir {

namespace {
constexpr OpInfo kOps[] = {
#define LIR_OP(name, kind, operands, doc) {#name, Kind::kind, operands, doc},
#include "backends/lir.def"
#undef LIR_OP
};
static_assert(std::size(kOps) == static_cast<size_t>(Op::kCount));

const char* ty_name(Ty t) { return t == Ty::I64 ? "i64" : t == Ty::F64 ? "f64" : ""; }
} // namespace

const OpInfo& op_info(Op op) { return kOps[static_cast<size_t>(op)]; }

// ---- builder ------------------------------------------------------------------

int32_t Builder::new_block(bool cold) {
  meta_.push_back({});
  meta_.back().cold = cold;
  body_.emplace_back();
  return static_cast<int32_t>(meta_.size()) - 1;
}

void Builder::open(int32_t block) { open_ = block; }

void Builder::close(int32_t succ, std::vector<Ref> args) {
  meta_[open_].succ = succ;
  meta_[open_].args = std::move(args);
  open_ = -1;
}

Ref Builder::emit(Ins i) {
  where_.push_back({open_, static_cast<int32_t>(body_[open_].size())});
  body_[open_].push_back(i);
  return static_cast<Ref>(where_.size()) - 1;
}

Ref Builder::call(const void* fn, std::vector<Ref> args) {
  f_.calls.push_back({fn, std::move(args)});
  return emit({Op::CALL, Ty::I64, kNone, kNone, kNone, static_cast<int64_t>(f_.calls.size()) - 1});
}

std::string Builder::finish(bool check) {
  if (open_ >= 0) return fmt::format("block {} is still open", open_);
  const int32_t nb = static_cast<int32_t>(meta_.size());
  std::vector<int32_t> order;
  for (int32_t b = 0; b < nb; ++b)
    if (!meta_[b].cold) order.push_back(b);
  for (int32_t b = 0; b < nb; ++b)
    if (meta_[b].cold) order.push_back(b);
  if (!order.empty() && order[0] != 0) return "the entry block is cold";
  std::vector<int32_t> block_at(nb);
  for (int32_t k = 0; k < nb; ++k) block_at[order[k]] = k;
  // Final index of each instruction: blocks in layout order.
  std::vector<int32_t> start(nb);
  int32_t n = 0;
  for (int32_t b : order) {
    start[b] = n;
    n += static_cast<int32_t>(body_[b].size());
  }
  auto remap = [&](Ref r) {
    if (r == kNone) return kNone;
    if (r < 0 || r >= static_cast<Ref>(where_.size())) return static_cast<Ref>(INT32_MAX);
    return start[where_[r].first] + where_[r].second;
  };
  f_.ins.clear();
  f_.ins.reserve(n);
  f_.blocks.clear();
  for (int32_t b : order) {
    Block blk = meta_[b];
    blk.begin = static_cast<int32_t>(f_.ins.size());
    for (Ins i : body_[b]) {
      i.a = remap(i.a);
      i.b = remap(i.b);
      i.c = remap(i.c);
      if (i.target >= 0) i.target = i.target < nb ? block_at[i.target] : INT32_MAX;
      f_.ins.push_back(i);
    }
    blk.end = static_cast<int32_t>(f_.ins.size());
    if (blk.succ >= 0) blk.succ = blk.succ < nb ? block_at[blk.succ] : INT32_MAX;
    for (Ref& a : blk.args) a = remap(a);
    f_.blocks.push_back(std::move(blk));
  }
  for (Call& c : f_.calls)
    for (Ref& a : c.args) a = remap(a);
  body_.clear();
  meta_.clear();
  where_.clear();
  return check ? verify(f_) : "";
}

// ---- printer ------------------------------------------------------------------

std::string format(const Func& f) {
  std::string out;
  for (size_t bi = 0; bi < f.blocks.size(); ++bi) {
    const Block& b = f.blocks[bi];
    out += fmt::format("L{}:{}", bi, b.cold ? " (cold)" : "");
    if (b.succ >= 0) {
      out += fmt::format(" -> L{}", b.succ);
      if (!b.args.empty()) {
        out += " (";
        for (size_t k = 0; k < b.args.size(); ++k) out += fmt::format("{}v{}", k ? ", " : "", b.args[k]);
        out += ")";
      }
    }
    out += "\n";
    for (Ref r = b.begin; r < b.end; ++r) {
      const Ins& i = f.ins[r];
      const OpInfo& info = op_info(i.op);
      std::string line = i.ty == Ty::None ? std::string(9, ' ') : fmt::format("v{:<3} {} ", r, ty_name(i.ty));
      line += fmt::format("{:<8}", info.name);
      Ref ops[3] = {i.a, i.b, i.c};
      for (int k = 0; k < info.operands; ++k) line += fmt::format(" v{}", ops[k]);
      if (i.op == Op::CONST && i.ty == Ty::F64) line += fmt::format(" {}", std::bit_cast<double>(i.imm));
      else if (i.op == Op::CONST) line += fmt::format(" #{:#x}", static_cast<uint64_t>(i.imm));
      else if (i.op == Op::CALL) {
        line += fmt::format(" fn{}(", i.imm);
        const Call& c = f.calls[i.imm];
        for (size_t k = 0; k < c.args.size(); ++k) line += fmt::format("{}v{}", k ? ", " : "", c.args[k]);
        line += ")";
      } else if (i.imm != 0) line += fmt::format(" #{}", i.imm);
      if (i.target >= 0) line += fmt::format(" -> L{}", i.target);
      out += "  " + line + "\n";
    }
  }
  return out;
}

// ---- verifier -----------------------------------------------------------------

std::string verify(const Func& f) {
  const int32_t n = static_cast<int32_t>(f.ins.size());
  const int32_t nb = static_cast<int32_t>(f.blocks.size());
  if (nb == 0) return "no blocks";
  int32_t pos = 0;
  for (const Block& b : f.blocks) {
    if (b.begin != pos || b.end < b.begin) return fmt::format("blocks do not tile the function at {}", pos);
    pos = b.end;
  }
  if (pos != n) return "blocks do not cover the function";
  std::vector<int32_t> block_of(n);
  for (int32_t b = 0; b < nb; ++b)
    for (Ref r = f.blocks[b].begin; r < f.blocks[b].end; ++r) block_of[r] = b;
  // Edges (from, the values below `at` flow along it) and dominators.
  struct Edge {
    int32_t from;
    Ref at;
  };
  std::vector<std::vector<Edge>> in(nb);
  for (int32_t b = 0; b < nb; ++b) {
    const Block& blk = f.blocks[b];
    bool terminated = false;
    for (Ref r = blk.begin; r < blk.end; ++r) {
      const Ins& i = f.ins[r];
      const Kind kind = op_info(i.op).kind;
      if (terminated) return fmt::format("v{} {} follows the end of block {}", r, op_info(i.op).name, b);
      if (kind == Kind::Term) terminated = true;
      if (kind == Kind::Branch || kind == Kind::OvValue || i.op == Op::GOTO) {
        if (i.target < 0 || i.target >= nb) return fmt::format("v{} {}: branch to a missing block", r, op_info(i.op).name);
        if (f.blocks[i.target].begin < f.blocks[i.target].end && f.ins[f.blocks[i.target].begin].op == Op::PHI)
          return fmt::format("v{} {}: branches to L{}, which has PHIs", r, op_info(i.op).name, i.target);
        in[i.target].push_back({b, r}); // the values before the branch
      }
    }
    if (blk.succ >= 0) {
      if (terminated) return fmt::format("block {} ends in a jump or return and also falls through", b);
      if (blk.succ >= nb) return fmt::format("block {} jumps to a missing block", b);
      in[blk.succ].push_back({b, blk.end});
    } else if (!terminated) {
      return fmt::format("block {} has no successor and no return", b);
    }
  }
  std::vector<std::vector<bool>> dom(nb, std::vector<bool>(nb, true));
  dom[0].assign(nb, false);
  dom[0][0] = true;
  for (bool changed = true; changed;) {
    changed = false;
    for (int32_t b = 1; b < nb; ++b) {
      std::vector<bool> d(nb, true);
      if (in[b].empty()) d.assign(nb, false);
      for (const Edge& e : in[b])
        for (int32_t k = 0; k < nb; ++k) d[k] = d[k] && dom[e.from][k];
      d[b] = true;
      if (d != dom[b]) {
        dom[b] = std::move(d);
        changed = true;
      }
    }
  }
  // reach[u][d]: the highest instruction of d whose value reaches u (see jit/opt/verify.cpp).
  std::vector<std::vector<Ref>> reach(nb, std::vector<Ref>(nb, INT32_MAX));
  for (bool changed = true; changed;) {
    changed = false;
    for (int32_t u = 1; u < nb; ++u)
      for (int32_t d = 0; d < nb; ++d) {
        if (d == u || !dom[u][d]) continue;
        Ref lim = INT32_MAX;
        for (const Edge& e : in[u]) lim = std::min(lim, e.from == d ? e.at : reach[e.from][d]);
        if (lim < reach[u][d]) {
          reach[u][d] = lim;
          changed = true;
        }
      }
  }
  auto available = [&](Ref def, int32_t use_block, Ref use) {
    if (def < 0 || def >= n || f.ins[def].ty == Ty::None) return false;
    const int32_t db = block_of[def];
    if (db == use_block) return def < use;
    return dom[use_block][db] && def < reach[use_block][db];
  };
  for (int32_t b = 0; b < nb; ++b) {
    const Block& blk = f.blocks[b];
    if (blk.succ < 0) continue;
    const Block& s = f.blocks[blk.succ];
    size_t phis = 0;
    for (Ref r = s.begin; r < s.end && f.ins[r].op == Op::PHI; ++r, ++phis) {
      if (phis >= blk.args.size()) continue; // counted, reported below
      Ref a = blk.args[phis];
      if (!available(a, b, blk.end) || f.ins[a].ty != f.ins[r].ty)
        return fmt::format("block {}: argument {} (v{}) for PHI v{} is unavailable or mistyped", b, phis, a, r);
    }
    if (phis != blk.args.size()) return fmt::format("block {} passes {} arguments to {} PHIs", b, blk.args.size(), phis);
  }
  for (Ref r = 0; r < n; ++r) {
    const Ins& i = f.ins[r];
    if (i.op >= Op::kCount) return fmt::format("v{}: unknown op", r);
    const OpInfo& info = op_info(i.op);
    const int32_t here = block_of[r];
    const bool has_value = info.kind == Kind::Value || info.kind == Kind::OvValue;
    if (has_value != (i.ty != Ty::None)) return fmt::format("v{} {}: {}", r, info.name, has_value ? "untyped" : "typed");
    if (i.op == Op::PHI && r > f.blocks[here].begin && f.ins[r - 1].op != Op::PHI)
      return fmt::format("v{} PHI after the start of block {}", r, here);
    if (i.op == Op::ARG && here != 0) return fmt::format("v{} ARG outside the entry block", r);
    Ref ops[3] = {i.a, i.b, i.c};
    for (int k = 0; k < info.operands; ++k)
      if (!available(ops[k], here, r))
        return fmt::format("v{} {}: operand v{} is not computed on every path to it", r, info.name, ops[k]);
    auto ty = [&](Ref x) { return f.ins[x].ty; };
    switch (i.op) {
    case Op::FEQ: case Op::FNE: case Op::FLT: case Op::FLE: case Op::FGT: case Op::FGE:
      if (ty(i.a) != Ty::F64 || ty(i.b) != Ty::F64 || i.ty != Ty::I64) return fmt::format("v{} {}: types", r, info.name);
      break;
    case Op::FADD: case Op::FSUB: case Op::FMUL: case Op::FDIV: case Op::FMIN: case Op::FMAX:
      if (ty(i.a) != Ty::F64 || ty(i.b) != Ty::F64 || i.ty != Ty::F64) return fmt::format("v{} {}: types", r, info.name);
      break;
    case Op::FNEG: case Op::FABS: case Op::FSQRT: case Op::FFLOOR: case Op::FCEIL: case Op::F2I: case Op::BITS_F2I:
      if (ty(i.a) != Ty::F64) return fmt::format("v{} {}: operand is not F64", r, info.name);
      if ((i.op == Op::F2I || i.op == Op::BITS_F2I) != (i.ty == Ty::I64)) return fmt::format("v{} {}: types", r, info.name);
      break;
    case Op::I2F: case Op::BITS_I2F:
      if (ty(i.a) != Ty::I64 || i.ty != Ty::F64) return fmt::format("v{} {}: types", r, info.name);
      break;
    case Op::SELECT:
      if (ty(i.a) != Ty::I64 || ty(i.b) != i.ty || ty(i.c) != i.ty) return fmt::format("v{} SELECT: types", r);
      break;
    case Op::MOV:
      if (ty(i.a) != i.ty) return fmt::format("v{} MOV: types", r);
      break;
    case Op::LOAD: case Op::LOADX: case Op::LEAX: case Op::STORE:
      if (ty(i.a) != Ty::I64 || (i.op != Op::STORE && info.operands == 2 && ty(i.b) != Ty::I64))
        return fmt::format("v{} {}: address is not I64", r, info.name);
      break;
    case Op::CALL:
      if (i.imm < 0 || i.imm >= static_cast<int64_t>(f.calls.size()) || i.ty != Ty::I64)
        return fmt::format("v{} CALL: bad call", r);
      for (Ref a : f.calls[i.imm].args)
        if (!available(a, here, r) || ty(a) != Ty::I64) return fmt::format("v{} CALL: bad argument v{}", r, a);
      break;
    case Op::CONST: case Op::PHI: case Op::RET: case Op::GOTO: break;
    default:
      // Integer ops: every operand and the result are I64.
      for (int k = 0; k < info.operands; ++k)
        if (ty(ops[k]) != Ty::I64) return fmt::format("v{} {}: operand v{} is not I64", r, info.name, ops[k]);
      if (has_value && i.ty != Ty::I64) return fmt::format("v{} {}: result is not I64", r, info.name);
      break;
    }
  }
  return "";
}

} // namespace tributary::lir
