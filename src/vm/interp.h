// interp.h — the interpreter's entry points and its per-process state.
//
// `Vm` holds what the whole interpreter shares: the builtins module, the module
// table, the recursion depth and the stack of exceptions being handled (for
// bare `raise` and implicit chaining). There is one Vm per process, reached
// through vm::state(); everything else receives what it needs explicitly.
// builtin_module() is the one thing the VM needs from src/lib (the native
// modules import finds); lib/modules.cpp defines it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/containers.h"
#include "runtime/interpreter.h"
#include "runtime/object.h"
#include "vm/code.h"

namespace tributary::vm {

struct Vm {
  Module* builtins = nullptr;
  Module* main = nullptr;
  Dict* modules = nullptr;          // sys.modules
  List* argv = nullptr;
  List* path = nullptr;             // sys.path
  // CPython's standard library (sys._stdlib_dir), or "". A plain pointer (to
  // the environment or a literal): a std::string would give state()'s static
  // a guarded initialization, paid at every call.
  const char* stdlib_dir = "";
  int depth = 0;                    // Python frames currently executing
  int recursion_limit = 1000;
  size_t c_stack_bytes = 6u << 20;  // C stack Python calls may use before RecursionError
  Value handled = Value::none();    // exception being handled (sys.exc_info()), or None
  bool jit_enabled = false;
  struct Frame* frame = nullptr;    // innermost executing frame (exec/eval/globals/locals)
  // -X importtime: every import's own and cumulative time on stderr, in
  // CPython's format; the nesting level and the time already printed for the
  // imports inside the current one.
  bool import_time = false;
  int import_level = 0;
  int64_t import_nested_ns = 0;
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

// current_handled_exception() is declared in runtime/interpreter.h (raise chains to it).
// FORMAT_VALUE: TOS formatted for an f-string (conversion in flags & 3; `spec` empty or a str).
Value format_for_fstring(Value v, int flags, Value spec);
// BUILD_STRING: the concatenation of n strs.
Value build_string(const Value* items, int32_t n);
// UNPACK_SEQUENCE: pushes the n items of `seq` at sp (the first ends on top);
// returns the new sp.
Value* unpack_sequence(Value seq, int32_t n, Value* sp);
// UNPACK_EX (`a, *b, c = seq`, arg = before | after << 8): pushes the values
// at sp (the last first, as the stack wants them); returns the new sp.
Value* unpack_ex(Value seq, int32_t arg, Value* sp);
// MAKE_FUNCTION: a function of `code` in `globals`; defaults, kwdefaults and
// closure are empty when absent.
Value make_function(Value code, Dict* globals, Value defaults, Value kwdefaults, Value closure);
// LIST_EXTEND (`[*x]`), DICT_UPDATE (`{**x}`), DICT_MERGE (`f(**x)`, which
// names `callable` in its errors): TypeError for what cannot be unpacked.
void list_extend_unpacked(List* l, Value iterable);
void dict_update_unpacked(Dict* d, Value mapping);
void dict_merge_kwargs(Value target, Value mapping, Value callable);
// RAISE_VARARGS 1 and 2: raises exc (a class is instantiated) with its
// __cause__ set when cause is not empty.
[[noreturn]] void raise_with_cause(Value exc, Value cause);
// What `raise exc from cause` raises (cause empty: a plain `raise exc`).
Value exception_with_cause(Value exc, Value cause);
// Adds the traceback entry of `line` in `code` to an exception being unwound.
void add_traceback(Value exc, Code* code, int line, Value globals = Value::empty());
// Name opcodes of class bodies and exec() (LOAD_NAME, STORE_NAME, DELETE_NAME,
// IMPORT_STAR work in f's locals dict, or its globals when it has none).
Value load_name(Frame* f, Str* name);
void store_name(Frame* f, Value name, Value v);
void delete_name(Frame* f, Value name);
void delete_global(Dict* globals, Value name);
void import_star(Frame* f, Value module);
Value load_build_class(Dict* builtins);
void setup_annotations(Frame* f);
// PRINT_EXPR: calls sys.displayhook(v).
void print_expr(Value v);
// GET_YIELD_FROM_ITER: a generator itself, anything else iter().
Value get_yield_from_iter(Value v);
// BEFORE_WITH: returns the bound __exit__ and sets `enter_result` to __enter__().
Value before_with(Value mgr, Value& enter_result);
// WITH_EXCEPT_START: exit(type(exc), exc, traceback).
Value with_except_start(Value exit, Value exc);
// SEND: advances the sub-iterator of `yield from` / `await` with `v`; true
// with the value to yield, false with the sub-iterator's result when it finished.
bool send_to(Value it, Value v, Value& out);

} // namespace tributary::vm

namespace tributary {

// The builtin module `name`, created on first use and cached; nullptr if there is none.
// Created modules are also entered in sys.modules.
Module* builtin_module(std::string_view name);

} // namespace tributary
