// compile.h — what the VM asks of a compiler: source text to a code object.
//
// exec, eval, compile() and imports compile source while a program runs. The
// VM declares the one entry point it needs and the frontend defines it
// (frontend/compile_source.cpp), so nothing in src/vm includes the frontend.
#pragma once

#include <string>
#include <string_view>

#include "vm/code.h"

namespace tributary::vm {

// How a module's top level is compiled.
// Module: module-level names are globals (LOAD_GLOBAL/STORE_GLOBAL).
// Names: module-level names go through the frame's locals dict (exec with
// separate locals, compile()). Eval: the module must be one expression whose
// value the code returns (eval()). Single: as Names, and each expression
// statement of the module level shows its value with sys.displayhook
// (compile(..., "single"), as the interactive interpreter).
enum class CompileMode { Module, Names, Eval, Single };

// Parses and compiles; a SyntaxError is raised as a Python exception, also
// for a null byte in the source (CPython compiles imported files from their
// bytes too).
Code* compile_source(std::string_view source, const std::string& filename, CompileMode mode);

// compile(source, filename, mode, ast.PyCF_ONLY_AST): the parsed tree as
// instances of the `_ast` node classes (lib/ast_module.cpp); mode is 'exec',
// 'eval' or 'single'.
Value compile_to_ast(std::string_view source, const std::string& filename, std::string_view mode);

} // namespace tributary::vm
