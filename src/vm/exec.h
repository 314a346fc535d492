// exec.h — running source text and code objects from inside the VM
// (exec/eval/compile, imports, class bodies); implemented in exec.cpp and import.cpp.
#pragma once

#include <string>
#include <string_view>

#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "runtime/object.h"
#include "vm/code.h"

namespace tributary::vm {

// A Python SyntaxError/IndentationError instance for a parser or compiler error.
Value syntax_error_value(const frontend::SyntaxErrorInfo& e);
// Parses and compiles; SyntaxError is raised as a Python exception, also for a
// null byte in the source (CPython compiles imported files from their bytes too).
Code* compile_source(std::string_view source, const std::string& filename, frontend::CompileMode mode);
// Runs module-level code with the given namespaces (`locals` may equal `globals`).
Value run_code(Code* co, Dict* globals, Dict* locals);

// Registers __build_class__, exec, eval, compile, globals, locals, vars and the
// descriptor types property/staticmethod/classmethod/super in builtins.
void init_exec_builtins(Module* builtins);

// The import system for IMPORT_NAME (import.cpp): sys.modules, builtin modules,
// then `name.py` / `name/__init__.py` on sys.path.
Value import_module(Dict* globals, Str* name, Value fromlist, Value level);
// IMPORT_FROM: an attribute of the module, or its submodule.
Value import_from_module(Value module, Str* name);

} // namespace tributary::vm
