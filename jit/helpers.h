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

} // namespace tributary::jit::helpers
