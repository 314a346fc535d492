// lsra_backend.cpp — the low-level IR to x86-64 with Tributary's own
// linear-scan register allocation; asmjit's Assembler only encodes.
//
// Why a second x86 backend: asmjit's Compiler allocates registers with a
// global allocator whose cost grows faster than the function (and Debian's
// asmjit re-checks the whole register map on every assignment). On the
// bench suite that allocator was about half of all JIT time. Regions are
// lowered in a layout where one linear pass suffices:
//
//  - Positions: instruction i is at 2i+1; the copies a block makes for its
//    successor's PHIs are at 2·end; a PHI is defined at 2·begin of its
//    block, the function's arguments at 0.
//  - Each value lives in one place for its whole life (a register or a
//    stack slot): an interval from its definition to its last use, extended
//    over every loop it is live into (a backward edge from P to H extends a
//    value live at H to the end of P).
//  - Cold blocks (exits, laid out last) end the function and are entered
//    only from hot branches: a hot value they read counts as used at the
//    hot branches that lead there, not at the far end of the function, so an
//    exit does not keep its values' registers busy across the hot code.
//    Values the cold blocks compute live in stack slots.
//  - Poletto and Sarkar's linear scan: intervals by start; when no register
//    is free, the interval that ends last is spilled. A value live across a
//    call gets a callee-saved register or a slot (the SysV ABI keeps no XMM
//    register across calls).
//  - Scratch registers are never allocated: rax (results, returns,
//    division), rdx (division, second operands), r11 (first operands,
//    cycles in parallel copies), xmm14 and xmm15.
//  - 64-bit integer constants have no location: each use encodes them as an
//    immediate or moves them into a scratch register. Float constants are
//    values like any other (a loop keeps them in a register).
#include <algorithm>
#include <bit>
#include <cstring>

#include "backends/asmjit_common.h"

namespace tributary::backends {

namespace {

using namespace asmjit;
using lir::Func;
using lir::Ins;
using lir::Op;
using lir::Ref;
using lir::Ty;

constexpr uint32_t kGpCallerSaved[] = {x86::Gp::kIdCx, x86::Gp::kIdSi, x86::Gp::kIdDi,
                                       x86::Gp::kIdR8, x86::Gp::kIdR9, x86::Gp::kIdR10};
constexpr uint32_t kGpCalleeSaved[] = {x86::Gp::kIdBx,  x86::Gp::kIdBp,  x86::Gp::kIdR12,
                                       x86::Gp::kIdR13, x86::Gp::kIdR14, x86::Gp::kIdR15};
constexpr uint32_t kXmmAllocatable = 14; // xmm0..xmm13
constexpr uint32_t kArgRegs[] = {x86::Gp::kIdDi, x86::Gp::kIdSi, x86::Gp::kIdDx,
                                 x86::Gp::kIdCx, x86::Gp::kIdR8, x86::Gp::kIdR9};

const x86::Gp kRes = x86::rax; // scratch: a result that lives in a slot
const x86::Gp kOpA = x86::r11; // scratch: first operands
const x86::Gp kOpB = x86::rdx; // scratch: second operands
const x86::Xmm kXRes = x86::xmm15;
const x86::Xmm kXOp = x86::xmm14;

// Where a value lives: a register (GP or XMM by its type), a stack slot, or
// nowhere (an I64 constant: encoded at each use).
struct Loc {
  int8_t reg = -1;
  int32_t slot = -1;
  bool none() const { return reg < 0 && slot < 0; }
};

class Allocator {
public:
  explicit Allocator(const Func& f) : loc(f.ins.size()), f_(f), n_(f.ins.size()), start_(n_, -1), end_(n_, -1) {}

  std::string run() {
    if (std::string err = intervals(); !err.empty()) return err;
    scan(false);
    scan(true);
    return "";
  }

  std::vector<Loc> loc;     // per value
  int32_t slots = 0;         // stack slots used
  uint32_t callee_used = 0;  // bit per GP register id
  std::vector<bool> fused;   // a compare emitted by the branch after it

private:
  const Func& f_;
  size_t n_;
  std::vector<int32_t> start_, end_;
  std::vector<int32_t> calls_; // positions of CALLs, ascending

  const Ins& at(Ref r) const { return f_.ins[r]; }
  static int32_t pos(Ref r) { return 2 * r + 1; }
  bool located(Ref r) const { // does r need a register or a slot?
    const Ins& i = at(r);
    if (i.ty == Ty::None) return false;
    return !(i.op == Op::CONST && i.ty == Ty::I64);
  }

  template <typename F>
  void each_operand(Ref r, F use) const {
    const Ins& i = at(r);
    const Ref ops[3] = {i.a, i.b, i.c};
    for (int k = 0; k < lir::op_info(i.op).operands; ++k) use(ops[k]);
    if (i.op == Op::CALL)
      for (Ref a : f_.calls[i.imm].args) use(a);
  }

  std::string intervals() {
    const size_t nb = f_.blocks.size();
    std::vector<int32_t> block_of(n_, -1);
    for (size_t b = 0; b < nb; ++b)
      for (Ref r = f_.blocks[b].begin; r < f_.blocks[b].end; ++r) block_of[r] = static_cast<int32_t>(b);
    auto targets = [&](size_t b, auto visit) {
      const lir::Block& blk = f_.blocks[b];
      if (blk.succ >= 0) visit(blk.succ, 2 * blk.end);
      for (Ref r = blk.begin; r < blk.end; ++r)
        if (at(r).target >= 0) visit(at(r).target, pos(r));
    };
    // Cold blocks are terminal when no path from them reaches a hot block;
    // then a hot value they read is used at the hot branches into them.
    bool cold_terminal = true;
    for (size_t b = 0; b < nb; ++b)
      if (f_.blocks[b].cold)
        targets(b, [&](int32_t t, int32_t) { cold_terminal &= f_.blocks[t].cold; });
    // Cold block: the last and the first hot position leading to it.
    std::vector<int32_t> entry(nb, -1), entry_lo(nb, INT32_MAX);
    if (cold_terminal) {
      for (size_t b = 0; b < nb; ++b)
        if (!f_.blocks[b].cold)
          targets(b, [&](int32_t t, int32_t p) {
            if (f_.blocks[t].cold) entry[t] = std::max(entry[t], p), entry_lo[t] = std::min(entry_lo[t], p);
          });
      for (bool changed = true; changed;) {
        changed = false;
        for (size_t b = 0; b < nb; ++b)
          if (f_.blocks[b].cold)
            targets(b, [&](int32_t t, int32_t) {
              if (entry[b] > entry[t]) entry[t] = entry[b], changed = true;
              if (entry_lo[b] < entry_lo[t]) entry_lo[t] = entry_lo[b], changed = true;
            });
      }
    }
    auto cold = [&](int32_t b) { return cold_terminal && f_.blocks[b].cold; };
    // Definitions.
    fused.assign(n_, false);
    std::vector<uint32_t> uses(n_, 0);
    for (size_t r = 0; r < n_; ++r) each_operand(static_cast<Ref>(r), [&](Ref o) { ++uses[o]; });
    for (const lir::Block& b : f_.blocks)
      for (Ref a : b.args) ++uses[a];
    std::vector<int32_t> use_at(n_); // where instruction r's operands are read
    for (size_t b = 0; b < nb; ++b) {
      const lir::Block& blk = f_.blocks[b];
      for (Ref r = blk.begin; r < blk.end; ++r) {
        use_at[r] = pos(r);
        const Ins& i = at(r);
        if (i.op == Op::CALL) calls_.push_back(pos(r));
        if (!located(r)) continue;
        if (cold(static_cast<int32_t>(b))) { // computed in an exit: a slot
          loc[r].slot = slots++;
          continue;
        }
        start_[r] = i.op == Op::ARG ? 0 : i.op == Op::PHI ? 2 * blk.begin : pos(r);
        end_[r] = start_[r];
      }
      // A compare used only by the branch right after it (constants between)
      // is emitted there, as the branch's cmp.
      for (Ref r = blk.begin; r < blk.end; ++r)
        if (const Ref n = fused_branch(f_, r, blk.end, uses[r]); n != lir::kNone) {
          fused[r] = true;
          use_at[r] = pos(n);
          start_[r] = end_[r] = -1; // no value of its own
        }
    }
    // Uses.
    auto use = [&](Ref v, int32_t p) {
      if (!located(v) || loc[v].slot >= 0) return;
      end_[v] = std::max(end_[v], p);
    };
    for (size_t b = 0; b < nb; ++b) {
      const lir::Block& blk = f_.blocks[b];
      const bool c = cold(static_cast<int32_t>(b));
      for (Ref r = blk.begin; r < blk.end; ++r)
        each_operand(r, [&](Ref o) {
          if (c && loc[o].slot < 0 && entry[b] < 0) return; // an unreachable exit
          use(o, c && loc[o].slot < 0 ? entry[b] : use_at[r]);
        });
      for (Ref a : blk.args) use(a, c && loc[a].slot < 0 ? entry[b] : 2 * blk.end);
    }
    // Loops: a value live into a loop's header lives to the end of the loop.
    struct Back {
      int32_t head, tail;
    };
    std::vector<Back> back;
    for (size_t b = 0; b < nb; ++b) {
      if (cold(static_cast<int32_t>(b))) continue;
      targets(b, [&](int32_t t, int32_t) {
        if (t <= static_cast<int32_t>(b)) back.push_back({2 * f_.blocks[t].begin, 2 * f_.blocks[b].end});
      });
    }
    for (bool changed = !back.empty(); changed;) {
      changed = false;
      for (const Back& e : back)
        for (size_t r = 0; r < n_; ++r)
          if (start_[r] >= 0 && start_[r] < e.head && end_[r] >= e.head && end_[r] < e.tail) {
            end_[r] = e.tail;
            changed = true;
          }
    }
    // Every use must come after its definition in this layout (an exit's,
    // after its definition at every branch into the exit).
    for (size_t b = 0; b < nb; ++b) {
      const bool c = cold(static_cast<int32_t>(b));
      if (c && entry[b] < 0) continue;
      const lir::Block& blk = f_.blocks[b];
      std::string err;
      auto check = [&](Ref o, int32_t p) {
        if (located(o) && start_[o] >= 0 && start_[o] > p) err = "lsra: a value is used before its definition in the layout";
      };
      for (Ref r = blk.begin; r < blk.end; ++r) each_operand(r, [&](Ref o) { check(o, c ? entry_lo[b] : use_at[r]); });
      for (Ref a : blk.args) check(a, c ? entry_lo[b] : 2 * blk.end);
      if (!err.empty()) return err;
    }
    return "";
  }

  bool crosses_call(Ref r) const {
    auto it = std::upper_bound(calls_.begin(), calls_.end(), start_[r]);
    return it != calls_.end() && *it < end_[r];
  }

  void scan(bool xmm) {
    std::vector<Ref> order;
    for (size_t r = 0; r < n_; ++r)
      if (start_[r] >= 0 && (at(static_cast<Ref>(r)).ty == Ty::F64) == xmm) order.push_back(static_cast<Ref>(r));
    std::stable_sort(order.begin(), order.end(), [&](Ref x, Ref y) { return start_[x] < start_[y]; });
    uint32_t caller = 0, callee = 0;
    if (xmm) {
      caller = (1u << kXmmAllocatable) - 1;
    } else {
      for (uint32_t id : kGpCallerSaved) caller |= 1u << id;
      for (uint32_t id : kGpCalleeSaved) callee |= 1u << id;
    }
    uint32_t free = caller | callee;
    std::vector<Ref> active; // in a register, by increasing end
    for (Ref r : order) {
      while (!active.empty() && end_[active.front()] < start_[r]) {
        free |= 1u << loc[active.front()].reg;
        active.erase(active.begin());
      }
      const uint32_t allowed = crosses_call(r) ? callee : caller | callee;
      uint32_t pick = free & allowed & caller;
      if (!pick) pick = free & allowed;
      int reg = -1;
      if (pick) {
        reg = std::countr_zero(pick);
      } else {
        // Spill the active interval that ends last, if it ends after r and
        // its register is one r may take.
        for (size_t k = active.size(); k-- > 0;) {
          const Ref w = active[k];
          if (end_[w] <= end_[r]) break;
          if (!(allowed & (1u << loc[w].reg))) continue;
          reg = loc[w].reg;
          loc[w].reg = -1;
          loc[w].slot = slots++;
          active.erase(active.begin() + static_cast<std::ptrdiff_t>(k));
          free |= 1u << reg;
          break;
        }
      }
      if (reg < 0) {
        loc[r].slot = slots++;
        continue;
      }
      free &= ~(1u << reg);
      loc[r].reg = static_cast<int8_t>(reg);
      if (!xmm && (callee & (1u << reg))) callee_used |= 1u << reg;
      auto it = std::upper_bound(active.begin(), active.end(), r, [&](Ref x, Ref y) { return end_[x] < end_[y]; });
      active.insert(it, r);
    }
  }
};

class Emitter {
public:
  Emitter(x86::Assembler& as, const Func& f, const Allocator& ra) : a_(as), f_(f), ra_(ra) {}

  std::string run() {
    labels_.resize(f_.blocks.size());
    for (auto& l : labels_) l = a_.newLabel();
    epilogue_ = a_.newLabel();
    prologue();
    for (size_t b = 0; b < f_.blocks.size(); ++b) {
      a_.bind(labels_[b]);
      const lir::Block& blk = f_.blocks[b];
      bool ended = false;
      for (Ref r = blk.begin; r < blk.end; ++r) {
        emit(r);
        if (!error_.empty()) return error_;
        ended = lir::op_info(at(r).op).kind == lir::Kind::Term;
      }
      if (!ended && blk.succ >= 0) {
        edge_copies(blk);
        if (blk.succ != static_cast<int32_t>(b) + 1) a_.jmp(labels_[blk.succ]);
      }
    }
    a_.bind(epilogue_);
    if (frame_) a_.add(x86::rsp, frame_);
    for (size_t k = saved_.size(); k-- > 0;) a_.pop(x86::gpq(saved_[k]));
    a_.ret();
    return error_;
  }

private:
  x86::Assembler& a_;
  const Func& f_;
  const Allocator& ra_;
  std::vector<Label> labels_;
  Label epilogue_;
  std::vector<uint32_t> saved_;
  int32_t frame_ = 0;
  std::string error_;

  const Ins& at(Ref r) const { return f_.ins[r]; }
  const Loc& loc(Ref r) const { return ra_.loc[r]; }
  bool kconst(Ref r) const { return at(r).op == Op::CONST && at(r).ty == Ty::I64; }
  bool imm32(Ref r) const { return kconst(r) && fits_imm32(at(r).imm); }
  x86::Mem slot(int32_t k) const { return x86::qword_ptr(x86::rsp, 8 * k); }
  x86::Gp gp(Ref r) const { return x86::gpq(static_cast<uint32_t>(loc(r).reg)); }
  x86::Xmm xmm(Ref r) const { return x86::xmm(static_cast<uint32_t>(loc(r).reg)); }
  bool in_reg(Ref r) const { return loc(r).reg >= 0; }

  void prologue() {
    for (uint32_t id : kGpCalleeSaved)
      if (ra_.callee_used & (1u << id)) saved_.push_back(id);
    for (uint32_t id : saved_) a_.push(x86::gpq(id));
    // rsp is 16-aligned at every call: the return address and the pushes
    // leave it at 8 (mod 16) when their count is even.
    frame_ = 8 * ra_.slots;
    if ((saved_.size() + 1 + static_cast<size_t>(ra_.slots)) % 2 != 0) frame_ += 8;
    if (frame_) a_.sub(x86::rsp, frame_);
    std::vector<Move> moves;
    for (size_t r = 0; r < f_.ins.size(); ++r)
      if (at(static_cast<Ref>(r)).op == Op::ARG && !loc(static_cast<Ref>(r)).none())
        moves.push_back({loc(static_cast<Ref>(r)), Src::reg(at(static_cast<Ref>(r)).imm == 0 ? x86::Gp::kIdDi : x86::Gp::kIdSi),
                         false});
    parallel(moves);
  }

  // ---- operands -------------------------------------------------------------

  // An I64 value in a register: its own, or `scratch` loaded from its slot or
  // with its constant.
  x86::Gp use(Ref r, const x86::Gp& scratch) {
    if (kconst(r)) {
      a_.mov(scratch, static_cast<uint64_t>(at(r).imm));
      return scratch;
    }
    if (in_reg(r)) return gp(r);
    a_.mov(scratch, slot(loc(r).slot));
    return scratch;
  }
  x86::Xmm usex(Ref r, const x86::Xmm& scratch) {
    if (in_reg(r)) return xmm(r);
    a_.movsd(scratch, slot(loc(r).slot));
    return scratch;
  }
  // An I64 operand as a register or its slot (x86 reads either); constants
  // go through `scratch` unless `imm_ok` and they fit 32 bits.
  Operand any(Ref r, const x86::Gp& scratch, bool imm_ok = false) {
    if (kconst(r)) {
      if (imm_ok && fits_imm32(at(r).imm)) return Imm(at(r).imm);
      a_.mov(scratch, static_cast<uint64_t>(at(r).imm));
      return scratch;
    }
    if (in_reg(r)) return gp(r);
    return slot(loc(r).slot);
  }
  Operand anyx(Ref r) { return in_reg(r) ? Operand(xmm(r)) : Operand(slot(loc(r).slot)); }

  x86::Gp dst(Ref r) { return in_reg(r) ? gp(r) : kRes; }
  x86::Xmm dstx(Ref r) { return in_reg(r) ? xmm(r) : kXRes; }
  void put(Ref r, const x86::Gp& d) {
    if (!in_reg(r) && loc(r).slot >= 0) a_.mov(slot(loc(r).slot), d);
  }
  void putx(Ref r, const x86::Xmm& d) {
    if (!in_reg(r) && loc(r).slot >= 0) a_.movsd(slot(loc(r).slot), d);
  }

  // ---- parallel copies -------------------------------------------------------

  struct Src {
    enum Kind { Reg, Slot, Imm } kind;
    int32_t id;  // register id or slot
    int64_t imm; // Imm
    static Src reg(uint32_t id) { return {Reg, static_cast<int32_t>(id), 0}; }
  };
  struct Move {
    Loc dst;
    Src src;
    bool f64;
  };
  static int key(const Loc& l, bool f64) { return l.reg >= 0 ? (f64 ? 16 : 0) + l.reg : 32 + l.slot; }
  static int key(const Src& s, bool f64) {
    return s.kind == Src::Reg ? (f64 ? 16 : 0) + s.id : s.kind == Src::Slot ? 32 + s.id : -1;
  }
  Src src_of(Ref r) const {
    if (kconst(r)) return {Src::Imm, 0, at(r).imm};
    if (in_reg(r)) return Src::reg(static_cast<uint32_t>(loc(r).reg));
    return {Src::Slot, loc(r).slot, 0};
  }

  void move(const Move& m) {
    if (m.f64) {
      if (m.dst.reg >= 0) {
        const x86::Xmm d = x86::xmm(static_cast<uint32_t>(m.dst.reg));
        if (m.src.kind == Src::Reg) a_.movapd(d, x86::xmm(static_cast<uint32_t>(m.src.id)));
        else a_.movsd(d, slot(m.src.id));
      } else if (m.src.kind == Src::Reg) {
        a_.movsd(slot(m.dst.slot), x86::xmm(static_cast<uint32_t>(m.src.id)));
      } else {
        a_.movsd(kXOp, slot(m.src.id));
        a_.movsd(slot(m.dst.slot), kXOp);
      }
      return;
    }
    if (m.dst.reg >= 0) {
      const x86::Gp d = x86::gpq(static_cast<uint32_t>(m.dst.reg));
      if (m.src.kind == Src::Reg) a_.mov(d, x86::gpq(static_cast<uint32_t>(m.src.id)));
      else if (m.src.kind == Src::Slot) a_.mov(d, slot(m.src.id));
      else a_.mov(d, static_cast<uint64_t>(m.src.imm));
      return;
    }
    if (m.src.kind == Src::Reg) {
      a_.mov(slot(m.dst.slot), x86::gpq(static_cast<uint32_t>(m.src.id)));
    } else if (m.src.kind == Src::Imm && fits_imm32(m.src.imm)) {
      a_.mov(slot(m.dst.slot), Imm(m.src.imm));
    } else {
      if (m.src.kind == Src::Slot) a_.mov(kRes, slot(m.src.id));
      else a_.mov(kRes, static_cast<uint64_t>(m.src.imm));
      a_.mov(slot(m.dst.slot), kRes);
    }
  }

  // Moves whose destinations are distinct, read before any is overwritten.
  // A cycle is broken through r11 (I64) or xmm15 (F64).
  void parallel(std::vector<Move> moves) {
    std::erase_if(moves, [](const Move& m) { return key(m.dst, m.f64) == key(m.src, m.f64); });
    while (!moves.empty()) {
      bool progress = false;
      for (size_t k = 0; k < moves.size();) {
        const int d = key(moves[k].dst, moves[k].f64);
        const bool read_later = std::any_of(moves.begin(), moves.end(), [&](const Move& o) { return key(o.src, o.f64) == d; });
        if (read_later) {
          ++k;
          continue;
        }
        move(moves[k]);
        moves.erase(moves.begin() + static_cast<std::ptrdiff_t>(k));
        progress = true;
      }
      if (progress) continue;
      // Every destination is still to be read: save the first one's value.
      const Move& m = moves.front();
      const int d = key(m.dst, m.f64);
      Src temp = m.f64 ? Src::reg(kXRes.id()) : Src::reg(kOpA.id());
      move({m.f64 ? Loc{static_cast<int8_t>(kXRes.id()), -1} : Loc{static_cast<int8_t>(kOpA.id()), -1},
            m.dst.reg >= 0 ? Src::reg(static_cast<uint32_t>(m.dst.reg)) : Src{Src::Slot, m.dst.slot, 0}, m.f64});
      for (Move& o : moves)
        if (key(o.src, o.f64) == d) o.src = temp;
    }
  }

  void edge_copies(const lir::Block& from) {
    const lir::Block& to = f_.blocks[from.succ];
    std::vector<Move> moves;
    size_t k = 0;
    for (Ref phi = to.begin; phi < to.end && at(phi).op == Op::PHI; ++phi, ++k)
      if (!loc(phi).none()) moves.push_back({loc(phi), src_of(from.args[k]), at(phi).ty == Ty::F64});
    parallel(std::move(moves));
  }

  // ---- instructions ----------------------------------------------------------

  template <typename F>
  void binary(Ref r, const Ins& i, F op) {
    const x86::Gp d = dst(r);
    mov_in(d, i.a);
    const Operand b = any(i.b, kOpB, true);
    if (b.isImm()) op(d, b.as<Imm>());
    else if (b.isReg()) op(d, b.as<x86::Gp>());
    else op(d, b.as<x86::Mem>());
    put(r, d);
  }
  void mov_in(const x86::Gp& d, Ref v) {
    if (kconst(v)) a_.mov(d, static_cast<uint64_t>(at(v).imm));
    else if (in_reg(v)) {
      if (gp(v) != d) a_.mov(d, gp(v));
    } else a_.mov(d, slot(loc(v).slot));
  }
  void movx_in(const x86::Xmm& d, Ref v) {
    if (in_reg(v)) {
      if (xmm(v) != d) a_.movapd(d, xmm(v));
    } else a_.movsd(d, slot(loc(v).slot));
  }

  void compare(Ref x, Ref y) {
    Operand l = any(x, kOpA);
    Operand rr = any(y, kOpB, true);
    if (l.isMem() && rr.isMem()) {
      a_.mov(kOpA, l.as<x86::Mem>());
      l = kOpA;
    }
    if (rr.isImm() && rr.as<Imm>().value() == 0 && l.isReg()) a_.test(l.as<x86::Gp>(), l.as<x86::Gp>());
    else if (l.isReg() && rr.isImm()) a_.cmp(l.as<x86::Gp>(), rr.as<Imm>());
    else if (l.isReg() && rr.isReg()) a_.cmp(l.as<x86::Gp>(), rr.as<x86::Gp>());
    else if (l.isReg()) a_.cmp(l.as<x86::Gp>(), rr.as<x86::Mem>());
    else if (rr.isImm()) a_.cmp(l.as<x86::Mem>(), rr.as<Imm>());
    else a_.cmp(l.as<x86::Mem>(), rr.as<x86::Gp>());
  }

  void test_nonzero(Ref x) { // sets ZF when x == 0
    const Operand l = any(x, kOpA);
    if (l.isReg()) a_.test(l.as<x86::Gp>(), l.as<x86::Gp>());
    else a_.cmp(l.as<x86::Mem>(), 0);
  }


  void setcc(Ref r, x86::CondCode cond, Ref x, Ref y) {
    const x86::Gp d = dst(r);
    compare(x, y);
    a_.set(cond, d.r8());
    a_.movzx(d.r32(), d.r8());
    put(r, d);
  }

  // ucomisd sets CF and ZF when unordered: "above" (and "above or equal")
  // with the operands swapped as needed are false for NaNs.
  void fsetcc(Ref r, x86::CondCode cond, Ref x, Ref y) {
    const x86::Gp d = dst(r);
    const x86::Xmm l = usex(x, kXOp);
    if (in_reg(y)) a_.ucomisd(l, xmm(y));
    else a_.ucomisd(l, slot(loc(y).slot));
    a_.set(cond, d.r8());
    a_.movzx(d.r32(), d.r8());
    put(r, d);
  }

  void branch(const Ins& i) {
    if (ra_.fused[i.a]) { // `BR_NE c 0` branches where c holds, `BR_EQ c 0` where it does not
      const Ins& c = at(i.a);
      compare(c.a, c.b);
      const x86::CondCode holds = condition(c.op);
      a_.j(i.op == Op::BR_NE ? holds : x86::negateCond(holds), labels_[i.target]);
      return;
    }
    compare(i.a, i.b);
    a_.j(condition(i.op), labels_[i.target]);
  }

  x86::Mem mem(Ref base, int64_t off) { return x86::qword_ptr(use(base, kOpA), static_cast<int32_t>(off)); }

  template <typename F>
  void farith(Ref r, const Ins& i, F op) {
    const x86::Xmm d = dstx(r);
    movx_in(d, i.a);
    if (in_reg(i.b)) op(d, xmm(i.b));
    else op(d, slot(loc(i.b).slot));
    putx(r, d);
  }

  void emit(Ref r) {
    const Ins& i = at(r);
    switch (i.op) {
    case Op::CONST:
      if (i.ty == Ty::F64 && !loc(r).none()) {
        const x86::Xmm d = dstx(r);
        a_.mov(kRes, static_cast<uint64_t>(i.imm));
        a_.movq(d, kRes);
        putx(r, d);
      }
      break;
    case Op::ARG: break; // moved in by the prologue
    case Op::PHI: break; // filled on edges
    case Op::MOV:
      if (loc(r).none()) break;
      if (i.ty == Ty::F64) {
        const x86::Xmm d = dstx(r);
        movx_in(d, i.a);
        putx(r, d);
      } else {
        const x86::Gp d = dst(r);
        mov_in(d, i.a);
        put(r, d);
      }
      break;
    case Op::ADD: binary(r, i, [&](auto& d, auto s) { a_.add(d, s); }); break;
    case Op::SUB: binary(r, i, [&](auto& d, auto s) { a_.sub(d, s); }); break;
    case Op::AND: binary(r, i, [&](auto& d, auto s) { a_.and_(d, s); }); break;
    case Op::OR: binary(r, i, [&](auto& d, auto s) { a_.or_(d, s); }); break;
    case Op::XOR: binary(r, i, [&](auto& d, auto s) { a_.xor_(d, s); }); break;
    case Op::ADD_OV:
      binary(r, i, [&](auto& d, auto s) { a_.add(d, s); });
      a_.jo(labels_[i.target]);
      break;
    case Op::SUB_OV:
      binary(r, i, [&](auto& d, auto s) { a_.sub(d, s); });
      a_.jo(labels_[i.target]);
      break;
    case Op::MUL:
    case Op::MUL_OV: {
      const x86::Gp d = dst(r);
      if (imm32(i.b)) {
        const Operand x = any(i.a, kOpA);
        if (x.isReg()) a_.imul(d, x.as<x86::Gp>(), Imm(at(i.b).imm));
        else a_.imul(d, x.as<x86::Mem>(), Imm(at(i.b).imm));
      } else {
        mov_in(d, i.a);
        const Operand y = any(i.b, kOpB);
        if (y.isReg()) a_.imul(d, y.as<x86::Gp>());
        else a_.imul(d, y.as<x86::Mem>());
      }
      if (i.op == Op::MUL_OV) a_.jo(labels_[i.target]); // (the store to a slot keeps the flags)
      put(r, d);
      break;
    }
    case Op::NEG:
    case Op::NEG_OV: {
      const x86::Gp d = dst(r);
      mov_in(d, i.a);
      a_.neg(d);
      if (i.op == Op::NEG_OV) a_.jo(labels_[i.target]);
      put(r, d);
      break;
    }
    case Op::SDIV: {
      mov_in(x86::rax, i.a);
      const Operand y = any(i.b, kOpA);
      a_.cqo(x86::rdx, x86::rax);
      if (y.isReg()) a_.idiv(x86::rdx, x86::rax, y.as<x86::Gp>());
      else a_.idiv(x86::rdx, x86::rax, y.as<x86::Mem>());
      if (in_reg(r)) a_.mov(gp(r), x86::rax);
      else put(r, x86::rax);
      break;
    }
    case Op::SHL:
    case Op::SHR:
    case Op::SAR: {
      const x86::Gp d = dst(r);
      mov_in(d, i.a);
      const Imm n(static_cast<uint32_t>(i.imm));
      if (i.op == Op::SHL) a_.shl(d, n);
      else if (i.op == Op::SHR) a_.shr(d, n);
      else a_.sar(d, n);
      put(r, d);
      break;
    }
    case Op::EQ: case Op::NE: case Op::LT: case Op::LE: case Op::GT: case Op::GE:
      if (!ra_.fused[r]) setcc(r, condition(i.op), i.a, i.b);
      break;
    case Op::FLT: fsetcc(r, x86::CondCode::kA, i.b, i.a); break;
    case Op::FLE: fsetcc(r, x86::CondCode::kAE, i.b, i.a); break;
    case Op::FGT: fsetcc(r, x86::CondCode::kA, i.a, i.b); break;
    case Op::FGE: fsetcc(r, x86::CondCode::kAE, i.a, i.b); break;
    case Op::FEQ:
    case Op::FNE: {
      const x86::Gp d = dst(r);
      const x86::Xmm l = usex(i.a, kXOp);
      if (in_reg(i.b)) a_.ucomisd(l, xmm(i.b));
      else a_.ucomisd(l, slot(loc(i.b).slot));
      if (i.op == Op::FEQ) {
        a_.sete(d.r8());
        a_.setnp(kOpB.r8());
        a_.and_(d.r8(), kOpB.r8());
      } else {
        a_.setne(d.r8());
        a_.setp(kOpB.r8());
        a_.or_(d.r8(), kOpB.r8());
      }
      a_.movzx(d.r32(), d.r8());
      put(r, d);
      break;
    }
    case Op::SELECT:
      if (kconst(i.a)) { // decided here
        const Ref pick = at(i.a).imm != 0 ? i.b : i.c;
        if (i.ty == Ty::F64) {
          const x86::Xmm d = dstx(r);
          movx_in(d, pick);
          putx(r, d);
        } else {
          const x86::Gp d = dst(r);
          mov_in(d, pick);
          put(r, d);
        }
      } else if (i.ty == Ty::F64) {
        // Branch-free through the bits: rdx = c, r11 = b, rdx = b if a != 0.
        if (in_reg(i.c)) a_.movq(kOpB, xmm(i.c));
        else a_.mov(kOpB, slot(loc(i.c).slot));
        test_nonzero(i.a);
        if (in_reg(i.b)) a_.movq(kOpA, xmm(i.b));
        else a_.mov(kOpA, slot(loc(i.b).slot));
        a_.cmovnz(kOpB, kOpA);
        const x86::Xmm d = dstx(r);
        a_.movq(d, kOpB);
        putx(r, d);
      } else {
        const x86::Gp d = dst(r);
        mov_in(d, i.c);
        test_nonzero(i.a);
        const Operand b = any(i.b, kOpB);
        if (b.isReg()) a_.cmovnz(d, b.as<x86::Gp>());
        else a_.cmovnz(d, b.as<x86::Mem>());
        put(r, d);
      }
      break;
    case Op::FADD: farith(r, i, [&](auto& d, auto s) { a_.addsd(d, s); }); break;
    case Op::FSUB: farith(r, i, [&](auto& d, auto s) { a_.subsd(d, s); }); break;
    case Op::FMUL: farith(r, i, [&](auto& d, auto s) { a_.mulsd(d, s); }); break;
    case Op::FDIV: farith(r, i, [&](auto& d, auto s) { a_.divsd(d, s); }); break;
    case Op::FNEG:
    case Op::FABS: {
      a_.mov(kOpB, i.op == Op::FNEG ? 0x8000'0000'0000'0000ull : 0x7FFF'FFFF'FFFF'FFFFull);
      a_.movq(kXOp, kOpB);
      const x86::Xmm d = dstx(r);
      movx_in(d, i.a);
      if (i.op == Op::FNEG) a_.xorpd(d, kXOp);
      else a_.andpd(d, kXOp);
      putx(r, d);
      break;
    }
    case Op::FSQRT:
    case Op::FFLOOR:
    case Op::FCEIL: {
      const x86::Xmm d = dstx(r);
      const Operand x = anyx(i.a);
      if (i.op == Op::FSQRT) {
        if (x.isReg()) a_.sqrtsd(d, x.as<x86::Xmm>());
        else a_.sqrtsd(d, x.as<x86::Mem>());
      } else {
        const Imm mode(i.op == Op::FFLOOR ? 0x9 : 0xA); // toward -inf / +inf, inexact suppressed
        if (x.isReg()) a_.roundsd(d, x.as<x86::Xmm>(), mode);
        else a_.roundsd(d, x.as<x86::Mem>(), mode);
      }
      putx(r, d);
      break;
    }
    // minsd/maxsd d, s give d when d < s (d > s), else s: with d = b, s = a
    // exactly FMIN/FMAX's "b < a ? b : a".
    case Op::FMIN:
    case Op::FMAX: {
      const x86::Xmm d = dstx(r);
      movx_in(d, i.b);
      const Operand x = anyx(i.a);
      if (i.op == Op::FMIN) {
        if (x.isReg()) a_.minsd(d, x.as<x86::Xmm>());
        else a_.minsd(d, x.as<x86::Mem>());
      } else {
        if (x.isReg()) a_.maxsd(d, x.as<x86::Xmm>());
        else a_.maxsd(d, x.as<x86::Mem>());
      }
      putx(r, d);
      break;
    }
    case Op::I2F: {
      const x86::Xmm d = dstx(r);
      const Operand x = any(i.a, kOpA);
      a_.xorps(d, d);
      if (x.isReg()) a_.cvtsi2sd(d, x.as<x86::Gp>());
      else a_.cvtsi2sd(d, x.as<x86::Mem>());
      putx(r, d);
      break;
    }
    case Op::F2I: {
      const x86::Gp d = dst(r);
      const Operand x = anyx(i.a);
      if (x.isReg()) a_.cvttsd2si(d, x.as<x86::Xmm>());
      else a_.cvttsd2si(d, x.as<x86::Mem>());
      put(r, d);
      break;
    }
    case Op::BITS_F2I: {
      const x86::Gp d = dst(r);
      if (in_reg(i.a)) a_.movq(d, xmm(i.a));
      else a_.mov(d, slot(loc(i.a).slot));
      put(r, d);
      break;
    }
    case Op::BITS_I2F: {
      const x86::Xmm d = dstx(r);
      a_.movq(d, use(i.a, kOpA));
      putx(r, d);
      break;
    }
    case Op::LOAD:
      if (i.ty == Ty::F64) {
        const x86::Xmm d = dstx(r);
        a_.movsd(d, mem(i.a, i.imm));
        putx(r, d);
      } else {
        const x86::Gp d = dst(r);
        a_.mov(d, mem(i.a, i.imm));
        put(r, d);
      }
      break;
    case Op::LOADX:
    case Op::LEAX: {
      const x86::Mem m = x86::qword_ptr(use(i.a, kOpA), use(i.b, kOpB), 3, static_cast<int32_t>(i.imm));
      if (i.op == Op::LEAX) {
        const x86::Gp d = dst(r);
        a_.lea(d, m);
        put(r, d);
      } else if (i.ty == Ty::F64) {
        const x86::Xmm d = dstx(r);
        a_.movsd(d, m);
        putx(r, d);
      } else {
        const x86::Gp d = dst(r);
        a_.mov(d, m);
        put(r, d);
      }
      break;
    }
    case Op::STORE: {
      const x86::Mem m = mem(i.a, i.imm);
      if (at(i.b).ty == Ty::F64) {
        if (in_reg(i.b)) a_.movsd(m, xmm(i.b));
        else {
          a_.mov(kOpB, slot(loc(i.b).slot));
          a_.mov(m, kOpB);
        }
      } else if (imm32(i.b)) {
        a_.mov(m, Imm(at(i.b).imm));
      } else {
        a_.mov(m, use(i.b, kOpB));
      }
      break;
    }
    case Op::CALL: {
      const lir::Call& c = f_.calls[i.imm];
      if (c.args.size() > std::size(kArgRegs)) {
        error_ = "lsra: a call with more than six arguments";
        break;
      }
      std::vector<Move> moves;
      for (size_t k = 0; k < c.args.size(); ++k)
        moves.push_back({Loc{static_cast<int8_t>(kArgRegs[k]), -1}, src_of(c.args[k]), false});
      parallel(std::move(moves));
      // (asmjit encodes a call to an absolute address as `call rel32` when
      // the helper is within reach, else through an address table after the
      // code: 6 bytes instead of a 12-byte movabs and indirect call.)
      a_.call(Imm(reinterpret_cast<uint64_t>(c.fn)));
      if (in_reg(r)) a_.mov(gp(r), x86::rax);
      else put(r, x86::rax);
      break;
    }
    case Op::BR_EQ: case Op::BR_NE: case Op::BR_LT: case Op::BR_GE: case Op::BR_ULT: case Op::BR_UGE:
      branch(i);
      break;
    case Op::GOTO: a_.jmp(labels_[i.target]); break;
    case Op::RET:
      mov_in(x86::rax, i.a);
      a_.jmp(epilogue_);
      break;
    case Op::kCount: break;
    }
  }
};

class LsraBackend : public AsmjitCodeBackend {
public:
  const char* name() const override { return "lsra"; }

  CodeResult compile(const Func& f) override {
    Allocator ra(f);
    if (std::string err = ra.run(); !err.empty()) return {nullptr, 0, err};
    return build([&](CodeHolder& code) {
      x86::Assembler a(&code);
      return Emitter(a, f, ra).run();
    });
  }
};

} // namespace

std::unique_ptr<Backend> make_lsra_backend() { return std::make_unique<LsraBackend>(); }

} // namespace tributary::backends
