// mir_backend.cpp — the low-level IR through the MIR compiler
// (github.com/vnmakarov/mir): an optimizing code generator (SSA, GVN,
// constant and copy propagation, LICM, register allocation over the whole
// CFG) for regions, the tier above lsra/asmjit.
//
// One MIR module with one function `int64_t f(i64 a0, i64 a1)` per LIR
// function. Every LIR value is a MIR register (I64 or D); blocks are MIR
// labels; a block's successor edge copies its PHI inputs (a parallel copy
// through temporaries only where a PHI feeds another, as in the asmjit
// backend); Branch ops are MIR's compare-and-branch; OvValue ops are MIR's
// overflow-setting ADDO/SUBO/MULO followed by BO. Integer constants are
// immediate operands wherever they are read as values; double constants
// and constants used as addresses are moved into registers once, at the
// function's start, so a loop does not reload them.
//
// Memory. MIR cannot free one function: its IR and code live until the
// whole context is finished (about 40 KB a function). The code MIR
// generates for a function is position-independent (branches and its
// constant pool are PC-relative; helpers are called through that pool), so
// it is copied out into memory of asmjit's JitAllocator, which frees each
// function on its own, and a context is finished after
// `kFunctionsPerContext` compilations: memory stays bounded however many
// regions a run compiles.
//
// Errors. MIR reports a malformed function through an error callback that
// must not return (its default prints and calls exit()). Ours records the
// message and longjmps back to compile(), which returns it as the error
// (the engine counts `BackendFailure` and keeps the region where it was).
// The context is then in an unknown state: it is abandoned (leaked, never
// reused or finished: its functions were copied out already). Nothing between the setjmp and MIR's callback owns
// resources: translation state lives in the backend object.
#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdarg>
#include <cstdio>
#include <cstring>

extern "C" {
#include <mir-gen.h>
#include <mir.h>
}

#include <asmjit/core.h>

#include "backends/asmjit_common.h"
#include "backends/backend.h"

namespace tributary::backends {

namespace {

using lir::Func;
using lir::Ins;
using lir::Op;
using lir::Ref;
using lir::Ty;

constexpr int kFunctionsPerContext = 256;
constexpr size_t kBigFunction = 2000; // LIR instructions

// The error callback's way back into compile().
thread_local std::jmp_buf* error_return = nullptr;
thread_local char error_message[512];

[[noreturn]] void on_mir_error(MIR_error_type_t, const char* format, ...) {
  va_list args;
  va_start(args, format);
  std::vsnprintf(error_message, sizeof error_message, format, args);
  va_end(args);
  if (error_return) std::longjmp(*error_return, 1);
  std::fprintf(stderr, "tributary: MIR error outside a compilation: %s\n", error_message);
  std::abort();
}

// Executable memory mapped read-write-execute once per code segment. MIR's
// default allocator flips each segment between writable and executable for
// every function it publishes (about 16 mprotect calls per function); JIT
// code here is never shared with untrusted writers, so one mapping serves.
void* map_code(size_t len, void*) {
  void* p = mmap(nullptr, len, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}
int unmap_code(void* p, size_t len, void*) { return munmap(p, len); }
int protect_code(void*, size_t, MIR_mem_protect_t, void*) { return 0; }
MIR_code_alloc code_alloc = {map_code, unmap_code, protect_code, nullptr};

double call_sqrt(double x) { return std::sqrt(x); }
double call_floor(double x) { return std::floor(x); }
double call_ceil(double x) { return std::ceil(x); }

struct Context {
  MIR_context_t mir = nullptr;
  int functions = 0; // compiled in it
};

class MirBackend final : public Backend {
public:
  ~MirBackend() override {
    if (current_) retire_context();
  }

  const char* name() const override { return "mir"; }

  void configure(const Options& o) override {
    level_ = o.mir_level;
    fail_every_ = o.fail_every;
  }

  CodeResult compile(const Func& f) override {
    CodeResult res;
    if (!current_) next_context();
    ctx_ = current_->mir;
    std::jmp_buf env;
    error_return = &env;
    if (setjmp(env)) {
      error_return = nullptr;
      res.error = std::string("MIR: ") + error_message;
      // Its state is unknown after the error: never used or finished again.
      current_ = nullptr;
      return res;
    }
    ++compiled_;
    const bool inject = fail_every_ > 0 && compiled_ % fail_every_ == 0;
    MIR_item_t fn = translate(f, inject);
    MIR_load_module(ctx_, module_);
    // MIR's liveness and register allocation grow with blocks times values:
    // a 1,500-op chunk of huge code (hundreds of guards) took 150 ms at
    // level 2 and 40 ms at level 1 (lsra: 2 ms). Big functions get level 1.
    MIR_gen_set_optimize_level(ctx_, static_cast<unsigned>(f.ins.size() > kBigFunction ? std::min(level_, 1) : level_));
    MIR_link(ctx_, MIR_set_gen_interface, nullptr);
    error_return = nullptr;
    // The function is the last code published in the context's segment, its
    // constant pool included.
    const auto* start = static_cast<const uint8_t*>(MIR_get_item_func(ctx_, fn)->machine_code);
    const auto* end = static_cast<const uint8_t*>(_MIR_get_new_code_addr(ctx_, 0));
    if (!start || end <= start) {
      res.error = "MIR: no machine code";
    } else {
      void *rx = nullptr, *rw = nullptr;
      if (code_.alloc(&rx, &rw, static_cast<size_t>(end - start)) != asmjit::kErrorOk) {
        res.error = "cannot allocate executable memory";
      } else {
        std::memcpy(rw, start, static_cast<size_t>(end - start));
        res.entry = rx;
        res.size = static_cast<size_t>(end - start);
      }
    }
    if (++current_->functions >= kFunctionsPerContext) retire_context();
    return res;
  }

  void release(void* entry) override { code_.release(entry); }

private:
  MIR_context_t ctx_ = nullptr;
  Context* current_ = nullptr;
  asmjit::JitAllocator code_;
  int level_ = 2;
  int fail_every_ = 0;
  long compiled_ = 0, serial_ = 0;

  // Translation state (members, so that a longjmp out of MIR skips no
  // destructor).
  const Func* f_ = nullptr;
  MIR_module_t module_ = nullptr;
  MIR_item_t item_ = nullptr;
  MIR_func_t func_ = nullptr;
  std::vector<MIR_reg_t> reg_;     // per LIR value (0: none yet)
  std::vector<bool> hoist_;        // constants moved into a register at the start
  std::vector<MIR_insn_t> labels_; // per block
  std::vector<MIR_item_t> protos_; // per argument count, in this module
  std::vector<MIR_op_t> ops_;
  std::vector<Ref> fused_;      // per LIR instruction: a branch's fused compare, or kNone
  std::vector<bool> fused_compare_; // per LIR instruction: a compare emitted by its branch
  std::vector<uint32_t> uses_;  // per LIR value: its uses
  std::vector<std::pair<MIR_reg_t, MIR_reg_t>> temps_;
  MIR_item_t proto_d_ = nullptr; // double(double)
  MIR_reg_t slot_ = 0;           // 8 bytes of stack for moving bits between register files
  MIR_reg_t zero_d_ = 0;         // 0.0 in a register (zero_d)
  MIR_reg_t magic_d_ = 0;        // 2^52 + 2^51 in a register (small_i2d)
  MIR_insn_t slot_insn_ = nullptr; // the slot's ALLOCA
  long temps_made_ = 0;

  void next_context() {
    current_ = new Context;
    current_->mir = _MIR_init(nullptr, &code_alloc);
    MIR_set_error_func(current_->mir, on_mir_error);
    MIR_gen_init(current_->mir);
    MIR_gen_set_optimize_level(current_->mir, static_cast<unsigned>(level_));
  }

  void retire_context() {
    std::jmp_buf env;
    error_return = &env;
    if (!setjmp(env)) {
      MIR_gen_finish(current_->mir);
      MIR_finish(current_->mir);
    }
    error_return = nullptr;
    delete current_;
    current_ = nullptr;
  }

  const Ins& at(Ref r) const { return f_->ins[r]; }
  bool is_f64(Ref r) const { return at(r).ty == Ty::F64; }

  MIR_reg_t new_reg(MIR_type_t t, char kind, long n) {
    char name[32];
    std::snprintf(name, sizeof name, "%c%ld", kind, n);
    return MIR_new_func_reg(ctx_, func_, t, name);
  }
  MIR_reg_t reg(Ref r) {
    if (!reg_[r]) reg_[r] = new_reg(is_f64(r) ? MIR_T_D : MIR_T_I64, 'v', r);
    return reg_[r];
  }
  MIR_reg_t temp(MIR_type_t t) { return new_reg(t, 't', temps_made_++); }

  // Operand r read as a value: an integer constant is an immediate.
  MIR_op_t val(Ref r) {
    const Ins& i = at(r);
    if (i.op == Op::CONST && !hoist_[r]) return MIR_new_int_op(ctx_, i.imm);
    return MIR_new_reg_op(ctx_, reg(r));
  }
  MIR_op_t out(Ref r) { return MIR_new_reg_op(ctx_, reg(r)); }
  MIR_op_t mem(Ref base, int64_t disp, MIR_type_t t) { return MIR_new_mem_op(ctx_, t, disp, reg(base), 0, 1); }
  MIR_op_t label(int32_t block) { return MIR_new_label_op(ctx_, labels_[block]); }

  void add(MIR_insn_t insn) { MIR_append_insn(ctx_, item_, insn); }
  void add(MIR_insn_code_t code, MIR_op_t a, MIR_op_t b) { add(MIR_new_insn(ctx_, code, a, b)); }
  void add(MIR_insn_code_t code, MIR_op_t a, MIR_op_t b, MIR_op_t c) { add(MIR_new_insn(ctx_, code, a, b, c)); }

  MIR_item_t proto(size_t nargs) {
    if (protos_.size() <= nargs) protos_.resize(nargs + 1, nullptr);
    if (!protos_[nargs]) {
      MIR_var_t args[16];
      static const char* const names[16] = {"p0", "p1", "p2", "p3", "p4",  "p5",  "p6",  "p7",
                                            "p8", "p9", "p10", "p11", "p12", "p13", "p14", "p15"};
      if (nargs > 16) on_mir_error(MIR_call_op_error, "a call with %zu arguments", nargs);
      for (size_t k = 0; k < nargs; ++k) args[k] = {MIR_T_I64, names[k], 0};
      char name[16];
      std::snprintf(name, sizeof name, "proto%zu", nargs);
      MIR_type_t res = MIR_T_I64;
      protos_[nargs] = MIR_new_proto_arr(ctx_, name, 1, &res, nargs, args);
    }
    return protos_[nargs];
  }

  // Which constants need a register: doubles (read from a register by every
  // use), and integers used as an address or passed on an edge into a PHI.
  void plan_constants() {
    hoist_.assign(f_->ins.size(), false);
    for (size_t r = 0; r < f_->ins.size(); ++r)
      if (f_->ins[r].op == Op::CONST && f_->ins[r].ty == Ty::F64) hoist_[r] = true;
    auto base = [&](Ref r) {
      if (r != lir::kNone && at(r).op == Op::CONST) hoist_[r] = true;
    };
    for (const Ins& i : f_->ins) {
      switch (i.op) {
      case Op::LOAD: base(i.a); break;
      case Op::LOADX: case Op::LEAX: base(i.a); base(i.b); break;
      case Op::STORE: base(i.a); break;
      default: break;
      }
    }
  }

  // A compare whose only use is `BR_NE c 0` / `BR_EQ c 0` right after it is
  // emitted as MIR's compare-and-branch there: MIR does not fuse a 0/1
  // result with the branch on it (setcc, movzx, cmp, jcc per guard).
  void plan_fusion() {
    fused_.assign(f_->ins.size(), lir::kNone);
    fused_compare_.assign(f_->ins.size(), false);
    std::vector<uint32_t>& uses = uses_;
    uses.assign(f_->ins.size(), 0);
    for (const Ins& i : f_->ins) {
      const Ref ops[3] = {i.a, i.b, i.c};
      for (int k = 0; k < lir::op_info(i.op).operands; ++k) ++uses[ops[k]];
    }
    for (const lir::Block& b : f_->blocks)
      for (Ref a : b.args) ++uses[a];
    for (const lir::Call& c : f_->calls)
      for (Ref a : c.args) ++uses[a];
    for (const lir::Block& blk : f_->blocks)
      for (Ref r = blk.begin; r < blk.end; ++r)
        if (compare_branch(f_->ins[r].op, true) != MIR_INVALID_INSN) {
          // (Any number of uses: a compare also stored by an exit keeps its
          // value too, computed once more, off the branch's path.)
          const Ref br = fused_branch(*f_, r, blk.end, 1, /*doubles=*/true);
          if (br != lir::kNone) {
            fused_[br] = r;
            fused_compare_[r] = true;
          }
        }
  }

  // MIR's compare-and-branch that jumps when compare `op` holds (`holds`) or
  // when it does not; MIR_INVALID_INSN when there is none (a double
  // compare's negation must also jump when unordered: see branch_unless).
  static MIR_insn_code_t compare_branch(Op op, bool holds) {
    switch (op) {
    case Op::EQ: return holds ? MIR_BEQ : MIR_BNE;
    case Op::NE: return holds ? MIR_BNE : MIR_BEQ;
    case Op::LT: return holds ? MIR_BLT : MIR_BGE;
    case Op::LE: return holds ? MIR_BLE : MIR_BGT;
    case Op::GT: return holds ? MIR_BGT : MIR_BLE;
    case Op::GE: return holds ? MIR_BGE : MIR_BLT;
    case Op::FEQ: return MIR_DBEQ;
    case Op::FNE: return MIR_DBNE;
    case Op::FLT: return MIR_DBLT;
    case Op::FLE: return MIR_DBLE;
    case Op::FGT: return MIR_DBGT;
    case Op::FGE: return MIR_DBGE;
    default: return MIR_INVALID_INSN;
    }
  }

  // The fused branch `br` of compare c: to br's target when c holds (BR_NE)
  // or does not (BR_EQ).
  void fused(const Ins& br, const Ins& c) {
    const bool is_double = c.op >= Op::FEQ && c.op <= Op::FGE;
    const bool holds = br.op == Op::BR_NE;
    if (!is_double || holds) {
      add(compare_branch(c.op, holds), label(br.target), val(c.a), val(c.b));
      return;
    }
    // Not (a OP b) with doubles, unordered included: over a jump on a OP b.
    MIR_insn_t skip = MIR_new_label(ctx_);
    add(compare_branch(c.op, true), MIR_new_label_op(ctx_, skip), val(c.a), val(c.b));
    add(MIR_new_insn(ctx_, MIR_JMP, label(br.target)));
    add(skip);
  }

  void emit_hoisted() {
    for (size_t r = 0; r < f_->ins.size(); ++r) {
      if (!hoist_[r]) continue;
      const Ins& i = f_->ins[r];
      if (i.ty == Ty::F64) {
        // Its bits through the stack: MIR keeps a double immediate in its
        // own memory and loads it from there by absolute address, memory
        // that is freed with the context, before the code copied out dies.
        add(MIR_MOV, bits_slot(MIR_T_I64), MIR_new_int_op(ctx_, i.imm));
        add(MIR_DMOV, out(static_cast<Ref>(r)), bits_slot(MIR_T_D));
      } else {
        add(MIR_MOV, out(static_cast<Ref>(r)), MIR_new_int_op(ctx_, i.imm));
      }
    }
  }

  MIR_item_t translate(const Func& f, bool inject) {
    f_ = &f;
    char name[32];
    std::snprintf(name, sizeof name, "r%ld", serial_++);
    module_ = MIR_new_module(ctx_, name);
    protos_.clear();
    proto_d_ = nullptr;
    MIR_type_t res = MIR_T_I64;
    MIR_var_t params[2] = {{MIR_T_I64, "a0", 0}, {MIR_T_I64, "a1", 0}};
    item_ = MIR_new_func_arr(ctx_, name, 1, &res, 2, params);
    func_ = MIR_get_item_func(ctx_, item_);
    reg_.assign(f.ins.size(), 0);
    temps_made_ = 0;
    slot_ = 0;
    zero_d_ = 0;
    magic_d_ = 0;
    slot_insn_ = nullptr;
    labels_.resize(f.blocks.size());
    for (auto& l : labels_) l = MIR_new_label(ctx_);
    plan_constants();
    plan_fusion();
    for (size_t r = 0; r < f.ins.size(); ++r)
      if (f.ins[r].op == Op::ARG) reg_[r] = MIR_reg(ctx_, f.ins[r].imm == 0 ? "a0" : "a1", func_);
    emit_hoisted();
    if (inject) // a double operation on integer registers: MIR refuses the function
      add(MIR_DADD, MIR_new_reg_op(ctx_, MIR_reg(ctx_, "a0", func_)), MIR_new_reg_op(ctx_, MIR_reg(ctx_, "a0", func_)),
          MIR_new_reg_op(ctx_, MIR_reg(ctx_, "a1", func_)));
    for (size_t b = 0; b < f.blocks.size(); ++b) {
      add(labels_[b]);
      const lir::Block& blk = f.blocks[b];
      for (Ref r = blk.begin; r < blk.end; ++r) emit(r);
      if (blk.succ >= 0) {
        edge_copies(blk);
        if (blk.succ != static_cast<int32_t>(b) + 1) add(MIR_new_insn(ctx_, MIR_JMP, label(blk.succ)));
      }
    }
    MIR_finish_func(ctx_);
    MIR_finish_module(ctx_);
    return item_;
  }

  // Block `from`'s arguments into its successor's PHIs (a parallel copy).
  void edge_copies(const lir::Block& from) {
    const lir::Block& to = f_->blocks[from.succ];
    auto is_target_phi = [&](Ref r) { return r >= to.begin && r < to.end && at(r).op == Op::PHI; };
    temps_.clear();
    size_t k = 0;
    for (Ref phi = to.begin; phi < to.end && at(phi).op == Op::PHI; ++phi, ++k) {
      const Ref src = from.args[k];
      if (src == phi || !is_target_phi(src)) continue;
      const MIR_reg_t t = temp(is_f64(phi) ? MIR_T_D : MIR_T_I64);
      add(is_f64(phi) ? MIR_DMOV : MIR_MOV, MIR_new_reg_op(ctx_, t), out(src));
      temps_.push_back({reg(phi), t});
    }
    k = 0;
    for (Ref phi = to.begin; phi < to.end && at(phi).op == Op::PHI; ++phi, ++k) {
      const Ref src = from.args[k];
      if (src == phi || is_target_phi(src)) continue;
      add(is_f64(phi) ? MIR_DMOV : MIR_MOV, out(phi), val(src));
    }
    for (auto& [phi, t] : temps_) {
      const bool d = MIR_reg_type(ctx_, phi, func_) == MIR_T_D;
      add(d ? MIR_DMOV : MIR_MOV, MIR_new_reg_op(ctx_, phi), MIR_new_reg_op(ctx_, t));
    }
  }

  MIR_op_t bits_slot(MIR_type_t t) {
    if (!slot_) {
      slot_ = temp(MIR_T_I64);
      // At the function's start: the slot's address dominates every use.
      slot_insn_ = MIR_new_insn(ctx_, MIR_ALLOCA, MIR_new_reg_op(ctx_, slot_), MIR_new_int_op(ctx_, 8));
      MIR_prepend_insn(ctx_, item_, slot_insn_);
    }
    return MIR_new_mem_op(ctx_, t, 0, slot_, 0, 1);
  }

  // 0.0, made at the function's start from the integer 0 (not a double
  // immediate: see emit_hoisted).
  MIR_op_t zero_d() {
    if (!zero_d_) {
      zero_d_ = temp(MIR_T_D);
      const MIR_reg_t i = temp(MIR_T_I64);
      MIR_prepend_insn(ctx_, item_,
                       MIR_new_insn(ctx_, MIR_I2D, MIR_new_reg_op(ctx_, zero_d_), MIR_new_reg_op(ctx_, i)));
      MIR_prepend_insn(ctx_, item_, MIR_new_insn(ctx_, MIR_MOV, MIR_new_reg_op(ctx_, i), MIR_new_int_op(ctx_, 0)));
    }
    return MIR_new_reg_op(ctx_, zero_d_);
  }

  // An int of under 51 bits (an unboxed small int: SAR by 13 or more) as a
  // double, without cvtsi2sd: MIR does not clear its destination first, so
  // the conversion waits for whatever last wrote that register (pi's loop:
  // the previous iteration's division, a chain of divsd latencies instead
  // of their throughput). Its bits plus those of 2^52 + 2^51 are the double
  // 2^52 + 2^51 + a exactly (one binade, ulp 1), loaded fresh from memory;
  // subtracting 2^52 + 2^51 leaves a.
  void small_i2d(Ref r, MIR_op_t a) {
    constexpr int64_t kMagic = 0x4338'0000'0000'0000ll; // 2^52 + 2^51
    if (!magic_d_) {
      bits_slot(MIR_T_I64); // (its ALLOCA first)
      magic_d_ = temp(MIR_T_D);
      const MIR_reg_t i = temp(MIR_T_I64);
      MIR_insn_t load = MIR_new_insn(ctx_, MIR_DMOV, MIR_new_reg_op(ctx_, magic_d_), bits_slot(MIR_T_D));
      MIR_insn_t store = MIR_new_insn(ctx_, MIR_MOV, bits_slot(MIR_T_I64), MIR_new_reg_op(ctx_, i));
      MIR_insn_t set = MIR_new_insn(ctx_, MIR_MOV, MIR_new_reg_op(ctx_, i), MIR_new_int_op(ctx_, kMagic));
      MIR_insert_insn_after(ctx_, item_, slot_insn_, load);
      MIR_insert_insn_after(ctx_, item_, slot_insn_, store);
      MIR_insert_insn_after(ctx_, item_, slot_insn_, set);
    }
    const MIR_reg_t t = temp(MIR_T_I64);
    add(MIR_ADD, MIR_new_reg_op(ctx_, t), a, MIR_new_int_op(ctx_, kMagic));
    add(MIR_MOV, bits_slot(MIR_T_I64), MIR_new_reg_op(ctx_, t));
    add(MIR_DMOV, out(r), bits_slot(MIR_T_D));
    add(MIR_DSUB, out(r), out(r), MIR_new_reg_op(ctx_, magic_d_));
  }

  void call_double(Ref r, double (*fn)(double), Ref arg) {
    if (!proto_d_) {
      MIR_var_t a = {MIR_T_D, "x", 0};
      MIR_type_t res = MIR_T_D;
      proto_d_ = MIR_new_proto_arr(ctx_, "proto_d", 1, &res, 1, &a);
    }
    add(MIR_new_call_insn(ctx_, 4, MIR_new_ref_op(ctx_, proto_d_),
                          MIR_new_int_op(ctx_, reinterpret_cast<int64_t>(fn)), out(r), val(arg)));
  }

  // r = a != 0 ? b : c, and FMIN/FMAX: a move, a branch around another.
  void select(Ref r, MIR_insn_code_t mov, MIR_op_t cond, MIR_op_t then, MIR_op_t otherwise) {
    MIR_insn_t skip = MIR_new_label(ctx_);
    add(mov, out(r), otherwise);
    add(MIR_new_insn(ctx_, MIR_BF, MIR_new_label_op(ctx_, skip), cond));
    add(mov, out(r), then);
    add(skip);
  }

  void emit(Ref r) {
    const Ins& i = at(r);
    if (fused_[r] != lir::kNone) return fused(i, at(fused_[r]));
    if (fused_compare_[r] && uses_[r] == 1) return; // (emitted by its branch)
    switch (i.op) {
    case Op::CONST: case Op::ARG: case Op::PHI: break; // hoisted, parameters, filled on edges
    case Op::MOV: add(is_f64(r) ? MIR_DMOV : MIR_MOV, out(r), val(i.a)); break;
    case Op::ADD: add(MIR_ADD, out(r), val(i.a), val(i.b)); break;
    case Op::SUB: add(MIR_SUB, out(r), val(i.a), val(i.b)); break;
    case Op::MUL: add(MIR_MUL, out(r), val(i.a), val(i.b)); break;
    case Op::SDIV: add(MIR_DIV, out(r), val(i.a), val(i.b)); break;
    case Op::AND: add(MIR_AND, out(r), val(i.a), val(i.b)); break;
    case Op::OR: add(MIR_OR, out(r), val(i.a), val(i.b)); break;
    case Op::XOR: add(MIR_XOR, out(r), val(i.a), val(i.b)); break;
    case Op::NEG: add(MIR_NEG, out(r), val(i.a)); break;
    case Op::SHL: add(MIR_LSH, out(r), val(i.a), MIR_new_int_op(ctx_, i.imm)); break;
    case Op::SHR: add(MIR_URSH, out(r), val(i.a), MIR_new_int_op(ctx_, i.imm)); break;
    case Op::SAR: add(MIR_RSH, out(r), val(i.a), MIR_new_int_op(ctx_, i.imm)); break;
    case Op::ADD_OV: overflow(MIR_ADDO, r, val(i.a), val(i.b), i.target); break;
    case Op::SUB_OV: overflow(MIR_SUBO, r, val(i.a), val(i.b), i.target); break;
    case Op::MUL_OV: overflow(MIR_MULO, r, val(i.a), val(i.b), i.target); break;
    case Op::NEG_OV: overflow(MIR_SUBO, r, MIR_new_int_op(ctx_, 0), val(i.a), i.target); break;
    case Op::EQ: add(MIR_EQ, out(r), val(i.a), val(i.b)); break;
    case Op::NE: add(MIR_NE, out(r), val(i.a), val(i.b)); break;
    case Op::LT: add(MIR_LT, out(r), val(i.a), val(i.b)); break;
    case Op::LE: add(MIR_LE, out(r), val(i.a), val(i.b)); break;
    case Op::GT: add(MIR_GT, out(r), val(i.a), val(i.b)); break;
    case Op::GE: add(MIR_GE, out(r), val(i.a), val(i.b)); break;
    case Op::FEQ: add(MIR_DEQ, out(r), val(i.a), val(i.b)); break;
    case Op::FNE: add(MIR_DNE, out(r), val(i.a), val(i.b)); break;
    case Op::FLT: add(MIR_DLT, out(r), val(i.a), val(i.b)); break;
    case Op::FLE: add(MIR_DLE, out(r), val(i.a), val(i.b)); break;
    case Op::FGT: add(MIR_DGT, out(r), val(i.a), val(i.b)); break;
    case Op::FGE: add(MIR_DGE, out(r), val(i.a), val(i.b)); break;
    case Op::SELECT: select(r, is_f64(r) ? MIR_DMOV : MIR_MOV, val(i.a), val(i.b), val(i.c)); break;
    case Op::FADD: add(MIR_DADD, out(r), val(i.a), val(i.b)); break;
    case Op::FSUB: add(MIR_DSUB, out(r), val(i.a), val(i.b)); break;
    case Op::FMUL: add(MIR_DMUL, out(r), val(i.a), val(i.b)); break;
    case Op::FDIV: add(MIR_DDIV, out(r), val(i.a), val(i.b)); break;
    case Op::FNEG: add(MIR_DNEG, out(r), val(i.a)); break;
    case Op::FABS: fabs(r, val(i.a)); break;
    case Op::FSQRT: call_double(r, call_sqrt, i.a); break;
    case Op::FFLOOR: call_double(r, call_floor, i.a); break;
    case Op::FCEIL: call_double(r, call_ceil, i.a); break;
    case Op::FMIN:
    case Op::FMAX: { // b < a ? b : a (b > a ? b : a): false when unordered, so a
      const MIR_reg_t t = temp(MIR_T_I64);
      add(i.op == Op::FMIN ? MIR_DLT : MIR_DGT, MIR_new_reg_op(ctx_, t), val(i.b), val(i.a));
      select(r, MIR_DMOV, MIR_new_reg_op(ctx_, t), val(i.b), val(i.a));
      break;
    }
    case Op::I2F:
      if (at(i.a).op == Op::SAR && at(i.a).imm >= 13) small_i2d(r, val(i.a));
      else add(MIR_I2D, out(r), val(i.a));
      break;
    case Op::F2I: add(MIR_D2I, out(r), val(i.a)); break;
    case Op::BITS_F2I:
      add(MIR_DMOV, bits_slot(MIR_T_D), val(i.a));
      add(MIR_MOV, out(r), bits_slot(MIR_T_I64));
      break;
    case Op::BITS_I2F:
      add(MIR_MOV, bits_slot(MIR_T_I64), val(i.a));
      add(MIR_DMOV, out(r), bits_slot(MIR_T_D));
      break;
    case Op::LOAD:
      if (is_f64(r)) add(MIR_DMOV, out(r), mem(i.a, i.imm, MIR_T_D));
      else add(MIR_MOV, out(r), mem(i.a, i.imm, MIR_T_I64));
      break;
    case Op::LOADX: {
      const MIR_type_t t = is_f64(r) ? MIR_T_D : MIR_T_I64;
      add(is_f64(r) ? MIR_DMOV : MIR_MOV, out(r), MIR_new_mem_op(ctx_, t, i.imm, reg(i.a), reg(i.b), 8));
      break;
    }
    case Op::LEAX: {
      const MIR_reg_t t = temp(MIR_T_I64);
      add(MIR_LSH, MIR_new_reg_op(ctx_, t), MIR_new_reg_op(ctx_, reg(i.b)), MIR_new_int_op(ctx_, 3));
      add(MIR_ADD, out(r), MIR_new_reg_op(ctx_, reg(i.a)), MIR_new_reg_op(ctx_, t));
      break;
    }
    case Op::STORE:
      if (is_f64(i.b)) add(MIR_DMOV, mem(i.a, i.imm, MIR_T_D), val(i.b));
      else add(MIR_MOV, mem(i.a, i.imm, MIR_T_I64), val(i.b));
      break;
    case Op::CALL: {
      const lir::Call& c = f_->calls[i.imm];
      ops_.clear();
      ops_.push_back(MIR_new_ref_op(ctx_, proto(c.args.size())));
      ops_.push_back(MIR_new_int_op(ctx_, reinterpret_cast<int64_t>(c.fn)));
      ops_.push_back(out(r));
      for (Ref a : c.args) ops_.push_back(val(a));
      add(MIR_new_insn_arr(ctx_, MIR_CALL, ops_.size(), ops_.data()));
      break;
    }
    case Op::BR_EQ: branch(MIR_BEQ, i); break;
    case Op::BR_NE: branch(MIR_BNE, i); break;
    case Op::BR_LT: branch(MIR_BLT, i); break;
    case Op::BR_GE: branch(MIR_BGE, i); break;
    case Op::BR_ULT: branch(MIR_UBLT, i); break;
    case Op::BR_UGE: branch(MIR_UBGE, i); break;
    case Op::GOTO: add(MIR_new_insn(ctx_, MIR_JMP, label(i.target))); break;
    case Op::RET: add(MIR_new_ret_insn(ctx_, 1, val(i.a))); break;
    case Op::kCount: break;
    }
  }

  // |a|: MIR has no bit operations on doubles, and a round trip through
  // memory (store, load, and, store, load) costs two store-to-load
  // forwardings on the value's path (pi's loop: 3x lsra's time). So
  // positive and negative values take a compare and a move (a negation);
  // only zeros and NaNs, whose sign bit no compare sees, go through memory.
  void fabs(Ref r, MIR_op_t a) {
    MIR_insn_t done = MIR_new_label(ctx_), not_negative = MIR_new_label(ctx_);
    add(MIR_DMOV, out(r), a);
    add(MIR_new_insn(ctx_, MIR_DBGT, MIR_new_label_op(ctx_, done), a, zero_d()));
    add(MIR_new_insn(ctx_, MIR_DBGE, MIR_new_label_op(ctx_, not_negative), a, zero_d()));
    add(MIR_new_insn(ctx_, MIR_DBNE, MIR_new_label_op(ctx_, not_negative), a, a)); // a NaN: unequal to itself
    add(MIR_DNEG, out(r), a);
    add(MIR_new_insn(ctx_, MIR_JMP, MIR_new_label_op(ctx_, done)));
    add(not_negative); // a zero or a NaN: clear the sign bit
    const MIR_reg_t bits = temp(MIR_T_I64);
    add(MIR_DMOV, bits_slot(MIR_T_D), a);
    add(MIR_MOV, MIR_new_reg_op(ctx_, bits), bits_slot(MIR_T_I64));
    add(MIR_AND, MIR_new_reg_op(ctx_, bits), MIR_new_reg_op(ctx_, bits), MIR_new_int_op(ctx_, 0x7FFF'FFFF'FFFF'FFFFll));
    add(MIR_MOV, bits_slot(MIR_T_I64), MIR_new_reg_op(ctx_, bits));
    add(MIR_DMOV, out(r), bits_slot(MIR_T_D));
    add(done);
  }

  void branch(MIR_insn_code_t code, const Ins& i) { add(code, label(i.target), val(i.a), val(i.b)); }

  void overflow(MIR_insn_code_t code, Ref r, MIR_op_t a, MIR_op_t b, int32_t target) {
    add(code, out(r), a, b);
    add(MIR_new_insn(ctx_, MIR_BO, label(target)));
  }
};

} // namespace

std::unique_ptr<Backend> make_mir_backend() { return std::make_unique<MirBackend>(); }

} // namespace tributary::backends
