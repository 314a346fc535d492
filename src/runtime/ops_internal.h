// ops_internal.h — helpers shared by the ops*.cpp files (not used outside src/runtime).
//
// The generic protocol handles builtin types directly by Kind; types that are
// not builtin (user classes) go through special methods (`__add__`, ...)
// found with type_lookup(), so the Kind::Instance cases need no new dispatch.
#pragma once

#include <span>
#include <string>

#include "runtime/ops.h"

namespace tributary::ops_detail {

// Is `t` a user-defined class (special methods are looked up on it)?
inline bool is_user_type(const Type* t) { return !t->is_builtin; }

// Calls type(obj).name(obj, *args); empty Value when the type has no such
// attribute. For an object with a builtin layout (a subclass of a builtin
// type, a class whose metaclass is not type, a native type such as Counter)
// also empty when the method found is a builtin type's own (or object's): the
// caller then runs the builtin behaviour itself, without a call.
Value call_dunder(Value obj, const char* name, std::span<const Value> args = {});
// The special method `name` of type(obj) that call_dunder would call; empty
// under the same rules.
Value find_dunder(Value obj, Str* name);

// Makes `self`'s next special-method lookup (find_dunder) take the builtin
// path. int.__add__, dict.__setitem__... run the generic operation on a
// subclass instance under it, which would otherwise find the subclass's own
// override again (`super().__setitem__(k, v)` inside `__setitem__`).
class BuiltinPath {
public:
  explicit BuiltinPath(Value self);
  ~BuiltinPath();
  BuiltinPath(const BuiltinPath&) = delete;
  BuiltinPath& operator=(const BuiltinPath&) = delete;

private:
  Value prev_;
};

// Calls an attribute found on a type with `self` prepended (binding natives directly).
Value call_with_self(Value fn, Value self, std::span<const Value> args);

// The descriptor protocol for `attr` found on type(obj) (functions bind,
// properties call their getter, ...), as ops_attr.cpp applies it.
Value bind_attr(Value attr, Value obj, Str* name);

// Set and dict-view operators (ops_set.cpp); empty when not applicable.
Value set_binary_op(BinOp op, Value a, Value b, bool inplace);
// Set comparisons (== and subset order) when both are set-like; empty otherwise.
Value set_compare(CmpOp op, Value a, Value b);
bool is_set_like(Value v); // set, frozenset, dict_keys, dict_items

// Attributes of builtin functions and bound methods (function.cpp): empty when absent.
Value callable_get_attr(Value fn, Str* name);

// types.GenericAlias (`list[int]`, as evaluated in annotations), in ops_subscript.cpp.
void init_generic_alias_type();
bool is_generic_alias(Value v);
std::string generic_alias_repr(Value v);
// types.UnionType (`int | None`): the union of two operands of `|`, empty when
// either is not a class, None, an alias or a union.
Value make_union(Value a, Value b);
bool is_union(Value v);
Tuple* union_members(Value v); // None stands for NoneType
std::string union_repr(Value v);

// "0x7f..." as CPython prints object addresses.
inline std::string address(const void* p) { return fmt::format("{:#x}", reinterpret_cast<uintptr_t>(p)); }

// RAII recursion guard for repr of containers; `active` is false on re-entry.
// Each level also counts against the recursion limit (RecursionError "while
// getting the repr of an object" for deeply nested containers, as CPython).
struct ReprGuard {
  explicit ReprGuard(const Object* o);
  ~ReprGuard();
  bool active;
  const Object* obj;
};

} // namespace tributary::ops_detail
