// interp.h — the interpreter's entry points and its per-process state.
//
// `Vm` holds what the whole interpreter shares: the builtins module, the module
// table, the recursion depth and the stack of exceptions being handled (for
// bare `raise` and implicit chaining). There is one Vm per process, reached
// through vm::state(); everything else receives what it needs explicitly.
#pragma once

#include <string>
#include <vector>

#include "runtime/containers.h"
#include "runtime/object.h"
#include "vm/code.h"

namespace tributary::vm {

struct Vm {
  Module* builtins = nullptr;
  Module* main = nullptr;
  Dict* modules = nullptr;          // sys.modules
  List* argv = nullptr;
  List* path = nullptr;             // sys.path
  int depth = 0;                    // Python frames currently executing
  int recursion_limit = 1000;
  size_t c_stack_bytes = 6u << 20;  // C stack Python calls may use before RecursionError
  Value handled = Value::none();    // exception being handled (sys.exc_info()), or None
  bool jit_enabled = false;
  struct Frame* frame = nullptr;    // innermost executing frame (exec/eval/globals/locals)
};

Vm& state();

// Calls a Python function with already-evaluated arguments.
Value call_function(Function* f, const Args& args);
// `callable(*args, **kwargs)` as CALL_EX does it (with `self` first unless empty).
Value call_with_args(Value callable, Value self, Value args, Value kwargs);
// Runs a class body function with `ns` as its locals dict (__build_class__).
Value run_class_body(Function* fn, Dict* ns);
// Runs module-level code with `globals` as its namespace.
Value run_module_code(Code* code, Dict* globals);
// Compiles and runs source text as module `module` (used by main and import).
void exec_source(std::string_view source, const std::string& filename, Module* module);

// The exception currently being handled (for bare `raise` and __context__), or empty.
Value current_handled_exception();
// FORMAT_VALUE: TOS formatted for an f-string (conversion in flags & 3; `spec` empty or a str).
Value format_for_fstring(Value v, int flags, Value spec);
// BUILD_STRING: the concatenation of n strs.
Value build_string(const Value* items, int32_t n);

} // namespace tributary::vm
