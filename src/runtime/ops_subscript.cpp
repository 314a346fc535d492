// ops_subscript.cpp — subscripting (x[i], x[a:b:c] = v, del x[i]), `in` and len().
//
// Index errors, slice assignment rules and messages follow CPython's
// listobject.c / tupleobject.c / unicodeobject.c / rangeobject.c exactly.
// Also here: types.GenericAlias, the value of `list[int]` in annotations.
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"

namespace tributary {

using ops_detail::is_user_type;

namespace {

Type generic_alias_type;

struct GenericAlias : Object {
  Value origin; // a Type
  Value args;   // the subscript as written (a tuple for several arguments)
};

inline bool is_intlike(Value v) { return v.is_small_int() || v.is_bool() || is_bigint(v); }

[[noreturn]] void raise_key_error(Value key) {
  raise(Value::object(new_exception(&types::key_error, std::span<const Value>(&key, 1))));
}

// Normalized index into a sequence of `size` items, or IndexError(`msg`).
int64_t seq_index(Value key, int64_t size, const char* what, const char* msg) {
  int64_t i = key.is_small_int() ? key.as_small_int() : index_value(key, what);
  if (!normalize_index(i, size)) raise(types::index_error, msg);
  return i;
}

// The items of an iterable (PySequence_Fast): TypeError(`msg`) when it is not iterable.
GcVector<Value> sequence_items(Value v, const char* msg) {
  if (is_list(v)) return v.as<List>()->items; // a copy: `l[a:b] = l` reads the old items
  if (is_tuple(v)) return GcVector<Value>(v.as<Tuple>()->items, v.as<Tuple>()->items + v.as<Tuple>()->size);
  Value it;
  try {
    it = get_iter(v);
  } catch (const PyException& e) {
    if (exception_matches(e.exc, Value::object(&types::type_error))) raise_type_error(msg);
    throw;
  }
  GcVector<Value> items;
  Value item;
  while (iter_next(it, item))
    items.push_back(item);
  return items;
}

Value tuple_slice(Tuple* t, Slice* s) {
  int64_t start, stop, step;
  int64_t n = slice_indices(s, static_cast<int64_t>(t->size), start, stop, step);
  if (step == 1 && start == 0 && n == static_cast<int64_t>(t->size)) return Value::object(t);
  Tuple* r = new_tuple(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) // indexing by count: stepping past the end could overflow
    r->items[i] = t->items[start + i * step];
  return Value::object(r);
}

Value bytes_slice(Bytes* b, Slice* s) {
  int64_t start, stop, step;
  int64_t n = slice_indices(s, static_cast<int64_t>(b->size), start, stop, step);
  auto* r = static_cast<Bytes*>(gc::alloc_atomic(sizeof(Bytes) + n));
  r->type = &types::bytes;
  r->size = static_cast<size_t>(n);
  r->hash = -1;
  for (int64_t i = 0; i < n; ++i)
    r->data[i] = b->data[start + i * step];
  r->data[n] = 0;
  return Value::object(r);
}

// CPython's _PySlice_GetLongIndices: the slice's start/stop/step for a
// sequence of `length` items, as Python ints of any size.
void slice_indices_values(Slice* s, Value length, Value& start, Value& stop, Value& step) {
  auto index = [](Value v) {
    if (v.is_bool()) return Value::small_int(v.is_true());
    if (!is_int(v)) raise_type_error("slice indices must be integers or None or have an __index__ method");
    return v;
  };
  Value zero = Value::small_int(0);
  step = s->step.is_none() ? Value::small_int(1) : index(s->step);
  if (int_compare(step, zero) == 0) raise_value_error("slice step cannot be zero");
  bool neg = int_is_negative(step);
  Value lower = neg ? Value::small_int(-1) : zero;
  Value upper = neg ? int_add(length, lower) : length;
  auto fix = [&](Value v, Value dflt) {
    if (v.is_none()) return dflt;
    Value i = index(v);
    if (int_is_negative(i)) {
      i = int_add(i, length);
      if (int_compare(i, lower) < 0) i = lower;
    } else if (int_compare(i, upper) > 0) {
      i = upper;
    }
    return i;
  };
  start = fix(s->start, neg ? upper : lower);
  stop = fix(s->stop, neg ? lower : upper);
}

Value range_subscript(Range* r, Value key) {
  if (is_kind(key, Kind::Slice)) { // as CPython's compute_slice
    Value start, stop, step;
    Slice* sl = key.as<Slice>();
    if (!r->big && !is_bigint(sl->start) && !is_bigint(sl->stop) && !is_bigint(sl->step)) {
      int64_t a, b, c;
      slice_indices(sl, range_length(r), a, b, c);
      __int128 sub_start = static_cast<__int128>(r->start) + static_cast<__int128>(a) * r->step;
      __int128 sub_stop = static_cast<__int128>(r->start) + static_cast<__int128>(b) * r->step;
      __int128 sub_step = static_cast<__int128>(r->step) * c;
      auto fits = [](__int128 x) { return x >= INT64_MIN && x <= INT64_MAX; };
      if (fits(sub_start) && fits(sub_stop) && fits(sub_step))
        return make_range(static_cast<int64_t>(sub_start), static_cast<int64_t>(sub_stop),
                          static_cast<int64_t>(sub_step));
      start = make_int(a), stop = make_int(b), step = make_int(c);
    } else {
      slice_indices_values(sl, range_length_value(r), start, stop, step); // huge range or slice bounds
    }
    return make_range_values(range_item_value(r, start), range_item_value(r, stop),
                             int_mul(range_step_value(r), step));
  }
  if (!is_intlike(key))
    raise_fmt(types::type_error, "range indices must be integers or slices, not {}", type_of(key)->name);
  if (!r->big) {
    auto i = int_as_i64(key);
    if (!i) raise(types::index_error, "range object index out of range");
    int64_t idx = *i;
    if (!normalize_index(idx, range_length(r))) raise(types::index_error, "range object index out of range");
    return range_item(r, idx);
  }
  Value i = key.is_bool() ? Value::small_int(key.is_true()) : key;
  if (int_is_negative(i)) i = int_add(i, r->blength);
  if (int_is_negative(i) || int_compare(i, r->blength) >= 0) raise(types::index_error, "range object index out of range");
  return range_item_value(r, i);
}

bool is_generic_origin(const Type* t) {
  return t == &types::list || t == &types::dict || t == &types::tuple || t == &types::set || t == &types::frozenset ||
         t == &types::type || t == &types::base_exception_group || t == &types::exception_group;
}

Value type_subscript(Value cls, Value key) {
  Type* t = cls.as<Type>();
  if (is_generic_origin(t)) {
    auto* g = gc::make<GenericAlias>();
    g->type = &generic_alias_type;
    g->origin = cls;
    g->args = key;
    return Value::object(g);
  }
  // Looked up as a class attribute: the (implicit) classmethod binds the class
  // itself, not its metaclass.
  if (Value f = type_lookup(t, intern("__class_getitem__")); !f.is_empty() && is_user_type(t))
    return call1(get_attr(cls, intern("__class_getitem__")), key);
  raise_fmt(types::type_error, "type '{}' is not subscriptable", t->name);
}

// `l[slice] = v` (CPython's list_ass_subscript).
void list_assign_slice(List* l, Slice* s, Value v) {
  int64_t start, stop, step;
  int64_t n = slice_indices(s, static_cast<int64_t>(l->items.size()), start, stop, step);
  if (step == 1) {
    GcVector<Value> items = sequence_items(v, "can only assign an iterable");
    if (stop < start) stop = start;
    l->items.erase(l->items.begin() + start, l->items.begin() + stop);
    l->items.insert(l->items.begin() + start, items.begin(), items.end());
    return;
  }
  GcVector<Value> items = sequence_items(v, "must assign iterable to extended slice");
  if (static_cast<int64_t>(items.size()) != n)
    raise_fmt(types::value_error, "attempt to assign sequence of size {} to extended slice of size {}", items.size(),
              n);
  for (int64_t i = 0; i < n; ++i)
    l->items[start + i * step] = items[i];
}

void list_delete_slice(List* l, Slice* s) {
  int64_t start, stop, step;
  int64_t n = slice_indices(s, static_cast<int64_t>(l->items.size()), start, stop, step);
  if (n == 0) return;
  if (step == 1) {
    l->items.erase(l->items.begin() + start, l->items.begin() + stop);
    return;
  }
  if (step < 0) { // walk the same items upwards
    start = start + step * (n - 1);
    step = -step;
  }
  GcVector<Value> kept;
  kept.reserve(l->items.size() - n);
  for (int64_t i = 0; i < static_cast<int64_t>(l->items.size()); ++i) {
    bool selected = i >= start && (i - start) % step == 0 && (i - start) / step < n;
    if (!selected) kept.push_back(l->items[i]);
  }
  l->items.swap(kept);
}

bool iterable_contains(Value container, Value item) {
  Value it = get_iter(container);
  Value x;
  while (iter_next(it, x))
    if (equals(x, item)) return true;
  return false;
}

bool is_iterable_type(Type* t) {
  if (t->kind == Kind::Iterator || t->kind == Kind::Generator) return true;
  return !type_lookup(t, intern("__iter__")).is_empty() ||
         (is_user_type(t) && !type_lookup(t, intern("__getitem__")).is_empty());
}

bool range_contains(Range* r, Value item) {
  if (item.is_small_int() || item.is_bool() || is_bigint(item)) {
    if (!r->big) {
      auto x = int_as_i64(item);
      if (!x) return false;
      int64_t v = *x;
      if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return false;
      __int128 off = static_cast<__int128>(v) - r->start;
      return off % r->step == 0;
    }
    Value v = item.is_bool() ? Value::small_int(item.is_true()) : item;
    if (int_is_negative(r->bstep) ? (int_compare(v, r->bstart) > 0 || int_compare(v, r->bstop) <= 0)
                                  : (int_compare(v, r->bstart) < 0 || int_compare(v, r->bstop) >= 0))
      return false;
    return int_compare(int_mod(int_sub(v, r->bstart), r->bstep), Value::small_int(0)) == 0;
  }
  return iterable_contains(Value::object(r), item);
}

} // namespace

// ---- x[key] ---------------------------------------------------------------------------

namespace {
// A sequence's key with __index__ (a user class's, a weak proxy's): its
// __index__(); any other key as it is.
Value sequence_key(Value key) {
  if (key.is_small_int() || !is_user_type(type_of(key))) return key;
  Value r = ops_detail::call_dunder(key, "__index__");
  if (r.is_empty()) return key;
  if (!is_int(r) && !r.is_bool())
    raise_fmt(types::type_error, "__index__ returned non-int (type {})", type_of(r)->name);
  if (!int_as_i64(r)) raise_fmt(types::index_error, "cannot fit '{}' into an index-sized integer", type_of(key)->name);
  return r;
}
} // namespace

Value get_item(Value obj, Value key) {
  Type* t = type_of(obj);
  if (is_user_type(t)) {
    Value r = ops_detail::call_dunder(obj, "__getitem__", {&key, 1});
    if (!r.is_empty()) return r;
  }
  if (t->kind == Kind::Str || t->kind == Kind::Bytes || t->kind == Kind::Range) key = sequence_key(key);
  switch (t->kind) {
  case Kind::List: {
    List* l = obj.as<List>();
    if (is_kind(key, Kind::Slice)) {
      int64_t start, stop, step;
      slice_indices(key.as<Slice>(), static_cast<int64_t>(l->items.size()), start, stop, step);
      return list_slice(l, start, stop, step);
    }
    return l->items[seq_index(key, static_cast<int64_t>(l->items.size()), "list", "list index out of range")];
  }
  case Kind::Tuple: {
    Tuple* tup = obj.as<Tuple>();
    if (is_kind(key, Kind::Slice)) return tuple_slice(tup, key.as<Slice>());
    return tup->items[seq_index(key, static_cast<int64_t>(tup->size), "tuple", "tuple index out of range")];
  }
  case Kind::Str: {
    Str* s = obj.as<Str>();
    if (is_kind(key, Kind::Slice)) {
      int64_t start, stop, step;
      slice_indices(key.as<Slice>(), static_cast<int64_t>(s->length), start, stop, step);
      return Value::object(str_slice(s, start, stop, step));
    }
    if (!is_intlike(key)) raise_fmt(types::type_error, "string indices must be integers, not '{}'", type_of(key)->name);
    return Value::object(
        str_char_at(s, seq_index(key, static_cast<int64_t>(s->length), "string", "string index out of range")));
  }
  case Kind::Bytes: {
    Bytes* b = obj.as<Bytes>();
    if (is_kind(key, Kind::Slice)) return bytes_slice(b, key.as<Slice>());
    if (!is_intlike(key))
      raise_fmt(types::type_error, "byte indices must be integers or slices, not {}", type_of(key)->name);
    return Value::small_int(b->data[seq_index(key, static_cast<int64_t>(b->size), "byte", "index out of range")]);
  }
  case Kind::Range: return range_subscript(obj.as<Range>(), key);
  case Kind::Dict: {
    if (Value* v = dict_find(obj.as<Dict>(), key)) return *v;
    if (is_user_type(t)) {
      Value r = ops_detail::call_dunder(obj, "__missing__", {&key, 1});
      if (!r.is_empty()) return r;
    }
    raise_key_error(key);
  }
  case Kind::Type: return type_subscript(obj, key);
  default: break;
  }
  raise_fmt(types::type_error, "'{}' object is not subscriptable", t->name);
}

void set_item(Value obj, Value key, Value v) {
  Type* t = type_of(obj);
  if (is_user_type(t)) {
    Value args[2] = {key, v};
    if (!ops_detail::call_dunder(obj, "__setitem__", args).is_empty()) return;
  }
  switch (t->kind) {
  case Kind::List: {
    List* l = obj.as<List>();
    if (is_kind(key, Kind::Slice)) {
      list_assign_slice(l, key.as<Slice>(), v);
      return;
    }
    l->items[seq_index(key, static_cast<int64_t>(l->items.size()), "list", "list assignment index out of range")] = v;
    return;
  }
  case Kind::Dict: dict_set(obj.as<Dict>(), key, v); return;
  default: break;
  }
  raise_fmt(types::type_error, "'{}' object does not support item assignment", t->name);
}

void del_item(Value obj, Value key) {
  Type* t = type_of(obj);
  if (is_user_type(t)) {
    if (!ops_detail::call_dunder(obj, "__delitem__", {&key, 1}).is_empty()) return;
  }
  switch (t->kind) {
  case Kind::List: {
    List* l = obj.as<List>();
    if (is_kind(key, Kind::Slice)) {
      list_delete_slice(l, key.as<Slice>());
      return;
    }
    int64_t i = seq_index(key, static_cast<int64_t>(l->items.size()), "list", "list assignment index out of range");
    l->items.erase(l->items.begin() + i);
    return;
  }
  case Kind::Dict:
    if (!dict_del(obj.as<Dict>(), key)) raise_key_error(key);
    return;
  case Kind::Str:
  case Kind::Tuple:
  case Kind::Bytes:
  case Kind::Range: raise_fmt(types::type_error, "'{}' object doesn't support item deletion", t->name);
  default: break;
  }
  raise_fmt(types::type_error, "'{}' object does not support item deletion", t->name);
}

// ---- `in` and len() -----------------------------------------------------------------------

bool contains(Value container, Value item) {
  Type* t = type_of(container);
  if (is_user_type(t)) {
    if (Value r = ops_detail::call_dunder(container, "__contains__", {&item, 1}); !r.is_empty()) return truthy(r);
  }
  switch (t->kind) {
  case Kind::Dict: return dict_find(container.as<Dict>(), item) != nullptr;
  case Kind::Set:
  case Kind::FrozenSet:
    // A set key is looked up as the equal frozenset (CPython's set_contains).
    if (is_kind(item, Kind::Set)) item = Value::object(set_copy(item.as<Set>(), &types::frozenset));
    return set_contains(container.as<Set>(), item);
  case Kind::List: {
    List* l = container.as<List>();
    for (size_t i = 0; i < l->items.size(); ++i)
      if (equals(l->items[i], item)) return true;
    return false;
  }
  case Kind::Tuple:
    for (Value x : container.as<Tuple>()->span())
      if (equals(x, item)) return true;
    return false;
  case Kind::Str:
    if (!is_str(item))
      raise_fmt(types::type_error, "'in <string>' requires string as left operand, not {}", type_of(item)->name);
    return str_contains(container.as<Str>(), item.as<Str>());
  case Kind::Bytes: return bytes_contains(container, item);
  case Kind::Range: return range_contains(container.as<Range>(), item);
  case Kind::DictView: {
    Dict* d = container.as<DictView>()->dict;
    if (t == &types::dict_keys) return dict_find(d, item) != nullptr;
    if (t == &types::dict_items) {
      if (!is_tuple(item) || item.as<Tuple>()->size != 2) return false;
      Value* v = dict_find(d, item.as<Tuple>()->items[0]);
      return v && equals(*v, item.as<Tuple>()->items[1]);
    }
    return iterable_contains(container, item);
  }
  default: break;
  }
  if (is_iterable_type(t)) return iterable_contains(container, item);
  raise_fmt(types::type_error, "argument of type '{}' is not iterable", t->name);
}

int64_t length(Value v) {
  Type* t = type_of(v);
  if (is_user_type(t)) {
    if (Value r = ops_detail::call_dunder(v, "__len__"); !r.is_empty()) {
      if (!is_intlike(r))
        raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", type_of(r)->name);
      if (int_is_negative(r)) raise_value_error("__len__() should return >= 0");
      auto n = int_as_i64(r);
      if (!n) raise(types::overflow_error, "cannot fit 'int' into an index-sized integer");
      return *n;
    }
  }
  switch (t->kind) {
  case Kind::Str: return static_cast<int64_t>(v.as<Str>()->length);
  case Kind::List: return static_cast<int64_t>(v.as<List>()->items.size());
  case Kind::Tuple: return static_cast<int64_t>(v.as<Tuple>()->size);
  case Kind::Dict: return static_cast<int64_t>(v.as<Dict>()->used);
  case Kind::Set:
  case Kind::FrozenSet: return v.as<Set>()->used;
  case Kind::Bytes: return static_cast<int64_t>(v.as<Bytes>()->size);
  case Kind::Range: return range_length(v.as<Range>());
  case Kind::DictView: return static_cast<int64_t>(v.as<DictView>()->dict->used);
  default: break;
  }
  raise_fmt(types::type_error, "object of type '{}' has no len()", t->name);
}

// ---- types.GenericAlias ----------------------------------------------------------------------

namespace ops_detail {

namespace {
// CPython's ga_repr_item: classes print as their (qualified) name, `...` as "...".
std::string alias_item_repr(Value v) {
  if (v == kEllipsis) return "...";
  if (is_type(v)) {
    Type* t = v.as<Type>();
    std::string name = t->qualname ? std::string(t->qualname->view()) : std::string(t->name);
    if (is_str(t->module_name) && t->module_name.as<Str>()->view() != "builtins")
      return std::string(t->module_name.as<Str>()->view()) + "." + name;
    return name;
  }
  return repr_string(v);
}

Value call_generic_alias(Value self, const Args& a) { return call(self.as<GenericAlias>()->origin, a); }

// types.GenericAlias(origin, args): what `origin[args]` gives (classes whose
// __class_getitem__ is classmethod(GenericAlias), such as os.PathLike, make them so).
Value construct_generic_alias(Value, const Args& a) {
  if (a.nkw) raise(types::type_error, "GenericAlias() takes no keyword arguments");
  if (a.npos != 2) raise_fmt(types::type_error, "GenericAlias expected 2 arguments, got {}", a.npos);
  auto* g = gc::make<GenericAlias>();
  g->type = &generic_alias_type;
  g->origin = a[0];
  g->args = a[1];
  return Value::object(g);
}
} // namespace

bool is_generic_alias(Value v) { return v.is_object() && v.as_object()->type == &generic_alias_type; }

std::string generic_alias_repr(Value v) {
  auto* g = v.as<GenericAlias>();
  std::string out = alias_item_repr(g->origin) + "[";
  if (is_tuple(g->args)) {
    Tuple* t = g->args.as<Tuple>();
    if (t->size == 0) out += "()";
    for (size_t i = 0; i < t->size; ++i) {
      if (i) out += ", ";
      out += alias_item_repr(t->items[i]);
    }
  } else {
    out += alias_item_repr(g->args);
  }
  return out + "]";
}

// ---- types.UnionType: `int | str`, `list[int] | None` -------------------------------------

namespace {

Type union_type;

struct UnionObj : Object {
  Tuple* args; // distinct members, in order; None stands for NoneType
};

bool is_union_value(Value v) { return v.is_object() && v.as_object()->type == &union_type; }

// What `|` may combine into a union: classes, None, aliases and unions.
bool union_operand(Value v) { return v.is_none() || is_type(v) || is_generic_alias(v) || is_union_value(v); }

Value union_args_attr(Value, const Args& a) {
  if (a.npos != 1 || !is_union_value(a[0])) raise(types::type_error, "descriptor requires a 'types.UnionType' object");
  Tuple* args = a[0].as<UnionObj>()->args;
  Tuple* out = new_tuple(args->size);
  for (size_t i = 0; i < args->size; ++i)
    out->items[i] = args->items[i].is_none() ? Value::object(&types::none) : args->items[i];
  return Value::object(out);
}

Value union_eq(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "expected 1 argument");
  if (!is_union_value(a[0])) return kNotImplemented;
  Tuple* x = self.as<UnionObj>()->args;
  Tuple* y = a[0].as<UnionObj>()->args;
  if (x->size != y->size) return Value::boolean(false);
  for (Value v : x->span()) {
    bool found = false;
    for (Value w : y->span()) found = found || equals(v, w);
    if (!found) return Value::boolean(false);
  }
  return Value::boolean(true);
}

Value union_hash(Value self, const Args&) {
  int64_t h = 0;
  for (Value v : self.as<UnionObj>()->args->span()) h ^= hash_value(v);
  return Value::small_int(h & 0x7fffffffffff);
}

} // namespace

Value make_union(Value a, Value b) {
  if (!union_operand(a) || !union_operand(b)) return Value::empty();
  GcVector<Value> members;
  auto add = [&](Value v) {
    if (v == Value::object(&types::none)) v = Value::none();
    for (Value m : members)
      if (m == v || (is_generic_alias(m) && equals(m, v))) return;
    members.push_back(v);
  };
  for (Value side : {a, b}) {
    if (is_union_value(side)) {
      for (Value m : side.as<UnionObj>()->args->span()) add(m);
    } else {
      add(side);
    }
  }
  auto* u = gc::make<UnionObj>();
  u->type = &union_type;
  u->args = new_tuple(std::span<const Value>(members));
  return Value::object(u);
}

bool is_union(Value v) { return is_union_value(v); }

Tuple* union_members(Value v) { return v.as<UnionObj>()->args; }

std::string union_repr(Value v) {
  std::string out;
  for (Value m : v.as<UnionObj>()->args->span()) {
    if (!out.empty()) out += " | ";
    out += m.is_none() ? "None" : alias_item_repr(m);
  }
  return out;
}

void init_union_type() {
  init_type(union_type, "UnionType", Kind::Object, &types::object);
  union_type.module_name = Value::object(intern("types"));
  union_type.is_builtin = false; // compared and hashed through its special methods
  add_getter(union_type, "__args__", union_args_attr);
  add_method(union_type, "__eq__", union_eq);
  add_method(union_type, "__hash__", union_hash);
}

void init_generic_alias_type() {
  init_type(generic_alias_type, "GenericAlias", Kind::Object, &types::object);
  generic_alias_type.module_name = Value::object(intern("types"));
  add_method(generic_alias_type, "__call__", call_generic_alias);
  generic_alias_type.construct = construct_generic_alias;
  init_union_type();
}

} // namespace ops_detail

Tuple* union_members_or_null(Value v) { return ops_detail::is_union(v) ? ops_detail::union_members(v) : nullptr; }

} // namespace tributary
