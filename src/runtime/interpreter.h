// interpreter.h — what the runtime needs from the interpreter; src/vm defines all of it.
//
// The object protocol calls Python functions, advances generators, chains a
// raised exception to the one being handled and counts nested comparisons and
// reprs against the recursion limit; getattr and repr look into the objects the
// interpreter defines (functions, code objects, generators). These are the VM's
// functions, hence namespace vm. Declaring them here, in runtime types only,
// keeps src/runtime from including src/vm: the runtime depends on the VM at
// link time only. The vm headers include this one, so VM code sees them as before.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace tributary::vm {

// ---- Running Python code ------------------------------------------------------

// Calls a Python function (Kind::Function) with already-evaluated arguments.
Value call_python_function(Value fn, const Args& args);

// next(gen) for the iteration protocol: false when exhausted.
bool generator_next(Value gen, Value& out);

// The exception currently being handled (for bare `raise` and __context__), or empty.
Value current_handled_exception();

// The globals of the innermost executing Python frame, or null (type() takes
// a new class's __module__ from them).
Dict* current_globals();

// The builtins module's dict, or null before it exists.
Dict* builtins_dict();
// Recursion-depth accounting around a Python frame (RecursionError past the limit;
// `context` ends its message, as CPython's " while getting the repr of an object").
void enter_call(const char* context = "");
void leave_call();

// Counts one Python frame (or one level of a recursive builtin: repr, ==) for as
// long as it lives (enter_call / leave_call).
struct CallDepth {
  explicit CallDepth(const char* context = "") { enter_call(context); }
  ~CallDepth() { leave_call(); }
  CallDepth(const CallDepth&) = delete;
  CallDepth& operator=(const CallDepth&) = delete;
};

// ---- Objects the interpreter defines ------------------------------------------

// Attributes of Python functions (__name__, __defaults__, __code__, ... and user
// attributes in the function's __dict__): get is empty when absent; set/del
// return false for other kinds (del also when the attribute is absent).
Value function_get_attr(Value fn, Str* name);
bool function_set_attr(Value fn, Str* name, Value v);
bool function_del_attr(Value fn, Str* name);
// Attributes of code objects (co_name, co_varnames, ...): empty when absent.
Value code_get_attr(Value code, Str* name);

// The __qualname__ a function's or a generator's repr shows.
Str* function_qualname(Value fn);
Str* generator_qualname(Value gen);
// The same for a coroutine or an async generator (vm/coroutine.cpp); null for
// any other value.
Str* coroutine_qualname(Value v);

// What a code object's repr and a traceback line show of it.
struct CodeLocation {
  std::string_view name;
  std::string_view filename;
  int first_line;
};
CodeLocation code_location(Value code);

} // namespace tributary::vm
