// lir.h — the low-level IR every backend implements (ops in lir.def).
//
// A function `int64_t f(void* arg0, void* arg1)` as a CFG: blocks tile the
// instruction array, block 0 is the entry, a block falls through to `succ`
// (passing `args` to its PHIs) unless it ends in a Term instruction, and
// Branch/OvValue instructions jump to `target` (a block without PHIs). Cold
// blocks are laid out after the others. Operands name earlier instructions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tributary::lir {

enum class Op : uint8_t {
#define LIR_OP(name, kind, operands, doc) name,
#include "backends/lir.def"
#undef LIR_OP
  kCount
};

enum class Kind : uint8_t { Value, Effect, Branch, OvValue, Term };
enum class Ty : uint8_t { None, I64, F64 };

struct OpInfo {
  const char* name;
  Kind kind;
  int operands;
  const char* doc;
};
const OpInfo& op_info(Op op);

using Ref = int32_t;
inline constexpr Ref kNone = -1;

struct Ins {
  Op op;
  Ty ty = Ty::None;
  Ref a = kNone, b = kNone, c = kNone;
  int64_t imm = 0;
  int32_t target = -1; // Branch, OvValue, GOTO
};

struct Block {
  int32_t begin = 0, end = 0;
  int32_t succ = -1;
  std::vector<Ref> args; // one per PHI of succ
  bool cold = false;
};

struct Call {
  const void* fn;
  std::vector<Ref> args; // I64 values
};

struct Func {
  std::vector<Ins> ins;
  std::vector<Block> blocks;
  std::vector<Call> calls;

  bool is_const(Ref r) const { return ins[r].op == Op::CONST; }
};

// Builds a Func block by block: open a block, append its instructions, close
// it. Blocks may be opened in any order and are numbered when created.
class Builder {
public:
  explicit Builder(Func& f) : f_(f) {}
  int32_t new_block(bool cold = false);
  void open(int32_t block); // the previous block must be closed
  void close(int32_t succ = -1, std::vector<Ref> args = {});
  Ref emit(Ins i);
  Ref op(Op o, Ty t, Ref a = kNone, Ref b = kNone, int64_t imm = 0) { return emit({o, t, a, b, kNone, imm}); }
  Ref k(int64_t v) { return emit({Op::CONST, Ty::I64, kNone, kNone, kNone, v}); }
  Ref kf(uint64_t bits) { return emit({Op::CONST, Ty::F64, kNone, kNone, kNone, static_cast<int64_t>(bits)}); }
  void branch(Op o, Ref a, Ref b, int32_t target) { emit({o, Ty::None, a, b, kNone, 0, target}); }
  Ref call(const void* fn, std::vector<Ref> args);
  // The instructions were appended block by block; lays the blocks out in
  // order (cold ones last) and renumbers. Returns "" or what is wrong; with
  // `check`, also what verify() finds.
  std::string finish(bool check = true);

private:
  Func& f_;
  std::vector<std::vector<Ins>> body_; // per block, while building
  std::vector<Block> meta_;
  std::vector<std::pair<int32_t, int32_t>> where_; // ref -> (block, index in body)
  int32_t open_ = -1;
};

std::string format(const Func& f);
// Well-formedness: operands defined before use on every path (a branch passes
// the values computed before it), types, PHIs and arguments, branch targets.
std::string verify(const Func& f);

} // namespace tributary::lir
