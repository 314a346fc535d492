// instance.cpp — shapes (hidden classes) and instance slot storage; see instance.h.
#include "runtime/instance.h"

#include <cstring>

#include "runtime/containers.h"
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
    if (n == name || (n->nbytes == name->nbytes && std::memcmp(n->data, name->data, n->nbytes) == 0))
      return static_cast<int>(i);
  }
  return -1;
}

Instance* new_instance(Type* t) {
  auto* o = gc::make<Instance>();
  o->type = t;
  o->shape = root_shape(t);
  o->capacity = 4;
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
    uint32_t cap = o->capacity * 2;
    auto* slots = static_cast<Value*>(gc::alloc(sizeof(Value) * cap));
    std::copy(o->slots, o->slots + o->shape->size, slots);
    o->slots = slots;
    o->capacity = cap;
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
  for (uint32_t i = 0; i < o->shape->size; ++i) dict_set(d, Value::object(o->shape->names[i]), o->slots[i]);
  return d;
}

uint64_t g_instance_class_epoch = 1;

void class_changed(Type* t) {
  ++t->version;
  ++instance_class_epoch();
}

} // namespace tributary
