// ops_set.cpp — set and dict-view operators: | & - ^ (and in place), subset comparisons.
//
// The algorithms follow CPython's setobject.c and dictobject.c step by step
// (which operand is iterated, which set is copied, when the table is rebuilt)
// because they decide the iteration order of the result, and so what print()
// shows.
#include "runtime/containers.h"
#include "runtime/instance.h"
#include "runtime/iter.h"
#include "runtime/ops_internal.h"

namespace tributary::ops_detail {

namespace {

bool is_anyset(Value v) { return is_kind(v, Kind::Set) || is_kind(v, Kind::FrozenSet); }

bool is_view_set(Value v) {
  return is_kind(v, Kind::DictView) && (type_of(v) == &types::dict_keys || type_of(v) == &types::dict_items);
}

int64_t set_size(Value v) { return is_anyset(v) ? v.as<Set>()->used : length(v); }

// Rebuilds the table for `minused` entries (CPython's set_table_resize), which
// drops dummy entries and re-inserts the live ones in table order.
void set_rebuild(Set* s, int64_t minused) {
  int64_t newsize = 8;
  while (newsize <= minused)
    newsize <<= 1;
  SetEntry* old = s->table;
  int64_t oldsize = s->mask + 1;
  auto* table = static_cast<SetEntry*>(gc::alloc(sizeof(SetEntry) * newsize));
  for (int64_t i = 0; i < newsize; ++i)
    table[i] = {0, Value::empty()};
  s->table = table;
  s->mask = newsize - 1;
  s->fill = s->used = 0;
  for (int64_t i = 0; i < oldsize; ++i)
    if (!old[i].key.is_empty()) set_add(s, old[i].key);
}

// A new set of type `t` (set or frozenset) filled from `iterable` (may be empty).
Set* new_set_from(Type* t, Value iterable) {
  Set* s = new_set(t);
  if (!iterable.is_empty()) set_update(s, iterable);
  return s;
}

Set* set_intersection(Set* so, Value other) {
  Set* result = new_set(set_base_type(so));
  if (is_anyset(other)) {
    Set* a = so;
    Set* b = other.as<Set>();
    if (b->used > a->used) std::swap(a, b);
    size_t pos = 0;
    Value key;
    while (set_next(b, pos, key))
      if (set_contains(a, key)) set_add(result, key);
    return result;
  }
  Value it = get_iter(other);
  Value key;
  while (iter_next(it, key))
    if (set_contains(so, key)) set_add(result, key);
  return result;
}

void set_difference_update(Set* so, Value other) {
  if (other.as_object() == so) {
    set_clear(so);
    return;
  }
  if (is_anyset(other)) {
    Set* o = other.as<Set>();
    // CPython: when the other set is much larger, discard only the common keys.
    if ((o->used >> 3) > so->used) o = set_intersection(so, other);
    size_t pos = 0;
    Value key;
    while (set_next(o, pos, key))
      set_discard(so, key);
  } else {
    Value it = get_iter(other);
    Value key;
    while (iter_next(it, key))
      set_discard(so, key);
  }
  if (static_cast<uint64_t>(so->fill - so->used) <= static_cast<uint64_t>(so->mask) / 4) return;
  set_rebuild(so, so->used > 5 ? so->used * 2 : so->used * 4);
}

Set* set_difference(Set* so, Value other) {
  int64_t other_size;
  if (is_anyset(other))
    other_size = other.as<Set>()->used;
  else if (is_dict(other))
    other_size = static_cast<int64_t>(other.as<Dict>()->used);
  else
    other_size = -1;
  if (other_size < 0 || (so->used >> 2) > other_size) {
    Set* result = set_copy(so);
    set_difference_update(result, other);
    return result;
  }
  Set* result = new_set(set_base_type(so));
  size_t pos = 0;
  Value key;
  while (set_next(so, pos, key)) {
    bool present = is_dict(other) ? dict_find(other.as<Dict>(), key) != nullptr : set_contains(other.as<Set>(), key);
    if (!present) set_add(result, key);
  }
  return result;
}

void set_symmetric_difference_update(Set* so, Value other) {
  if (other.as_object() == so) {
    set_clear(so);
    return;
  }
  Set* o = is_anyset(other) ? other.as<Set>() : new_set_from(so->type, other);
  size_t pos = 0;
  Value key;
  while (set_next(o, pos, key))
    if (!set_discard(so, key)) set_add(so, key);
}

Set* set_symmetric_difference(Set* so, Value other) {
  Set* result = new_set_from(so->type, other);
  set_symmetric_difference_update(result, Value::object(so));
  return result;
}

void replace_contents(Set* so, Set* from) { set_take_table(so, from); }

// set OP set, or set OP= set.
Value set_op(BinOp op, Value a, Value b, bool inplace) {
  Set* so = a.as<Set>();
  switch (op) {
  case BinOp::Or:
    if (inplace) {
      set_update(so, b);
      return a;
    } else {
      Set* r = set_copy(so);
      set_update(r, b);
      return Value::object(r);
    }
  case BinOp::And: {
    Set* r = set_intersection(so, b);
    if (!inplace) return Value::object(r);
    replace_contents(so, r);
    return a;
  }
  case BinOp::Sub:
    if (!inplace) return Value::object(set_difference(so, b));
    set_difference_update(so, b);
    return a;
  case BinOp::Xor:
    if (!inplace) return Value::object(set_symmetric_difference(so, b));
    set_symmetric_difference_update(so, b);
    return a;
  default: return Value::empty();
  }
}

bool view_contains(Value view, Value key) { return contains(view, key); }

// _PyDictView_Intersect.
Value view_intersection(Value self, Value other) {
  if (!is_view_set(self)) std::swap(self, other);
  int64_t len_self = length(self);
  if (is_kind(other, Kind::Set) && type_of(other) == &types::set && len_self <= other.as<Set>()->used)
    return Value::object(set_intersection(other.as<Set>(), self));
  if (is_view_set(other) && length(other) > len_self) std::swap(self, other);
  Set* result = new_set();
  Value it = get_iter(other);
  Value key;
  while (iter_next(it, key))
    if (view_contains(self, key)) set_add(result, key);
  return Value::object(result);
}

// dict_keys / dict_items operators (either side); the result is always a set.
Value view_op(BinOp op, Value a, Value b) {
  switch (op) {
  case BinOp::And: return view_intersection(a, b);
  case BinOp::Or: {
    Set* r = new_set_from(&types::set, a);
    set_update(r, b);
    return Value::object(r);
  }
  case BinOp::Sub: {
    Set* r = new_set_from(&types::set, a);
    set_difference_update(r, b);
    return Value::object(r);
  }
  case BinOp::Xor: {
    Set* r = new_set_from(&types::set, a);
    set_symmetric_difference_update(r, b);
    return Value::object(r);
  }
  default: return Value::empty();
  }
}

// Is every item of `a` in `b`?
bool all_contained_in(Value a, Value b) {
  Value it = get_iter(a);
  Value key;
  while (iter_next(it, key))
    if (!contains(b, key)) return false;
  return true;
}

} // namespace

bool is_set_like(Value v) { return is_anyset(v) || is_view_set(v); }

Value set_binary_op(BinOp op, Value a, Value b, bool inplace) {
  if (op != BinOp::Or && op != BinOp::And && op != BinOp::Sub && op != BinOp::Xor) return Value::empty();
  if (is_anyset(a) && is_anyset(b) && (type_of(a)->is_builtin || has_attr_store(type_of(a)))) {
    if (inplace && !is_kind(a, Kind::Set)) return Value::empty();
    return set_op(op, a, b, inplace);
  }
  if (inplace) return Value::empty();
  if (is_view_set(a) || is_view_set(b)) return view_op(op, a, b);
  return Value::empty();
}

Value set_compare(CmpOp op, Value a, Value b) {
  if (!is_set_like(a) || !is_set_like(b)) return Value::empty();
  int64_t la = set_size(a), lb = set_size(b);
  bool r;
  switch (op) {
  case CmpOp::Eq: r = la == lb && all_contained_in(a, b); break;
  case CmpOp::Ne: r = !(la == lb && all_contained_in(a, b)); break;
  case CmpOp::Le: r = la <= lb && all_contained_in(a, b); break;
  case CmpOp::Lt: r = la < lb && all_contained_in(a, b); break;
  case CmpOp::Ge: r = la >= lb && all_contained_in(b, a); break;
  case CmpOp::Gt: r = la > lb && all_contained_in(b, a); break;
  default: r = false;
  }
  return Value::boolean(r);
}

} // namespace tributary::ops_detail
