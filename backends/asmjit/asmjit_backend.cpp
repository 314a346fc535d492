// asmjit_backend.cpp — lowers a trace CFG to x86-64 with asmjit's Compiler.
//
// Every IR value gets a virtual register (Gp for Val/Int/Raw/Bool, Xmm for
// F64) and asmjit's register allocator does the rest. Blocks are emitted in
// order; a block's successor edge copies the PHI inputs through temporaries
// (a parallel copy). Each guard jumps to an out-of-line exit stub placed after
// the main code: the stub boxes the snapshot's values into the frame slots,
// records its exit handle and returns kSideExit.
#include <asmjit/x86.h>

#include <bit>
#include <cstring>

#include "backends/backend.h"

namespace tributary::backends {

namespace {

using namespace asmjit;
using jit::Ins;
using jit::IrOp;
using jit::IrType;
using jit::Ref;

constexpr uint64_t kIntTag = 0xFFFF'0000'0000'0000ull;
constexpr uint64_t kDoubleOffset = 1ull << 48;
constexpr uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000ull;
constexpr uint64_t kExcMarker = jit::kExcMarker;
constexpr int64_t kSideExit = 1, kReturned = 0, kToLoop = 2;

class ErrorCollector : public ErrorHandler {
public:
  void handleError(Error, const char* message, BaseEmitter*) override { error = message; }
  std::string error;
};

class Lowering {
public:
  Lowering(x86::Compiler& cc, const jit::Trace& t, const std::vector<void*>& handles, const Abi& abi)
      : cc_(cc), t_(t), handles_(handles), abi_(abi), gp_(t.ins.size()), xmm_(t.ins.size()) {}

  void run() {
    FuncNode* fn = cc_.addFunc(FuncSignatureT<int64_t, void*, void*>(CallConvId::kHost));
    slots_ = cc_.newIntPtr("slots");
    out_ = cc_.newIntPtr("out");
    fn->setArg(0, slots_);
    fn->setArg(1, out_);
    block_labels_.resize(t_.blocks.size());
    for (auto& l : block_labels_) l = cc_.newLabel();
    // PHI registers exist before any block uses them.
    for (size_t i = 0; i < t_.ins.size(); ++i)
      if (t_.ins[i].op == IrOp::PHI) reg_for(static_cast<Ref>(i));
    for (size_t b = 0; b < t_.blocks.size(); ++b) {
      cc_.bind(block_labels_[b]);
      const jit::Block& blk = t_.blocks[b];
      for (Ref r = blk.begin; r < blk.end; ++r) lower(r);
      if (blk.succ >= 0) {
        edge_copies(static_cast<int>(b), blk.succ);
        cc_.jmp(block_labels_[blk.succ]);
      }
    }
    for (Stub& s : stubs_) emit_stub(s);
    cc_.endFunc();
  }

private:
  struct Stub {
    Label label;
    Ref guard;
  };

  x86::Compiler& cc_;
  const jit::Trace& t_;
  const std::vector<void*>& handles_;
  const Abi& abi_;
  std::vector<x86::Gp> gp_;
  std::vector<x86::Xmm> xmm_;
  std::vector<Label> block_labels_;
  std::vector<Stub> stubs_;
  x86::Gp slots_, out_;
  x86::Mem spill_; // scratch stack slot for moving doubles into general registers

  bool is_f64(Ref r) const { return t_.ins[r].type == IrType::F64; }

  void reg_for(Ref r) {
    if (is_f64(r)) {
      if (!xmm_[r].isValid()) xmm_[r] = cc_.newXmmSd();
    } else if (!gp_[r].isValid()) {
      gp_[r] = cc_.newInt64();
    }
  }
  x86::Gp& g(Ref r) {
    reg_for(r);
    return gp_[r];
  }
  x86::Xmm& x(Ref r) {
    reg_for(r);
    return xmm_[r];
  }

  x86::Gp imm64(uint64_t v) {
    x86::Gp t = cc_.newInt64();
    cc_.mov(t, v);
    return t;
  }

  // Where a failing guard goes: its target block, or a new exit stub.
  Label exit_label(Ref guard) {
    if (t_.ins[guard].target >= 0) return block_labels_[t_.ins[guard].target];
    Label l = cc_.newLabel();
    stubs_.push_back({l, guard});
    return l;
  }

  // Copies block `from`'s arguments into the PHIs of `to` (a parallel copy).
  void edge_copies(int from, int to) {
    const jit::Block& target = t_.blocks[to];
    std::vector<std::pair<Ref, Ref>> moves; // (phi, source)
    size_t k = 0;
    for (Ref r = target.begin; r < target.end && t_.ins[r].op == IrOp::PHI; ++r) moves.push_back({r, t_.blocks[from].args[k++]});
    std::vector<std::pair<Ref, x86::Reg>> temps;
    for (auto [phi, src] : moves) {
      if (is_f64(phi)) {
        x86::Xmm tmp = cc_.newXmmSd();
        cc_.movsd(tmp, x(src));
        temps.push_back({phi, tmp});
      } else {
        x86::Gp tmp = cc_.newInt64();
        cc_.mov(tmp, g(src));
        temps.push_back({phi, tmp});
      }
    }
    for (auto& [phi, tmp] : temps) {
      if (is_f64(phi)) cc_.movsd(x(phi), tmp.as<x86::Xmm>());
      else cc_.mov(g(phi), tmp.as<x86::Gp>());
    }
  }

  // Boxed form of value r in a fresh Gp (for exits, helper arguments, RET).
  x86::Gp boxed(Ref r) {
    const Ins& i = t_.ins[r];
    x86::Gp out = cc_.newInt64();
    switch (i.type) {
    case IrType::Val: cc_.mov(out, g(r)); break;
    case IrType::Int:
      cc_.mov(out, g(r));
      cc_.shr(out, 16);
      cc_.or_(out, imm64(kIntTag));
      break;
    case IrType::F64: {
      // Through memory on purpose: asmjit 1.9's allocator can rewrite a
      // `movq gp, xmm` whose xmm is spilled into an invalid memory form.
      Label ok = cc_.newLabel();
      if (!spill_.baseId()) spill_ = cc_.newStack(8, 8);
      cc_.movsd(spill_, x(r));
      cc_.mov(out, spill_);
      cc_.ucomisd(x(r), x(r));
      cc_.jnp(ok);
      cc_.mov(out, kCanonicalNaN);
      cc_.bind(ok);
      cc_.add(out, imm64(kDoubleOffset));
      break;
    }
    case IrType::Bool:
      cc_.mov(out, g(r));
      cc_.or_(out, 6); // False is 0x06, True 0x07
      break;
    default: cc_.mov(out, g(r)); break;
    }
    return out;
  }

  void setcc_bool(Ref r, x86::CondCode cc, Ref a, Ref b) {
    x86::Gp d = g(r);
    cc_.xor_(d.r32(), d.r32());
    cc_.cmp(g(a), g(b));
    cc_.set(cc, d.r8());
  }

  void fcmp(Ref r, Ref a, Ref b, x86::CondCode cond) {
    x86::Gp d = g(r);
    cc_.xor_(d.r32(), d.r32());
    cc_.ucomisd(x(a), x(b));
    cc_.set(cond, d.r8());
  }

  void lower(Ref r) {
    const Ins& i = t_.ins[r];
    switch (i.op) {
    case IrOp::KINT: cc_.mov(g(r), static_cast<uint64_t>(i.imm) << 16); break;
    case IrOp::KRAW:
    case IrOp::KVAL: cc_.mov(g(r), static_cast<uint64_t>(i.imm)); break;
    case IrOp::KF64: {
      x86::Gp t = imm64(static_cast<uint64_t>(i.imm));
      cc_.movq(x(r), t);
      break;
    }
    case IrOp::SLOAD: cc_.mov(g(r), x86::qword_ptr(slots_, static_cast<int32_t>(i.imm * 8))); break;
    case IrOp::SSTORE: cc_.mov(x86::qword_ptr(slots_, static_cast<int32_t>(i.imm * 8)), boxed(i.a)); break;
    case IrOp::PHI: break; // registers assigned up front, filled on edges
    case IrOp::GUARD_INT: {
      x86::Gp t = cc_.newInt64();
      cc_.mov(t, g(i.a));
      cc_.shr(t, 48);
      cc_.cmp(t, 0xFFFF);
      cc_.jne(exit_label(r));
      break;
    }
    case IrOp::GUARD_F64: {
      x86::Gp t = cc_.newInt64();
      cc_.mov(t, g(i.a));
      cc_.shr(t, 48);
      cc_.sub(t, 1);
      cc_.cmp(t, 0xFFFE);
      cc_.jae(exit_label(r));
      break;
    }
    case IrOp::GUARD_IS:
      cc_.cmp(g(i.a), imm64(static_cast<uint64_t>(i.imm)));
      cc_.jne(exit_label(r));
      break;
    case IrOp::GUARD_ISNT:
      cc_.cmp(g(i.a), imm64(static_cast<uint64_t>(i.imm)));
      cc_.je(exit_label(r));
      break;
    case IrOp::GUARD_TYPE: {
      Label exit = exit_label(r);
      x86::Gp t = cc_.newInt64();
      cc_.mov(t, g(i.a));
      cc_.shr(t, 48);
      cc_.jnz(exit);
      cc_.cmp(g(i.a), 0x100);
      cc_.jb(exit);
      cc_.mov(t, x86::qword_ptr(g(i.a)));
      cc_.cmp(t, imm64(static_cast<uint64_t>(i.imm)));
      cc_.jne(exit);
      break;
    }
    case IrOp::GUARD_TRUE:
      cc_.test(g(i.a), g(i.a));
      cc_.jz(exit_label(r));
      break;
    case IrOp::GUARD_FALSE:
      cc_.test(g(i.a), g(i.a));
      cc_.jnz(exit_label(r));
      break;
    case IrOp::GUARD_WORD: {
      x86::Gp t = cc_.newInt64();
      cc_.mov(t, x86::qword_ptr(g(i.a)));
      cc_.cmp(t, imm64(static_cast<uint64_t>(i.imm)));
      cc_.jne(exit_label(r));
      break;
    }
    case IrOp::GUARD_NOEXC:
      cc_.cmp(g(i.a), static_cast<uint32_t>(kExcMarker));
      cc_.je(exit_label(r));
      break;
    case IrOp::GUARD_BOOL: {
      x86::Gp t = cc_.newInt64();
      cc_.mov(t, g(i.a));
      cc_.or_(t, 1);
      cc_.cmp(t, 7);
      cc_.jne(exit_label(r));
      break;
    }
    case IrOp::UNBOX_INT:
      cc_.mov(g(r), g(i.a));
      cc_.shl(g(r), 16);
      break;
    case IrOp::UNBOX_F64: {
      x86::Gp t = cc_.newInt64();
      cc_.mov(t, g(i.a));
      cc_.sub(t, imm64(kDoubleOffset));
      cc_.movq(x(r), t);
      break;
    }
    case IrOp::BOX_INT:
    case IrOp::BOX_F64:
    case IrOp::BOX_BOOL: cc_.mov(g(r), boxed(i.a)); break;
    case IrOp::UNBOX_BOOL:
      cc_.mov(g(r), g(i.a));
      cc_.and_(g(r), 1);
      break;
    case IrOp::ADD_OV:
      cc_.mov(g(r), g(i.a));
      cc_.add(g(r), g(i.b));
      cc_.jo(exit_label(r));
      break;
    case IrOp::SUB_OV:
      cc_.mov(g(r), g(i.a));
      cc_.sub(g(r), g(i.b));
      cc_.jo(exit_label(r));
      break;
    case IrOp::MUL_OV:
      cc_.mov(g(r), g(i.a));
      cc_.sar(g(r), 16);
      cc_.imul(g(r), g(i.b));
      cc_.jo(exit_label(r));
      break;
    case IrOp::NEG_OV:
      cc_.mov(g(r), g(i.a));
      cc_.neg(g(r));
      cc_.jo(exit_label(r));
      break;
    case IrOp::ADD:
      cc_.mov(g(r), g(i.a));
      cc_.add(g(r), g(i.b));
      break;
    case IrOp::SUB:
      cc_.mov(g(r), g(i.a));
      cc_.sub(g(r), g(i.b));
      break;
    case IrOp::AND:
      cc_.mov(g(r), g(i.a));
      cc_.and_(g(r), g(i.b));
      break;
    case IrOp::OR:
      cc_.mov(g(r), g(i.a));
      cc_.or_(g(r), g(i.b));
      break;
    case IrOp::XOR:
      cc_.mov(g(r), g(i.a));
      cc_.xor_(g(r), g(i.b));
      break;
    case IrOp::SAR:
      cc_.mov(g(r), g(i.a));
      cc_.sar(g(r), static_cast<uint32_t>(i.imm));
      cc_.and_(g(r), imm64(~uint64_t(0xFFFF)));
      break;
    case IrOp::RSAR:
      cc_.mov(g(r), g(i.a));
      cc_.sar(g(r), static_cast<uint32_t>(i.imm));
      break;
    case IrOp::FLOORDIV:
    case IrOp::FLOORMOD:
    case IrOp::FLOORDIV_NZ:
    case IrOp::FLOORMOD_NZ: lower_floor(r, i); break;
    case IrOp::MUL:
      cc_.mov(g(r), g(i.a));
      cc_.sar(g(r), 16);
      cc_.imul(g(r), g(i.b));
      break;
    case IrOp::I2F: {
      x86::Gp t = cc_.newInt64();
      cc_.mov(t, g(i.a));
      cc_.sar(t, 16);
      cc_.xorps(x(r), x(r));
      cc_.cvtsi2sd(x(r), t);
      break;
    }
    case IrOp::RAW2INT:
      cc_.imul(g(r), g(i.a), 65536);
      cc_.jo(exit_label(r));
      break;
    case IrOp::INT2RAW:
      cc_.mov(g(r), g(i.a));
      cc_.sar(g(r), 16);
      break;
    case IrOp::FADD:
      cc_.movsd(x(r), x(i.a));
      cc_.addsd(x(r), x(i.b));
      break;
    case IrOp::FSUB:
      cc_.movsd(x(r), x(i.a));
      cc_.subsd(x(r), x(i.b));
      break;
    case IrOp::FMUL:
      cc_.movsd(x(r), x(i.a));
      cc_.mulsd(x(r), x(i.b));
      break;
    case IrOp::FDIV: {
      x86::Xmm zero = cc_.newXmmSd();
      cc_.xorps(zero, zero);
      cc_.ucomisd(x(i.b), zero);
      cc_.je(exit_label(r)); // zero (or NaN): let the interpreter decide
      cc_.movsd(x(r), x(i.a));
      cc_.divsd(x(r), x(i.b));
      break;
    }
    case IrOp::FNEG: {
      x86::Xmm m = cc_.newXmmSd();
      cc_.movq(m, imm64(0x8000'0000'0000'0000ull));
      cc_.movsd(x(r), x(i.a));
      cc_.xorpd(x(r), m);
      break;
    }
    case IrOp::FABS: {
      x86::Xmm m = cc_.newXmmSd();
      cc_.movq(m, imm64(0x7FFF'FFFF'FFFF'FFFFull));
      cc_.movsd(x(r), x(i.a));
      cc_.andpd(x(r), m);
      break;
    }
    case IrOp::FSQRT: cc_.sqrtsd(x(r), x(i.a)); break;
    case IrOp::FFLOOR: cc_.roundsd(x(r), x(i.a), 0x9); break; // toward -inf, inexact suppressed
    case IrOp::FCEIL: cc_.roundsd(x(r), x(i.a), 0xA); break;  // toward +inf, inexact suppressed
    case IrOp::COPY:
      if (is_f64(r)) cc_.movsd(x(r), x(i.a));
      else cc_.mov(g(r), g(i.a));
      break;
    case IrOp::SELECT:
      if (is_f64(r)) {
        // Branch-free: mask = -(a) selects b's bits, ~mask c's.
        x86::Gp m = cc_.newInt64();
        cc_.mov(m, g(i.a));
        cc_.neg(m);
        if (!spill_.baseId()) spill_ = cc_.newStack(8, 8);
        cc_.mov(spill_, m);
        x86::Xmm mask = cc_.newXmmSd(), pick = cc_.newXmmSd();
        cc_.movsd(mask, spill_);
        cc_.movapd(pick, mask);
        cc_.andpd(pick, x(i.b));
        cc_.andnpd(mask, x(i.c));
        cc_.orpd(pick, mask);
        cc_.movsd(x(r), pick);
      } else {
        cc_.mov(g(r), g(i.c));
        cc_.test(g(i.a), g(i.a));
        cc_.cmovnz(g(r), g(i.b));
      }
      break;
    case IrOp::IMIN:
    case IrOp::IMAX:
      cc_.mov(g(r), g(i.a));
      cc_.cmp(g(i.b), g(i.a));
      if (i.op == IrOp::IMIN)
        cc_.cmovl(g(r), g(i.b));
      else
        cc_.cmovg(g(r), g(i.b));
      break;
    // minsd/maxsd d, s give d when d < s (d > s), else s: exactly Python's
    // min/max(a, b) with d = b, s = a, for NaNs and signed zeros too.
    case IrOp::FMIN:
      cc_.movsd(x(r), x(i.b));
      cc_.minsd(x(r), x(i.a));
      break;
    case IrOp::FMAX:
      cc_.movsd(x(r), x(i.b));
      cc_.maxsd(x(r), x(i.a));
      break;
    case IrOp::F2INT:
      // cvttsd2si gives INT64_MIN for NaN and out-of-range values; scaling
      // that (or any value beyond 48 bits) overflows.
      cc_.cvttsd2si(g(r), x(i.a));
      cc_.imul(g(r), g(r), 65536);
      cc_.jo(exit_label(r));
      break;
    case IrOp::LT: setcc_bool(r, x86::CondCode::kL, i.a, i.b); break;
    case IrOp::LE: setcc_bool(r, x86::CondCode::kLE, i.a, i.b); break;
    case IrOp::EQ: setcc_bool(r, x86::CondCode::kE, i.a, i.b); break;
    case IrOp::NE: setcc_bool(r, x86::CondCode::kNE, i.a, i.b); break;
    case IrOp::GT: setcc_bool(r, x86::CondCode::kG, i.a, i.b); break;
    case IrOp::GE: setcc_bool(r, x86::CondCode::kGE, i.a, i.b); break;
    case IrOp::VEQ: setcc_bool(r, x86::CondCode::kE, i.a, i.b); break;
    case IrOp::FLT: fcmp(r, i.b, i.a, x86::CondCode::kA); break;
    case IrOp::FLE: fcmp(r, i.b, i.a, x86::CondCode::kAE); break;
    case IrOp::FGT: fcmp(r, i.a, i.b, x86::CondCode::kA); break;
    case IrOp::FGE: fcmp(r, i.a, i.b, x86::CondCode::kAE); break;
    case IrOp::FEQ:
    case IrOp::FNE: {
      x86::Gp d = g(r), p = cc_.newInt64();
      cc_.xor_(d.r32(), d.r32());
      cc_.xor_(p.r32(), p.r32());
      cc_.ucomisd(x(i.a), x(i.b));
      if (i.op == IrOp::FEQ) {
        cc_.sete(d.r8());
        cc_.setnp(p.r8());
        cc_.and_(d, p);
      } else {
        cc_.setne(d.r8());
        cc_.setp(p.r8());
        cc_.or_(d, p);
      }
      break;
    }
    case IrOp::NOT:
      cc_.mov(g(r), g(i.a));
      cc_.xor_(g(r), 1);
      break;
    case IrOp::LOAD: cc_.mov(g(r), x86::qword_ptr(g(i.a), static_cast<int32_t>(i.imm))); break;
    case IrOp::STORE: cc_.mov(x86::qword_ptr(g(i.a), static_cast<int32_t>(i.imm)), g(i.b)); break;
    case IrOp::LOAD_ELEM: cc_.mov(g(r), x86::qword_ptr(g(i.a), g(i.b), 3)); break;
    case IrOp::ELEM_ADDR: cc_.lea(g(r), x86::qword_ptr(g(i.a), g(i.b), 3)); break;
    case IrOp::CALL: lower_call(r, i); break;
    case IrOp::RET:
      cc_.mov(x86::qword_ptr(out_, abi_.result_offset), boxed(i.a));
      cc_.ret(imm64(kReturned));
      break;
    case IrOp::TO_ROOT:
      write_snapshot(i.snap);
      cc_.mov(x86::qword_ptr(out_, abi_.next_offset), imm64(static_cast<uint64_t>(i.imm)));
      cc_.ret(imm64(kToLoop));
      break;
    case IrOp::EXIT: cc_.jmp(exit_label(r)); break;
    case IrOp::kCount: break;
    }
  }

  void lower_floor(Ref r, const Ins& i) {
    x86::Gp lo = cc_.newInt64(), hi = cc_.newInt64(), d = cc_.newInt64();
    const bool checked = i.op == IrOp::FLOORDIV || i.op == IrOp::FLOORMOD;
    const bool div = i.op == IrOp::FLOORDIV || i.op == IrOp::FLOORDIV_NZ;
    cc_.mov(d, g(i.b));
    cc_.sar(d, 16);
    if (checked) {
      cc_.test(d, d);
      cc_.jz(exit_label(r));
    }
    cc_.mov(lo, g(i.a));
    cc_.sar(lo, 16);
    cc_.cqo(hi, lo);
    cc_.idiv(hi, lo, d); // lo = quotient, hi = remainder (truncating)
    Label done = cc_.newLabel();
    x86::Gp t = cc_.newInt64();
    // Floor semantics: adjust when the remainder is non-zero and its sign differs from the divisor's.
    cc_.test(hi, hi);
    cc_.jz(done);
    cc_.mov(t, hi);
    cc_.xor_(t, d);
    cc_.jns(done);
    if (div) cc_.sub(lo, 1);
    else cc_.add(hi, d);
    cc_.bind(done);
    if (div) {
      cc_.imul(g(r), lo, 65536);
      if (checked) cc_.jo(exit_label(r));
    } else {
      cc_.mov(g(r), hi);
      cc_.shl(g(r), 16);
    }
  }

  void lower_call(Ref r, const Ins& i) {
    const jit::CallSite& cs = t_.calls[i.imm];
    for (size_t k = 0; k < cs.args.size(); ++k)
      cc_.mov(x86::qword_ptr(out_, abi_.scratch_offset + static_cast<int32_t>(8 * k)), boxed(cs.args[k]));
    x86::Gp argp = cc_.newIntPtr();
    cc_.lea(argp, x86::ptr(out_, abi_.scratch_offset));
    InvokeNode* call;
    cc_.invoke(&call, imm(cs.fn), FuncSignatureT<uint64_t, void*>(CallConvId::kHost));
    call->setArg(0, argp);
    call->setRet(0, g(r));
  }

  void write_snapshot(int32_t snap) {
    for (const jit::SnapEntry& e : t_.snaps[snap].entries)
      cc_.mov(x86::qword_ptr(slots_, e.slot * 8), boxed(e.ref));
  }

  bool is_const(Ref r) const { return t_.ins[r].is(jit::Const); }

  void emit_stub(const Stub& s) {
    cc_.bind(s.label);
    const Ins& i = t_.ins[s.guard];
    // Raw values only: boxing happens in the runtime, which keeps stubs small.
    const auto& entries = t_.snaps[i.snap].entries;
    bool any = false;
    for (const jit::SnapEntry& e : entries) any |= !is_const(e.ref);
    if (any) {
      x86::Gp buf = cc_.newIntPtr();
      cc_.mov(buf, x86::qword_ptr(out_, abi_.values_offset));
      for (size_t k = 0; k < entries.size(); ++k) {
        Ref r = entries[k].ref;
        if (is_const(r)) continue;
        if (is_f64(r)) cc_.movsd(x86::qword_ptr(buf, static_cast<int32_t>(8 * k)), x(r));
        else cc_.mov(x86::qword_ptr(buf, static_cast<int32_t>(8 * k)), g(r));
      }
    }
    cc_.mov(x86::qword_ptr(out_, abi_.exit_offset), imm64(reinterpret_cast<uint64_t>(handles_[s.guard])));
    cc_.ret(imm64(kSideExit));
  }
};

class AsmjitBackend : public Backend {
public:
  const char* name() const override { return "asmjit"; }

  CodeResult compile(const jit::Trace& trace, const std::vector<void*>& handles, const Abi& abi) override {
    CodeResult res;
    CodeHolder code;
    code.init(rt_.environment());
    ErrorCollector errors;
    code.setErrorHandler(&errors);
    x86::Compiler cc(&code);
    Lowering(cc, trace, handles, abi).run();
    if (cc.finalize() != kErrorOk || !errors.error.empty()) {
      res.error = errors.error.empty() ? "finalize failed" : errors.error;
      return res;
    }
    res.size = code.codeSize();
    void* fn = nullptr;
    if (rt_.add(&fn, &code) != kErrorOk) {
      res.error = "cannot allocate executable memory";
      return res;
    }
    res.entry = fn;
    return res;
  }

  void release(void* entry) override { rt_.release(entry); }

private:
  JitRuntime rt_;
};

} // namespace

std::unique_ptr<Backend> make_asmjit_backend() { return std::make_unique<AsmjitBackend>(); }

} // namespace tributary::backends
