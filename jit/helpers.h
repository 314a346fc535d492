// helpers.h — runtime functions that compiled traces call ("residual calls").
//
// Every helper takes its boxed arguments as an array and returns a Value. A
// Python exception never unwinds through machine code: helpers catch it, park
// it in JitState::pending_exception and return the exception marker, which
// the trace checks (GUARD_NOEXC) to leave through its snapshot; the
// interpreter then raises it at that instruction.
#pragma once

#include "runtime/value.h"

namespace tributary::jit::helpers {

using Helper = uint64_t (*)(const Value* args);

uint64_t binary_op(const Value* a);     // [op, x, y]
uint64_t compare(const Value* a);       // [op, x, y]
uint64_t call(const Value* a);          // [n, callable, args...]
uint64_t call_kw(const Value* a);       // [n, kwnames, callable, args...]
uint64_t call_ex(const Value* a);       // [slot0, slot1, args, kwargs-or-empty]
uint64_t get_item(const Value* a);      // [obj, key]
uint64_t set_item(const Value* a);      // [obj, key, value]
uint64_t get_attr(const Value* a);      // [obj, name]
uint64_t set_attr(const Value* a);      // [obj, name, value]
uint64_t store_global(const Value* a);  // [globals dict, name, value]
uint64_t get_iter(const Value* a);      // [obj]
uint64_t build_tuple(const Value* a);   // [n, items...]
uint64_t build_list(const Value* a);    // [n, items...]
uint64_t truthy(const Value* a);        // [obj] -> True/False
uint64_t contains(const Value* a);      // [container, item]
uint64_t negate(const Value* a);        // [x]
uint64_t iter_next(const Value* a);     // [iterator] -> next item, or exhausted()
Value exhausted();                      // iter_next's result at the end (never a Python value)
// Building containers and strings (the interpreter's BUILD_*, *_ADD, FORMAT_VALUE).
uint64_t build_slice(const Value* a);   // [start, stop, step] (step None for BUILD_SLICE 2)
uint64_t build_map(const Value* a);     // [n, k1, v1, ..., kn, vn]
uint64_t build_set(const Value* a);     // [n, items...]
uint64_t list_append(const Value* a);   // [list, item] -> None
uint64_t set_add(const Value* a);       // [set, item] -> None
uint64_t map_add(const Value* a);       // [dict, key, value] -> None
uint64_t build_string(const Value* a);  // [n, strs...]
uint64_t format_value(const Value* a);  // [flags, value, spec-or-empty]

} // namespace tributary::jit::helpers
