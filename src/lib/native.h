// native.h — helpers for writing native functions and methods.
//
// Argument checks reproduce CPython's exact messages, which come in a few
// families (METH_O / METH_NOARGS, Argument Clinic, _PyArg_CheckPositional);
// each helper names its family. `method<&types::T, fn>` wraps a method so it
// also works unbound (`str.upper("a")`): the receiver is then taken from the
// first positional argument and type-checked like a CPython method descriptor.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <span>
#include <string_view>

#include "runtime/exceptions.h"
#include "runtime/format.h"
#include "runtime/object.h"

namespace tributary::lib {

inline constexpr size_t kAny = std::numeric_limits<size_t>::max();

// METH_O: "list.append() takes exactly one argument (0 given)". Also rejects keywords.
void check_one(const Args& a, const char* qualname);
// METH_NOARGS: "str.upper() takes no arguments (1 given)".
void check_none(const Args& a, const char* qualname);
// Clinic positional: "find() takes at least 1 argument (0 given)" / "at most" / "exactly".
void check_takes(const Args& a, const char* name, size_t min, size_t max);
// _PyArg_CheckPositional: "replace expected at least 2 arguments, got 1".
void check_expected(const Args& a, const char* name, size_t min, size_t max);
// "list.append() takes no keyword arguments".
void no_kwargs(const Args& a, const char* qualname);

// Keyword argument `name`, or an empty Value.
Value kwarg(const Args& a, std::string_view name);

// Argument Clinic style binding of positional and keyword arguments to the
// parameters `names` (the first `posonly` positional-only, those from
// `kwonly` on keyword-only). `out` receives one Value per name (empty when
// absent); fewer than `required` leading ones present raises
// "f() missing required argument 'x' (pos 1)".
void bind_args(const Args& a, const char* fname, std::initializer_list<const char*> names,
               size_t required, Value* out, size_t posonly = 0, size_t kwonly = kAny);

// Python-function style binding (for library functions CPython writes in
// Python): "Random.randint() missing 1 required positional argument: 'b'",
// "f() takes from 2 to 3 positional arguments but 4 were given" (counts
// include `implicit` leading arguments such as self), "got an unexpected
// keyword argument", "got multiple values for argument". Parameters from
// `kwonly` on are keyword-only; `out` receives one Value per name.
void bind_py_args(const Args& a, const char* qualname, std::span<const char* const> names, size_t required,
                  Value* out, size_t kwonly = kAny, size_t implicit = 0);
inline void bind_py_args(const Args& a, const char* qualname, std::initializer_list<const char*> names,
                         size_t required, Value* out, size_t kwonly = kAny, size_t implicit = 0) {
  bind_py_args(a, qualname, std::span<const char* const>(names.begin(), names.size()), required, out, kwonly,
               implicit);
}

// __index__ conversion: "'str' object cannot be interpreted as an integer".
// Values that do not fit an int64 raise OverflowError with CPython's message.
int64_t arg_index(Value v);
// Is `v` an int (or bool)?
inline bool is_integer(Value v) { return v.is_small_int() || v.is_bool() || is_kind(v, Kind::Int); }
// callable(v).
bool is_callable_value(Value v);
// Python name of the type of `v`.
inline const char* tname(Value v) { return type_of(v)->name; }

// Raises the Python exception a fmtlib::FormatError describes.
[[noreturn]] void raise_format_error(const fmtlib::FormatError& e);

// Looks `name` up on type(obj) and calls it with obj first; empty when the type lacks it.
Value call_dunder(Value obj, const char* name, std::initializer_list<Value> args = {});

// Receiver check for an unbound method call; raises CPython's descriptor messages.
void check_receiver(const Args& a, Type* owner, NativeFn wrapper);

// A method usable both bound (self set) and unbound (self from args[0]).
template <Type* T, NativeFn F> Value method(Value self, const Args& a) {
  if (!self.is_empty()) return F(self, a);
  if (a.npos == 0 || type_of(a.pos[0]) != T) check_receiver(a, T, &method<T, F>);
  Args rest{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  return F(a.pos[0], rest);
}

// Registers methods in a builtin type's dict.
struct MethodDef {
  const char* name;
  NativeFn fn;
};
void add_methods(Type& t, std::initializer_list<MethodDef> defs);

// Adds a native function to a module's dict.
void add_function(Module* m, const char* name, NativeFn fn);
void add_value(Module* m, const char* name, Value v);

} // namespace tributary::lib
