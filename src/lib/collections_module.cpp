// collections_module.cpp — `_collections`, the native half of CPython's own
// collections package (Lib/collections/__init__.py, which defines Counter,
// namedtuple, ChainMap, UserDict, ... in Python): deque, defaultdict,
// OrderedDict, _count_elements (Counter's counting loop) and _tuplegetter
// (namedtuple's field descriptor), as CPython's _collections provides.
//
// deque is a ring buffer (Deque) whose Type dispatches through its special
// methods. defaultdict and OrderedDict are dict subclasses sharing the Dict
// layout (Kind::Dict, base dict), so every dict operation and method applies
// to them; they are non-builtin Types, so the generic protocol asks their
// special methods first (__missing__, __repr__, __eq__).
// Limits: OrderedDict equality is order-sensitive only between OrderedDicts.
#include <algorithm>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/match.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

Type deque_type, deque_iterator_type, deque_reverse_iterator_type, defaultdict_type, ordered_dict_type;

// ---- deque ---------------------------------------------------------------------------

struct Deque : Object {
  GcVector<Value> buf; // capacity is a power of two (or 0)
  size_t head;         // index of the first item
  size_t size;
  int64_t maxlen;      // -1: unbounded
  uint64_t state;      // bumped by every mutation (iterators check it)
};

Deque* D(Value v) { return v.as<Deque>(); }

Value& at(Deque* d, size_t i) { return d->buf[(d->head + i) & (d->buf.size() - 1)]; }

void grow(Deque* d) {
  size_t cap = d->buf.empty() ? 8 : d->buf.size() * 2;
  GcVector<Value> nb(cap);
  for (size_t i = 0; i < d->size; ++i) nb[i] = at(d, i);
  d->buf.swap(nb);
  d->head = 0;
}

void pop_front(Deque* d) {
  at(d, 0) = Value::empty();
  d->head = (d->head + 1) & (d->buf.size() - 1);
  --d->size;
  ++d->state;
}

void pop_back(Deque* d) {
  at(d, d->size - 1) = Value::empty();
  --d->size;
  ++d->state;
}

void push_back(Deque* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->buf.size()) grow(d);
  at(d, d->size) = v;
  ++d->size;
  ++d->state;
  if (d->maxlen > 0 && d->size > static_cast<size_t>(d->maxlen)) pop_front(d);
}

void push_front(Deque* d, Value v) {
  if (d->maxlen == 0) return;
  if (d->size == d->buf.size()) grow(d);
  d->head = (d->head + d->buf.size() - 1) & (d->buf.size() - 1);
  at(d, 0) = v;
  ++d->size;
  ++d->state;
  if (d->maxlen > 0 && d->size > static_cast<size_t>(d->maxlen)) pop_back(d);
}

Deque* new_deque(Type* t, int64_t maxlen) {
  auto* d = gc::make<Deque>();
  d->type = t;
  d->maxlen = maxlen;
  return d;
}

int64_t maxlen_arg(Value v) {
  if (v.is_empty() || v.is_none()) return -1;
  if (!is_integer(v)) raise_type_error("an integer is required");
  int64_t n = arg_index(v);
  if (n < 0) raise_value_error("maxlen must be non-negative");
  return n;
}

void deque_extend_from(Deque* d, Value iterable, bool left) {
  if (iterable == Value::object(d)) iterable = Value::object(list_from_iterable(iterable));
  Value it = get_iter(iterable);
  Value x;
  while (iter_next(it, x)) left ? push_front(d, x) : push_back(d, x);
}

Value construct_deque(Value cls, const Args& a) {
  Value p[2];
  bind_args(a, "deque", {"iterable", "maxlen"}, 0, p);
  Deque* d = new_deque(cls.as<Type>(), maxlen_arg(p[1]));
  if (!p[0].is_empty()) deque_extend_from(d, p[0], false);
  return Value::object(d);
}

Value dq_append(Value self, const Args& a) {
  check_one(a, "deque.append");
  push_back(D(self), a[0]);
  return Value::none();
}
Value dq_appendleft(Value self, const Args& a) {
  check_one(a, "deque.appendleft");
  push_front(D(self), a[0]);
  return Value::none();
}
Value dq_pop(Value self, const Args& a) {
  check_none(a, "deque.pop");
  Deque* d = D(self);
  if (d->size == 0) raise(types::index_error, "pop from an empty deque");
  Value v = at(d, d->size - 1);
  pop_back(d);
  return v;
}
Value dq_popleft(Value self, const Args& a) {
  check_none(a, "deque.popleft");
  Deque* d = D(self);
  if (d->size == 0) raise(types::index_error, "pop from an empty deque");
  Value v = at(d, 0);
  pop_front(d);
  return v;
}
Value dq_extend(Value self, const Args& a) {
  check_one(a, "deque.extend");
  deque_extend_from(D(self), a[0], false);
  return Value::none();
}
Value dq_extendleft(Value self, const Args& a) {
  check_one(a, "deque.extendleft");
  deque_extend_from(D(self), a[0], true);
  return Value::none();
}
Value dq_clear(Value self, const Args& a) {
  check_none(a, "deque.clear");
  Deque* d = D(self);
  d->buf.clear();
  d->head = d->size = 0;
  ++d->state;
  return Value::none();
}

GcVector<Value> items_of(Deque* d) {
  GcVector<Value> v;
  v.reserve(d->size);
  for (size_t i = 0; i < d->size; ++i) v.push_back(at(d, i));
  return v;
}

void assign(Deque* d, const GcVector<Value>& items) {
  d->buf.clear();
  d->head = d->size = 0;
  for (Value v : items) push_back(d, v);
}

Value dq_rotate(Value self, const Args& a) {
  check_takes(a, "rotate", 0, 1);
  Deque* d = D(self);
  int64_t n = a.npos ? arg_index(a[0]) : 1;
  if (d->size <= 1) return Value::none();
  auto len = static_cast<int64_t>(d->size);
  n %= len;
  if (n < 0) n += len;
  GcVector<Value> items = items_of(d);
  std::rotate(items.begin(), items.begin() + (len - n), items.end());
  assign(d, items);
  return Value::none();
}

Value dq_copy(Value self, const Args& a) {
  check_none(a, "deque.copy");
  Deque* d = D(self);
  Deque* c = new_deque(d->type, d->maxlen);
  for (size_t i = 0; i < d->size; ++i) push_back(c, at(d, i));
  return Value::object(c);
}

Value dq_count(Value self, const Args& a) {
  check_one(a, "deque.count");
  Deque* d = D(self);
  uint64_t state = d->state;
  int64_t n = 0;
  for (size_t i = 0; i < d->size; ++i) {
    if (equals(at(d, i), a[0])) ++n;
    if (d->state != state) raise(types::runtime_error, "deque mutated during iteration");
  }
  return make_int(n);
}

Value dq_index(Value self, const Args& a) {
  check_expected(a, "index", 1, 3);
  Deque* d = D(self);
  auto len = static_cast<int64_t>(d->size);
  int64_t start = a.npos > 1 ? arg_index(a[1]) : 0, stop = a.npos > 2 ? arg_index(a[2]) : len;
  if (start < 0) start = std::max<int64_t>(0, start + len);
  if (stop < 0) stop = std::max<int64_t>(0, stop + len);
  stop = std::min(stop, len);
  for (int64_t i = start; i < stop; ++i)
    if (equals(at(d, static_cast<size_t>(i)), a[0])) return make_int(i);
  raise_fmt(types::value_error, "{} is not in deque", repr_string(a[0]));
}

Value dq_insert(Value self, const Args& a) {
  check_expected(a, "insert", 2, 2);
  Deque* d = D(self);
  int64_t i = arg_index(a[0]);
  if (d->maxlen >= 0 && d->size >= static_cast<size_t>(d->maxlen))
    raise(types::index_error, "deque already at its maximum size");
  GcVector<Value> items = items_of(d);
  auto len = static_cast<int64_t>(items.size());
  if (i < 0) i = std::max<int64_t>(0, i + len);
  i = std::min(i, len);
  items.insert(items.begin() + i, a[1]);
  assign(d, items);
  return Value::none();
}

Value dq_remove(Value self, const Args& a) {
  check_one(a, "deque.remove");
  Deque* d = D(self);
  for (size_t i = 0; i < d->size; ++i) {
    if (equals(at(d, i), a[0])) {
      GcVector<Value> items = items_of(d);
      items.erase(items.begin() + static_cast<int64_t>(i));
      assign(d, items);
      return Value::none();
    }
  }
  raise_fmt(types::value_error, "{} is not in deque", repr_string(a[0]));
}

Value dq_reverse(Value self, const Args& a) {
  check_none(a, "deque.reverse");
  Deque* d = D(self);
  GcVector<Value> items = items_of(d);
  std::reverse(items.begin(), items.end());
  assign(d, items);
  return Value::none();
}

Value dq_maxlen(Value, const Args& a) {
  int64_t m = D(a[0])->maxlen;
  return m < 0 ? Value::none() : make_int(m);
}

Value dq_len(Value self, const Args&) { return make_int(static_cast<int64_t>(D(self)->size)); }

size_t dq_index_arg(Deque* d, Value key) {
  if (!is_integer(key)) raise_fmt(types::type_error, "sequence index must be integer, not '{}'", tname(key));
  int64_t i = arg_index(key);
  if (!normalize_index(i, static_cast<int64_t>(d->size))) raise(types::index_error, "deque index out of range");
  return static_cast<size_t>(i);
}

Value dq_getitem(Value self, const Args& a) {
  check_one(a, "__getitem__");
  Deque* d = D(self);
  return at(d, dq_index_arg(d, a[0]));
}

Value dq_setitem(Value self, const Args& a) {
  Deque* d = D(self);
  at(d, dq_index_arg(d, a[0])) = a[1];
  return Value::none();
}

Value dq_delitem(Value self, const Args& a) {
  Deque* d = D(self);
  size_t i = dq_index_arg(d, a[0]);
  GcVector<Value> items = items_of(d);
  items.erase(items.begin() + static_cast<int64_t>(i));
  assign(d, items);
  return Value::none();
}

Value dq_contains(Value self, const Args& a) {
  Deque* d = D(self);
  uint64_t state = d->state;
  for (size_t i = 0; i < d->size; ++i) {
    if (equals(at(d, i), a[0])) return Value::boolean(true);
    if (d->state != state) raise(types::runtime_error, "deque mutated during iteration");
  }
  return Value::boolean(false);
}

struct DequeIter : NativeIter {
  Deque* d;
  size_t index;
  uint64_t state;
  bool reverse;
};

bool deque_iter_step(NativeIter* base, Value& out) {
  auto* it = static_cast<DequeIter*>(base);
  if (!it->d) return false;
  if (it->d->state != it->state) {
    it->d = nullptr;
    raise(types::runtime_error, "deque mutated during iteration");
  }
  if (it->index >= it->d->size) {
    it->d = nullptr;
    return false;
  }
  size_t i = it->reverse ? it->d->size - 1 - it->index : it->index;
  out = at(it->d, i);
  ++it->index;
  return true;
}

Value make_deque_iter(Value self, bool reverse) {
  auto* it = new_native_iter<DequeIter>(reverse ? deque_reverse_iterator_type : deque_iterator_type, deque_iter_step);
  it->d = D(self);
  it->state = it->d->state;
  it->reverse = reverse;
  return Value::object(it);
}
Value dq_iter(Value self, const Args&) { return make_deque_iter(self, false); }
Value dq_reversed(Value self, const Args&) { return make_deque_iter(self, true); }

Value dq_repr(Value self, const Args&) {
  Deque* d = D(self);
  std::string out = std::string(d->type->name) + "([";
  for (size_t i = 0; i < d->size; ++i) {
    if (i) out += ", ";
    Value v = at(d, i);
    out += v == self ? "[...]" : repr_string(v);
  }
  out += "]";
  if (d->maxlen >= 0) out += ", maxlen=" + std::to_string(d->maxlen);
  return str_value(out + ")");
}

Value dq_compare(Value self, const Args& a, CmpOp op) {
  if (!a[0].is_object() || !is_subtype(type_of(a[0]), &deque_type)) return kNotImplemented;
  List* x = new_list(std::span<const Value>(items_of(D(self))));
  List* y = new_list(std::span<const Value>(items_of(D(a[0]))));
  return compare(op, Value::object(x), Value::object(y));
}
Value dq_eq(Value self, const Args& a) { return dq_compare(self, a, CmpOp::Eq); }
Value dq_ne(Value self, const Args& a) { return dq_compare(self, a, CmpOp::Ne); }
Value dq_lt(Value self, const Args& a) { return dq_compare(self, a, CmpOp::Lt); }
Value dq_le(Value self, const Args& a) { return dq_compare(self, a, CmpOp::Le); }
Value dq_gt(Value self, const Args& a) { return dq_compare(self, a, CmpOp::Gt); }
Value dq_ge(Value self, const Args& a) { return dq_compare(self, a, CmpOp::Ge); }

Value dq_add(Value self, const Args& a) {
  if (!a[0].is_object() || !is_subtype(type_of(a[0]), &deque_type))
    raise_fmt(types::type_error, "can only concatenate deque (not \"{}\") to deque", tname(a[0]));
  Value c = dq_copy(self, Args{});
  deque_extend_from(D(c), a[0], false);
  return c;
}

Value dq_iadd(Value self, const Args& a) {
  deque_extend_from(D(self), a[0], false);
  return self;
}

Value dq_mul(Value self, const Args& a) {
  if (!is_integer(a[0])) return kNotImplemented;
  int64_t n = arg_index(a[0]);
  Deque* d = D(self);
  Deque* c = new_deque(d->type, d->maxlen);
  GcVector<Value> items = items_of(d);
  for (int64_t k = 0; k < n; ++k)
    for (Value v : items) push_back(c, v);
  return Value::object(c);
}

// ---- dict subclasses -----------------------------------------------------------------

struct DefaultDict : Dict {
  Value factory; // None or a callable
};

Dict* new_dict_of(Type* t, size_t extra = 0) {
  Dict* tmp = new_dict();
  auto* d = static_cast<Dict*>(gc::alloc(sizeof(Dict) + extra));
  new (d) Dict(*tmp);
  d->type = t;
  return d;
}

DefaultDict* new_defaultdict(Type* t, Value factory) {
  auto* d = static_cast<DefaultDict*>(new_dict_of(t, sizeof(DefaultDict) - sizeof(Dict)));
  d->factory = factory;
  return d;
}

Dict* as_dict(Value v) { return v.as<Dict>(); }
bool is_dict_like(Value v) { return is_kind(v, Kind::Dict); }

// "{'a': 1, 'b': 2}" of a dict-like value, without its own __repr__.
std::string plain_repr(Value d) { return repr_string(Value::object(dict_copy(as_dict(d)))); }

Value dict_len(Value self, const Args&) { return make_int(static_cast<int64_t>(as_dict(self)->used)); }

bool plain_equal(Value a, Value b) {
  return equals(Value::object(dict_copy(as_dict(a))), Value::object(dict_copy(as_dict(b))));
}

Value dd_eq(Value self, const Args& a) {
  if (!is_dict_like(a[0])) return kNotImplemented;
  return Value::boolean(plain_equal(self, a[0]));
}
Value dd_ne(Value self, const Args& a) {
  if (!is_dict_like(a[0])) return kNotImplemented;
  return Value::boolean(!plain_equal(self, a[0]));
}

Value construct_defaultdict(Value cls, const Args& a) {
  Value factory = a.npos ? a[0] : Value::none();
  if (!factory.is_none() && !is_callable_value(factory)) raise_type_error("first argument must be callable or None");
  DefaultDict* d = new_defaultdict(cls.as<Type>(), factory);
  if (a.npos > 2) raise_fmt(types::type_error, "dict expected at most 1 argument, got {}", a.npos - 1);
  if (a.npos == 2) dict_update_arg(d, a[1]);
  dict_update_kwargs(d, a);
  return Value::object(d);
}

Value dd_missing(Value self, const Args& a) {
  check_one(a, "__missing__");
  auto* d = static_cast<DefaultDict*>(as_dict(self));
  if (d->factory.is_none()) raise(Value::object(new_exception(&types::key_error, std::span<const Value>(a.pos, 1))));
  Value v = call0(d->factory);
  dict_set(d, a[0], v);
  return v;
}

Value dd_repr(Value self, const Args&) {
  auto* d = static_cast<DefaultDict*>(as_dict(self));
  std::string f = d->factory == self ? "..." : repr_string(d->factory);
  return str_value(std::string(d->type->name) + "(" + f + ", " + plain_repr(self) + ")");
}

Value dd_copy(Value self, const Args&) {
  auto* d = static_cast<DefaultDict*>(as_dict(self));
  DefaultDict* c = new_defaultdict(d->type, d->factory);
  dict_update(c, Value::object(dict_copy(d)));
  return Value::object(c);
}

Value dd_factory_get(Value, const Args& a) { return static_cast<DefaultDict*>(as_dict(a[0]))->factory; }
Value dd_factory_set(Value, const Args& a) {
  static_cast<DefaultDict*>(as_dict(a[0]))->factory = a[1];
  return Value::none();
}

// _count_elements(mapping, iterable): Counter's counting loop (CPython's is C
// too). A dict whose class keeps dict's get and __setitem__ (Counter does) is
// updated directly; any other mapping through those methods.
bool plain_dict_access(Value mapping) {
  if (!is_dict_like(mapping)) return false;
  Type* t = type_of(mapping);
  for (const char* name : {"get", "__setitem__"})
    if (type_lookup(t, intern(name)) != dict_get(types::dict.dict, Value::object(intern(name)))) return false;
  return true;
}

Value count_elements(Value, const Args& a) {
  check_takes(a, "_count_elements", 2, 2);
  Value mapping = a[0], it = get_iter(a[1]), x;
  if (plain_dict_access(mapping)) {
    Dict* d = as_dict(mapping);
    while (iter_next(it, x)) {
      Value* v = dict_find(d, x);
      dict_set(d, x, v ? binary_op(BinOp::Add, *v, Value::small_int(1)) : Value::small_int(1));
    }
    return Value::none();
  }
  Value get = get_attr(mapping, intern("get"));
  while (iter_next(it, x)) set_item(mapping, x, binary_op(BinOp::Add, call2(get, x, Value::small_int(0)), Value::small_int(1)));
  return Value::none();
}

// _tuplegetter(index, doc): namedtuple's field descriptor, obj[index] of a tuple.

struct TupleGetter : Object {
  int64_t index;
  Value doc;
};

Type tuplegetter_type;

TupleGetter* self_getter(Value v) {
  if (type_of(v) != &tuplegetter_type) raise(types::type_error, "descriptor requires a '_tuplegetter' object");
  return v.as<TupleGetter>();
}

Value construct_tuplegetter(Value, const Args& a) {
  no_kwargs(a, "_tuplegetter");
  check_expected(a, "_tuplegetter", 2, 2);
  auto* g = gc::make<TupleGetter>();
  g->type = &tuplegetter_type;
  g->index = arg_index(a[0]);
  g->doc = a[1];
  return Value::object(g);
}

Value tg_get(Value self, const Args& a) {
  TupleGetter* g = self_getter(self);
  check_takes(a, "__get__", 1, 2);
  Value obj = a[0];
  if (obj.is_none()) return self;
  if (!is_kind(obj, Kind::Tuple))
    raise_fmt(types::type_error, "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
              g->index, tname(obj));
  Tuple* t = obj.as<Tuple>();
  if (g->index < 0 || g->index >= static_cast<int64_t>(t->size)) raise(types::index_error, "tuple index out of range");
  return t->items[g->index];
}

Value tg_set(Value, const Args&) { raise(types::attribute_error, "can't set attribute"); }
Value tg_delete(Value, const Args&) { raise(types::attribute_error, "can't delete attribute"); }

Value tg_doc_get(Value, const Args& a) { return self_getter(a[0])->doc; }
Value tg_doc_set(Value, const Args& a) {
  self_getter(a[0])->doc = a[1];
  return Value::none();
}

// OrderedDict --------------------------------------------------------------------------------

Value construct_ordered_dict(Value cls, const Args& a) {
  if (a.npos > 1) raise_fmt(types::type_error, "expected at most 1 arguments, got {}", a.npos);
  Dict* d = new_dict_of(cls.as<Type>());
  if (a.npos) dict_update_arg(d, a[0]);
  dict_update_kwargs(d, a);
  return Value::object(d);
}

Value od_repr(Value self, const Args&) {
  Dict* d = as_dict(self);
  std::string name = d->type->name;
  if (d->used == 0) return str_value(name + "()");
  List* items = new_list();
  size_t pos = 0;
  Value k, v;
  while (dict_next(d, pos, k, v)) {
    Value pair[2] = {k, v};
    items->items.push_back(Value::object(new_tuple(pair)));
  }
  return str_value(name + "(" + repr_string(Value::object(items)) + ")");
}

Value od_move_to_end(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "move_to_end", {"key", "last"}, 1, p);
  bool last = p[1].is_empty() || truthy(p[1]);
  Dict* d = as_dict(self);
  Value* v = dict_find(d, p[0]);
  if (!v) raise(Value::object(new_exception(&types::key_error, std::span<const Value>(p, 1))));
  Value val = *v;
  dict_del(d, p[0]);
  if (last) {
    dict_set(d, p[0], val);
  } else {
    Dict* rest = dict_copy(d);
    dict_clear(d);
    dict_set(d, p[0], val);
    dict_update(d, Value::object(rest));
  }
  return Value::none();
}

Value od_popitem(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "popitem", {"last"}, 0, p);
  bool last = p[0].is_empty() || truthy(p[0]);
  Dict* d = as_dict(self);
  if (d->used == 0) raise(types::key_error, "dictionary is empty");
  size_t pos = 0;
  Value k, v, key, val;
  while (dict_next(d, pos, k, v)) {
    if (key.is_empty() || last) {
      key = k;
      val = v;
      if (!last) break;
    }
  }
  dict_del(d, key);
  Value pair[2] = {key, val};
  return Value::object(new_tuple(pair));
}

Value od_eq(Value self, const Args& a) {
  if (!is_dict_like(a[0])) return kNotImplemented;
  if (!is_subtype(type_of(a[0]), &ordered_dict_type)) return Value::boolean(plain_equal(self, a[0]));
  List* x = new_list();
  List* y = new_list();
  for (auto [src, dst] : {std::pair{self, x}, std::pair{a[0], y}}) {
    size_t pos = 0;
    Value k, v;
    while (dict_next(as_dict(src), pos, k, v)) {
      Value pair[2] = {k, v};
      dst->items.push_back(Value::object(new_tuple(pair)));
    }
  }
  return Value::boolean(equals(Value::object(x), Value::object(y)));
}
Value od_ne(Value self, const Args& a) {
  Value r = od_eq(self, a);
  return r == kNotImplemented ? r : Value::boolean(!r.is_true());
}

Value od_copy(Value self, const Args&) {
  Dict* c = new_dict_of(as_dict(self)->type);
  dict_update(c, Value::object(dict_copy(as_dict(self))));
  return Value::object(c);
}

template <Type* T, NativeFn F> constexpr NativeFn M = method<T, F>;

void init_dict_subclass(Type& t, const char* name, NativeFn construct) {
  init_type(t, name, Kind::Dict, &types::dict);
  t.module_name = Value::object(intern("collections"));
  t.is_builtin = false;
  t.construct = construct;
  add_method(t, "__len__", method<&types::dict, dict_len>);
  add_attr(t, "__hash__", Value::none());
}

void init_types() {
  init_type(deque_type, "deque", Kind::Object, &types::object);
  deque_type.module_name = Value::object(intern("collections"));
  deque_type.is_builtin = false;
  deque_type.construct = construct_deque;
  set_match_flags(deque_type, kMatchSequence);
  init_native_iter_type(deque_iterator_type, "_deque_iterator", "_collections");
  init_native_iter_type(deque_reverse_iterator_type, "_deque_reverse_iterator", "_collections");
  constexpr Type* DQ = &deque_type;
  add_methods(deque_type, {
                              {"append", M<DQ, dq_append>},       {"appendleft", M<DQ, dq_appendleft>},
                              {"pop", M<DQ, dq_pop>},             {"popleft", M<DQ, dq_popleft>},
                              {"extend", M<DQ, dq_extend>},       {"extendleft", M<DQ, dq_extendleft>},
                              {"clear", M<DQ, dq_clear>},         {"rotate", M<DQ, dq_rotate>},
                              {"copy", M<DQ, dq_copy>},           {"count", M<DQ, dq_count>},
                              {"index", M<DQ, dq_index>},         {"insert", M<DQ, dq_insert>},
                              {"remove", M<DQ, dq_remove>},       {"reverse", M<DQ, dq_reverse>},
                              {"__len__", M<DQ, dq_len>},         {"__getitem__", M<DQ, dq_getitem>},
                              {"__setitem__", M<DQ, dq_setitem>}, {"__delitem__", M<DQ, dq_delitem>},
                              {"__contains__", M<DQ, dq_contains>}, {"__iter__", M<DQ, dq_iter>},
                              {"__reversed__", M<DQ, dq_reversed>}, {"__repr__", M<DQ, dq_repr>},
                              {"__eq__", M<DQ, dq_eq>},           {"__ne__", M<DQ, dq_ne>},
                              {"__lt__", M<DQ, dq_lt>},           {"__le__", M<DQ, dq_le>},
                              {"__gt__", M<DQ, dq_gt>},           {"__ge__", M<DQ, dq_ge>},
                              {"__add__", M<DQ, dq_add>},         {"__iadd__", M<DQ, dq_iadd>},
                              {"__mul__", M<DQ, dq_mul>},         {"__rmul__", M<DQ, dq_mul>},
                              {"__copy__", M<DQ, dq_copy>},
                          });
  add_attr(deque_type, "maxlen", native_property("maxlen", dq_maxlen));
  add_attr(deque_type, "__hash__", Value::none());

  constexpr Type* DD = &defaultdict_type;
  init_dict_subclass(defaultdict_type, "defaultdict", construct_defaultdict);
  add_methods(defaultdict_type, {{"__missing__", M<DD, dd_missing>},
                                 {"__repr__", M<DD, dd_repr>},
                                 {"copy", M<DD, dd_copy>},
                                 {"__copy__", M<DD, dd_copy>},
                                 {"__eq__", M<DD, dd_eq>},
                                 {"__ne__", M<DD, dd_ne>}});
  add_attr(defaultdict_type, "default_factory", native_property("default_factory", dd_factory_get, dd_factory_set));

  init_type(tuplegetter_type, "_tuplegetter", Kind::Object, &types::object);
  tuplegetter_type.module_name = Value::object(intern("collections"));
  tuplegetter_type.is_builtin = false; // a descriptor through its __get__/__set__
  tuplegetter_type.construct = construct_tuplegetter;
  add_methods(tuplegetter_type, {{"__get__", self_or_first<tg_get>},
                                 {"__set__", self_or_first<tg_set>},
                                 {"__delete__", self_or_first<tg_delete>}});
  add_attr(tuplegetter_type, "__doc__", native_property("__doc__", tg_doc_get, tg_doc_set));

  constexpr Type* OD = &ordered_dict_type;
  init_dict_subclass(ordered_dict_type, "OrderedDict", construct_ordered_dict);
  add_methods(ordered_dict_type, {{"__repr__", M<OD, od_repr>},
                                  {"move_to_end", M<OD, od_move_to_end>},
                                  {"popitem", M<OD, od_popitem>},
                                  {"copy", M<OD, od_copy>},
                                  {"__eq__", M<OD, od_eq>},
                                  {"__ne__", M<OD, od_ne>}});
}

} // namespace

Module* make_collections_module() {
  Module* m = new_module("_collections");
  if (!deque_type.name[0]) init_types();
  add_value(m, "deque", Value::object(&deque_type));
  add_value(m, "defaultdict", Value::object(&defaultdict_type));
  add_value(m, "OrderedDict", Value::object(&ordered_dict_type));
  add_value(m, "_deque_iterator", Value::object(&deque_iterator_type));
  add_value(m, "_deque_reverse_iterator", Value::object(&deque_reverse_iterator_type));
  add_value(m, "_tuplegetter", Value::object(&tuplegetter_type));
  add_function(m, "_count_elements", count_elements);
  return m;
}

} // namespace tributary::lib
