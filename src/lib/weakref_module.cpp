// weakref_module.cpp — `_weakref`, what CPython's weakref.py, _weakrefset.py
// and _py_abc.py import: ref (ReferenceType), getweakrefcount, getweakrefs,
// proxy, _remove_dead_weakref.
//
// A ref holds its referent disguised (GC_HIDE_POINTER) and registers the word
// as a Boehm disappearing link: the collector clears it when the referent
// becomes unreachable, so ref() then gives None, as CPython's does after the
// last strong reference goes. Objects outside the collected heap (the static
// builtin types) never die and are held directly.
//
// Limits: the collector runs when it runs, so a referent dies later than in
// CPython (not at its last `del`), and callbacks are never called; proxy()
// is not supported (NotImplementedError); getweakrefcount/getweakrefs do not
// track refs (0 and []).
#include <gc/gc.h>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

struct WeakRef : Object {
  GC_hidden_pointer hidden; // the referent, disguised; 0 once collected
  bool linked;              // `hidden` is a registered disappearing link
  Value strong;             // a referent outside the collected heap
  Value callback;
  int64_t hash;             // -1 until computed (kept after the referent dies)
};

Type ref_type;

WeakRef* self_ref(Value v) {
  if (!is_subtype(type_of(v), &ref_type)) raise(types::type_error, "descriptor requires a 'weakref.ReferenceType' object");
  return v.as<WeakRef>();
}

Value referent(WeakRef* w) {
  if (!w->strong.is_empty()) return w->strong;
  if (w->hidden == 0) return Value::none();
  return Value::object(static_cast<Object*>(GC_REVEAL_POINTER(w->hidden)));
}

void link(WeakRef* w, Object* obj) {
  if (GC_base(obj) == obj) {
    w->hidden = GC_HIDE_POINTER(obj);
    w->linked = true;
    GC_general_register_disappearing_link(reinterpret_cast<void**>(&w->hidden), obj);
  } else {
    w->strong = Value::object(obj); // static: lives as long as the program
  }
}

// A subclass instance (weakref.WeakMethod, KeyedRef) is a copy: its own word
// becomes the link.
void relocate_ref(Object* from, Object* to) {
  auto* src = static_cast<WeakRef*>(from);
  auto* dst = static_cast<WeakRef*>(to);
  if (src->linked) {
    GC_unregister_disappearing_link(reinterpret_cast<void**>(&src->hidden));
    src->linked = false;
    if (dst->hidden != 0)
      GC_general_register_disappearing_link(reinterpret_cast<void**>(&dst->hidden), GC_REVEAL_POINTER(dst->hidden));
  }
}

// As in CPython, the builtin values without a weakref slot refuse (their
// subclasses accept).
bool weakly_referenceable(Value v) {
  if (!v.is_object()) return false;
  Type* t = type_of(v);
  if (!t->is_builtin) return true;
  switch (t->kind) {
  case Kind::Int:
  case Kind::Str:
  case Kind::Tuple:
  case Kind::List:
  case Kind::Dict:
  case Kind::Bytes: return false;
  default: return true;
  }
}

Value construct_ref(Value, const Args& a) {
  if (a.nkw) raise(types::type_error, "ref() takes no keyword arguments");
  if (a.npos < 1 || a.npos > 2) raise_fmt(types::type_error, "ref expected 1 or 2 arguments, got {}", a.npos);
  Value obj = a[0];
  if (!weakly_referenceable(obj))
    raise_fmt(types::type_error, "cannot create weak reference to '{}' object", type_of(obj)->name);
  auto* w = gc::make<WeakRef>();
  w->type = &ref_type;
  w->hash = -1;
  w->callback = a.npos == 2 && !a[1].is_none() ? a[1] : Value::empty();
  link(w, obj.as_object());
  return Value::object(w);
}

Value ref_call(Value self, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "weakref() takes no arguments");
  return referent(self_ref(self));
}

Value ref_hash(Value self, const Args&) {
  WeakRef* w = self_ref(self);
  if (w->hash == -1) {
    Value r = referent(w);
    if (r.is_none()) raise(types::type_error, "weak object has gone away");
    w->hash = hash_value(r);
  }
  return make_int(w->hash);
}

Value ref_eq(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "expected 1 argument");
  if (!is_subtype(type_of(a[0]), &ref_type)) return kNotImplemented;
  WeakRef* x = self_ref(self);
  WeakRef* y = a[0].as<WeakRef>();
  Value rx = referent(x), ry = referent(y);
  if (rx.is_none() || ry.is_none()) return Value::boolean(x == y);
  return Value::boolean(equals(rx, ry));
}

Value ref_ne(Value self, const Args& a) {
  Value r = ref_eq(self, a);
  return r == kNotImplemented ? r : Value::boolean(!r.is_true());
}

Value ref_repr(Value self, const Args&) {
  WeakRef* w = self_ref(self);
  Value r = referent(w);
  if (r.is_none()) return str_value(fmt::format("<weakref at {}; dead>", static_cast<const void*>(w)));
  return str_value(fmt::format("<weakref at {}; to '{}' at {}>", static_cast<const void*>(w), type_of(r)->name,
                               static_cast<const void*>(r.as_object())));
}

Value ref_callback(Value, const Args& a) {
  WeakRef* w = self_ref(a[0]);
  return w->callback.is_empty() ? Value::none() : w->callback;
}

Value getweakrefcount(Value, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "getweakrefcount() takes exactly one argument");
  return Value::small_int(0);
}

Value getweakrefs(Value, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "getweakrefs() takes exactly one argument");
  return Value::object(new_list());
}

Value proxy(Value, const Args&) { raise(types::not_implemented_error, "weakref.proxy() is not supported yet"); }

// _remove_dead_weakref(d, key): del d[key] if it is a dead ref.
Value remove_dead_weakref(Value, const Args& a) {
  if (a.npos != 2 || !is_dict(a[0])) raise(types::type_error, "_remove_dead_weakref(dict, key)");
  Dict* d = a[0].as<Dict>();
  if (Value* v = dict_find(d, a[1]); v && is_subtype(type_of(*v), &ref_type) && referent(v->as<WeakRef>()).is_none())
    dict_del(d, a[1]);
  return Value::none();
}

void init_ref_type() {
  if (ref_type.dict) return;
  init_type(ref_type, "ReferenceType", Kind::Object, &types::object);
  ref_type.module_name = Value::object(intern("weakref"));
  ref_type.construct = construct_ref;
  ref_type.basic_size = sizeof(WeakRef);
  ref_type.relocate = relocate_ref;
  add_method(ref_type, "__call__", self_or_first<ref_call>);
  add_method(ref_type, "__hash__", self_or_first<ref_hash>);
  add_method(ref_type, "__eq__", self_or_first<ref_eq>);
  add_method(ref_type, "__ne__", self_or_first<ref_ne>);
  add_method(ref_type, "__repr__", self_or_first<ref_repr>);
  add_getter(ref_type, "__callback__", ref_callback);
  add_static_method(ref_type, "__new__", [](Value, const Args& a) -> Value {
    if (a.npos == 0 || !is_type(a[0])) raise(types::type_error, "ref.__new__(X): X is not a type object");
    Type* cls = a[0].as<Type>();
    Args rest{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
    Value base = construct_ref(Value::empty(), rest);
    return cls == &ref_type ? base : new_builtin_subclass_instance(cls, base);
  });
  add_method(ref_type, "__init__", [](Value, const Args&) { return Value::none(); });
  ref_type.is_builtin = false; // called, hashed and compared through its special methods
}

} // namespace

Module* make_weakref_module() {
  init_ref_type();
  Module* m = new_module("_weakref");
  add_value(m, "ref", Value::object(&ref_type));
  add_value(m, "ReferenceType", Value::object(&ref_type));
  add_value(m, "ProxyType", Value::object(&ref_type));
  add_value(m, "CallableProxyType", Value::object(&ref_type));
  add_function(m, "getweakrefcount", getweakrefcount);
  add_function(m, "getweakrefs", getweakrefs);
  add_function(m, "proxy", proxy);
  add_function(m, "_remove_dead_weakref", remove_dead_weakref);
  return m;
}

} // namespace tributary::lib
