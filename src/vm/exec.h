// exec.h — running source text and code objects from inside the VM
// (exec/eval/compile, imports, class bodies); implemented in exec.cpp and import.cpp.
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"
#include "vm/compile.h"

namespace tributary::vm {

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
// IMPORT_NAME: import_module, or builtins.__import__ when a program replaced it (exec.cpp).
Value import_name(Dict* globals, Str* name, Value fromlist, Value level);
// The source file of module `full` in the directories `dirs` (a list of str):
// its path, and whether it is a package's __init__.py. For importlib's finder.
bool find_module_file(std::string_view full, Value dirs, std::string& path, bool& package);
// Runs the source file at `path` in module `m` (its dict is the globals).
void run_module_file(Module* m, const std::string& path);

} // namespace tributary::vm
