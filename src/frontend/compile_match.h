// compile_match.h — bytecode for the match statement (PEP 634).
//
// The code generator (compiler.cpp) hands the match compiler a MatchEmitter:
// the few emission services a match statement needs, so that the pattern
// compiler lives in its own file and sees nothing else of the code generator.
#pragma once

#include <cstdint>
#include <string>

#include "frontend/ast.h"
#include "runtime/value.h"
#include "vm/code.h"

namespace tributary::frontend {

class MatchEmitter {
public:
  virtual void emit(vm::Op op, int32_t arg = 0) = 0;
  virtual void emit_jump(vm::Op op, int label) = 0;
  virtual void emit_const(Value v) = 0;
  virtual int new_label() = 0;
  virtual void place(int label) = 0;
  // The value-stack depth at the emission point; set where control arrives
  // only by jumps.
  virtual int depth() const = 0;
  virtual void set_depth(int depth) = 0;
  virtual void set_line(int line) = 0;
  virtual void expr(Expr* e) = 0;
  // Jumps to `label` when `e`'s truth equals `cond`.
  virtual void jump_if(Expr* e, bool cond, int label) = 0;
  virtual void store_name(const std::string& name) = 0;
  virtual void body(const StmtList& stmts) = 0;
  // The value of a literal, as the compiler would load it.
  virtual Value literal(Constant* c) = 0;
  [[noreturn]] virtual void syntax_error(const Node* n, const std::string& msg) = 0;

protected:
  ~MatchEmitter() = default;
};

// Emits `m` as CPython 3.11 compiles it (Python/compile.c, compiler_match).
void compile_match(Match* m, MatchEmitter& g);

} // namespace tributary::frontend
