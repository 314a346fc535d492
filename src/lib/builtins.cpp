// builtins.cpp — the functions of the `builtins` module.
//
// Each builtin reproduces CPython 3.11's argument handling and error messages.
// Builtin *types* (int, str, list, range, ...) and their constructors live in
// builtin_types.cpp; iterator objects (enumerate, zip, map, ...) in
// runtime/iter.h; exec/eval/compile/globals/locals/vars and __build_class__
// in vm/exec.cpp. Limits: 3-argument type() is not provided.
#include <array>

#include "lib/builtins.h"

#include <cmath>
#include <cstdio>

#include "lib/lib.h"
#include "lib/native.h"
#include "lib/str_text.h"
#include "runtime/containers.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/code.h"
#include "vm/coroutine.h"
#include "vm/exec.h"
#include "vm/generator.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

Value intern_value(const char* s) { return Value::object(intern(s)); }

// The current sys.stdin (it may have been reassigned by the program).
Value current_stdin() {
  if (Value* sys = dict_find_str(vm::state().modules, intern("sys")); sys && is_kind(*sys, Kind::Module))
    if (Value* in = dict_find_str(sys->as<Module>()->dict, intern("stdin")); in && !in->is_none()) return *in;
  return std_input();
}

// ---- I/O ---------------------------------------------------------------------------

Value builtin_print(Value, const Args& a) {
  Value sep = Value::none(), end = Value::none(), file = Value::none(), flush = Value::none();
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    Value v = a.kwvals[i];
    if (k == "sep") sep = v;
    else if (k == "end") end = v;
    else if (k == "file") file = v;
    else if (k == "flush") flush = v;
    else raise_fmt(types::type_error, "'{}' is an invalid keyword argument for print()", k);
  }
  if (!sep.is_none() && !is_str(sep))
    raise_fmt(types::type_error, "sep must be None or a string, not {}", tname(sep));
  if (!end.is_none() && !is_str(end))
    raise_fmt(types::type_error, "end must be None or a string, not {}", tname(end));
  if (file.is_none()) file = current_stdout();
  std::string_view sep_text = sep.is_none() ? std::string_view(" ") : sep.as<Str>()->view();
  std::string_view end_text = end.is_none() ? std::string_view("\n") : end.as<Str>()->view();
  bool direct = file.is_object() && file.as_object()->type == &text_stream_type;
  if (direct) {
    // One write of the whole line: identical output, far fewer calls.
    std::string line;
    for (uint32_t i = 0; i < a.npos; ++i) {
      if (i) line += sep_text;
      Value v = a.pos[i];
      line += is_str(v) ? v.as<Str>()->view() : to_str(v)->view();
    }
    line += end_text;
    stream_write(file, line);
  } else {
    for (uint32_t i = 0; i < a.npos; ++i) {
      if (i) stream_write(file, sep_text);
      stream_write(file, to_str(a.pos[i])->view());
    }
    stream_write(file, end_text);
  }
  if (!flush.is_none() && truthy(flush)) stream_flush(file);
  return Value::none();
}

Value builtin_input(Value, const Args& a) {
  check_expected(a, "input", 0, 1);
  no_kwargs(a, "input");
  Value out = current_stdout();
  if (a.npos == 1) stream_write(out, to_str(a[0])->view());
  stream_flush(out);
  Value line = call0(get_attr(current_stdin(), intern("readline")));
  if (!is_str(line)) raise_fmt(types::type_error, "object of type '{}' has no len()", tname(line));
  std::string_view text = line.as<Str>()->view();
  if (text.empty()) raise(types::eof_error, "EOF when reading a line");
  if (text.back() == '\n') text.remove_suffix(1);
  return str_value(text);
}

// ---- simple functions ------------------------------------------------------------

Value builtin_len(Value, const Args& a) {
  check_one(a, "len");
  return make_int(length(a[0]));
}

Value builtin_repr(Value, const Args& a) {
  check_one(a, "repr");
  return Value::object(repr(a[0]));
}

Value builtin_ascii(Value, const Args& a) {
  check_one(a, "ascii");
  Str* r = repr(a[0]);
  if (r->ascii) return Value::object(r);
  return str_value(ascii_escape(r->view()));
}

Value builtin_hash(Value, const Args& a) {
  check_one(a, "hash");
  return make_int(hash_value(a[0]));
}

Value builtin_id(Value, const Args& a) {
  check_one(a, "id");
  return make_int_u64(a[0].bits());
}

Value builtin_callable(Value, const Args& a) {
  check_one(a, "callable");
  return Value::boolean(is_callable_value(a[0]));
}

Value builtin_format(Value, const Args& a) {
  Value p[2];
  check_expected(a, "format", 1, 2);
  bind_args(a, "format", {"value", "format_spec"}, 1, p, 2);
  Value spec = p[1].is_empty() ? str_value("") : p[1];
  if (!is_str(spec))
    raise_fmt(types::type_error, "format() argument 2 must be str, not {}", tname(spec));
  return Value::object(format_value(p[0], spec.as<Str>()));
}

// ---- numbers -----------------------------------------------------------------------

Value builtin_abs(Value, const Args& a) {
  check_one(a, "abs");
  Value v = a[0];
  if (v.is_double()) return Value::from_double(std::fabs(v.as_double()));
  if (is_integer(v) && !overrides_dunder(v, "__abs__")) return int_abs(v);
  if (is_float(v) && !overrides_dunder(v, "__abs__")) return Value::from_double(std::fabs(float_value(v)));
  Value r = call_dunder(v, "__abs__");
  if (r.is_empty()) raise_fmt(types::type_error, "bad operand type for abs(): '{}'", tname(v));
  return r;
}

Value builtin_divmod(Value, const Args& a) {
  no_kwargs(a, "divmod");
  check_expected(a, "divmod", 2, 2);
  Value x = a[0], y = a[1];
  // (A subclass's own __divmod__/__rdivmod__ comes first.)
  bool own = overrides_dunder(x, "__divmod__") || overrides_dunder(y, "__rdivmod__");
  if (is_integer(x) && is_integer(y) && !own) return int_divmod(x, y);
  if ((is_float(x) || is_integer(x)) && (is_float(y) || is_integer(y)) && !own) {
    double dx = is_float(x) ? float_value(x) : int_to_double(x);
    double dy = is_float(y) ? float_value(y) : int_to_double(y);
    if (dy == 0.0) raise(types::zero_division_error, "float divmod()");
    Value items[2] = {Value::from_double(float_floordiv(dx, dy)), Value::from_double(float_mod(dx, dy))};
    return Value::object(new_tuple(items));
  }
  Value r = call_dunder(x, "__divmod__", {y});
  if (!r.is_empty() && r != kNotImplemented) return r;
  r = call_dunder(y, "__rdivmod__", {x});
  if (!r.is_empty() && r != kNotImplemented) return r;
  raise_fmt(types::type_error, "unsupported operand type(s) for divmod(): '{}' and '{}'", tname(x), tname(y));
}

Value builtin_pow(Value, const Args& a) {
  Value p[3];
  bind_args(a, "pow", {"base", "exp", "mod"}, 2, p);
  if (p[2].is_empty() || p[2].is_none()) return binary_op(BinOp::Pow, p[0], p[1]);
  if (!is_integer(p[0]) || !is_integer(p[1]) || !is_integer(p[2])) {
    Value r = call_dunder(p[0], "__pow__", {p[1], p[2]});
    if (!r.is_empty() && r != kNotImplemented) return r;
    raise(types::type_error, "pow() 3rd argument not allowed unless all arguments are integers");
  }
  if (int_as_i64(p[2]) == 0) raise(types::value_error, "pow() 3rd argument cannot be 0");
  return int_pow_mod(p[0], p[1], p[2]);
}


// round(int, ndigits) for ndigits < 0: exact round-half-even to a multiple of 10**-ndigits.
Value round_int(Value x, int64_t ndigits) {
  if (ndigits >= 0) return x;
  Mpz v, pow10, q, r;
  int_to_mpz(x, v);
  // |x| < 10**(-ndigits) / 2 rounds to 0; skip building a huge power of ten.
  if (static_cast<uint64_t>(-ndigits) > mpz_sizeinbase(v, 10) + 1) return Value::small_int(0);
  mpz_ui_pow_ui(pow10, 10, static_cast<unsigned long>(-ndigits));
  mpz_fdiv_qr(q, r, v, pow10);
  // Compare 2r with pow10: above half rounds up, exactly half rounds to even.
  mpz_mul_2exp(r, r, 1);
  int c = mpz_cmp(r, pow10);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, pow10);
  return make_int(q);
}

Value builtin_round(Value, const Args& a) {
  Value p[2];
  bind_args(a, "round", {"number", "ndigits"}, 1, p);
  Value x = p[0];
  bool has_nd = !p[1].is_empty() && !p[1].is_none();
  if (is_float(x) && !overrides_dunder(x, "__round__")) {
    double d = float_value(x);
    if (!has_nd) return int_from_integral_double(std::nearbyint(d));
    int64_t nd = arg_index(p[1]);
    try {
      return Value::from_double(fmtlib::float_round(d, nd));
    } catch (const fmtlib::FormatError& e) {
      raise_format_error(e);
    }
  }
  if (is_integer(x)) {
    if (!has_nd) return x.is_bool() ? Value::small_int(x.is_true()) : x;
    if (x.is_bool()) x = Value::small_int(x.is_true());
    return round_int(x, arg_index(p[1]));
  }
  Value r = has_nd ? call_dunder(x, "__round__", {p[1]}) : call_dunder(x, "__round__");
  if (r.is_empty()) raise_fmt(types::type_error, "type {} doesn't define __round__ method", tname(x));
  return r;
}

// Shared by hex/oct/bin: an int (or __index__) rendered by fmtlib.
Value int_in_base(const Args& a, const char* name, int base) {
  check_one(a, name);
  Value v = a[0];
  if (!is_integer(v)) {
    Value idx = call_dunder(v, "__index__");
    if (idx.is_empty()) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
    v = idx;
  }
  Mpz z;
  int_to_mpz(v, z);
  std::string s = fmtlib::int_to_string(z, base);
  return str_value(s);
}

Value builtin_hex(Value, const Args& a) { return int_in_base(a, "hex", 16); }
Value builtin_oct(Value, const Args& a) { return int_in_base(a, "oct", 8); }
Value builtin_bin(Value, const Args& a) { return int_in_base(a, "bin", 2); }

Value builtin_ord(Value, const Args& a) {
  check_one(a, "ord");
  Value v = a[0];
  if (is_str(v)) {
    Str* s = v.as<Str>();
    if (s->length != 1)
      raise_fmt(types::type_error, "ord() expected a character, but string of length {} found", s->length);
    size_t pos = 0;
    return make_int(utf8_at(s->view(), pos));
  }
  if (is_kind(v, Kind::Bytes)) {
    Bytes* b = v.as<Bytes>();
    if (b->size != 1)
      raise_fmt(types::type_error, "ord() expected a character, but string of length {} found", b->size);
    return make_int(b->data[0]);
  }
  raise_fmt(types::type_error, "ord() expected string of length 1, but {} found", tname(v));
}

Value builtin_chr(Value, const Args& a) {
  check_one(a, "chr");
  Value v = a[0];
  if (!is_integer(v)) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
  auto i = int_as_i64(v);
  if (!i || *i > INT32_MAX || *i < INT32_MIN) raise(types::overflow_error, "Python int too large to convert to C int");
  if (*i < 0 || *i >= 0x110000) raise(types::value_error, "chr() arg not in range(0x110000)");
  return Value::object(str_from_codepoint(static_cast<uint32_t>(*i)));
}

// sum(iterable, /, start=0): left-to-right additions, with int and float fast paths.
Value builtin_sum(Value, const Args& a) {
  if (a.npos == 0 && a.nkw == 0) raise(types::type_error, "sum() takes at least 1 positional argument (0 given)");
  Value p[2];
  bind_args(a, "sum", {"iterable", "start"}, 1, p, 1);
  Value acc = p[1].is_empty() ? Value::small_int(0) : p[1];
  if (is_str(acc)) raise(types::type_error, "sum() can't sum strings [use ''.join(seq) instead]");
  if (is_kind(acc, Kind::Bytes)) raise(types::type_error, "sum() can't sum bytes [use b''.join(seq) instead]");
  Value it = get_iter(p[0]);
  Value item;
  while (iter_next(it, item)) {
    if (acc.is_small_int() && item.is_small_int()) {
      int64_t s = acc.as_small_int() + item.as_small_int(); // 48-bit operands cannot overflow
      acc = make_int(s);
    } else if (acc.is_double() && item.is_double()) {
      acc = Value::from_double(acc.as_double() + item.as_double());
    } else {
      acc = binary_op(BinOp::Add, acc, item);
    }
  }
  return acc;
}

// min() and max(): one iterable or several arguments; key= and default=.
Value min_max(const Args& a, const char* name, CmpOp better) {
  Value key = Value::none(), dflt = Value::empty();
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    if (k == "key") key = a.kwvals[i];
    else if (k == "default") dflt = a.kwvals[i];
    else raise_fmt(types::type_error, "'{}' is an invalid keyword argument for {}()", k, name);
  }
  if (a.npos == 0) raise_fmt(types::type_error, "{} expected at least 1 argument, got 0", name);
  if (a.npos > 1 && !dflt.is_empty())
    raise_fmt(types::type_error, "Cannot specify a default for {}() with multiple positional arguments", name);
  Value best = Value::empty(), best_key;
  auto consider = [&](Value item) {
    Value k = key.is_none() ? item : call1(key, item);
    if (best.is_empty() || compare_bool(better, k, best_key)) {
      best = item;
      best_key = k;
    }
  };
  if (a.npos == 1) {
    Value it = get_iter(a[0]);
    Value item;
    while (iter_next(it, item)) consider(item);
  } else {
    for (uint32_t i = 0; i < a.npos; ++i) consider(a[i]);
  }
  if (best.is_empty()) {
    if (!dflt.is_empty()) return dflt;
    raise_fmt(types::value_error, "{}() arg is an empty sequence", name);
  }
  return best;
}

Value builtin_min(Value, const Args& a) { return min_max(a, "min", CmpOp::Lt); }
Value builtin_max(Value, const Args& a) { return min_max(a, "max", CmpOp::Gt); }

// ---- iteration ----------------------------------------------------------------------

Value builtin_any(Value, const Args& a) {
  check_one(a, "any");
  Value it = get_iter(a[0]), item;
  while (iter_next(it, item))
    if (truthy(item)) return Value::boolean(true);
  return Value::boolean(false);
}

Value builtin_all(Value, const Args& a) {
  check_one(a, "all");
  Value it = get_iter(a[0]), item;
  while (iter_next(it, item))
    if (!truthy(item)) return Value::boolean(false);
  return Value::boolean(true);
}

Value builtin_iter(Value, const Args& a) {
  no_kwargs(a, "iter");
  check_expected(a, "iter", 1, 2);
  if (a.npos == 1) return get_iter(a[0]);
  if (!truthy(builtin_callable(Value::empty(), Args{a.pos, 1})))
    raise(types::type_error, "iter(v, w): v must be callable");
  return make_callable_iterator(a[0], a[1]);
}

bool is_iterator(Value v) {
  if (is_kind(v, Kind::Iterator) || is_kind(v, Kind::Generator)) return true;
  return !type_lookup(type_of(v), intern("__next__")).is_empty();
}

Value builtin_next(Value, const Args& a) {
  no_kwargs(a, "next");
  check_expected(a, "next", 1, 2);
  if (!is_iterator(a[0])) raise_fmt(types::type_error, "'{}' object is not an iterator", tname(a[0]));
  Value out;
  if (is_kind(a[0], Kind::Generator)) {
    // A generator's return value travels in StopIteration.value.
    if (vm::generator_next(a[0], out)) return out;
    if (a.npos == 2) return a[1];
    if (out.is_none()) raise(Value::object(new_exception(&types::stop_iteration, std::span<const Value>())));
    raise(Value::object(new_exception(&types::stop_iteration, std::span<const Value>(&out, 1))));
  }
  if (a.npos == 1 && !is_kind(a[0], Kind::Iterator)) {
    // A __next__ of a class or of a native awaitable (coroutine_wrapper,
    // asend): its StopIteration, with the value it carries, propagates as is.
    Value m = type_lookup(type_of(a[0]), intern("__next__"));
    if (!m.is_empty()) return ops_detail::call_with_self(m, a[0], {});
  }
  if (iter_next(a[0], out)) return out;
  if (a.npos == 2) return a[1];
  raise(Value::object(new_exception(&types::stop_iteration, std::span<const Value>())));
}

Value builtin_sorted(Value, const Args& a) {
  if (a.npos != 1) raise_fmt(types::type_error, "sorted expected 1 argument, got {}", a.npos);
  Value key = Value::none(), reverse = Value::boolean(false);
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    if (k == "key") key = a.kwvals[i];
    else if (k == "reverse") reverse = a.kwvals[i];
    else raise_fmt(types::type_error, "'{}' is an invalid keyword argument for sort()", k);
  }
  List* l = list_from_iterable(a[0]);
  sort_values(l->items, key, truthy(reverse));
  return Value::object(l);
}

Value builtin_enumerate(Value, const Args& a) {
  Value p[2];
  bind_args(a, "enumerate", {"iterable", "start"}, 1, p);
  Value start = p[1].is_empty() ? Value::small_int(0) : p[1];
  if (!is_integer(start)) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(start));
  if (start.is_bool()) start = Value::small_int(start.is_true());
  return make_enumerate(p[0], start);
}

Value builtin_zip(Value, const Args& a) {
  bool strict = false;
  for (uint32_t i = 0; i < a.nkw; ++i) {
    std::string_view k = a.kwnames[i].as<Str>()->view();
    if (k != "strict") raise_fmt(types::type_error, "'{}' is an invalid keyword argument for zip()", k);
    strict = truthy(a.kwvals[i]);
  }
  return make_zip(a.positional(), strict);
}

Value builtin_map(Value, const Args& a) {
  no_kwargs(a, "map");
  if (a.npos < 2) raise(types::type_error, "map() must have at least two arguments.");
  return make_map(a[0], a.positional().subspan(1));
}

Value builtin_filter(Value, const Args& a) {
  no_kwargs(a, "filter");
  check_expected(a, "filter", 2, 2);
  return make_filter(a[0], a[1]);
}

Value builtin_reversed(Value, const Args& a) {
  no_kwargs(a, "reversed");
  check_expected(a, "reversed", 1, 1);
  return make_reversed(a[0]);
}

// ---- types and attributes ---------------------------------------------------------

// isinstance/issubclass's second argument: a type, a union or a (nested)
// tuple of them. `check` names the metaclass hook (__instancecheck__ or
// __subclasscheck__, ABCMeta's) called with `subject` when cls's metaclass
// defines one.
bool subclass_of(Value subject, Type* t, Value cls, const char* fname, const char* what, const char* check) {
  if (is_type(cls)) {
    Type* c = cls.as<Type>();
    if (t == c) return true;
    Type* meta = type_of(cls);
    if (!meta->is_builtin) {
      if (Value hook = type_lookup(meta, intern(check)); !hook.is_empty())
        return truthy(call(hook, Args{std::array<Value, 2>{cls, subject}.data(), 2}));
    }
    return is_subtype(t, c);
  }
  if (is_tuple(cls)) {
    for (Value c : cls.as<Tuple>()->span())
      if (subclass_of(subject, t, c, fname, what, check)) return true;
    return false;
  }
  if (Tuple* members = union_members_or_null(cls)) {
    for (Value c : members->span())
      if (subclass_of(subject, t, c.is_none() ? Value::object(&types::none) : c, fname, what, check)) return true;
    return false;
  }
  raise_fmt(types::type_error, "{}() arg 2 must be a {}", fname, what);
}

Value builtin_isinstance(Value, const Args& a) {
  no_kwargs(a, "isinstance");
  check_expected(a, "isinstance", 2, 2);
  const char* what = "type, a tuple of types, or a union";
  Type* t = type_of(a[0]);
  if (subclass_of(a[0], t, a[1], "isinstance", what, "__instancecheck__")) return Value::boolean(true);
  // An object whose __class__ is not its type (a weakref proxy, a mock) is
  // also an instance of that class (CPython's object_isinstance).
  if (t->is_builtin) return Value::boolean(false);
  Value cls = get_attr_or_empty(a[0], intern("__class__"));
  return Value::boolean(is_type(cls) && cls.as<Type>() != t &&
                        subclass_of(a[0], cls.as<Type>(), a[1], "isinstance", what, "__instancecheck__"));
}

Value builtin_issubclass(Value, const Args& a) {
  no_kwargs(a, "issubclass");
  check_expected(a, "issubclass", 2, 2);
  if (!is_type(a[0])) raise(types::type_error, "issubclass() arg 1 must be a class");
  return Value::boolean(subclass_of(a[0], a[0].as<Type>(), a[1], "issubclass", "class, a tuple of classes, or a union",
                                    "__subclasscheck__"));
}

Str* attr_name(Value v) {
  if (!is_str(v)) raise_fmt(types::type_error, "attribute name must be string, not '{}'", tname(v));
  return v.as<Str>();
}

Value builtin_getattr(Value, const Args& a) {
  no_kwargs(a, "getattr");
  check_expected(a, "getattr", 2, 3);
  Str* name = attr_name(a[1]);
  if (a.npos == 2) return get_attr(a[0], name);
  // A missing attribute is an empty Value, not a raised AttributeError
  // (throwing one cost import-heavy code 6% of its time); one raised by a
  // property or __getattr__ still means absent.
  try {
    Value v = get_attr_or_empty(a[0], name);
    return v.is_empty() ? a[2] : v;
  } catch (const PyException& e) {
    if (!exception_matches(e.exc, Value::object(&types::attribute_error))) throw;
    return a[2];
  }
}

Value builtin_hasattr(Value, const Args& a) {
  no_kwargs(a, "hasattr");
  check_expected(a, "hasattr", 2, 2);
  Str* name = attr_name(a[1]);
  try {
    return Value::boolean(!get_attr_or_empty(a[0], name).is_empty());
  } catch (const PyException& e) {
    if (!exception_matches(e.exc, Value::object(&types::attribute_error))) throw;
    return Value::boolean(false);
  }
}

Value builtin_setattr(Value, const Args& a) {
  no_kwargs(a, "setattr");
  check_expected(a, "setattr", 3, 3);
  set_attr(a[0], attr_name(a[1]), a[2]);
  return Value::none();
}

Value builtin_delattr(Value, const Args& a) {
  no_kwargs(a, "delattr");
  check_expected(a, "delattr", 2, 2);
  del_attr(a[0], attr_name(a[1]));
  return Value::none();
}

// The exception classes, registered under their Python names.
Type* const kExceptionTypes[] = {
    &types::base_exception, &types::exception, &types::system_exit, &types::keyboard_interrupt,
    &types::stop_iteration, &types::arithmetic_error, &types::zero_division_error, &types::overflow_error,
    &types::assertion_error, &types::attribute_error, &types::lookup_error, &types::index_error,
    &types::key_error, &types::name_error, &types::unbound_local_error, &types::runtime_error,
    &types::recursion_error, &types::not_implemented_error, &types::type_error, &types::value_error,
    &types::unicode_error, &types::unicode_decode_error, &types::unicode_encode_error, &types::import_error,
    &types::module_not_found_error, &types::os_error, &types::file_not_found_error, &types::eof_error,
    &types::memory_error, &types::syntax_error, &types::indentation_error, &types::stop_async_iteration,
    &types::generator_exit, &types::warning, &types::exception_group, &types::base_exception_group,
};

} // namespace

void init_builtin_functions(Module* m) {
  static const MethodDef kFunctions[] = {
      {"print", builtin_print},       {"input", builtin_input},       {"len", builtin_len},
      {"repr", builtin_repr},         {"ascii", builtin_ascii},       {"hash", builtin_hash},
      {"id", builtin_id},             {"callable", builtin_callable}, {"format", builtin_format},
      {"abs", builtin_abs},           {"divmod", builtin_divmod},     {"pow", builtin_pow},
      {"round", builtin_round},       {"hex", builtin_hex},           {"oct", builtin_oct},
      {"bin", builtin_bin},           {"ord", builtin_ord},           {"chr", builtin_chr},
      {"sum", builtin_sum},           {"min", builtin_min},           {"max", builtin_max},
      {"any", builtin_any},           {"all", builtin_all},           {"iter", builtin_iter},
      {"next", builtin_next},         {"sorted", builtin_sorted},     {"isinstance", builtin_isinstance},
      {"issubclass", builtin_issubclass},
      {"getattr", builtin_getattr},   {"hasattr", builtin_hasattr},   {"setattr", builtin_setattr},
      {"delattr", builtin_delattr},
  };
  for (const MethodDef& d : kFunctions) add_function(m, d.name, d.fn);
  // The iterator classes are types (isinstance(x, zip) works); calling one builds it here.
  struct IterType {
    Type* type;
    const char* name;
    NativeFn construct;
  };
  const IterType kIterTypes[] = {
      {&types::enumerate, "enumerate", builtin_enumerate}, {&types::zip, "zip", builtin_zip},
      {&types::map, "map", builtin_map},                   {&types::filter, "filter", builtin_filter},
      {&types::reversed, "reversed", builtin_reversed},
  };
  for (const IterType& t : kIterTypes) {
    t.type->construct = t.construct;
    add_value(m, t.name, Value::object(t.type));
  }
  for (Type* t : kExceptionTypes)
    if (t->name && *t->name) add_value(m, t->name, Value::object(t));
  // CPython's other builtin exceptions and warnings, which the runtime itself
  // never raises (library code defines handlers and subclasses of them).
  struct Extra {
    const char* name;
    const char* base;
  };
  static constexpr Extra kExtra[] = {
      {"BlockingIOError", "OSError"},         {"ChildProcessError", "OSError"},
      {"ConnectionError", "OSError"},         {"BrokenPipeError", "ConnectionError"},
      {"ConnectionAbortedError", "ConnectionError"}, {"ConnectionRefusedError", "ConnectionError"},
      {"ConnectionResetError", "ConnectionError"},   {"InterruptedError", "OSError"},
      {"ProcessLookupError", "OSError"},      {"TimeoutError", "OSError"},
      {"BufferError", "Exception"},           {"FloatingPointError", "ArithmeticError"},
      {"ReferenceError", "Exception"},        {"SystemError", "Exception"},
      {"TabError", "IndentationError"},       {"UnicodeTranslateError", "UnicodeError"},
      {"UserWarning", "Warning"},             {"DeprecationWarning", "Warning"},
      {"PendingDeprecationWarning", "Warning"}, {"SyntaxWarning", "Warning"},
      {"RuntimeWarning", "Warning"},          {"FutureWarning", "Warning"},
      {"ImportWarning", "Warning"},           {"UnicodeWarning", "Warning"},
      {"BytesWarning", "Warning"},            {"ResourceWarning", "Warning"},
      {"EncodingWarning", "Warning"},
  };
  static Type extra_types[std::size(kExtra)];
  for (size_t i = 0; i < std::size(kExtra); ++i) {
    if (dict_find_str(m->dict, intern(kExtra[i].name))) continue; // (defined natively already)
    Value base = dict_get(m->dict, Value::object(intern(kExtra[i].base)));
    init_exception_type(extra_types[i], kExtra[i].name, *base.as<Type>());
    add_value(m, kExtra[i].name, Value::object(&extra_types[i]));
  }
  // OSError(errno, strerror, ...) is the subclass for that errno (PEP 3151).
  types::os_error.construct = [](Value self, const Args& a) -> Value {
    if (self.as<Type>() == &types::os_error && a.npos >= 2 && is_integer(a[0])) {
      auto code = int_as_i64(a[0]);
      const char* name = code ? os_error_subclass_name(*code) : nullptr;
      Value* sub = name ? dict_find(vm::state().builtins->dict, Value::object(intern(name))) : nullptr;
      if (sub && is_type(*sub) && is_subtype(sub->as<Type>(), &types::os_error)) self = *sub;
    }
    return construct_exception(self, a);
  };
  add_value(m, "EnvironmentError", Value::object(&types::os_error));
  add_value(m, "IOError", Value::object(&types::os_error));
  add_value(m, "NotImplemented", kNotImplemented);
  add_value(m, "Ellipsis", kEllipsis);
  add_value(m, "__name__", intern_value("builtins"));
  add_value(m, "__debug__", Value::boolean(true)); // (no -O: assert statements run)
}

} // namespace tributary::lib

namespace tributary {

void init_builtins(Module* builtins) {
  lib::init_streams();
  lib::init_str_methods();
  lib::init_container_methods();
  lib::init_builtin_types(builtins);
  lib::init_builtin_functions(builtins);
  init_class_protocol();
  vm::init_generator_type();
  vm::init_function_type();
  vm::init_coroutine_types(builtins);
  vm::init_exec_builtins(builtins);
  lib::init_bytes_types(builtins);
  lib::init_complex_type(builtins);
  lib::init_memoryview_type(builtins);
  lib::init_file_type(builtins);
}

} // namespace tributary
