// builtin_types.cpp — constructors of the builtin types (`int(...)`, `list(...)`,
// ...) and the few methods of int, float and range.
//
// Each Type's `construct` receives the Type as `self`; `T.__new__` makes
// instances of T's subclasses (user_class.h).
#include <cmath>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/format.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/exec.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

// ---- object and type -------------------------------------------------------------

Value construct_object(Value, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "object() takes no arguments");
  auto* o = gc::make<Object>();
  o->type = &types::object;
  return Value::object(o);
}

Value construct_type(Value, const Args& a) {
  if (a.npos == 1 && a.nkw == 0) return Value::object(is_instance_dict(a[0]) ? &types::dict : type_of(a[0]));
  if (a.npos == 3) {
    // A base's metaclass other than type makes the class (type_new's "winner").
    if (is_tuple(a[1])) {
      for (Value b : a[1].as<Tuple>()->span())
        if (!is_type(b)) // (a non-type base's metaclass is its type, which is no type subclass)
          raise(types::type_error, "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                                   "subclass of the metaclasses of all its bases");
      Type* meta = most_derived_metaclass(&types::type, a[1].as<Tuple>());
      if (meta != &types::type) return call(Value::object(meta), a);
    }
    Value args[4] = {Value::object(&types::type), a[0], a[1], a[2]};
    return call(dict_get(types::type.dict, Value::object(intern("__new__"))), Args{args, 4, a.kwnames, a.kwvals, a.nkw});
  }
  raise(types::type_error, "type() takes 1 or 3 arguments");
}

// ---- numbers ---------------------------------------------------------------------

// int(float): truncation towards zero; big ints for large values.
Value int_from_double(double d) {
  if (std::isinf(d)) raise(types::overflow_error, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise(types::value_error, "cannot convert float NaN to integer");
  d = std::trunc(d);
  if (std::fabs(d) < 9.0e15) return make_int(static_cast<int64_t>(d));
  Mpz z;
  mpz_set_d(z, d);
  return make_int(z);
}

// int(text, base) for str or bytes `text`.
Value int_from_text(Value text, std::string_view s, int64_t base) {
  if (base != 0 && (base < 2 || base > 36)) raise(types::value_error, "int() base must be >= 2 and <= 36, or 0");
  Mpz z;
  bool ok;
  try {
    ok = fmtlib::parse_int(s, static_cast<int>(base), z);
  } catch (const fmtlib::FormatError& e) {
    raise_format_error(e);
  }
  if (!ok) raise_fmt(types::value_error, "invalid literal for int() with base {}: {}", base, repr_string(text));
  return make_int(z);
}

// The text of a str, bytes or bytearray (int() parses all three).
std::string_view text_of(Value v) {
  if (is_str(v)) return v.as<Str>()->view();
  return *bytes_like(v);
}

// int() of text; a bytearray shows as bytes in the error, as in CPython.
Value int_from_value_text(Value x, int64_t base) {
  Value shown = is_kind(x, Kind::Bytes) || is_str(x) ? x : make_bytes(text_of(x));
  return int_from_text(shown, text_of(x), base);
}

Value construct_int(Value, const Args& a) {
  Value p[2];
  bind_args(a, "int", {"x", "base"}, 0, p, 1);
  Value x = p[0];
  if (!p[1].is_empty()) {
    if (x.is_empty()) raise(types::type_error, "int() missing string argument");
    int64_t base = arg_index(p[1]);
    if (!is_str(x) && !bytes_like(x)) raise(types::type_error, "int() can't convert non-string with explicit base");
    return int_from_value_text(x, base);
  }
  if (x.is_empty()) return Value::small_int(0);
  if (x.is_small_int()) return x;
  if (is_bigint(x)) return type_of(x) == &types::int_ ? x : make_int(x.as<BigInt>()->z); // a subclass's value
  if (x.is_bool()) return Value::small_int(x.is_true());
  if (x.is_double()) return int_from_double(x.as_double());
  if (is_float(x) && !overrides_dunder(x, "__int__")) return int_from_double(float_value(x));
  if (is_str(x) || bytes_like(x)) return int_from_value_text(x, 10);
  for (const char* dunder : {"__int__", "__index__", "__trunc__"}) {
    Value r = call_dunder(x, dunder);
    if (r.is_empty()) continue;
    if (!is_integer(r)) raise_fmt(types::type_error, "{} returned non-int (type {})", dunder, tname(r));
    return r.is_bool() ? Value::small_int(r.is_true()) : r;
  }
  raise_fmt(types::type_error, "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            tname(x));
}

Value construct_float(Value, const Args& a) {
  no_kwargs(a, "float");
  check_expected(a, "float", 0, 1);
  if (a.npos == 0) return Value::from_double(0.0);
  Value x = a[0];
  if (x.is_double()) return x;
  if ((is_float(x) || is_integer(x)) && overrides_dunder(x, "__float__")) { // a subclass's own (PyNumber_Float)
    Value r = call_dunder(x, "__float__");
    if (!is_float(r)) raise_fmt(types::type_error, "{}.__float__ returned non-float (type {})", tname(x), tname(r));
    return Value::from_double(float_value(r));
  }
  if (is_float(x)) return Value::from_double(float_value(x)); // a subclass's value
  if (is_integer(x)) return Value::from_double(int_to_double(x));
  if (is_str(x) || bytes_like(x)) {
    if (auto d = fmtlib::parse_float(text_of(x))) return Value::from_double(*d);
    raise_fmt(types::value_error, "could not convert string to float: {}", repr_string(x));
  }
  if (auto d = real_as_double(x)) return Value::from_double(*d);
  raise_fmt(types::type_error, "float() argument must be a string or a real number, not '{}'", tname(x));
}

// types.MethodType(func, obj): `func` bound to `obj` (CPython's method_new).
Value construct_method(Value, const Args& a) {
  no_kwargs(a, "method");
  if (a.npos != 2) raise_fmt(types::type_error, "method expected 2 arguments, got {}", a.npos);
  if (!is_callable_value(a[0])) raise(types::type_error, "first argument must be callable");
  if (a[1].is_none()) raise(types::type_error, "instance must not be None");
  auto* m = gc::make<BoundMethod>();
  m->type = &types::bound_method;
  m->func = a[0];
  m->self = a[1];
  return Value::object(m);
}

Value construct_bool(Value, const Args& a) {
  no_kwargs(a, "bool");
  check_expected(a, "bool", 0, 1);
  return Value::boolean(a.npos == 1 && truthy(a[0]));
}

Value int_bit_length(Value self, const Args& a) {
  check_none(a, "int.bit_length");
  if (auto i = int_as_i64(self)) {
    uint64_t u = *i < 0 ? 0 - static_cast<uint64_t>(*i) : static_cast<uint64_t>(*i);
    return make_int(static_cast<int64_t>(64 - std::countl_zero(u)));
  }
  return make_int(static_cast<int64_t>(mpz_sizeinbase(self.as<BigInt>()->z, 2)));
}

Value int_bit_count(Value self, const Args& a) {
  check_none(a, "int.bit_count");
  if (auto i = int_as_i64(self)) {
    uint64_t u = *i < 0 ? 0 - static_cast<uint64_t>(*i) : static_cast<uint64_t>(*i);
    return make_int(static_cast<int64_t>(std::popcount(u)));
  }
  Mpz z;
  mpz_abs(z, self.as<BigInt>()->z);
  return make_int(static_cast<int64_t>(mpz_popcount(z)));
}

Value float_is_integer(Value self, const Args& a) {
  check_none(a, "float.is_integer");
  double d = float_value(self);
  return Value::boolean(std::isfinite(d) && std::trunc(d) == d);
}

// ---- text ------------------------------------------------------------------------

Value construct_str(Value, const Args& a) {
  if (a.npos == 1 && a.nkw == 0) return Value::object(to_str(a[0])); // str(x), the common call
  Value p[3];
  bind_args(a, "str", {"object", "encoding", "errors"}, 0, p);
  if (p[0].is_empty()) return str_value("");
  if (p[1].is_empty() && p[2].is_empty()) return Value::object(to_str(p[0]));
  auto data = bytes_like(p[0]);
  if (!data) raise_fmt(types::type_error, "decoding to str: need a bytes-like object, {} found", tname(p[0]));
  if (!p[1].is_empty() && !is_str(p[1]))
    raise_fmt(types::type_error, "str() argument 'encoding' must be str, not {}", tname(p[1]));
  if (!p[2].is_empty() && !is_str(p[2]))
    raise_fmt(types::type_error, "str() argument 'errors' must be str, not {}", tname(p[2]));
  return decode_bytes(*data, p[1].is_empty() ? "utf-8" : p[1].as<Str>()->view(),
                      p[2].is_empty() ? "strict" : p[2].as<Str>()->view());
}

// ---- containers -----------------------------------------------------------------

Value construct_list(Value, const Args& a) {
  no_kwargs(a, "list");
  check_expected(a, "list", 0, 1);
  return Value::object(a.npos ? list_from_iterable(a[0]) : new_list());
}

Value construct_tuple(Value, const Args& a) {
  no_kwargs(a, "tuple");
  check_expected(a, "tuple", 0, 1);
  if (a.npos == 0) return Value::object(new_tuple(size_t(0)));
  if (type_of(a[0]) == &types::tuple) return a[0];
  return Value::object(tuple_from_iterable(a[0]));
}

Value construct_dict(Value, const Args& a) {
  check_expected(a, "dict", 0, 1);
  Dict* d = new_dict();
  if (a.npos) dict_update_arg(d, a[0]);
  dict_update_kwargs(d, a);
  return Value::object(d);
}

Value construct_set(Value, const Args& a) {
  no_kwargs(a, "set");
  check_expected(a, "set", 0, 1);
  Set* s = new_set();
  if (a.npos) set_update(s, a[0]);
  return Value::object(s);
}

Value construct_frozenset(Value, const Args& a) {
  no_kwargs(a, "frozenset");
  check_expected(a, "frozenset", 0, 1);
  if (a.npos && type_of(a[0]) == &types::frozenset) return a[0];
  Set* s = new_set(&types::frozenset);
  if (a.npos) set_update(s, a[0]);
  return Value::object(s);
}

// ---- range and slice -------------------------------------------------------------

Value construct_range(Value, const Args& a) {
  no_kwargs(a, "range");
  check_expected(a, "range", 1, 3);
  return make_range_from_args(a.positional());
}

Range* as_range(Value v) { return v.as<Range>(); }

// Property getters: called as fget(obj), so the range is the first argument.
Value range_start(Value, const Args& a) { return range_start_value(as_range(a[0])); }
Value range_stop(Value, const Args& a) { return range_stop_value(as_range(a[0])); }
Value range_step(Value, const Args& a) { return range_step_value(as_range(a[0])); }

// Position of the int `v` in range `r` (a Python int), -1 when absent, -2 when
// `v` is not an int (the caller then compares element-wise).
Value range_position(Range* r, Value v) {
  if (!is_integer(v)) return Value::small_int(-2);
  if (!r->big && !v.is_bool()) {
    auto x = int_as_i64(v);
    if (!x) return Value::small_int(-1);
    if (r->step > 0 ? (*x < r->start || *x >= r->stop) : (*x > r->start || *x <= r->stop)) return Value::small_int(-1);
    __int128 off = static_cast<__int128>(*x) - r->start; // may exceed int64 for a wide range
    if (off % r->step != 0) return Value::small_int(-1);
    return make_int(static_cast<int64_t>(off / r->step));
  }
  if (v.is_bool()) v = Value::small_int(v.is_true());
  Value start = range_start_value(r), stop = range_stop_value(r), step = range_step_value(r);
  if (int_is_negative(step) ? (int_compare(v, start) > 0 || int_compare(v, stop) <= 0)
                            : (int_compare(v, start) < 0 || int_compare(v, stop) >= 0))
    return Value::small_int(-1);
  Value off = int_sub(v, start);
  if (int_compare(int_mod(off, step), Value::small_int(0)) != 0) return Value::small_int(-1);
  return int_floordiv(off, step);
}

Value range_count(Value self, const Args& a) {
  check_one(a, "range.count");
  Range* r = as_range(self);
  Value pos = range_position(r, a[0]);
  if (!int_is_negative(pos)) return Value::small_int(1);
  if (int_compare(pos, Value::small_int(-1)) == 0) return Value::small_int(0);
  int64_t n = range_length(r), count = 0;
  for (int64_t i = 0; i < n; ++i)
    if (equals(a[0], range_item(r, i))) ++count;
  return make_int(count);
}

Value range_index(Value self, const Args& a) {
  check_one(a, "range.index");
  Range* r = as_range(self);
  Value pos = range_position(r, a[0]);
  if (!int_is_negative(pos)) return pos;
  if (int_compare(pos, Value::small_int(-2)) == 0) {
    int64_t n = range_length(r);
    for (int64_t i = 0; i < n; ++i)
      if (equals(a[0], range_item(r, i))) return make_int(i);
  }
  raise_fmt(types::value_error, "{} is not in range", repr_string(a[0]));
}

Value construct_slice(Value, const Args& a) {
  no_kwargs(a, "slice");
  check_expected(a, "slice", 1, 3);
  auto* s = gc::make<Slice>();
  s->type = &types::slice;
  s->start = s->stop = s->step = Value::none();
  if (a.npos == 1) {
    s->stop = a[0];
  } else {
    s->start = a[0];
    s->stop = a[1];
    if (a.npos == 3) s->step = a[2];
  }
  return Value::object(s);
}

// An int, or what x.__index__() returns; TypeError `message` when neither.
Value index_int(Value v, std::string_view message) {
  if (v.is_bool()) return Value::small_int(v.is_true());
  if (is_integer(v)) return v;
  Value r = call_dunder(v, "__index__");
  if (r.is_empty()) raise(types::type_error, message);
  if (!is_integer(r)) raise_fmt(types::type_error, "__index__ returned non-int (type {})", tname(r));
  return r.is_bool() ? Value::small_int(r.is_true()) : r;
}

// slice.indices(length): (start, stop, step) clipped to a sequence of `length`,
// in Python ints of any size (CPython's _PySlice_GetLongIndices).
Value slice_indices_m(Value self, const Args& a) {
  check_one(a, "slice.indices");
  auto* s = self.as<Slice>();
  Value length = index_int(a[0], fmt::format("'{}' object cannot be interpreted as an integer", tname(a[0])));
  if (int_is_negative(length)) raise(types::value_error, "length should not be negative");
  constexpr std::string_view kBad = "slice indices must be integers or None or have an __index__ method";
  Value step = s->step.is_none() ? Value::small_int(1) : index_int(s->step, kBad);
  if (int_compare(step, Value::small_int(0)) == 0) raise(types::value_error, "slice step cannot be zero");
  bool backwards = int_is_negative(step);
  Value lower = Value::small_int(backwards ? -1 : 0);
  Value upper = backwards ? int_add(length, Value::small_int(-1)) : length;
  auto clip = [&](Value v, Value absent) {
    if (v.is_none()) return absent;
    Value i = index_int(v, kBad);
    if (int_is_negative(i)) {
      i = int_add(i, length);
      return int_compare(i, lower) < 0 ? lower : i;
    }
    return int_compare(i, upper) > 0 ? upper : i;
  };
  Value items[3] = {clip(s->start, backwards ? upper : lower), clip(s->stop, backwards ? lower : upper), step};
  return Value::object(new_tuple(items));
}

// A read-only attribute implemented by a native getter.


// ---- subclasses: T.__new__ and the mutable types' __init__ ---------------------------

// T.__new__(cls, *args): T's value for `args` as an instance of `cls`, a
// subclass of T (instance.h). list, dict and set ignore the arguments here and
// take their contents in __init__, as in CPython, so a subclass's __init__ may
// have any signature.
template <Type* T, bool kMutable> Value builtin_new(Value, const Args& a) {
  if (a.npos == 0) raise_fmt(types::type_error, "{}.__new__(): not enough arguments", T->name);
  if (!is_type(a[0]))
    raise_fmt(types::type_error, "{}.__new__(X): X is not a type object ({})", T->name, tname(a[0]));
  Type* cls = a[0].as<Type>();
  if (!is_subtype(cls, T))
    raise_fmt(types::type_error, "{}.__new__({}): {} is not a subtype of {}", T->name, cls->name, cls->name, T->name);
  Args rest{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  Value base = T->construct(Value::object(T), kMutable ? Args{} : rest);
  if (cls == T) return kMutable ? T->construct(Value::object(T), rest) : base;
  // (reversed(seq) of a sequence with __reversed__ is that method's result, as is.)
  if (T == &types::reversed && type_of(base) != T) return base;
  return new_builtin_subclass_instance(cls, base);
}

Value list_init(Value self, const Args& a) {
  no_kwargs(a, "list");
  check_expected(a, "list", 0, 1);
  List* l = self.as<List>();
  l->items.clear();
  if (a.npos) list_extend(l, a[0]);
  return Value::none();
}

Value dict_init(Value self, const Args& a) {
  check_expected(a, "dict", 0, 1);
  Dict* d = self.as<Dict>();
  if (a.npos) dict_update_arg(d, a[0]);
  dict_update_kwargs(d, a);
  return Value::none();
}

Value set_init(Value self, const Args& a) {
  no_kwargs(a, "set");
  check_expected(a, "set", 0, 1);
  Set* s = self.as<Set>();
  set_clear(s);
  if (a.npos) set_update(s, a[0]);
  return Value::none();
}

// classmethod/staticmethod/property take their arguments in __new__ (their
// construct); the __init__ a subclass's super().__init__(f) reaches accepts them.
Value accept_init(Value, const Args&) { return Value::none(); }

// ---- object.__reduce_ex__ / __reduce__ (copy and pickle) ---------------------------------

Value copyreg_attr(const char* name) {
  Value m = vm::import_module(vm::state().builtins->dict, intern("copyreg"), Value::none(), Value::small_int(0));
  return get_attr(m, intern(name));
}

// object.__getstate__() (3.11): the instance's attributes as a plain dict, or
// None when it has none; with __slots__ (copyreg._slotnames) that are set,
// (that dict or None, {slot: value}), as CPython's object___getstate__.
Value object_getstate(Value self, const Args& a) {
  if (self.is_empty() && a.npos) self = a[0];
  Instance* store = self.is_object() ? attr_store(self.as_object()) : nullptr;
  if (!store) return Value::none();
  Dict* d = instance_dict(store);
  Type* t = type_of(self);
  Dict* slots = new_dict();
  if (!t->is_builtin && t->kind == Kind::Instance) {
    Value names = call1(copyreg_attr("_slotnames"), Value::object(t));
    Value it = get_iter(names), name;
    while (iter_next(it, name)) {
      if (!is_str(name)) continue;
      dict_del(d, name);
      if (Value v = instance_get_slot(store, intern(name.as<Str>()->view())); !v.is_empty()) dict_set(slots, name, v);
    }
  }
  Value state = d->used ? Value::object(d) : Value::none();
  if (!slots->used) return state;
  Value pair[2] = {state, Value::object(slots)};
  return Value::object(new_tuple(std::span<const Value>(pair, 2)));
}

// CPython's reduce_newobj: (copyreg.__newobj__, (cls, *newargs), state,
// list items, dict items), state being __getstate__() or the instance dict.
Value reduce_newobj(Value self) {
  Type* t = type_of(self);
  GcVector<Value> args{Value::object(t)};
  if (Value gna = get_attr_or_empty(self, intern("__getnewargs__")); !gna.is_empty()) {
    Value r = call0(gna);
    if (!is_tuple(r)) raise_fmt(types::type_error, "__getnewargs__ should return a tuple, not '{}'", tname(r));
    for (Value v : r.as<Tuple>()->span()) args.push_back(v);
  }
  Value state = Value::none();
  if (Value gs = get_attr_or_empty(self, intern("__getstate__")); !gs.is_empty()) {
    state = call0(gs);
  } else if (Instance* store = self.is_object() ? attr_store(self.as_object()) : nullptr) {
    Dict* d = instance_dict(store);
    if (d->used) state = Value::object(d);
  }
  Value items[5] = {copyreg_attr("__newobj__"), Value::object(new_tuple(std::span<const Value>(args))), state,
                    Value::none(), Value::none()};
  if (is_list(self)) items[3] = get_iter(self);
  if (is_dict(self)) items[4] = get_iter(call0(get_attr(self, intern("items"))));
  return Value::object(new_tuple(std::span<const Value>(items)));
}

// __getnewargs__ of int, float, str and tuple: (the plain value,), what pickle
// and copy pass to a subclass's __new__.
Value one_tuple(Value v) { return Value::object(new_tuple({&v, 1})); }
Value int_getnewargs(Value self, const Args& a) {
  check_none(a, "int.__getnewargs__");
  if (self.is_bool()) return one_tuple(Value::small_int(self.is_true()));
  if (self.is_small_int() || type_of(self) == &types::int_) return one_tuple(self);
  Mpz z(self); // a subclass instance: its value, normalized
  return one_tuple(make_int(z));
}
Value float_getnewargs(Value self, const Args& a) {
  check_none(a, "float.__getnewargs__");
  return one_tuple(Value::from_double(float_value(self)));
}
Value str_getnewargs(Value self, const Args& a) {
  check_none(a, "str.__getnewargs__");
  return one_tuple(type_of(self) == &types::str ? self : str_value(self.as<Str>()->view()));
}
Value tuple_getnewargs(Value self, const Args& a) {
  check_none(a, "tuple.__getnewargs__");
  return one_tuple(type_of(self) == &types::tuple ? self : Value::object(new_tuple(self.as<Tuple>()->span())));
}

// range.__reduce__ and slice.__reduce__: (type, (start, stop, step)).
Value range_reduce(Value self, const Args& a) {
  check_none(a, "range.__reduce__");
  Range* r = self.as<Range>();
  Value fields[3] = {range_start_value(r), range_stop_value(r), range_step_value(r)};
  Value items[2] = {Value::object(&types::range), Value::object(new_tuple(fields))};
  return Value::object(new_tuple(items));
}
Value slice_reduce(Value self, const Args& a) {
  check_none(a, "slice.__reduce__");
  Slice* s = self.as<Slice>();
  Value fields[3] = {s->start, s->stop, s->step};
  Value items[2] = {Value::object(&types::slice), Value::object(new_tuple(fields))};
  return Value::object(new_tuple(items));
}

// The state a reduction carries: a subclass instance's attributes, or None.
Value instance_state(Value self) {
  Instance* store = self.is_object() ? attr_store(self.as_object()) : nullptr;
  if (!store) return Value::none();
  Dict* d = instance_dict(store);
  return d->used ? Value::object(d) : Value::none();
}

// set/frozenset.__reduce__: (type(self), (list(self),), state), as CPython's set_reduce.
Value set_reduce(Value self, const Args& a) {
  check_none(a, "__reduce__");
  Value items = Value::object(list_from_iterable(self));
  Value parts[3] = {Value::object(type_of(self)), Value::object(new_tuple(std::span<const Value>(&items, 1))),
                    instance_state(self)};
  return Value::object(new_tuple(parts));
}

// builtin_function_or_method.__reduce__ (CPython's meth_reduce): a module
// function pickles as its name (found again through its __module__), a bound
// one as getattr(self, name).
Value native_reduce(Value self, const Args& a) {
  check_none(a, "__reduce__");
  auto* f = self.as<NativeFunction>();
  if (f->self.is_empty() || is_kind(f->self, Kind::Module)) return str_value(f->name);
  Value getattr = dict_get(vm::state().builtins->dict, Value::object(intern("getattr")));
  Value args[2] = {f->self, str_value(f->name)};
  Value parts[2] = {getattr, Value::object(new_tuple(args))};
  return Value::object(new_tuple(parts));
}

Value object_reduce_ex(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "__reduce_ex__() takes exactly one argument");
  int64_t protocol = arg_index(a[0]);
  Value reduce = type_lookup(type_of(self), intern("__reduce__"));
  if (!reduce.is_empty() && !(is_kind(reduce, Kind::NativeFunction) && reduce.as<NativeFunction>()->owner == &types::object))
    return call0(get_attr(self, intern("__reduce__")));
  if (protocol < 2) {
    Value args[2] = {self, a[0]};
    return call(copyreg_attr("_reduce_ex"), Args{args, 2});
  }
  return reduce_newobj(self);
}

Value object_reduce(Value self, const Args&) {
  Value args[2] = {self, Value::small_int(0)};
  return call(copyreg_attr("_reduce_ex"), Args{args, 2});
}

// module.__new__(cls, *args): a blank module (its __init__ names it), of subclass cls.
Value module_new(Value, const Args& a) {
  if (a.npos == 0 || !is_type(a[0]) || !is_subtype(a[0].as<Type>(), &types::module))
    raise(types::type_error, "module.__new__(X): X is not a subtype of module");
  Module* m = new_module("?");
  dict_del(m->dict, Value::object(intern("__name__")));
  Type* cls = a[0].as<Type>();
  return cls == &types::module ? Value::object(m) : new_builtin_subclass_instance(cls, Value::object(m));
}

// module.__init__(self, name, doc=None).
Value module_init(Value self, const Args& args) {
  Args a = args;
  if (self.is_empty()) {
    if (a.npos == 0) raise(types::type_error, "descriptor '__init__' of 'module' object needs an argument");
    self = a[0];
    a = Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  }
  if (!is_kind(self, Kind::Module)) raise_fmt(types::type_error, "descriptor '__init__' requires a 'module' object but received a '{}'", tname(self));
  Value p[2];
  bind_args(a, "module", {"name", "doc"}, 1, p);
  if (!is_str(p[0])) raise_fmt(types::type_error, "module.__init__() argument 'name' must be str, not {}", tname(p[0]));
  Module* m = self.as<Module>();
  m->name = p[0].as<Str>();
  dict_set(m->dict, Value::object(intern("__name__")), p[0]);
  dict_set(m->dict, Value::object(intern("__doc__")), p[1].is_empty() ? Value::none() : p[1]);
  for (const char* name : {"__package__", "__loader__", "__spec__"})
    dict_set(m->dict, Value::object(intern(name)), Value::none());
  return Value::none();
}

// builtin_function_or_method.__reduce__: a module function pickles as its
// name (pickle finds its module), a bound method as getattr(self, name).
Value native_function_reduce(Value self, const Args& args) {
  Args a = args;
  if (self.is_empty() && a.npos) {
    self = a[0];
    a = Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  }
  if (!is_kind(self, Kind::NativeFunction)) raise_type_error("__reduce__ requires a builtin function");
  auto* f = self.as<NativeFunction>();
  if (f->self.is_empty() || is_kind(f->self, Kind::Module)) return str_value(f->name);
  Value getattr_fn = *dict_find_str(vm::state().builtins->dict, intern("getattr"));
  Value inner[2] = {f->self, str_value(f->name)};
  Value outer[2] = {getattr_fn, Value::object(new_tuple(std::span<const Value>(inner, 2)))};
  return Value::object(new_tuple(std::span<const Value>(outer, 2)));
}

void init_subclassing() {
  add_method(types::object, "__reduce_ex__", self_or_first<object_reduce_ex>);
  add_method(types::object, "__reduce__", self_or_first<object_reduce>);
  add_method(types::object, "__sizeof__", self_or_first<object_sizeof>);
  add_method(types::object, "__getstate__", object_getstate);
  add_methods(types::int_, {{"__getnewargs__", method<&types::int_, int_getnewargs>}});
  add_methods(types::float_, {{"__getnewargs__", method<&types::float_, float_getnewargs>}});
  add_methods(types::str, {{"__getnewargs__", method<&types::str, str_getnewargs>}});
  add_methods(types::tuple, {{"__getnewargs__", method<&types::tuple, tuple_getnewargs>}});
  add_static_method(types::int_, "__new__", builtin_new<&types::int_, false>);
  add_static_method(types::float_, "__new__", builtin_new<&types::float_, false>);
  add_static_method(types::str, "__new__", builtin_new<&types::str, false>);
  add_static_method(types::tuple, "__new__", builtin_new<&types::tuple, false>);
  add_static_method(types::frozenset, "__new__", builtin_new<&types::frozenset, false>);
  add_static_method(types::bytes, "__new__", builtin_new<&types::bytes, false>);
  add_static_method(types::property, "__new__", builtin_new<&types::property, false>);
  add_static_method(types::staticmethod, "__new__", builtin_new<&types::staticmethod, false>);
  add_static_method(types::classmethod, "__new__", builtin_new<&types::classmethod, false>);
  add_static_method(types::list, "__new__", builtin_new<&types::list, true>);
  add_static_method(types::dict, "__new__", builtin_new<&types::dict, true>);
  add_static_method(types::set, "__new__", builtin_new<&types::set, true>);
  add_static_method(types::enumerate, "__new__", builtin_new<&types::enumerate, false>);
  add_static_method(types::zip, "__new__", builtin_new<&types::zip, false>);
  add_static_method(types::map, "__new__", builtin_new<&types::map, false>);
  add_static_method(types::filter, "__new__", builtin_new<&types::filter, false>);
  add_static_method(types::reversed, "__new__", builtin_new<&types::reversed, false>);
  add_method(types::list, "__init__", method<&types::list, list_init>);
  add_method(types::dict, "__init__", method<&types::dict, dict_init>);
  add_method(types::set, "__init__", method<&types::set, set_init>);
  for (Type* t : {&types::property, &types::staticmethod, &types::classmethod}) add_method(*t, "__init__", accept_init);
  add_method(types::native_function, "__reduce__", native_function_reduce);
  add_static_method(types::module, "__new__", module_new);
  add_method(types::module, "__init__", module_init);
}

} // namespace

// types.ModuleType(name, doc=None): a module with CPython's initial attributes.
Value construct_module(Value, const Args& a) {
  Value p[2];
  bind_args(a, "module", {"name", "doc"}, 1, p);
  if (!is_str(p[0])) raise_fmt(types::type_error, "module.__init__() argument 'name' must be str, not {}", tname(p[0]));
  Module* mod = new_module(p[0].as<Str>()->view());
  dict_set(mod->dict, Value::object(intern("__doc__")), p[1].is_empty() ? Value::none() : p[1]);
  for (const char* name : {"__package__", "__loader__", "__spec__"})
    dict_set(mod->dict, Value::object(intern(name)), Value::none());
  return Value::object(mod);
}

void init_builtin_types(Module* m) {
  struct TypeDef {
    Type* type;
    const char* name;
    NativeFn construct;
  };
  const TypeDef kTypes[] = {
      {&types::object, "object", construct_object},       {&types::type, "type", construct_type},
      {&types::int_, "int", construct_int},                {&types::float_, "float", construct_float},
      {&types::boolean, "bool", construct_bool},           {&types::str, "str", construct_str},
      {&types::list, "list", construct_list},              {&types::tuple, "tuple", construct_tuple},
      {&types::dict, "dict", construct_dict},              {&types::set, "set", construct_set},
      {&types::frozenset, "frozenset", construct_frozenset}, {&types::range, "range", construct_range},
      {&types::slice, "slice", construct_slice},
  };
  for (const TypeDef& t : kTypes) {
    t.type->construct = t.construct;
    add_value(m, t.name, Value::object(t.type));
  }
  types::module.construct = construct_module; // (not a builtins name: types.ModuleType)
  add_methods(types::int_, {{"bit_length", method<&types::int_, int_bit_length>},
                            {"bit_count", method<&types::int_, int_bit_count>}});
  add_methods(types::float_, {{"is_integer", method<&types::float_, float_is_integer>}});
  // (real, imag, numerator, denominator, conjugate, as_integer_ratio: add_number_attrs)
  add_methods(types::range, {{"__reduce__", method<&types::range, range_reduce>},
                             {"count", method<&types::range, range_count>},
                             {"index", method<&types::range, range_index>}});
  add_methods(types::set, {{"__reduce__", method<&types::set, set_reduce>}});
  add_methods(types::native_function, {{"__reduce__", method<&types::native_function, native_reduce>}});
  add_methods(types::frozenset, {{"__reduce__", method<&types::frozenset, set_reduce>}});
  add_methods(types::slice, {{"indices", method<&types::slice, slice_indices_m>},
                             {"__reduce__", method<&types::slice, slice_reduce>}});
  add_attr(types::range, "start", native_property("start", range_start));
  add_attr(types::range, "stop", native_property("stop", range_stop));
  add_attr(types::range, "step", native_property("step", range_step));
  types::bound_method.construct = construct_method;
  add_number_attrs();
  init_subclassing();
}

} // namespace tributary::lib
