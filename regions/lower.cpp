// lower.cpp — trace IR to the backends' low-level IR: boxing, unboxing, type
// guards, the 48-bit int scaling, floor division, helper calls and the exit
// protocol, written once for every backend (see lower.h).
#include "regions/lower.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <map>
#include <unordered_map>

namespace tributary::regions {

namespace {

using jit::Ins;
using jit::IrOp;
using jit::IrType;
using lir::Op;
using lir::Ty;

// Ints live scaled by 2^16 so that the machine's overflow flag catches 48-bit overflow.
constexpr int kIntShift = 16;
constexpr int64_t kIntScale = int64_t(1) << kIntShift;
constexpr uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000ull;
constexpr uint64_t kSignBit = 0x8000'0000'0000'0000ull;
// int(x) of a double fits a small int exactly when -2^47 - 1 < x < 2^47.
constexpr double kF2IntLow = -140737488355329.0, kF2IntHigh = 140737488355328.0;

Ty lir_type(IrType t) {
  switch (t) {
  case IrType::F64: return Ty::F64;
  case IrType::None: return Ty::None;
  default: return Ty::I64;
  }
}

class Lowering {
public:
  Lowering(const jit::Trace& t, const std::vector<void*>& handles, const ExitLayout& layout, lir::Func& out,
           std::vector<int32_t>& exit_values)
      : t_(t), handles_(handles), layout_(layout), b_(out), map_(t.ins.size(), lir::kNone), index_(exit_values) {
    index_.assign(t.ins.size(), -1);
  }

  std::string run(bool verify) {
    const size_t nb = t_.blocks.size();
    for (size_t k = 0; k < nb; ++k) b_.new_block();
    for (size_t bi = 0; bi < nb; ++bi) {
      const jit::Block& blk = t_.blocks[bi];
      b_.open(static_cast<int32_t>(bi));
      if (bi == 0) {
        slots_ = b_.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 0);
        out_ = b_.op(Op::ARG, Ty::I64, lir::kNone, lir::kNone, 1);
      }
      bool ended = false;
      for (jit::Ref r = blk.begin; r < blk.end && !ended && error_.empty(); ++r) ended = lower(r);
      if (!error_.empty()) return error_;
      std::vector<lir::Ref> args;
      if (!ended) {
        if (blk.succ < 0) return fmt::format("block {} has no successor and no end", bi);
        for (jit::Ref a : blk.args) args.push_back(map_[a]);
      }
      b_.close(ended ? -1 : blk.succ, std::move(args));
    }
    emit_exits();
    if (!error_.empty()) return error_;
    return b_.finish(verify);
  }

private:
  struct PendingExit {
    int32_t block;
    jit::Ref guard;
  };

  const jit::Trace& t_;
  const std::vector<void*>& handles_;
  const ExitLayout& layout_;
  lir::Builder b_;
  std::vector<lir::Ref> map_; // trace ref -> LIR value
  std::vector<int32_t>& index_; // trace ref -> its place in the exit buffer (-1: none)
  std::unordered_map<jit::Ref, int32_t> exit_block_;
  std::vector<PendingExit> exits_;
  lir::Ref slots_ = lir::kNone, out_ = lir::kNone;
  std::string error_;

  lir::Ref v(jit::Ref r) { return map_[r]; }
  lir::Ref k(int64_t c) { return b_.k(c); }
  lir::Ref ku(uint64_t c) { return b_.k(static_cast<int64_t>(c)); }
  lir::Ref kf(double d) { return b_.kf(std::bit_cast<uint64_t>(d)); }
  lir::Ref op(Op o, lir::Ref a, lir::Ref b = lir::kNone, int64_t imm = 0) { return b_.op(o, Ty::I64, a, b, imm); }
  lir::Ref fop(Op o, lir::Ref a, lir::Ref b = lir::kNone) { return b_.op(o, Ty::F64, a, b); }

  // Where guard r goes when it fails: its target block, or its exit block.
  int32_t exit_of(jit::Ref guard) {
    const Ins& g = t_.ins[guard];
    if (g.target >= 0) return g.target;
    auto it = exit_block_.find(guard);
    if (it != exit_block_.end()) return it->second;
    int32_t blk = b_.new_block(/*cold=*/true);
    exit_block_[guard] = blk;
    exits_.push_back({blk, guard});
    return blk;
  }
  void fail_unless(Op br, lir::Ref a, lir::Ref b, jit::Ref guard) { b_.branch(br, a, b, exit_of(guard)); }

  // The boxed Value word of trace value r.
  lir::Ref boxed(jit::Ref r) {
    const lir::Ref x = v(r);
    switch (t_.ins[r].type) {
    case IrType::Int: return op(Op::OR, op(Op::SHR, x, lir::kNone, kIntShift), ku(Value::kIntTag));
    case IrType::Bool: return op(Op::OR, x, ku(Value::kFalseBits)); // False is kFalseBits, True kFalseBits | 1
    case IrType::F64: {
      lir::Ref bits = op(Op::BITS_F2I, x);
      lir::Ref nan = op(Op::FNE, x, x);
      lir::Ref canon = b_.emit({Op::SELECT, Ty::I64, nan, ku(kCanonicalNaN), bits});
      return op(Op::ADD, canon, ku(Value::kDoubleOffset));
    }
    default: return x;
    }
  }

  lir::Ref unscaled(jit::Ref r) { return op(Op::SAR, v(r), lir::kNone, kIntShift); }

  void guard_type(jit::Ref r, const Ins& i) {
    const lir::Ref x = v(i.a);
    fail_unless(Op::BR_NE, op(Op::SHR, x, lir::kNone, 48), k(0), r); // not a pointer
    fail_unless(Op::BR_ULT, x, ku(Value::kMinPointer), r);           // an immediate (None, True, ...)
    fail_unless(Op::BR_NE, op(Op::LOAD, x), ku(static_cast<uint64_t>(i.imm)), r);
  }

  lir::Ref floor_divmod(jit::Ref r, const Ins& i) {
    const bool checked = i.op == IrOp::FLOORDIV || i.op == IrOp::FLOORMOD;
    const bool div = i.op == IrOp::FLOORDIV || i.op == IrOp::FLOORDIV_NZ;
    const lir::Ref d = unscaled(i.b);
    if (checked) fail_unless(Op::BR_EQ, d, k(0), r);
    const lir::Ref n = unscaled(i.a);
    const lir::Ref q = op(Op::SDIV, n, d); // truncating
    const lir::Ref rem = op(Op::SUB, n, op(Op::MUL, q, d));
    // Floor semantics: adjust when the remainder is non-zero and its sign differs from the divisor's.
    const lir::Ref adjust = op(Op::AND, op(Op::NE, rem, k(0)), op(Op::LT, op(Op::XOR, rem, d), k(0)));
    if (div) {
      const lir::Ref fq = op(Op::SUB, q, adjust);
      if (!checked) return op(Op::SHL, fq, lir::kNone, kIntShift);
      return b_.emit({Op::MUL_OV, Ty::I64, fq, k(kIntScale), lir::kNone, 0, exit_of(r)});
    }
    const lir::Ref fr = op(Op::ADD, rem, op(Op::AND, d, op(Op::NEG, adjust)));
    return op(Op::SHL, fr, lir::kNone, kIntShift);
  }

  void write_snapshot(int32_t snap) {
    for (const jit::SnapEntry& e : t_.snaps[snap].entries) b_.emit({Op::STORE, Ty::None, slots_, boxed(e.ref), lir::kNone, e.slot * 8});
  }

  // The exits. An exit stores its handle and the raw value of each
  // non-constant snapshot entry, and returns. A value has one place in the
  // exit buffer, whichever exit stores it, so exits share their stores: the
  // exits storing one set of values share one block, and that block stores
  // only what the largest set already built below it lacks, then jumps to
  // that set's block (consecutive snapshots of a path differ in a few values).
  // Most of a region's code is exits, and the backend's time grows with it
  // (deltablue: 1,626 of a region's 4,303 LIR instructions were exit stores).
  using ValueSet = std::vector<int32_t>; // sorted indexes into the exit buffer
  struct Tail {
    const ValueSet* set;
    int32_t below = -1;  // index of the tail it continues in
    bool target = false; // some other tail continues in it
    int32_t block = -1;
  };
  std::vector<lir::Ref> value_at_; // exit buffer index -> the LIR value stored there

  struct Group {
    std::vector<const PendingExit*> exits; // the exits storing one set of values
    int32_t tail = -1;                     // the set's entry in `tails`
  };

  void emit_exits() {
    std::map<ValueSet, Group> by_values;
    int32_t next = 0;
    for (const PendingExit& e : exits_) {
      ValueSet stored;
      for (const jit::SnapEntry& se : t_.snaps[t_.ins[e.guard].snap].entries) {
        if (t_.ins[se.ref].is_value_const() || t_.ins[se.ref].op == IrOp::VNEW) continue;
        if (jit::is_virtual_slot(se.slot) && jit::virtual_part(se.slot) < 2) continue; // (class, shape: the engine reads them)
        if (index_[se.ref] < 0) {
          index_[se.ref] = next++;
          value_at_.push_back(v(se.ref));
        }
        stored.push_back(index_[se.ref]);
      }
      std::sort(stored.begin(), stored.end());
      stored.erase(std::unique(stored.begin(), stored.end()), stored.end());
      by_values[std::move(stored)].exits.push_back(&e);
    }
    if (next > kMaxExitValues) {
      error_ = fmt::format("{} values live at exits (the exit buffer holds {})", next, kMaxExitValues);
      return;
    }
    // Each set's tail: the largest set it contains, among the sets before it
    // by size (a bounded search: regions can have thousands of exits).
    std::vector<Tail> tails;
    for (const auto& [set, group] : by_values)
      if (!set.empty()) tails.push_back({&set});
    std::stable_sort(tails.begin(), tails.end(), [](const Tail& x, const Tail& y) { return x.set->size() < y.set->size(); });
    constexpr size_t kSearch = 256;
    for (size_t k = 0; k < tails.size(); ++k) {
      size_t best = 0;
      for (size_t j = k, seen = 0; j-- > 0 && seen < kSearch; ++seen) {
        const ValueSet& sub = *tails[j].set;
        if (sub.size() <= best || sub.size() >= tails[k].set->size()) continue;
        if (std::includes(tails[k].set->begin(), tails[k].set->end(), sub.begin(), sub.end())) {
          best = sub.size();
          tails[k].below = static_cast<int32_t>(j);
        }
      }
      if (tails[k].below >= 0) tails[tails[k].below].target = true;
    }
    // A set stored by one exit and continued in by no other is stored in the
    // exit's own block; every other set gets a block of its own.
    for (size_t k = 0; k < tails.size(); ++k) {
      Group& g = by_values[*tails[k].set];
      g.tail = static_cast<int32_t>(k);
      if (tails[k].target || g.exits.size() > 1) tails[k].block = b_.new_block(/*cold=*/true);
    }
    for (const auto& [set, group] : by_values)
      for (const PendingExit* e : group.exits) {
        b_.open(e->block);
        store_handle(e->guard);
        if (set.empty()) {
          b_.emit({Op::RET, Ty::None, k(kSideExit)});
        } else {
          const Tail& t = tails[group.tail];
          if (t.block >= 0) b_.emit({Op::GOTO, Ty::None, lir::kNone, lir::kNone, lir::kNone, 0, t.block});
          else store_tail(tails, t);
        }
        b_.close();
      }
    for (Tail& t : tails) {
      if (t.block < 0) continue;
      b_.open(t.block);
      store_tail(tails, t);
      b_.close();
    }
  }

  void store_handle(jit::Ref guard) {
    b_.emit({Op::STORE, Ty::None, out_, ku(reinterpret_cast<uint64_t>(handles_[guard])), lir::kNone, layout_.exit});
  }

  // Raw values only: the runtime boxes them, which keeps exits small. Stores
  // what `t`'s set has beyond the tail below it, then continues there.
  void store_tail(const std::vector<Tail>& tails, const Tail& t) {
    const ValueSet* below = t.below >= 0 ? tails[t.below].set : nullptr;
    const lir::Ref buf = op(Op::LOAD, out_, lir::kNone, layout_.values);
    for (int32_t n : *t.set)
      if (!below || !std::binary_search(below->begin(), below->end(), n))
        b_.emit({Op::STORE, Ty::None, buf, value_at_[n], lir::kNone, static_cast<int64_t>(8) * n});
    if (below) b_.emit({Op::GOTO, Ty::None, lir::kNone, lir::kNone, lir::kNone, 0, tails[t.below].block});
    else b_.emit({Op::RET, Ty::None, k(kSideExit)});
  }

  // Lowers instruction r; true when it ended its block.
  bool lower(jit::Ref r) {
    const Ins& i = t_.ins[r];
    lir::Ref res = lir::kNone;
    switch (i.op) {
    case IrOp::KINT: res = k(i.imm * kIntScale); break;
    case IrOp::KRAW:
    case IrOp::KVAL: res = k(i.imm); break;
    case IrOp::KF64: res = b_.kf(static_cast<uint64_t>(i.imm)); break;
    case IrOp::VNEW: break; // (no code: only snapshots name it, and exits build it)
    case IrOp::SLOAD: res = op(Op::LOAD, slots_, lir::kNone, i.imm * 8); break;
    case IrOp::SSTORE: b_.emit({Op::STORE, Ty::None, slots_, boxed(i.a), lir::kNone, i.imm * 8}); break;
    case IrOp::PHI: res = b_.emit({Op::PHI, lir_type(i.type)}); break;
    case IrOp::GUARD_INT: fail_unless(Op::BR_NE, op(Op::SHR, v(i.a), lir::kNone, 48), k(0xFFFF), r); break;
    case IrOp::GUARD_F64: {
      // Doubles are offset so that their top 16 bits are 1 .. 0xFFFE.
      lir::Ref top = op(Op::SUB, op(Op::SHR, v(i.a), lir::kNone, 48), k(1));
      fail_unless(Op::BR_UGE, top, k(0xFFFE), r);
      break;
    }
    case IrOp::GUARD_IS: fail_unless(Op::BR_NE, v(i.a), ku(static_cast<uint64_t>(i.imm)), r); break;
    case IrOp::GUARD_ISNT: fail_unless(Op::BR_EQ, v(i.a), ku(static_cast<uint64_t>(i.imm)), r); break;
    case IrOp::GUARD_TYPE: guard_type(r, i); break;
    case IrOp::GUARD_TRUE: fail_unless(Op::BR_EQ, v(i.a), k(0), r); break;
    case IrOp::GUARD_FALSE: fail_unless(Op::BR_NE, v(i.a), k(0), r); break;
    case IrOp::GUARD_WORD: fail_unless(Op::BR_NE, op(Op::LOAD, v(i.a)), ku(static_cast<uint64_t>(i.imm)), r); break;
    case IrOp::GUARD_NOEXC: fail_unless(Op::BR_EQ, v(i.a), ku(jit::kExcMarker), r); break;
    case IrOp::GUARD_EXC: fail_unless(Op::BR_NE, v(i.a), ku(jit::kExcMarker), r); break;
    case IrOp::GUARD_BOOL: fail_unless(Op::BR_NE, op(Op::OR, v(i.a), k(1)), ku(Value::kTrueBits), r); break;
    case IrOp::UNBOX_INT: res = op(Op::SHL, v(i.a), lir::kNone, kIntShift); break;
    case IrOp::UNBOX_F64: res = fop(Op::BITS_I2F, op(Op::SUB, v(i.a), ku(Value::kDoubleOffset))); break;
    case IrOp::BOX_INT:
    case IrOp::BOX_F64:
    case IrOp::BOX_BOOL: res = boxed(i.a); break;
    case IrOp::UNBOX_BOOL: res = op(Op::AND, v(i.a), k(1)); break;
    case IrOp::ADD_OV: res = b_.emit({Op::ADD_OV, Ty::I64, v(i.a), v(i.b), lir::kNone, 0, exit_of(r)}); break;
    case IrOp::SUB_OV: res = b_.emit({Op::SUB_OV, Ty::I64, v(i.a), v(i.b), lir::kNone, 0, exit_of(r)}); break;
    case IrOp::MUL_OV: res = b_.emit({Op::MUL_OV, Ty::I64, unscaled(i.a), v(i.b), lir::kNone, 0, exit_of(r)}); break;
    case IrOp::NEG_OV: res = b_.emit({Op::NEG_OV, Ty::I64, v(i.a), lir::kNone, lir::kNone, 0, exit_of(r)}); break;
    case IrOp::ADD: res = op(Op::ADD, v(i.a), v(i.b)); break;
    case IrOp::SUB: res = op(Op::SUB, v(i.a), v(i.b)); break;
    case IrOp::AND: res = op(Op::AND, v(i.a), v(i.b)); break;
    case IrOp::OR: res = op(Op::OR, v(i.a), v(i.b)); break;
    case IrOp::XOR: res = op(Op::XOR, v(i.a), v(i.b)); break;
    case IrOp::SAR: res = op(Op::AND, op(Op::SAR, v(i.a), lir::kNone, i.imm), k(~(kIntScale - 1))); break;
    case IrOp::RSAR: res = op(Op::SAR, v(i.a), lir::kNone, i.imm); break;
    case IrOp::FLOORDIV:
    case IrOp::FLOORMOD:
    case IrOp::FLOORDIV_NZ:
    case IrOp::FLOORMOD_NZ: res = floor_divmod(r, i); break;
    case IrOp::MUL: res = op(Op::MUL, unscaled(i.a), v(i.b)); break;
    case IrOp::I2F: res = fop(Op::I2F, unscaled(i.a)); break;
    case IrOp::RAW2INT: res = b_.emit({Op::MUL_OV, Ty::I64, v(i.a), k(kIntScale), lir::kNone, 0, exit_of(r)}); break;
    case IrOp::INT2RAW: res = unscaled(i.a); break;
    case IrOp::FADD: res = fop(Op::FADD, v(i.a), v(i.b)); break;
    case IrOp::FSUB: res = fop(Op::FSUB, v(i.a), v(i.b)); break;
    case IrOp::FMUL: res = fop(Op::FMUL, v(i.a), v(i.b)); break;
    case IrOp::FDIV:
      fail_unless(Op::BR_NE, op(Op::FEQ, v(i.b), kf(0.0)), k(0), r); // ZeroDivisionError: the interpreter raises it
      res = fop(Op::FDIV, v(i.a), v(i.b));
      break;
    case IrOp::FNEG: res = fop(Op::FNEG, v(i.a)); break;
    case IrOp::FABS: res = fop(Op::FABS, v(i.a)); break;
    case IrOp::FSQRT: res = fop(Op::FSQRT, v(i.a)); break;
    case IrOp::FFLOOR: res = fop(Op::FFLOOR, v(i.a)); break;
    case IrOp::FCEIL: res = fop(Op::FCEIL, v(i.a)); break;
    case IrOp::COPY: res = b_.op(Op::MOV, lir_type(t_.ins[i.a].type), v(i.a)); break;
    case IrOp::SELECT: res = b_.emit({Op::SELECT, lir_type(t_.ins[i.b].type), v(i.a), v(i.b), v(i.c)}); break;
    case IrOp::IMIN: res = b_.emit({Op::SELECT, Ty::I64, op(Op::LT, v(i.b), v(i.a)), v(i.b), v(i.a)}); break;
    case IrOp::IMAX: res = b_.emit({Op::SELECT, Ty::I64, op(Op::GT, v(i.b), v(i.a)), v(i.b), v(i.a)}); break;
    case IrOp::FMIN: res = fop(Op::FMIN, v(i.a), v(i.b)); break;
    case IrOp::FMAX: res = fop(Op::FMAX, v(i.a), v(i.b)); break;
    case IrOp::F2INT: {
      // NaN fails both comparisons.
      lir::Ref in = op(Op::AND, op(Op::FGT, v(i.a), kf(kF2IntLow)), op(Op::FLT, v(i.a), kf(kF2IntHigh)));
      fail_unless(Op::BR_EQ, in, k(0), r);
      res = op(Op::SHL, op(Op::F2I, v(i.a)), lir::kNone, kIntShift);
      break;
    }
    case IrOp::LT: res = op(Op::LT, v(i.a), v(i.b)); break;
    case IrOp::LE: res = op(Op::LE, v(i.a), v(i.b)); break;
    case IrOp::EQ:
    case IrOp::VEQ: res = op(Op::EQ, v(i.a), v(i.b)); break;
    case IrOp::NE: res = op(Op::NE, v(i.a), v(i.b)); break;
    case IrOp::GT: res = op(Op::GT, v(i.a), v(i.b)); break;
    case IrOp::GE: res = op(Op::GE, v(i.a), v(i.b)); break;
    case IrOp::FLT: res = op(Op::FLT, v(i.a), v(i.b)); break;
    case IrOp::FLE: res = op(Op::FLE, v(i.a), v(i.b)); break;
    case IrOp::FEQ: res = op(Op::FEQ, v(i.a), v(i.b)); break;
    case IrOp::FNE: res = op(Op::FNE, v(i.a), v(i.b)); break;
    case IrOp::FGT: res = op(Op::FGT, v(i.a), v(i.b)); break;
    case IrOp::FGE: res = op(Op::FGE, v(i.a), v(i.b)); break;
    case IrOp::NOT: res = op(Op::XOR, v(i.a), k(1)); break;
    case IrOp::LOAD: res = b_.op(Op::LOAD, lir_type(i.type), v(i.a), lir::kNone, i.imm); break; // (F64: a double in memory)
    case IrOp::STORE: b_.emit({Op::STORE, Ty::None, v(i.a), v(i.b), lir::kNone, i.imm}); break;
    case IrOp::LOAD_ELEM: res = op(Op::LOADX, v(i.a), v(i.b)); break;
    case IrOp::ELEM_ADDR: res = op(Op::LEAX, v(i.a), v(i.b)); break;
    case IrOp::CALL: {
      // Helpers take a pointer to their boxed arguments, in the ExitFrame's scratch area.
      const jit::CallSite& cs = t_.calls[i.imm];
      for (size_t n = 0; n < cs.args.size(); ++n)
        b_.emit({Op::STORE, Ty::None, out_, boxed(cs.args[n]), lir::kNone, layout_.scratch + static_cast<int64_t>(8 * n)});
      res = b_.call(cs.fn, {layout_.scratch == 0 ? out_ : op(Op::ADD, out_, k(layout_.scratch))});
      break;
    }
    case IrOp::RET:
      b_.emit({Op::STORE, Ty::None, out_, boxed(i.a), lir::kNone, layout_.result});
      b_.emit({Op::RET, Ty::None, k(kReturned)});
      return true;
    case IrOp::TO_ROOT:
      write_snapshot(i.snap);
      b_.emit({Op::STORE, Ty::None, out_, k(i.imm), lir::kNone, layout_.next});
      b_.emit({Op::RET, Ty::None, k(kToLoop)});
      return true;
    case IrOp::EXIT:
      if (static_cast<jit::ExitEnd>(i.imm) == jit::ExitEnd::Suspend) {
        write_snapshot(i.snap);
        store_handle(r);
        b_.emit({Op::RET, Ty::None, k(kSuspended)});
        return true;
      }
      b_.emit({Op::GOTO, Ty::None, lir::kNone, lir::kNone, lir::kNone, 0, exit_of(r)});
      return true;
    case IrOp::JOIN:
    case IrOp::kCount: error_ = fmt::format("%{} {} cannot be lowered", r, jit::ir_info(i.op).name); break;
    }
    map_[r] = res;
    return false;
  }
};

} // namespace

std::string lower(const jit::Trace& t, const std::vector<void*>& exit_handles, const ExitLayout& layout,
                  lir::Func& out, std::vector<int32_t>& exit_values, bool verify) {
  return Lowering(t, exit_handles, layout, out, exit_values).run(verify);
}

} // namespace tributary::regions
