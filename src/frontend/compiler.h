// compiler.h — AST to bytecode.
#pragma once

#include <string>

#include "frontend/ast.h"
#include "vm/compile.h"

namespace tributary::frontend {

// Compiles a parsed module into the code object of its top level.
// Throws SyntaxErrorException for errors the parser cannot see ('return'
// outside function, ...) and PyException(NotImplementedError) for syntax the
// subset does not support yet.
// The mode (vm/compile.h) says how module-level names are compiled.
using vm::CompileMode;
vm::Code* compile_module(const ModuleAst& module, CompileMode mode = CompileMode::Module);

// Parses a module, raising a syntax error as the Python SyntaxError (or
// IndentationError) compile() raises (compile_source.cpp).
ModuleAst parse_or_raise(std::string_view source, const std::string& filename);

} // namespace tributary::frontend
