// instance.cpp — shapes (hidden classes) and instance slot storage; see instance.h.
#include "runtime/instance.h"

#include <algorithm>
#include <cstring>

#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/str.h"

namespace tributary {

namespace {

Type shape_type_storage;

Type* shape_type() {
  if (!shape_type_storage.name || !*shape_type_storage.name) init_type(shape_type_storage, "shape", Kind::Object, &types::object);
  return &shape_type_storage;
}

Shape* new_shape(Shape* parent, Str* name) {
  auto* s = gc::make<Shape>();
  s->type = shape_type();
  s->parent = parent;
  s->name = name;
  if (parent) {
    s->names = parent->names;
    s->names.push_back(name);
    s->size = parent->size + 1;
  }
  return s;
}

// Root shapes by class: kept in a GC-visible dict keyed by the class object.
Dict* roots() {
  static Dict* d = nullptr;
  if (!d) {
    auto** holder = static_cast<Dict**>(gc::alloc_root(sizeof(Dict*)));
    *holder = new_dict();
    d = *holder;
  }
  return d;
}

} // namespace

Shape* root_shape(Type* t) {
  Value key = Value::object(t);
  if (Value* v = dict_find(roots(), key)) return v->as<Shape>();
  Shape* s = new_shape(nullptr, nullptr);
  dict_set(roots(), key, Value::object(s));
  return s;
}

Shape* shape_add(Shape* s, Str* name) {
  for (Shape* c : s->children)
    if (c->name == name) return c;
  Shape* c = new_shape(s, name);
  s->children.push_back(c);
  return c;
}

int shape_find(const Shape* s, Str* name) {
  // Names are interned, so pointer equality suffices; instances rarely have
  // more than a dozen attributes, where a linear scan beats hashing.
  for (uint32_t i = 0; i < s->size; ++i) {
    Str* n = s->names[i];
    if (n == name) return static_cast<int>(i);
    if (n->interned && name->interned) continue; // (two interned strings are equal only if the same)
    if (n->nbytes == name->nbytes && std::memcmp(n->data, name->data, n->nbytes) == 0) return static_cast<int>(i);
  }
  return -1;
}

Instance* new_instance(Type* t) {
  auto* o = gc::make<Instance>();
  o->type = t;
  o->shape = root_shape(t);
  o->capacity = t->instance_slots;
  o->slots = static_cast<Value*>(gc::alloc(sizeof(Value) * o->capacity));
  return o;
}

void instance_set_slot(Instance* o, Str* name, Value v) {
  int i = shape_find(o->shape, name);
  if (i >= 0) {
    o->slots[i] = v;
    return;
  }
  if (!name->interned) name = intern(name->view()); // shapes hold interned names only
  Shape* next = shape_add(o->shape, name);
  if (next->size > o->capacity) {
    const uint64_t cap = o->capacity * 2;
    auto* slots = static_cast<Value*>(gc::alloc(sizeof(Value) * cap));
    std::copy(o->slots, o->slots + o->shape->size, slots);
    o->slots = slots;
    o->capacity = cap;
    if (o->type && o->type->instance_slots < cap && cap <= kMaxInstanceSlots)
      o->type->instance_slots = static_cast<uint32_t>(cap);
  }
  o->slots[next->size - 1] = v;
  o->shape = next;
}

bool instance_del_slot(Instance* o, Str* name) {
  int i = shape_find(o->shape, name);
  if (i < 0) return false;
  Shape* s = root_shape(o->type);
  GcVector<Value> kept;
  for (uint32_t j = 0; j < o->shape->size; ++j) {
    if (static_cast<int>(j) == i) continue;
    s = shape_add(s, o->shape->names[j]);
    kept.push_back(o->slots[j]);
  }
  std::copy(kept.begin(), kept.end(), o->slots);
  o->slots[kept.size()] = Value::empty();
  o->shape = s;
  return true;
}

Dict* instance_dict(Instance* o) {
  Dict* d = new_dict();
  for (uint32_t i = 0; i < o->shape->size; ++i) {
    Str* name = o->shape->names[i];
    if (name->nbytes && name->data[0] == ' ') continue; // hidden (the cached __dict__)
    dict_set(d, Value::object(name), o->slots[i]);
  }
  return d;
}

// ---- subclasses of builtin types ----------------------------------------------------------

namespace {

constexpr size_t align8(size_t n) { return (n + 7) & ~size_t(7); }

// The native type whose layout a Kind::Object builtin subclass has.
Type* layout_type(Type* t) {
  for (Value m : t->mro->span())
    if (m.as<Type>()->basic_size) return m.as<Type>();
  return &types::object;
}

// Bytes of `o`'s base layout, where its embedded Instance starts.
size_t base_layout_size(Object* o) {
  switch (o->type->kind) {
  case Kind::Int: return sizeof(BigInt) + static_cast<size_t>(static_cast<BigInt*>(o)->z->_mp_alloc) * sizeof(mp_limb_t);
  // (The sizes new_str, new_bytes and new_tuple allocate.)
  case Kind::Str: return align8(sizeof(Str) + static_cast<Str*>(o)->nbytes);
  case Kind::Bytes: return align8(sizeof(Bytes) + static_cast<Bytes*>(o)->size);
  case Kind::Tuple: return sizeof(Tuple) + sizeof(Value) * std::max<size_t>(static_cast<Tuple*>(o)->size, 1) - sizeof(Value);
  case Kind::List: return sizeof(List);
  case Kind::Dict: return sizeof(Dict);
  case Kind::Module: return sizeof(Module);
  case Kind::Set:
  case Kind::FrozenSet: return sizeof(Set);
  case Kind::Float: return sizeof(Float);
  case Kind::Iterator: return subclassable_iter_size(static_cast<IterObject*>(o));
  case Kind::Property: return sizeof(Property);
  case Kind::StaticMethod:
  case Kind::ClassMethod: return sizeof(StaticMethod);
  case Kind::Object: return layout_type(o->type)->basic_size;
  default: return 0;
  }
}

} // namespace

Instance* builtin_subclass_attr_store(Object* o) {
  Type* t = o->type;
  if (!has_attr_store(t)) return nullptr;
  return reinterpret_cast<Instance*>(reinterpret_cast<char*>(o) + base_layout_size(o));
}

int64_t fixed_attr_store_offset(Type* t) {
  if (!has_attr_store(t)) return -1;
  switch (t->kind) {
  case Kind::List: return sizeof(List);
  case Kind::Dict: return sizeof(Dict);
  case Kind::Set:
  case Kind::FrozenSet: return sizeof(Set);
  case Kind::Float: return sizeof(Float);
  case Kind::Object: return layout_type(t)->basic_size ? layout_type(t)->basic_size : -1;
  default: return -1;
  }
}

Value new_builtin_subclass_instance(Type* cls, Value base) {
  Object* src;
  alignas(BigInt) char buf[sizeof(BigInt) + sizeof(mp_limb_t)];
  Float boxed;
  if (cls->kind == Kind::Float && base.is_double()) {
    boxed.type = &types::float_;
    boxed.value = base.as_double();
    src = &boxed;
  } else if (cls->kind == Kind::Int && !base.is_object()) {
    // A small int gets the big-int layout (unnormalized: make_int never makes
    // one, but every int operation reads a BigInt through its mpz).
    int64_t i = base.as_small_int();
    mp_limb_t m = i < 0 ? -static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
    auto* b = reinterpret_cast<BigInt*>(buf);
    b->type = &types::int_;
    b->z->_mp_alloc = 1;
    b->z->_mp_size = i < 0 ? -1 : i != 0;
    b->z->_mp_d = b->limbs();
    b->limbs()[0] = m;
    src = b;
  } else {
    src = base.as_object();
  }
  const size_t n = base_layout_size(src);
  char* mem = static_cast<char*>(gc::alloc(n + sizeof(Instance)));
  switch (cls->kind) {
  case Kind::Set:
  case Kind::FrozenSet: {
    // The table may live inside the object: moved by set_take_table.
    auto* to = reinterpret_cast<Set*>(mem);
    set_take_table(to, static_cast<Set*>(src));
    break;
  }
  case Kind::Int: {
    std::memcpy(mem, src, n);
    auto* b = reinterpret_cast<BigInt*>(mem);
    b->z->_mp_d = b->limbs();
    break;
  }
  case Kind::Str:
    std::memcpy(mem, src, n);
    reinterpret_cast<Str*>(mem)->interned = false; // a copy, not the interned original
    break;
  case Kind::Object: {
    std::memcpy(mem, src, n);
    Type* native = layout_type(cls);
    if (native->relocate) native->relocate(src, reinterpret_cast<Object*>(mem));
    break;
  }
  default: std::memcpy(mem, src, n); break;
  }
  auto* o = reinterpret_cast<Object*>(mem);
  o->type = cls;
  auto* store = reinterpret_cast<Instance*>(mem + n);
  store->type = cls;
  store->shape = root_shape(cls);
  store->capacity = cls->instance_slots;
  store->slots = static_cast<Value*>(gc::alloc(sizeof(Value) * store->capacity));
  return Value::object(o);
}

uint64_t g_instance_class_epoch = 1;

void class_changed(Type* t) {
  ++t->version;
  ++instance_class_epoch();
}

} // namespace tributary
