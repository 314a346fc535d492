// user_class.h — classes defined in Python: creation, C3 MRO, instantiation,
// the attribute protocol of their instances, and super().
//
// A user class is a heap Type with is_builtin false. Its instances are
// Instance objects (Kind::Instance, hidden classes, instance.h), except for
// subclasses of exceptions, whose instances are ExceptionObj (Kind::Exception)
// so raise/except work unchanged. Special methods are found on the class with
// type_lookup() by the generic protocol (ops*.cpp); `object` and
// `BaseException` carry the default implementations (__init__, __repr__,
// __eq__, __hash__, ...) so super() calls reach them as in CPython.
// A subclass of a builtin type (int, str, tuple, list, dict, set, ...) has
// the builtin's Kind and layout plus an embedded Instance for its attributes
// (instance.h); a metaclass (a subclass of type) makes classes whose `type` is
// it. Limits: float and a few internal types cannot be subclassed yet
// (NotImplementedError names the base), no __slots__.
#pragma once

#include "runtime/instance.h"
#include "runtime/object.h"

namespace tributary {

// Attribute hooks a user class may define (Type::hooks bits).
enum ClassHooks : uint32_t {
  kHookGetattr = 1,      // __getattr__
  kHookSetattr = 2,      // __setattr__ other than object's
  kHookDelattr = 4,      // __delattr__ other than object's
  kHookGetattribute = 8, // __getattribute__ other than object's
  kHookSlots = 16,       // __slots__ all along the MRO, without __dict__: no other attributes
};

// C3 linearization of a class with the given bases (`t` first). TypeError when
// no consistent order exists.
Tuple* c3_mro(Type* t, Tuple* bases);

// Creates a class from the result of running its body (`ns`, owned by the
// class from then on), with metaclass `meta`.
Type* make_class(Str* name, Tuple* bases, Dict* ns, Type* meta = &types::type);
// type.__new__: a class from a copy of `ns`, then the class statement's
// finishing steps (__classcell__, __set_name__, __init_subclass__(**kw)).
Type* type_new(Type* meta, Str* name, Tuple* bases, Dict* ns, const Args& kw);
// The metaclass of a class with these bases, given `meta` (TypeError on a conflict).
Type* most_derived_metaclass(Type* meta, Tuple* bases);
// Registers a staticmethod wrapping native `fn` (T.__new__) in builtin type `t`.
Value add_static_method(Type& t, const char* name, NativeFn fn);
// Registers a classmethod wrapping native `fn` (called with the class first) in builtin type `t`.
Value add_class_method(Type& t, const char* name, NativeFn fn);

// When calling class t allocates a plain instance (object's __new__) and then
// calls t's own __init__: that __init__ (the JIT inlines it); else empty (a
// metaclass, another __new__, an exception class, object's __init__).
Value plain_instance_init(Value cls);

// Descriptors defined in Python: an object whose class defines __get__ (a
// non-data descriptor) or also __set__/__delete__ (a data descriptor, which
// takes precedence over the instance's own attributes). property counts as a
// data descriptor.
// (Inline: asked at every attribute lookup; the answer is almost always a
// builtin value's "no".)
bool class_defines_get(Type* t);
bool class_defines_set_or_delete(Type* t);
inline bool is_user_descriptor(Value v) {
  return v.is_object() && !v.as_object()->type->is_builtin && class_defines_get(v.as_object()->type);
}
inline bool is_data_descriptor(Value v) {
  if (!v.is_object()) return false;
  Type* t = v.as_object()->type;
  if (t->kind == Kind::Property) return true;
  return !t->is_builtin && class_defines_set_or_delete(t);
}

// The hooks of `t` (recomputed when any class changed).
uint32_t class_hooks(Type* t);
// Whether `name` is one of the __slots__ of class `t` (its member_descriptor).
bool is_slot_member(Type* t, Str* name);
// type.__flags__: CPython's Py_TPFLAGS_HEAPTYPE for classes made by a class
// statement or type(), BASETYPE, IS_ABSTRACT (what copyreg and inspect test).
int64_t type_flags(Type* t);

// Attribute protocol for Kind::Instance objects (ops_attr.cpp delegates here).
// get: empty when absent (after __getattr__, whose AttributeError means absent
// only when `or_empty`).
Value instance_getattr(Value obj, Str* name, bool or_empty);
void instance_setattr(Value obj, Str* name, Value v);
void instance_delattr(Value obj, Str* name);
// object.__getattribute__ / __setattr__ / __delattr__ (no user hooks).
Value instance_getattr_raw(Value obj, Str* name);
void instance_setattr_raw(Value obj, Str* name, Value v);
void instance_delattr_raw(Value obj, Str* name);

// Wraps a native method so it also works unbound (`object.__setattr__(obj, n, v)`,
// or called by LOAD_METHOD/CALL with the receiver as first argument).
[[noreturn]] void throw_descriptor_needs_argument();
template <NativeFn F> Value self_or_first(Value self, const Args& a) {
  if (!self.is_empty()) return F(self, a);
  if (a.npos == 0) throw_descriptor_needs_argument();
  Args rest{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  return F(a.pos[0], rest);
}

// super(): the proxy type and its attribute lookup.
struct Super : Object {
  Type* thisclass;
  Value self;
  Type* self_type;
};
Type* super_type();
Value super_getattr(Value sup, Str* name); // empty when absent

// The default methods of `object` and `BaseException`, and the callable types
// super/property/staticmethod/classmethod. Called once by init_builtins.
void init_class_protocol();
// The builtin types' special methods as attributes (slot_wrappers.cpp).
void init_slot_wrappers();

} // namespace tributary
