// object.cpp — the builtin type objects and the basic constructors.
#include "runtime/object.h"

#include "runtime/containers.h"
#include "runtime/instance.h"
#include "runtime/str.h"

namespace tributary {

namespace types {
Type object, type, none, boolean, int_, float_, str, bytes, tuple, list, dict, set, frozenset,
    range, slice, function, native_function, bound_method, cell, code, module, iterator, dict_keys,
    dict_values, dict_items, property, staticmethod, classmethod, notimplemented, ellipsis,
    generator;
} // namespace types

namespace {
struct Singleton : Object {};
Singleton not_implemented_obj{{&types::notimplemented}};
Singleton ellipsis_obj{{&types::ellipsis}};
} // namespace

Value kNotImplemented = Value::object(&not_implemented_obj);
Value kEllipsis = Value::object(&ellipsis_obj);

void init_type(Type& t, const char* name, Kind kind, Type* base) {
  t.type = &types::type;
  t.name = name;
  t.kind = kind;
  t.base = base;
  t.dict = new_dict();
  t.qualname = intern(name);
  t.module_name = Value::object(intern("builtins"));
  size_t depth = 0;
  for (Type* b = &t; b; b = b->base) ++depth;
  t.mro = new_tuple(depth);
  size_t i = 0;
  for (Type* b = &t; b; b = b->base) t.mro->items[i++] = Value::object(b);
  if (base) {
    t.bases = new_tuple(1);
    t.bases->items[0] = Value::object(base);
  } else {
    t.bases = new_tuple(size_t(0));
  }
}

void add_method(Type& t, const char* name, NativeFn fn) {
  dict_set(t.dict, Value::object(intern(name)), new_native(name, fn, Value::empty(), &t));
  class_changed(&t);
}

Value native_property(const char* name, NativeFn get, NativeFn set) {
  auto* p = gc::make<Property>(); // (built directly: also before property() is set up)
  p->type = &types::property;
  p->fget = new_native(name, get);
  p->fset = set ? new_native(name, set) : Value::none();
  p->fdel = Value::none();
  return Value::object(p);
}

void add_getter(Type& t, const char* name, NativeFn get) { add_attr(t, name, native_property(name, get)); }

void add_attr(Type& t, const char* name, Value v) {
  dict_set(t.dict, Value::object(intern(name)), v);
  class_changed(&t);
}

Tuple* new_tuple(size_t n) {
  auto* t = static_cast<Tuple*>(gc::alloc(sizeof(Tuple) + sizeof(Value) * (n ? n - 1 : 0)));
  t->type = &types::tuple;
  t->size = n;
  for (size_t i = 0; i < n; ++i) t->items[i] = Value::none();
  return t;
}

Bytes* new_bytes(std::string_view data) {
  auto* b = static_cast<Bytes*>(gc::alloc_atomic(sizeof(Bytes) + data.size()));
  b->type = &types::bytes;
  b->size = data.size();
  b->hash = -1;
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
  b->data[data.size()] = 0;
  return b;
}

Tuple* new_tuple(std::span<const Value> items) {
  Tuple* t = new_tuple(items.size());
  std::copy(items.begin(), items.end(), t->items);
  return t;
}

List* new_list(size_t reserve) {
  auto* l = gc::make<List>();
  l->type = &types::list;
  l->items.reserve(reserve);
  return l;
}

List* new_list(std::span<const Value> items) {
  auto* l = gc::make<List>();
  l->type = &types::list;
  l->items.assign(items.begin(), items.end());
  return l;
}

Value new_native(const char* name, NativeFn fn, Value self, Type* owner) {
  auto* f = gc::make<NativeFunction>();
  f->type = &types::native_function;
  f->name = name;
  f->fn = fn;
  f->self = self;
  f->owner = owner;
  return Value::object(f);
}

Module* new_module(std::string_view name) {
  auto* m = gc::make<Module>();
  m->type = &types::module;
  m->name = intern(name);
  m->dict = new_dict();
  dict_set(m->dict, Value::object(intern("__name__")), Value::object(m->name));
  return m;
}

} // namespace tributary
