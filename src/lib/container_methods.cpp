// container_methods.cpp — methods of list, tuple, dict, set and frozenset.
//
// Set algebra follows CPython's algorithms (which operand is iterated, when a
// copy is pruned instead of rebuilt) because the resulting hash-table layout
// decides the printed order of the result.
#include <algorithm>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

[[noreturn]] void raise_key_error(Value key) {
  Value args[1] = {key};
  raise(Value::object(new_exception(&types::key_error, args)));
}

// start/end arguments of index(): clamped like slice bounds.
int64_t slice_bound(Value v, int64_t size) {
  if (!is_integer(v)) {
    Value idx = call_dunder(v, "__index__");
    if (idx.is_empty()) raise(types::type_error, "slice indices must be integers or have an __index__ method");
    v = idx;
  }
  auto i = int_as_i64(v);
  int64_t x = i ? *i : (int_is_negative(v) ? INT64_MIN / 2 : INT64_MAX / 2);
  if (x < 0) x = std::max<int64_t>(0, x + size);
  return std::min(x, size);
}

// index(x[, start[, stop]]) over a sequence of values; -1 when absent.
int64_t find_in(std::span<const Value> items, const Args& a, const char* name) {
  no_kwargs(a, name);
  check_expected(a, "index", 1, 3);
  int64_t size = static_cast<int64_t>(items.size());
  int64_t start = a.npos > 1 ? slice_bound(a[1], size) : 0;
  int64_t stop = a.npos > 2 ? slice_bound(a[2], size) : size;
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(items.size()); ++i)
    if (equals(items[i], a[0])) return i;
  return -1;
}

int64_t count_in(std::span<const Value> items, Value x) {
  int64_t n = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (equals(items[i], x)) ++n;
  return n;
}

// ---- list -----------------------------------------------------------------------

List* L(Value v) { return v.as<List>(); }

Value list_append_m(Value self, const Args& a) {
  check_one(a, "list.append");
  L(self)->items.push_back(a[0]);
  return Value::none();
}

Value list_extend_m(Value self, const Args& a) {
  check_one(a, "list.extend");
  list_extend(L(self), a[0]);
  return Value::none();
}

Value list_insert_m(Value self, const Args& a) {
  no_kwargs(a, "list.insert");
  check_expected(a, "insert", 2, 2);
  auto& items = L(self)->items;
  int64_t n = static_cast<int64_t>(items.size());
  int64_t i = arg_index(a[0]);
  if (i < 0) i = std::max<int64_t>(0, i + n);
  i = std::min(i, n);
  items.insert(items.begin() + i, a[1]);
  return Value::none();
}

Value list_pop_m(Value self, const Args& a) {
  no_kwargs(a, "list.pop");
  check_expected(a, "pop", 0, 1);
  auto& items = L(self)->items;
  int64_t i = a.npos ? arg_index(a[0]) : -1;
  if (items.empty()) raise(types::index_error, "pop from empty list");
  if (!normalize_index(i, static_cast<int64_t>(items.size()))) raise(types::index_error, "pop index out of range");
  Value v = items[i];
  items.erase(items.begin() + i);
  return v;
}

Value list_remove_m(Value self, const Args& a) {
  check_one(a, "list.remove");
  auto& items = L(self)->items;
  for (size_t i = 0; i < items.size(); ++i)
    if (equals(items[i], a[0])) {
      items.erase(items.begin() + static_cast<int64_t>(i));
      return Value::none();
    }
  raise(types::value_error, "list.remove(x): x not in list");
}

Value list_index_m(Value self, const Args& a) {
  int64_t i = find_in(L(self)->items, a, "list.index");
  if (i < 0) raise_fmt(types::value_error, "{} is not in list", repr_string(a[0]));
  return make_int(i);
}

Value list_count_m(Value self, const Args& a) {
  check_one(a, "list.count");
  return make_int(count_in(L(self)->items, a[0]));
}

Value list_reverse_m(Value self, const Args& a) {
  check_none(a, "list.reverse");
  std::reverse(L(self)->items.begin(), L(self)->items.end());
  return Value::none();
}

Value list_sort_m(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "sort", {"key", "reverse"}, 0, p, 0, 0);
  bool reverse = false;
  if (!p[1].is_empty()) {
    if (p[1].is_double())
      raise(types::type_error, "'float' object cannot be interpreted as an integer");
    reverse = p[1].is_bool() ? p[1].is_true() : arg_index(p[1]) != 0;
  }
  sort_values(L(self)->items, p[0].is_empty() ? Value::none() : p[0], reverse);
  return Value::none();
}

Value list_copy_m(Value self, const Args& a) {
  check_none(a, "list.copy");
  return Value::object(new_list(L(self)->items));
}

Value list_clear_m(Value self, const Args& a) {
  check_none(a, "list.clear");
  L(self)->items.clear();
  return Value::none();
}

// ---- tuple ----------------------------------------------------------------------

Value tuple_index_m(Value self, const Args& a) {
  int64_t i = find_in(self.as<Tuple>()->span(), a, "tuple.index");
  if (i < 0) raise(types::value_error, "tuple.index(x): x not in tuple");
  return make_int(i);
}

Value tuple_count_m(Value self, const Args& a) {
  check_one(a, "tuple.count");
  return make_int(count_in(self.as<Tuple>()->span(), a[0]));
}

// ---- dict -----------------------------------------------------------------------

Dict* D(Value v) { return v.as<Dict>(); }

Value dict_keys_m(Value self, const Args& a) {
  check_none(a, "dict.keys");
  return make_dict_view(types::dict_keys, D(self));
}

Value dict_values_m(Value self, const Args& a) {
  check_none(a, "dict.values");
  return make_dict_view(types::dict_values, D(self));
}

Value dict_items_m(Value self, const Args& a) {
  check_none(a, "dict.items");
  return make_dict_view(types::dict_items, D(self));
}

Value dict_get_m(Value self, const Args& a) {
  no_kwargs(a, "dict.get");
  check_expected(a, "get", 1, 2);
  Value* v = dict_find(D(self), a[0]);
  return v ? *v : (a.npos > 1 ? a[1] : Value::none());
}

Value dict_setdefault_m(Value self, const Args& a) {
  no_kwargs(a, "dict.setdefault");
  check_expected(a, "setdefault", 1, 2);
  int64_t h = hash_value(a[0]);
  if (Value* v = dict_find(D(self), a[0], h)) return *v;
  Value dflt = a.npos > 1 ? a[1] : Value::none();
  dict_set(D(self), a[0], h, dflt);
  return dflt;
}

Value dict_pop_m(Value self, const Args& a) {
  no_kwargs(a, "dict.pop");
  check_expected(a, "pop", 1, 2);
  Value* v = dict_find(D(self), a[0]);
  if (!v) {
    if (a.npos > 1) return a[1];
    raise_key_error(a[0]);
  }
  Value result = *v;
  dict_del(D(self), a[0]);
  return result;
}

Value dict_popitem_m(Value self, const Args& a) {
  check_none(a, "dict.popitem");
  Dict* d = D(self);
  for (size_t i = d->entries.size(); i-- > 0;) {
    DictEntry e = d->entries[i];
    if (e.key.is_empty()) continue;
    dict_del(d, e.key);
    Value pair[2] = {e.key, e.value};
    return Value::object(new_tuple(pair));
  }
  raise(Value::object(new_exception(&types::key_error, "popitem(): dictionary is empty")));
}

Value dict_update_m(Value self, const Args& a) {
  check_expected(a, "update", 0, 1);
  if (a.npos) dict_update_arg(D(self), a[0]);
  dict_update_kwargs(D(self), a);
  return Value::none();
}

Value dict_copy_m(Value self, const Args& a) {
  check_none(a, "dict.copy");
  return Value::object(dict_copy(D(self)));
}

Value dict_clear_m(Value self, const Args& a) {
  check_none(a, "dict.clear");
  dict_clear(D(self));
  return Value::none();
}

// dict.fromkeys(iterable, value=None), a classmethod: a subclass (OrderedDict,
// Counter's refusal) makes an instance of itself and fills it through __setitem__.
Value dict_fromkeys_m(Value, const Args& a) {
  no_kwargs(a, "dict.fromkeys");
  Args rest{a.pos + 1, a.npos - 1};
  check_expected(rest, "fromkeys", 1, 2);
  Value cls = a[0];
  Value v = rest.npos > 1 ? rest[1] : Value::none();
  Value it = get_iter(rest[0]), key;
  if (cls == Value::object(&types::dict)) {
    Dict* d = new_dict();
    while (iter_next(it, key)) dict_set(d, key, v);
    return Value::object(d);
  }
  Value d = call0(cls);
  while (iter_next(it, key)) set_item(d, key, v);
  return d;
}

// ---- set and frozenset -------------------------------------------------------------

Set* S(Value v) { return v.as<Set>(); }
bool is_anyset(Value v) { return is_kind(v, Kind::Set) || is_kind(v, Kind::FrozenSet); }

// `v` as a set: itself if it already is one, else a new set of its items.
Set* as_set(Value v) {
  if (is_anyset(v)) return S(v);
  Set* s = new_set();
  set_update(s, v);
  return s;
}

// Moves the contents of `from` into `to` (same identity, new table).
void set_assign(Set* to, Set* from) { set_take_table(to, from); }

Set* set_intersection(Set* so, Value other, Type* t) {
  Set* result = new_set(t);
  if (is_anyset(other)) {
    Set* o = S(other);
    if (o->used > so->used) std::swap(so, o);
    size_t pos = 0;
    Value k;
    while (set_next(o, pos, k))
      if (set_contains(so, k)) set_add(result, k);
    return result;
  }
  Value it = get_iter(other), k;
  while (iter_next(it, k))
    if (set_contains(so, k)) set_add(result, k);
  return result;
}

Set* set_difference(Set* so, Value other, Type* t) {
  // CPython prunes a copy when `other` is small, otherwise rebuilds.
  if (!is_anyset(other) && !is_dict(other)) {
    Set* result = set_copy(so, t);
    Value it = get_iter(other), k;
    while (iter_next(it, k)) set_discard(result, k);
    return result;
  }
  int64_t other_size = is_dict(other) ? static_cast<int64_t>(D(other)->used) : S(other)->used;
  if ((so->used >> 2) > other_size) {
    Set* result = set_copy(so, t);
    Value it = get_iter(other), k;
    while (iter_next(it, k)) set_discard(result, k);
    return result;
  }
  Set* result = new_set(t);
  size_t pos = 0;
  Value k;
  while (set_next(so, pos, k)) {
    bool in_other = is_dict(other) ? dict_find(D(other), k) != nullptr : set_contains(S(other), k);
    if (!in_other) set_add(result, k);
  }
  return result;
}

void set_symmetric_update(Set* so, Value other) {
  Set* o = as_set(other);
  if (o == so) {
    set_clear(so);
    return;
  }
  size_t pos = 0;
  Value k;
  while (set_next(o, pos, k))
    if (!set_discard(so, k)) set_add(so, k);
}

Value set_add_m(Value self, const Args& a) {
  check_one(a, "set.add");
  set_add(S(self), a[0]);
  return Value::none();
}

Value set_remove_m(Value self, const Args& a) {
  check_one(a, "set.remove");
  if (!set_discard(S(self), a[0])) raise_key_error(a[0]);
  return Value::none();
}

Value set_discard_m(Value self, const Args& a) {
  check_one(a, "set.discard");
  set_discard(S(self), a[0]);
  return Value::none();
}

Value set_pop_m(Value self, const Args& a) {
  check_none(a, "set.pop");
  Set* s = S(self);
  size_t pos = 0;
  Value k;
  if (!set_next(s, pos, k)) raise(Value::object(new_exception(&types::key_error, "pop from an empty set")));
  set_discard(s, k);
  return k;
}

Value set_clear_m(Value self, const Args& a) {
  check_none(a, "set.clear");
  set_clear(S(self));
  return Value::none();
}

Value set_copy_m(Value self, const Args& a) {
  check_none(a, is_kind(self, Kind::FrozenSet) ? "frozenset.copy" : "set.copy");
  if (is_kind(self, Kind::FrozenSet)) return self;
  return Value::object(set_copy(S(self)));
}

Value set_update_m(Value self, const Args& a) {
  no_kwargs(a, "set.update");
  for (uint32_t i = 0; i < a.npos; ++i) set_update(S(self), a[i]);
  return Value::none();
}

const char* qual(Value self, const char* set_name, const char* frozen_name) {
  return is_kind(self, Kind::FrozenSet) ? frozen_name : set_name;
}

Value set_union_m(Value self, const Args& a) {
  no_kwargs(a, qual(self, "set.union", "frozenset.union"));
  Set* result = set_copy(S(self));
  for (uint32_t i = 0; i < a.npos; ++i) set_update(result, a[i]);
  return Value::object(result);
}

Value set_intersection_m(Value self, const Args& a) {
  no_kwargs(a, qual(self, "set.intersection", "frozenset.intersection"));
  if (a.npos == 0) return Value::object(set_copy(S(self)));
  Set* result = S(self);
  for (uint32_t i = 0; i < a.npos; ++i) result = set_intersection(result, a[i], self.as_object()->type);
  return Value::object(result);
}

Value set_difference_m(Value self, const Args& a) {
  no_kwargs(a, qual(self, "set.difference", "frozenset.difference"));
  if (a.npos == 0) return Value::object(set_copy(S(self)));
  Set* result = set_difference(S(self), a[0], self.as_object()->type);
  for (uint32_t i = 1; i < a.npos; ++i) {
    Value it = get_iter(a[i]), k;
    while (iter_next(it, k)) set_discard(result, k);
  }
  return Value::object(result);
}

Value set_symmetric_difference_m(Value self, const Args& a) {
  check_one(a, qual(self, "set.symmetric_difference", "frozenset.symmetric_difference"));
  Set* result = set_copy(S(self));
  set_symmetric_update(result, a[0]);
  return Value::object(result);
}

Value set_intersection_update_m(Value self, const Args& a) {
  no_kwargs(a, "set.intersection_update");
  Set* result = S(self);
  for (uint32_t i = 0; i < a.npos; ++i) result = set_intersection(result, a[i], &types::set);
  if (result != S(self)) set_assign(S(self), result);
  return Value::none();
}

Value set_difference_update_m(Value self, const Args& a) {
  no_kwargs(a, "set.difference_update");
  for (uint32_t i = 0; i < a.npos; ++i) {
    if (a[i] == self) {
      set_clear(S(self));
      continue;
    }
    Value it = get_iter(a[i]), k;
    while (iter_next(it, k)) set_discard(S(self), k);
  }
  return Value::none();
}

Value set_symmetric_difference_update_m(Value self, const Args& a) {
  check_one(a, "set.symmetric_difference_update");
  set_symmetric_update(S(self), a[0]);
  return Value::none();
}

Value set_issubset_m(Value self, const Args& a) {
  check_one(a, qual(self, "set.issubset", "frozenset.issubset"));
  Set* o = as_set(a[0]);
  if (S(self)->used > o->used) return Value::boolean(false);
  size_t pos = 0;
  Value k;
  while (set_next(S(self), pos, k))
    if (!set_contains(o, k)) return Value::boolean(false);
  return Value::boolean(true);
}

Value set_issuperset_m(Value self, const Args& a) {
  check_one(a, qual(self, "set.issuperset", "frozenset.issuperset"));
  Value it = get_iter(a[0]), k;
  while (iter_next(it, k))
    if (!set_contains(S(self), k)) return Value::boolean(false);
  return Value::boolean(true);
}

Value set_isdisjoint_m(Value self, const Args& a) {
  check_one(a, qual(self, "set.isdisjoint", "frozenset.isdisjoint"));
  Set* so = S(self);
  if (is_anyset(a[0])) {
    Set* o = S(a[0]);
    if (o->used > so->used) std::swap(so, o);
    size_t pos = 0;
    Value k;
    while (set_next(o, pos, k))
      if (set_contains(so, k)) return Value::boolean(false);
    return Value::boolean(true);
  }
  Value it = get_iter(a[0]), k;
  while (iter_next(it, k))
    if (set_contains(so, k)) return Value::boolean(false);
  return Value::boolean(true);
}

template <NativeFn F> constexpr NativeFn ListM = method<&types::list, F>;
template <NativeFn F> constexpr NativeFn TupleM = method<&types::tuple, F>;
template <NativeFn F> constexpr NativeFn DictM = method<&types::dict, F>;
template <NativeFn F> constexpr NativeFn SetM = method<&types::set, F>;
template <NativeFn F> constexpr NativeFn FrozenM = method<&types::frozenset, F>;

} // namespace

void dict_update_arg(Dict* d, Value arg) {
  if (is_dict(arg) || !get_attr_or_empty(arg, intern("keys")).is_empty()) {
    dict_update(d, arg);
    return;
  }
  Value it = get_iter(arg), item;
  for (int64_t n = 0; iter_next(it, item); ++n) {
    Tuple* pair = nullptr;
    if (is_tuple(item)) {
      pair = item.as<Tuple>();
    } else if (is_list(item) || is_kind(item, Kind::Str) ||
               !type_lookup(type_of(item), intern("__iter__")).is_empty() || is_kind(item, Kind::Iterator) ||
               is_kind(item, Kind::Set) || is_kind(item, Kind::Dict) || is_kind(item, Kind::Range)) {
      pair = tuple_from_iterable(item);
    } else {
      raise_fmt(types::type_error, "cannot convert dictionary update sequence element #{} to a sequence", n);
    }
    if (pair->size != 2)
      raise_fmt(types::value_error, "dictionary update sequence element #{} has length {}; 2 is required", n,
                pair->size);
    dict_set(d, pair->items[0], pair->items[1]);
  }
}

void dict_update_kwargs(Dict* d, const Args& a) {
  for (uint32_t i = 0; i < a.nkw; ++i) dict_set(d, a.kwnames[i], a.kwvals[i]);
}

void init_container_methods() {
  add_methods(types::list, {
                               {"append", ListM<list_append_m>},
                               {"extend", ListM<list_extend_m>},
                               {"insert", ListM<list_insert_m>},
                               {"pop", ListM<list_pop_m>},
                               {"remove", ListM<list_remove_m>},
                               {"index", ListM<list_index_m>},
                               {"count", ListM<list_count_m>},
                               {"reverse", ListM<list_reverse_m>},
                               {"sort", ListM<list_sort_m>},
                               {"copy", ListM<list_copy_m>},
                               {"clear", ListM<list_clear_m>},
                           });
  dict_get(types::list.dict, Value::object(intern("append"))).as<NativeFunction>()->inline_op = NativeInline::ListAppend;
  add_methods(types::tuple, {{"index", TupleM<tuple_index_m>}, {"count", TupleM<tuple_count_m>}});
  add_methods(types::dict, {
                               {"keys", DictM<dict_keys_m>},
                               {"values", DictM<dict_values_m>},
                               {"items", DictM<dict_items_m>},
                               {"get", DictM<dict_get_m>},
                               {"setdefault", DictM<dict_setdefault_m>},
                               {"pop", DictM<dict_pop_m>},
                               {"popitem", DictM<dict_popitem_m>},
                               {"update", DictM<dict_update_m>},
                               {"copy", DictM<dict_copy_m>},
                               {"clear", DictM<dict_clear_m>},
                           });
  add_class_method(types::dict, "fromkeys", dict_fromkeys_m);
  add_methods(types::set, {
                              {"add", SetM<set_add_m>},
                              {"remove", SetM<set_remove_m>},
                              {"discard", SetM<set_discard_m>},
                              {"pop", SetM<set_pop_m>},
                              {"clear", SetM<set_clear_m>},
                              {"copy", SetM<set_copy_m>},
                              {"update", SetM<set_update_m>},
                              {"union", SetM<set_union_m>},
                              {"intersection", SetM<set_intersection_m>},
                              {"difference", SetM<set_difference_m>},
                              {"symmetric_difference", SetM<set_symmetric_difference_m>},
                              {"intersection_update", SetM<set_intersection_update_m>},
                              {"difference_update", SetM<set_difference_update_m>},
                              {"symmetric_difference_update", SetM<set_symmetric_difference_update_m>},
                              {"issubset", SetM<set_issubset_m>},
                              {"issuperset", SetM<set_issuperset_m>},
                              {"isdisjoint", SetM<set_isdisjoint_m>},
                          });
  add_methods(types::frozenset, {
                                    {"copy", FrozenM<set_copy_m>},
                                    {"union", FrozenM<set_union_m>},
                                    {"intersection", FrozenM<set_intersection_m>},
                                    {"difference", FrozenM<set_difference_m>},
                                    {"symmetric_difference", FrozenM<set_symmetric_difference_m>},
                                    {"issubset", FrozenM<set_issubset_m>},
                                    {"issuperset", FrozenM<set_issuperset_m>},
                                    {"isdisjoint", FrozenM<set_isdisjoint_m>},
                                });
}

} // namespace tributary::lib
