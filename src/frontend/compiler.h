// compiler.h — AST to bytecode.
#pragma once

#include <string>

#include "frontend/ast.h"
#include "vm/code.h"

namespace tributary::frontend {

// Compiles a parsed module into the code object of its top level.
// Throws SyntaxErrorException for errors the parser cannot see ('return'
// outside function, ...) and PyException(NotImplementedError) for syntax the
// subset does not support yet.
// Module: module-level names are globals (LOAD_GLOBAL/STORE_GLOBAL).
// Names: module-level names go through the frame's locals dict (exec with
// separate locals, compile()). Eval: the module must be one expression whose
// value the code returns (eval()).
enum class CompileMode { Module, Names, Eval };
vm::Code* compile_module(const ModuleAst& module, CompileMode mode = CompileMode::Module);

} // namespace tributary::frontend
