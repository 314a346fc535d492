// asmjit_common.h — what the x86-64 backends built on asmjit share: the
// runtime that owns their machine code, error collection, LIR's conditions,
// and which compares become their branch's cmp.
#pragma once

#include <asmjit/x86.h>

#include <cstdint>
#include <string>
#include <vector>

#include "backends/backend.h"

namespace tributary::backends {

inline bool fits_imm32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

inline bool is_int_compare(lir::Op op) {
  using lir::Op;
  return op == Op::EQ || op == Op::NE || op == Op::LT || op == Op::LE || op == Op::GT || op == Op::GE;
}

// Where integer compare `op` (EQ..GE) holds, or branch `op` (BR_*) jumps.
inline asmjit::x86::CondCode condition(lir::Op op) {
  using lir::Op;
  using asmjit::x86::CondCode;
  switch (op) {
  case Op::EQ: case Op::BR_EQ: return CondCode::kE;
  case Op::NE: case Op::BR_NE: return CondCode::kNE;
  case Op::LT: case Op::BR_LT: return CondCode::kL;
  case Op::LE: return CondCode::kLE;
  case Op::GT: return CondCode::kG;
  case Op::GE: case Op::BR_GE: return CondCode::kGE;
  case Op::BR_ULT: return CondCode::kB;
  case Op::BR_UGE: return CondCode::kAE;
  default: return CondCode::kE;
  }
}

// The next instruction of the block after r that is not a constant.
inline lir::Ref next_code(const lir::Func& f, lir::Ref r, lir::Ref end) {
  do ++r;
  while (r < end && f.ins[r].op == lir::Op::CONST);
  return r;
}

// An integer compare r (or a double compare, with `doubles`) whose only use
// (`uses`) is `BR_NE r 0` or `BR_EQ r 0` right after it is emitted there, as
// that branch's cmp: the branch, or kNone.
inline lir::Ref fused_branch(const lir::Func& f, lir::Ref r, lir::Ref block_end, uint32_t uses,
                             bool doubles = false) {
  const lir::Ins& i = f.ins[r];
  const bool double_compare = i.op >= lir::Op::FEQ && i.op <= lir::Op::FGE;
  if (!(is_int_compare(i.op) || (doubles && double_compare)) || uses != 1) return lir::kNone;
  const lir::Ref n = next_code(f, r, block_end);
  if (n >= block_end) return lir::kNone;
  const lir::Ins& br = f.ins[n];
  if ((br.op != lir::Op::BR_NE && br.op != lir::Op::BR_EQ) || br.a != r || f.ins[br.b].op != lir::Op::CONST ||
      f.ins[br.b].imm != 0)
    return lir::kNone;
  return n;
}

// A code generator that emits into an asmjit CodeHolder and installs the
// result in its JitRuntime (which frees it on release).
class AsmjitCodeBackend : public Backend {
public:
  void release(void* entry) override { rt_.release(entry); }

protected:
  // emit(CodeHolder&) emits the function and returns "" or what went wrong.
  template <typename Emit>
  CodeResult build(Emit emit) {
    CodeResult res;
    asmjit::CodeHolder code;
    code.init(rt_.environment());
    Errors errors;
    code.setErrorHandler(&errors);
    res.error = emit(code);
    if (!errors.error.empty()) res.error = errors.error; // asmjit's own words first
    if (!res.error.empty()) return res;
    res.size = code.codeSize();
    if (rt_.add(&res.entry, &code) != asmjit::kErrorOk) {
      res.entry = nullptr;
      res.error = "cannot allocate executable memory";
    }
    return res;
  }

private:
  struct Errors : asmjit::ErrorHandler {
    void handleError(asmjit::Error, const char* message, asmjit::BaseEmitter*) override { error = message; }
    std::string error;
  };
  asmjit::JitRuntime rt_;
};

} // namespace tributary::backends
