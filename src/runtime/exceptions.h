// exceptions.h — Python exceptions as seen from C++.
//
// A Python exception travels through C++ code as a thrown `PyException`
// holding the exception object. The interpreter catches it at one place per
// frame (to add a traceback entry and look up a handler); native functions
// simply throw. Nothing may throw through JIT-compiled machine code: helpers
// called from machine code catch and report instead.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "runtime/object.h"

namespace tributary {

struct PyException {
  Value exc; // an ExceptionObj
};

namespace types {
extern Type base_exception, exception, system_exit, keyboard_interrupt, stop_iteration, arithmetic_error,
    zero_division_error, overflow_error, assertion_error, attribute_error, lookup_error, index_error, key_error,
    name_error, unbound_local_error, runtime_error, recursion_error, not_implemented_error, type_error, value_error,
    unicode_error, unicode_decode_error, unicode_encode_error, import_error, module_not_found_error, os_error,
    file_not_found_error, eof_error, memory_error, syntax_error, indentation_error, stop_async_iteration,
    generator_exit, warning, exception_group, base_exception_group;
} // namespace types

// Creates an exception instance of `t` with the given args.
ExceptionObj* new_exception(Type* t, std::span<const Value> args);
ExceptionObj* new_exception(Type* t, std::string_view msg);

[[noreturn]] void raise(Value exc);
// What `raise exc` raises: the instance (a class is called), its __context__
// set to the exception being handled; TypeError for what is no exception.
Value exception_to_raise(Value exc);
[[noreturn]] void raise(Type& t, std::string_view msg);
template <class... A>
[[noreturn]] void raise_fmt(Type& t, fmt::format_string<A...> f, A&&... a) {
  raise(t, fmt::format(f, static_cast<A&&>(a)...));
}
[[noreturn]] void raise_type_error(std::string_view msg);
[[noreturn]] void raise_value_error(std::string_view msg);

// The largest object, in bytes, an operation may ask for: bigger requests raise
// MemoryError up front (where CPython's malloc would fail) instead of aborting
// inside GMP or the allocator, or filling memory for minutes first.
constexpr uint64_t kMaxAllocBytes = uint64_t(1) << 36;
// Raises MemoryError when `count` items of `item_bytes` each exceed kMaxAllocBytes.
void check_alloc_size(uint64_t count, uint64_t item_bytes);
// A new MemoryError instance: what a failed C++ allocation (std::bad_alloc) becomes
// where the interpreter and the JIT's helpers catch it.
Value memory_error_value();

// Is `v` (an exception instance) an instance of the class `t` (or a subclass)?
bool exception_matches(Value exc, Value cls);
bool is_subtype(const Type* t, const Type* base);

// "ValueError: msg" style one-liner, and the full CPython-style traceback text.
std::string exception_line(Value exc);
std::string format_traceback(Value exc);

// A frame object as sys._getframe() gives it: a snapshot of a frame's code,
// current line and globals, `back` its caller's snapshot (or empty). Its
// f_locals is an empty dict.
Value frame_snapshot(Value code, int line, Value globals, Value back);

// Initializes a builtin exception class `name` deriving from `base`.
void init_exception_type(Type& t, const char* name, Type& base);
// `T(*args, **kwargs)` for an exception type T: every exception type's construct.
Value construct_exception(Value type, const Args& a);

// ---- exception groups (exception_group.cpp) ----
// Is `v` an instance of BaseExceptionGroup (or a subclass)?
bool is_exception_group(Value v);
// A group's sub-exceptions.
Tuple* exception_group_items(Value eg);
// `except* T`: TypeError unless T is an exception type (or a tuple of them) and no group type.
void check_except_star_type(Value match_type);
// CHECK_EG_MATCH: the part of `exc` matching `match_type` (None when nothing
// does; a naked exception that matches is wrapped in a group whose traceback
// is `here`), and in `rest` what is left to the next except* clause.
Value exception_group_match(Value exc, Value match_type, Value& rest, Value here);
// PREP_RERAISE_STAR: what leaves a try/except* whose original exception was
// `orig`, given the list of what each handler raised (a new exception, or a
// part of orig re-raised) and the unmatched rest: None, or the exception to raise.
Value prep_reraise_star(Value orig, Value excs);
void init_exception_group_types();   // (with the other exception types)
void init_exception_group_methods(); // (with the class protocol: static methods)

// The type of TracebackEntry objects (exc.__traceback__, tb_next, tb_frame).
extern Type traceback_type;
// Creates traceback_type and its frame type; needs property (after the class protocol).
void init_traceback_types();

// Is `v` an exception instance (its type derives from BaseException)?
bool is_exception_instance(Value v);
// str(exc) and repr(exc) of an exception instance, as CPython prints them.
std::string exception_str(Value exc);
std::string exception_repr(Value exc);
// Exception attributes (args, __cause__, __context__, StopIteration.value, ...):
// get returns empty when `name` is not an exception attribute; set stores user
// attributes in ExceptionObj::attrs.
Value exception_get_attr(Value exc, Str* name);
void exception_set_attr(Value exc, Str* name, Value v);
bool exception_del_attr(Value exc, Str* name); // false when absent

void init_exceptions();

} // namespace tributary
