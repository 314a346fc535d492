// asmjit_backend.cpp — the low-level IR to x86-64 with asmjit's Compiler.
//
// Every LIR value gets a virtual register (Gp for I64, Xmm for F64) and
// asmjit's register allocator does the rest. Blocks are emitted in layout
// order (cold blocks last); a block's successor edge copies the PHI inputs
// (a parallel copy, through temporaries only where a PHI feeds another).
//
// Virtual registers are what the allocator's time grows with: Debian's
// asmjit is built with assertions, which re-check the whole register map on
// every assignment, so its cost is quadratic in the registers of a function.
// A constant therefore gets a register only where some use needs one:
// elsewhere it is a 32-bit immediate, a 64-bit store is two 32-bit ones, a
// comparison with a 64-bit constant reads it from the function's constant
// pool, a constant PHI input is an immediate move, and returns of the same
// constant share one return stub. In a region with many exits that removes a
// third of the registers (deltablue: backend time -40%, code -10%).
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

// Can operand `k` of `i` be a 32-bit immediate (sign-extended)?
bool takes_imm(const Ins& i, int k) {
  if (k != 1) return false;
  switch (i.op) {
  case Op::ADD: case Op::SUB: case Op::AND: case Op::OR: case Op::XOR: case Op::MUL:
  case Op::ADD_OV: case Op::SUB_OV: case Op::MUL_OV:
  case Op::EQ: case Op::NE: case Op::LT: case Op::LE: case Op::GT: case Op::GE:
  case Op::BR_EQ: case Op::BR_NE: case Op::BR_LT: case Op::BR_GE: case Op::BR_ULT: case Op::BR_UGE:
    return true;
  case Op::STORE: return true; // an I64 value (F64 constants are never immediates)
  default: return false;
  }
}

class Emitter {
public:
  Emitter(x86::Compiler& cc, const Func& f)
      : cc_(cc), f_(f), gp_(f.ins.size()), xmm_(f.ins.size()), in_reg_(f.ins.size()), fused_(f.ins.size()) {}

  void run() {
    plan_constants();
    plan_fusion();
    FuncNode* fn = cc_.addFunc(FuncSignatureT<int64_t, void*, void*>(CallConvId::kHost));
    // asmjit 1.9's allocator can place a value in a callee-saved register
    // only through the moves it inserts where blocks join, and those do not
    // mark the register dirty: the prolog did not save rbp, which the caller
    // then found clobbered (fuzzer seed 130). Every callee-saved register is
    // saved; it costs a few pushes per entry into compiled code.
    fn->frame().addDirtyRegs(x86::rbx, x86::rbp, x86::r12, x86::r13, x86::r14, x86::r15);
    fn_ = fn;
    labels_.resize(f_.blocks.size());
    for (auto& l : labels_) l = cc_.newLabel();
    for (size_t i = 0; i < f_.ins.size(); ++i)
      if (f_.ins[i].op == Op::PHI) reg(static_cast<Ref>(i));
    for (size_t b = 0; b < f_.blocks.size(); ++b) {
      cc_.bind(labels_[b]);
      const lir::Block& blk = f_.blocks[b];
      for (Ref r = blk.begin; r < blk.end; ++r) emit(r);
      if (blk.succ >= 0) {
        edge_copies(blk);
        if (blk.succ != static_cast<int32_t>(b) + 1) cc_.jmp(labels_[blk.succ]);
      }
    }
    for (auto& [value, label] : return_stubs_) {
      cc_.bind(label);
      x86::Gp v = cc_.newInt64();
      cc_.mov(v, static_cast<uint64_t>(value));
      cc_.ret(v);
    }
    cc_.endFunc();
  }

private:
  x86::Compiler& cc_;
  const Func& f_;
  FuncNode* fn_ = nullptr;
  std::vector<x86::Gp> gp_;
  std::vector<x86::Xmm> xmm_;
  std::vector<bool> in_reg_; // constants: some use needs a register
  std::vector<bool> fused_;  // emitted by their only user, with no register of their own
  std::vector<Label> labels_;
  x86::Mem spill_; // scratch stack slot for moving doubles into general registers
  std::vector<std::pair<int64_t, Label>> return_stubs_; // one per constant returned

  Label return_stub(int64_t v) {
    for (auto& [value, label] : return_stubs_)
      if (value == v) return label;
    return return_stubs_.emplace_back(v, cc_.newLabel()).second;
  }

  const Ins& at(Ref r) const { return f_.ins[r]; }
  bool is_f64(Ref r) const { return at(r).ty == Ty::F64; }

  void plan_constants() {
    for (const Ins& i : f_.ins) {
      Ref ops[3] = {i.a, i.b, i.c};
      for (int k = 0; k < lir::op_info(i.op).operands; ++k)
        if (at(ops[k]).op == Op::CONST && !without_reg(i, k, at(ops[k]))) in_reg_[ops[k]] = true;
    }
    for (const lir::Block& b : f_.blocks)
      for (Ref a : b.args)
        if (at(a).ty == Ty::F64) in_reg_[a] = true; // I64 constants are moved in as immediates
    for (const lir::Call& c : f_.calls)
      for (Ref a : c.args) in_reg_[a] = true;
  }

  // A comparison whose only use is the branch right after it (`BR_NE c 0`,
  // `BR_EQ c 0`) is emitted as that branch's cmp + jcc; a word load whose
  // only use is the comparison right after it becomes its memory operand.
  // "Right after": only constants in between, so no store can intervene.
  void plan_fusion() {
    std::vector<uint32_t> uses(f_.ins.size());
    for (const Ins& i : f_.ins) {
      Ref ops[3] = {i.a, i.b, i.c};
      for (int k = 0; k < lir::op_info(i.op).operands; ++k) ++uses[ops[k]];
    }
    for (const lir::Block& b : f_.blocks)
      for (Ref a : b.args) ++uses[a];
    for (const lir::Call& c : f_.calls)
      for (Ref a : c.args) ++uses[a];
    for (const lir::Block& blk : f_.blocks)
      for (Ref r = blk.begin; r < blk.end; ++r) {
        const Ins& i = at(r);
        if (!compares(i.op)) continue;
        Ref at_cmp = r; // where the cmp is emitted
        if (lir::op_info(i.op).kind == lir::Kind::Value) {
          at_cmp = fused_branch(f_, r, blk.end, uses[r]);
          if (at_cmp == lir::kNone) continue;
          fused_[r] = true;
        }
        const Ref a = i.a;
        if (at(a).op != Op::LOAD || at(a).ty != Ty::I64 || uses[a] != 1 || a < blk.begin) continue;
        if (at(i.b).op == Op::CONST && !in_reg_[i.b] && !imm_operand(i.b)) continue; // two memory operands
        bool adjacent = next_code(f_, a, blk.end) == r;
        if (adjacent && at_cmp != r) adjacent = next_code(f_, r, blk.end) == at_cmp;
        if (adjacent) fused_[a] = true;
      }
  }

  // Can operand `k` of `i`, the constant `c`, be emitted without a register?
  static bool without_reg(const Ins& i, int k, const Ins& c) {
    if (c.ty != Ty::I64) return false;
    if (i.op == Op::RET) return true; // a shared return stub
    if (!takes_imm(i, k)) return false;
    if (fits_imm32(c.imm)) return true;
    return i.op == Op::STORE || compares(i.op); // two 32-bit stores; the constant pool
  }

  static bool compares(Op op) {
    switch (op) {
    case Op::EQ: case Op::NE: case Op::LT: case Op::LE: case Op::GT: case Op::GE:
    case Op::BR_EQ: case Op::BR_NE: case Op::BR_LT: case Op::BR_GE: case Op::BR_ULT: case Op::BR_UGE:
      return true;
    default: return false;
    }
  }

  void reg(Ref r) {
    if (is_f64(r)) {
      if (!xmm_[r].isValid()) xmm_[r] = cc_.newXmmSd();
    } else if (!gp_[r].isValid()) {
      gp_[r] = cc_.newInt64();
    }
  }
  x86::Gp& g(Ref r) {
    reg(r);
    return gp_[r];
  }
  x86::Xmm& x(Ref r) {
    reg(r);
    return xmm_[r];
  }
  // Operand b of a two-operand instruction: an immediate where the constant fits.
  bool imm_operand(Ref r) const { return at(r).op == Op::CONST && at(r).ty == Ty::I64 && fits_imm32(at(r).imm); }
  Imm imm_of(Ref r) const { return Imm(at(r).imm); }

  x86::Mem spill() {
    if (!spill_.baseId()) spill_ = cc_.newStack(8, 8);
    return spill_;
  }

  // Copies block `from`'s arguments into the PHIs of its successor (a
  // parallel copy). Only a source that is itself one of those PHIs can be
  // overwritten before it is read: it alone goes through a temporary, read
  // before any PHI is written.
  void edge_copies(const lir::Block& from) {
    const lir::Block& to = f_.blocks[from.succ];
    auto is_target_phi = [&](Ref r) { return r >= to.begin && r < to.end && at(r).op == Op::PHI; };
    std::vector<std::pair<Ref, x86::Reg>> temps;
    size_t k = 0;
    for (Ref phi = to.begin; phi < to.end && at(phi).op == Op::PHI; ++phi, ++k) {
      const Ref src = from.args[k];
      if (src == phi || !is_target_phi(src)) continue;
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
    k = 0;
    for (Ref phi = to.begin; phi < to.end && at(phi).op == Op::PHI; ++phi, ++k) {
      const Ref src = from.args[k];
      if (src == phi || is_target_phi(src)) continue;
      if (is_f64(phi)) cc_.movsd(x(phi), x(src));
      else if (at(src).op == Op::CONST && !in_reg_[src]) cc_.mov(g(phi), static_cast<uint64_t>(at(src).imm));
      else cc_.mov(g(phi), g(src));
    }
    for (auto& [phi, tmp] : temps) {
      if (is_f64(phi)) cc_.movsd(x(phi), tmp.as<x86::Xmm>());
      else cc_.mov(g(phi), tmp.as<x86::Gp>());
    }
  }

  // d = a OP b for the two-address integer ops.
  template <typename F>
  void binary(Ref r, const Ins& i, F op) {
    cc_.mov(g(r), g(i.a));
    if (imm_operand(i.b)) op(g(r), imm_of(i.b));
    else op(g(r), g(i.b));
  }

  void compare(Ref a, Ref b) {
    if (fused_[a]) { // a load
      const x86::Mem m = mem(at(a).a, at(a).imm);
      if (imm_operand(b)) cc_.cmp(m, imm_of(b));
      else cc_.cmp(m, g(b));
    } else if (imm_operand(b) && at(b).imm == 0) cc_.test(g(a), g(a));
    else if (imm_operand(b)) cc_.cmp(g(a), imm_of(b));
    else if (at(b).op == Op::CONST && !in_reg_[b]) cc_.cmp(g(a), pool(at(b).imm));
    else cc_.cmp(g(a), g(b));
  }

  x86::Mem pool(int64_t v) { return cc_.newInt64Const(ConstPoolScope::kLocal, v); }

  void setcc(Ref r, x86::CondCode cond, Ref a, Ref b) {
    x86::Gp d = g(r);
    cc_.xor_(d.r32(), d.r32());
    compare(a, b);
    cc_.set(cond, d.r8());
  }

  void fsetcc(Ref r, x86::CondCode cond, Ref a, Ref b) {
    x86::Gp d = g(r);
    cc_.xor_(d.r32(), d.r32());
    cc_.ucomisd(x(a), x(b));
    cc_.set(cond, d.r8());
  }

  void branch(const Ins& i) {
    if (fused_[i.a] && at(i.a).op != Op::LOAD) { // `BR_NE c 0` branches where c holds, `BR_EQ c 0` where it does not
      const Ins& c = at(i.a);
      compare(c.a, c.b);
      const x86::CondCode holds = condition(c.op);
      cc_.j(i.op == Op::BR_NE ? holds : x86::negateCond(holds), labels_[i.target]);
      return;
    }
    compare(i.a, i.b);
    cc_.j(condition(i.op), labels_[i.target]);
  }


  x86::Mem mem(Ref base, int64_t off) { return x86::qword_ptr(g(base), static_cast<int32_t>(off)); }

  void emit(Ref r) {
    const Ins& i = at(r);
    switch (i.op) {
    case Op::CONST:
      if (!in_reg_[r]) break;
      if (i.ty == Ty::F64) {
        x86::Gp t = cc_.newInt64();
        cc_.mov(t, static_cast<uint64_t>(i.imm));
        cc_.movq(x(r), t);
      } else {
        cc_.mov(g(r), static_cast<uint64_t>(i.imm));
      }
      break;
    case Op::ARG: fn_->setArg(static_cast<uint32_t>(i.imm), g(r)); break;
    case Op::PHI: break; // registers assigned up front, filled on edges
    case Op::MOV:
      if (is_f64(r)) cc_.movsd(x(r), x(i.a));
      else cc_.mov(g(r), g(i.a));
      break;
    case Op::ADD: binary(r, i, [&](auto& d, auto s) { cc_.add(d, s); }); break;
    case Op::SUB: binary(r, i, [&](auto& d, auto s) { cc_.sub(d, s); }); break;
    case Op::AND: binary(r, i, [&](auto& d, auto s) { cc_.and_(d, s); }); break;
    case Op::OR: binary(r, i, [&](auto& d, auto s) { cc_.or_(d, s); }); break;
    case Op::XOR: binary(r, i, [&](auto& d, auto s) { cc_.xor_(d, s); }); break;
    case Op::MUL:
    case Op::MUL_OV:
      if (imm_operand(i.b)) cc_.imul(g(r), g(i.a), imm_of(i.b));
      else {
        cc_.mov(g(r), g(i.a));
        cc_.imul(g(r), g(i.b));
      }
      if (i.op == Op::MUL_OV) cc_.jo(labels_[i.target]);
      break;
    case Op::ADD_OV:
      binary(r, i, [&](auto& d, auto s) { cc_.add(d, s); });
      cc_.jo(labels_[i.target]);
      break;
    case Op::SUB_OV:
      binary(r, i, [&](auto& d, auto s) { cc_.sub(d, s); });
      cc_.jo(labels_[i.target]);
      break;
    case Op::NEG:
    case Op::NEG_OV:
      cc_.mov(g(r), g(i.a));
      cc_.neg(g(r));
      if (i.op == Op::NEG_OV) cc_.jo(labels_[i.target]);
      break;
    case Op::SDIV: {
      x86::Gp hi = cc_.newInt64();
      cc_.mov(g(r), g(i.a));
      cc_.cqo(hi, g(r));
      cc_.idiv(hi, g(r), g(i.b));
      break;
    }
    case Op::SHL:
      cc_.mov(g(r), g(i.a));
      cc_.shl(g(r), static_cast<uint32_t>(i.imm));
      break;
    case Op::SHR:
      cc_.mov(g(r), g(i.a));
      cc_.shr(g(r), static_cast<uint32_t>(i.imm));
      break;
    case Op::SAR:
      cc_.mov(g(r), g(i.a));
      cc_.sar(g(r), static_cast<uint32_t>(i.imm));
      break;
    case Op::EQ: case Op::NE: case Op::LT: case Op::LE: case Op::GT: case Op::GE:
      if (!fused_[r]) setcc(r, condition(i.op), i.a, i.b);
      break;
    // ucomisd sets CF and ZF when unordered: "above" (and "above or equal")
    // with the operands swapped as needed are false for NaNs.
    case Op::FLT: fsetcc(r, x86::CondCode::kA, i.b, i.a); break;
    case Op::FLE: fsetcc(r, x86::CondCode::kAE, i.b, i.a); break;
    case Op::FGT: fsetcc(r, x86::CondCode::kA, i.a, i.b); break;
    case Op::FGE: fsetcc(r, x86::CondCode::kAE, i.a, i.b); break;
    case Op::FEQ:
    case Op::FNE: {
      x86::Gp d = g(r), p = cc_.newInt64();
      cc_.xor_(d.r32(), d.r32());
      cc_.xor_(p.r32(), p.r32());
      cc_.ucomisd(x(i.a), x(i.b));
      if (i.op == Op::FEQ) {
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
    case Op::SELECT:
      if (is_f64(r)) {
        // Branch-free: mask = -(a != 0) selects b's bits, ~mask c's.
        x86::Gp m = cc_.newInt64();
        cc_.xor_(m.r32(), m.r32());
        cc_.test(g(i.a), g(i.a));
        cc_.setnz(m.r8());
        cc_.neg(m);
        cc_.mov(spill(), m);
        x86::Xmm mask = cc_.newXmmSd(), pick = cc_.newXmmSd();
        cc_.movsd(mask, spill());
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
    case Op::FADD:
      cc_.movsd(x(r), x(i.a));
      cc_.addsd(x(r), x(i.b));
      break;
    case Op::FSUB:
      cc_.movsd(x(r), x(i.a));
      cc_.subsd(x(r), x(i.b));
      break;
    case Op::FMUL:
      cc_.movsd(x(r), x(i.a));
      cc_.mulsd(x(r), x(i.b));
      break;
    case Op::FDIV:
      cc_.movsd(x(r), x(i.a));
      cc_.divsd(x(r), x(i.b));
      break;
    case Op::FNEG:
    case Op::FABS: {
      x86::Gp bits = cc_.newInt64();
      cc_.mov(bits, i.op == Op::FNEG ? 0x8000'0000'0000'0000ull : 0x7FFF'FFFF'FFFF'FFFFull);
      x86::Xmm m = cc_.newXmmSd();
      cc_.movq(m, bits);
      cc_.movsd(x(r), x(i.a));
      if (i.op == Op::FNEG) cc_.xorpd(x(r), m);
      else cc_.andpd(x(r), m);
      break;
    }
    case Op::FSQRT: cc_.sqrtsd(x(r), x(i.a)); break;
    case Op::FFLOOR: cc_.roundsd(x(r), x(i.a), 0x9); break; // toward -inf, inexact suppressed
    case Op::FCEIL: cc_.roundsd(x(r), x(i.a), 0xA); break;  // toward +inf, inexact suppressed
    // minsd/maxsd d, s give d when d < s (d > s), else s: with d = b, s = a
    // exactly FMIN/FMAX's "b < a ? b : a".
    case Op::FMIN:
      cc_.movsd(x(r), x(i.b));
      cc_.minsd(x(r), x(i.a));
      break;
    case Op::FMAX:
      cc_.movsd(x(r), x(i.b));
      cc_.maxsd(x(r), x(i.a));
      break;
    case Op::I2F:
      cc_.xorps(x(r), x(r));
      cc_.cvtsi2sd(x(r), g(i.a));
      break;
    case Op::F2I: cc_.cvttsd2si(g(r), x(i.a)); break;
    case Op::BITS_F2I:
      // Through memory on purpose: asmjit's allocator can rewrite a
      // `movq gp, xmm` whose xmm is spilled into an invalid memory form.
      cc_.movsd(spill(), x(i.a));
      cc_.mov(g(r), spill());
      break;
    case Op::BITS_I2F: cc_.movq(x(r), g(i.a)); break;
    case Op::LOAD:
      if (fused_[r]) break;
      if (is_f64(r)) cc_.movsd(x(r), mem(i.a, i.imm));
      else cc_.mov(g(r), mem(i.a, i.imm));
      break;
    case Op::LOADX:
      if (is_f64(r)) cc_.movsd(x(r), x86::qword_ptr(g(i.a), g(i.b), 3, static_cast<int32_t>(i.imm)));
      else cc_.mov(g(r), x86::qword_ptr(g(i.a), g(i.b), 3, static_cast<int32_t>(i.imm)));
      break;
    case Op::LEAX: cc_.lea(g(r), x86::qword_ptr(g(i.a), g(i.b), 3)); break;
    case Op::STORE:
      if (is_f64(i.b)) cc_.movsd(mem(i.a, i.imm), x(i.b));
      else if (imm_operand(i.b)) cc_.mov(mem(i.a, i.imm), imm_of(i.b));
      else if (at(i.b).op == Op::CONST && !in_reg_[i.b]) {
        // Two halves. A collection between them loses nothing: a constant
        // that is an object is also held by its trace's constant pool.
        const uint64_t v = static_cast<uint64_t>(at(i.b).imm);
        x86::Mem lo = mem(i.a, i.imm), hi = mem(i.a, i.imm + 4);
        lo.setSize(4);
        hi.setSize(4);
        cc_.mov(lo, Imm(static_cast<int32_t>(v & 0xFFFF'FFFFu)));
        cc_.mov(hi, Imm(static_cast<int32_t>(v >> 32)));
      } else cc_.mov(mem(i.a, i.imm), g(i.b));
      break;
    case Op::CALL: {
      const lir::Call& c = f_.calls[i.imm];
      FuncSignatureBuilder sig(CallConvId::kHost);
      sig.setRetT<uint64_t>();
      for (size_t k = 0; k < c.args.size(); ++k) sig.addArgT<uint64_t>();
      InvokeNode* call;
      cc_.invoke(&call, imm(c.fn), sig);
      for (size_t k = 0; k < c.args.size(); ++k) call->setArg(static_cast<uint32_t>(k), g(c.args[k]));
      call->setRet(0, g(r));
      break;
    }
    case Op::BR_EQ: case Op::BR_NE: case Op::BR_LT: case Op::BR_GE: case Op::BR_ULT: case Op::BR_UGE:
      branch(i);
      break;
    case Op::GOTO: cc_.jmp(labels_[i.target]); break;
    case Op::RET:
      if (at(i.a).op == Op::CONST && !in_reg_[i.a]) cc_.jmp(return_stub(at(i.a).imm));
      else cc_.ret(g(i.a));
      break;
    case Op::kCount: break;
    }
  }
};

class AsmjitBackend : public AsmjitCodeBackend {
public:
  const char* name() const override { return "asmjit"; }

  CodeResult compile(const Func& f) override {
    return build([&](CodeHolder& code) -> std::string {
      x86::Compiler cc(&code);
      Emitter(cc, f).run();
      return cc.finalize() == kErrorOk ? "" : "finalize failed";
    });
  }
};

} // namespace

std::unique_ptr<Backend> make_asmjit_backend() { return std::make_unique<AsmjitBackend>(); }

} // namespace tributary::backends
