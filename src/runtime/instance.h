// instance.h — user class instances and their hidden classes (shapes).
//
// An Instance (Kind::Instance) stores its attributes in a slot array; its
// Shape maps attribute names to slot indices. Shapes form a transition tree
// rooted at the class's root shape: adding attribute `x` to an instance of
// shape S moves it to S's child for `x`, created once and shared, so instances
// that gain the same attributes in the same order share one shape (and machine
// code can guard on the shape pointer and read a slot at a fixed index).
// Deleting an attribute rebuilds the instance's shape by replaying the
// remaining names from the root, so shapes stay trees and lookups stay simple.
//
// Invariants: shape->size == number of attributes; slots[i] holds the value of
// shape->names[i]; a Shape is immutable once created except for its
// transitions list (append only).
//
// Class versions: every change to a user class dict bumps that Type's
// `version` and the global class epoch (instance_class_epoch), so inline
// caches and compiled code that assumed a class layout can check one word.
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace tributary {

struct Shape : Object {
  Shape* parent = nullptr;
  Str* name = nullptr;        // attribute added by the transition into this shape
  uint32_t size = 0;          // attributes (slots) in instances of this shape
  GcVector<Str*> names;       // slot index -> attribute name
  GcVector<Shape*> children;  // transitions, one per added name
};

struct Instance : Object {
  Shape* shape;
  Value* slots;       // capacity >= shape->size
  uint64_t capacity;  // (a whole word: compiled code compares it as one)
};

// The root shape of a class (created on first use).
Shape* root_shape(Type* t);
// The shape reached from `s` by adding `name` (shared).
Shape* shape_add(Shape* s, Str* name);
// Slot index of `name` in `s`, or -1.
int shape_find(const Shape* s, Str* name);

// A new instance: root shape, t->instance_slots empty slots.
Instance* new_instance(Type* t);
// The most slots a class's new instances start with (Type::instance_slots).
inline constexpr uint64_t kMaxInstanceSlots = 32;
// Attribute stored in the instance itself, or empty.
inline Value instance_get_slot(const Instance* o, Str* name) {
  int i = shape_find(o->shape, name);
  return i < 0 ? Value::empty() : o->slots[i];
}
void instance_set_slot(Instance* o, Str* name, Value v);
bool instance_del_slot(Instance* o, Str* name); // false when absent
// A fresh dict of the instance's attributes (a snapshot; hidden names, those
// starting with a space, left out).
Dict* instance_dict(Instance* o);
// obj.__dict__ (attr_dict.cpp): the instance's one live mapping of its
// attributes (but __slots__ members), made on first request.
Value instance_attr_dict(Value owner);
// Whether `v` is an instance's __dict__ (whose type() is dict, as CPython's).
bool is_instance_dict(Value v);
// obj.__dict__ = d: the instance's attributes become a copy of dict d's
// str-keyed items (CPython keeps d itself); the old __dict__ is detached.
void set_instance_dict(Value owner, Value d);
// A read-only mappingproxy holding `d` (given away): a class's __dict__ (attr_dict.cpp).
Value mapping_proxy(Dict* d);

// Subclasses of builtin types (`class Flags(int)`, `class Registry(dict)`)
// keep their base's layout, so every native operation accepts their
// instances, and carry their attributes in an Instance embedded after it
// (CPython's __dict__ at tp_dictoffset, from the end for variable-size
// objects). `type` of the embedded Instance is the subclass.
inline bool has_attr_store(const Type* t) { return t->builtin_subclass; }
// Where `o`'s attributes live: `o` itself for an Instance, the embedded one
// for a builtin subclass, null for anything else. (Inline: every attribute
// lookup on an instance asks.)
Instance* builtin_subclass_attr_store(Object* o);
inline Instance* attr_store(Object* o) {
  if (o->type->kind == Kind::Instance) return static_cast<Instance*>(o);
  return builtin_subclass_attr_store(o);
}
// Where the embedded Instance sits in every object of builtin subclass `t`
// when its base layout has one size for all objects (a native type's
// basic_size, list, dict, set, float...), so compiled code can reach it at a
// constant offset; -1 for variable-size bases (int, str, bytes, tuple) and
// for classes without an attribute store.
int64_t fixed_attr_store_offset(Type* t);
// An instance of builtin subclass `cls` holding `base`'s value (`base` an
// exact builtin object, a small int or a double, of cls's layout kind; a list, dict or
// set gives its contents away).
Value new_builtin_subclass_instance(Type* cls, Value base);

// Bumped whenever any user class dict changes (see the header comment).
// Inline: every attribute load of the interpreter compares it.
extern uint64_t g_instance_class_epoch;
inline uint64_t& instance_class_epoch() { return g_instance_class_epoch; }
// Records a change to the dict of user class `t`.
void class_changed(Type* t);

} // namespace tributary
