// test_classes.cpp — hidden classes (shape transitions) and the C3 MRO of user classes.
#include <doctest/doctest.h>

#include <string>

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

using namespace tributary;

namespace {

Type* make(const char* name, std::initializer_list<Type*> bases) {
  Tuple* b = new_tuple(bases.size());
  size_t i = 0;
  for (Type* t : bases) b->items[i++] = Value::object(t);
  return make_class(intern(name), b, new_dict());
}

std::string mro_names(Type* t) {
  std::string s;
  for (Value v : t->mro->span()) s += std::string(s.empty() ? "" : " ") + v.as<Type>()->name;
  return s;
}

} // namespace

TEST_CASE("instances adding attributes in the same order share shapes") {
  Type* point = make("Point", {});
  Instance* a = new_instance(point);
  Instance* b = new_instance(point);
  CHECK(a->shape == b->shape);
  instance_set_slot(a, intern("x"), Value::small_int(1));
  instance_set_slot(a, intern("y"), Value::small_int(2));
  instance_set_slot(b, intern("x"), Value::small_int(3));
  instance_set_slot(b, intern("y"), Value::small_int(4));
  CHECK(a->shape == b->shape);
  CHECK(a->shape->size == 2);
  CHECK(shape_find(a->shape, intern("y")) == 1);
  CHECK(instance_get_slot(b, intern("y")) == Value::small_int(4));
  // Overwriting keeps the shape.
  Shape* before = a->shape;
  instance_set_slot(a, intern("x"), Value::small_int(9));
  CHECK(a->shape == before);

  // A different order gives a different shape.
  Instance* c = new_instance(point);
  instance_set_slot(c, intern("y"), Value::small_int(1));
  instance_set_slot(c, intern("x"), Value::small_int(2));
  CHECK(c->shape != a->shape);
  CHECK(c->shape->size == 2);

  // Deleting replays the remaining names from the root: `x` then deleting `y`
  // lands on the shared one-attribute shape.
  Instance* d = new_instance(point);
  instance_set_slot(d, intern("x"), Value::small_int(5));
  Shape* only_x = d->shape;
  CHECK(instance_del_slot(a, intern("y")));
  CHECK(a->shape == only_x);
  CHECK(instance_get_slot(a, intern("x")) == Value::small_int(9));
  CHECK(instance_get_slot(a, intern("y")).is_empty());
  CHECK_FALSE(instance_del_slot(a, intern("y")));

  // Instances of another class start from another root.
  Type* other = make("Other", {});
  Instance* e = new_instance(other);
  instance_set_slot(e, intern("x"), Value::small_int(1));
  CHECK(e->shape != only_x);
}

TEST_CASE("slot storage grows past its initial capacity") {
  Type* t = make("Many", {});
  Instance* o = new_instance(t);
  for (int i = 0; i < 20; ++i) instance_set_slot(o, intern("a" + std::to_string(i)), Value::small_int(i));
  CHECK(o->shape->size == 20);
  for (int i = 0; i < 20; ++i) CHECK(instance_get_slot(o, intern("a" + std::to_string(i))) == Value::small_int(i));
  Dict* d = instance_dict(o);
  CHECK(d->used == 20);
}

TEST_CASE("C3 linearization") {
  Type* o = make("O", {});
  Type* f = make("F", {o});
  Type* e = make("E", {o});
  Type* d = make("D", {o});
  Type* c = make("C", {d, f});
  Type* b = make("B", {d, e});
  Type* a = make("A", {b, c});
  CHECK(mro_names(a) == "A B C D E F O object");
  CHECK(mro_names(c) == "C D F O object");
  // Diamond.
  Type* top = make("Top", {});
  Type* l = make("L", {top});
  Type* r = make("R", {top});
  Type* bottom = make("Bottom", {l, r});
  CHECK(mro_names(bottom) == "Bottom L R Top object");
}

TEST_CASE("C3 rejects inconsistent orders and duplicate bases") {
  Type* o = make("O2", {});
  Type* x = make("X", {o});
  bool raised = false;
  try {
    make("Bad", {o, x});
  } catch (const PyException& ex) {
    raised = true;
    CHECK(type_of(ex.exc) == &types::type_error);
    CHECK(exception_str(ex.exc) == "Cannot create a consistent method resolution\norder (MRO) for bases O2, X");
  }
  CHECK(raised);
  raised = false;
  try {
    make("Dup", {x, x});
  } catch (const PyException& ex) {
    raised = true;
    CHECK(exception_str(ex.exc) == "duplicate base class X");
  }
  CHECK(raised);
}

TEST_CASE("class versions and the class epoch change on class mutation") {
  Type* t = make("Versioned", {});
  uint64_t v = t->version, epoch = instance_class_epoch();
  set_attr(Value::object(t), intern("attr"), Value::small_int(1));
  CHECK(t->version > v);
  CHECK(instance_class_epoch() > epoch);
}
