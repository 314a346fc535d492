// ops.cpp — operators, comparison, truth, hashing and calls for every value.
//
// Builtin types are handled directly by Kind with CPython's exact semantics
// and messages; user classes (types that are not builtin) go through their
// special methods (`__add__`/`__radd__`, `__lt__`, `__hash__`, `__call__`...).
// Related files: ops_repr.cpp (repr/str/format), ops_attr.cpp (attributes),
// ops_subscript.cpp (items, `in`, len), ops_set.cpp (set operators).
// Invariant: nothing here allocates for small-int and float arithmetic unless
// the result overflows into a BigInt.
#include "runtime/ops.h"

#include <cerrno>
#include <cmath>

#include "runtime/containers.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/iter.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"

namespace tributary {

using ops_detail::call_dunder;
using ops_detail::find_dunder;
using ops_detail::is_user_type;

const char* binop_symbol(BinOp op) {
  static constexpr const char* kSymbols[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
  static_assert(std::size(kSymbols) == static_cast<size_t>(BinOp::kCount));
  return kSymbols[static_cast<size_t>(op)];
}

const char* cmpop_symbol(CmpOp op) {
  static constexpr const char* kSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return kSymbols[static_cast<size_t>(op)];
}

namespace {

// Special method names per operator: plain, reflected, in-place.
struct DunderNames {
  const char *plain, *reflected, *inplace;
};
constexpr DunderNames kBinDunders[] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},
};
static_assert(std::size(kBinDunders) == static_cast<size_t>(BinOp::kCount));

constexpr const char* kCmpDunders[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
constexpr CmpOp kCmpReflected[] = {CmpOp::Gt, CmpOp::Ge, CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Le};

inline bool is_intlike(Value v) { return v.is_small_int() || v.is_bool() || is_bigint(v); }
inline bool is_sequence_kind(Kind k) {
  return k == Kind::Str || k == Kind::List || k == Kind::Tuple || k == Kind::Bytes;
}

double to_double(Value v) { return is_float(v) ? float_value(v) : int_to_double(v); }

// Repeat count for `seq * n`: negative counts are 0; huge ones overflow like CPython.
int64_t repeat_count(Value n) {
  if (auto i = int_as_i64(n)) return *i < 0 ? 0 : *i;
  if (int_is_negative(n)) return 0;
  raise(types::overflow_error, "cannot fit 'int' into an index-sized integer");
}

void check_repeat_size(size_t item_count, int64_t n) {
  if (item_count) check_alloc_size(static_cast<uint64_t>(n), item_count * sizeof(Value));
}

// Float arithmetic; empty for operators floats do not support.
Value float_binary(BinOp op, double x, double y) {
  switch (op) {
  case BinOp::Add: return Value::from_double(x + y);
  case BinOp::Sub: return Value::from_double(x - y);
  case BinOp::Mul: return Value::from_double(x * y);
  case BinOp::TrueDiv:
    if (y == 0) raise(types::zero_division_error, "float division by zero");
    return Value::from_double(x / y);
  case BinOp::FloorDiv:
    if (y == 0) raise(types::zero_division_error, "float floor division by zero");
    return Value::from_double(float_floordiv(x, y));
  case BinOp::Mod:
    if (y == 0) raise(types::zero_division_error, "float modulo");
    return Value::from_double(float_mod(x, y));
  case BinOp::Pow: return Value::from_double(float_pow(x, y));
  default: return Value::empty();
  }
}

// Int (and bool) arithmetic; empty for `@`.
Value int_binary(BinOp op, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    switch (op) {
    case BinOp::Add: return make_int(x + y); // 48-bit operands cannot overflow int64
    case BinOp::Sub: return make_int(x - y);
    case BinOp::FloorDiv:
      if (y != 0) return make_int(floor_div_i64(x, y));
      break;
    case BinOp::Mod:
      if (y != 0) return make_int(floor_mod_i64(x, y));
      break;
    case BinOp::And: return Value::small_int(x & y);
    case BinOp::Or: return Value::small_int(x | y);
    case BinOp::Xor: return Value::small_int(x ^ y);
    default: break;
    }
  }
  switch (op) {
  case BinOp::Add: return int_add(a, b);
  case BinOp::Sub: return int_sub(a, b);
  case BinOp::Mul: return int_mul(a, b);
  case BinOp::TrueDiv: return int_truediv(a, b);
  case BinOp::FloorDiv: return int_floordiv(a, b);
  case BinOp::Mod: return int_mod(a, b);
  case BinOp::Pow: return int_pow(a, b);
  case BinOp::LShift: return int_lshift(a, b);
  case BinOp::RShift: return int_rshift(a, b);
  case BinOp::And:
    if (a.is_bool() && b.is_bool()) return Value::boolean(a.is_true() && b.is_true());
    return int_and(a, b);
  case BinOp::Or:
    if (a.is_bool() && b.is_bool()) return Value::boolean(a.is_true() || b.is_true());
    return int_or(a, b);
  case BinOp::Xor:
    if (a.is_bool() && b.is_bool()) return Value::boolean(a.is_true() != b.is_true());
    return int_xor(a, b);
  default: return Value::empty();
  }
}

Value sequence_concat(Value a, Value b) {
  Kind k = type_of(a)->kind;
  switch (k) {
  case Kind::Str: return Value::object(str_concat(a.as<Str>(), b.as<Str>()));
  case Kind::List: {
    List* x = a.as<List>();
    List* y = b.as<List>();
    List* r = new_list(x->items.size() + y->items.size());
    r->items.insert(r->items.end(), x->items.begin(), x->items.end());
    r->items.insert(r->items.end(), y->items.begin(), y->items.end());
    return Value::object(r);
  }
  case Kind::Tuple: {
    Tuple* x = a.as<Tuple>();
    Tuple* y = b.as<Tuple>();
    if (y->size == 0) return a;
    if (x->size == 0) return b;
    Tuple* r = new_tuple(x->size + y->size);
    std::copy(x->items, x->items + x->size, r->items);
    std::copy(y->items, y->items + y->size, r->items + x->size);
    return Value::object(r);
  }
  case Kind::Bytes: {
    Bytes* x = a.as<Bytes>();
    Bytes* y = b.as<Bytes>();
    auto* r = static_cast<Bytes*>(gc::alloc_atomic(sizeof(Bytes) + x->size + y->size));
    r->type = &types::bytes;
    r->size = x->size + y->size;
    r->hash = -1;
    std::memcpy(r->data, x->data, x->size);
    std::memcpy(r->data + x->size, y->data, y->size);
    r->data[r->size] = 0;
    return Value::object(r);
  }
  default: return Value::empty();
  }
}

Value sequence_repeat(Value seq, Value count) {
  int64_t n = repeat_count(count);
  switch (type_of(seq)->kind) {
  case Kind::Str: return Value::object(str_repeat(seq.as<Str>(), n));
  case Kind::List: {
    List* l = seq.as<List>();
    check_repeat_size(l->items.size(), n);
    List* r = new_list(l->items.size() * n);
    for (int64_t i = 0; i < n; ++i)
      r->items.insert(r->items.end(), l->items.begin(), l->items.end());
    return Value::object(r);
  }
  case Kind::Tuple: {
    Tuple* t = seq.as<Tuple>();
    if (n == 1) return seq;
    check_repeat_size(t->size, n);
    Tuple* r = new_tuple(t->size * n);
    for (int64_t i = 0; i < n; ++i)
      std::copy(t->items, t->items + t->size, r->items + i * t->size);
    return Value::object(r);
  }
  case Kind::Bytes: {
    Bytes* b = seq.as<Bytes>();
    check_alloc_size(static_cast<uint64_t>(n), b->size);
    size_t size = b->size * n;
    auto* r = static_cast<Bytes*>(gc::alloc_atomic(sizeof(Bytes) + size));
    r->type = &types::bytes;
    r->size = size;
    r->hash = -1;
    for (int64_t i = 0; i < n; ++i)
      std::memcpy(r->data + i * b->size, b->data, b->size);
    r->data[size] = 0;
    return Value::object(r);
  }
  default: return Value::empty();
  }
}

// Operators between builtin values; empty when the builtin types do not support them.
Value builtin_binary(BinOp op, Value a, Value b) {
  bool ai = is_intlike(a), bi = is_intlike(b);
  if (ai && bi) return int_binary(op, a, b);
  if ((ai || is_float(a)) && (bi || is_float(b))) return float_binary(op, to_double(a), to_double(b));
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  Kind ka = ta->kind, kb = tb->kind;
  if (op == BinOp::Add && is_sequence_kind(ka) && ka == kb)
    return sequence_concat(a, b);
  if (op == BinOp::Mul) {
    if (is_sequence_kind(ka) && bi) return sequence_repeat(a, b);
    if (is_sequence_kind(kb) && ai) return sequence_repeat(b, a);
  }
  if (op == BinOp::Mod && ka == Kind::Str)
    return Value::object(str_percent_format(a.as<Str>(), b));
  if (op == BinOp::Mod && ka == Kind::Bytes) return bytes_percent_format(a, b);
  if (ka == Kind::Set || ka == Kind::FrozenSet || ka == Kind::DictView || kb == Kind::DictView)
    return ops_detail::set_binary_op(op, a, b, false);
  if (op == BinOp::Or) {
    if (Value u = ops_detail::make_union(a, b); !u.is_empty()) return u;
  }
  if (op == BinOp::Or && ka == Kind::Dict && kb == Kind::Dict) {
    Dict* r = dict_copy(a.as<Dict>());
    dict_update(r, b);
    return Value::object(r);
  }
  return Value::empty();
}

bool is_not_implemented(Value v) { return v == kNotImplemented; }

// Tries the special methods of user classes: a.__op__(b), then b.__rop__(a).
Value user_binary(BinOp op, Value a, Value b) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  const DunderNames& names = kBinDunders[static_cast<size_t>(op)];
  bool try_reflected = is_user_type(tb) && ta != tb;
  // A subclass on the right gets the first chance (CPython's binary_op1).
  if (try_reflected && is_subtype(tb, ta)) {
    Value r = call_dunder(b, names.reflected, {&a, 1});
    if (!r.is_empty() && !is_not_implemented(r)) return r;
    try_reflected = false;
  }
  if (is_user_type(ta)) {
    Value r = call_dunder(a, names.plain, {&b, 1});
    if (!r.is_empty() && !is_not_implemented(r)) return r;
  }
  if (try_reflected) {
    Value r = call_dunder(b, names.reflected, {&a, 1});
    if (!r.is_empty() && !is_not_implemented(r)) return r;
  }
  return Value::empty();
}

[[noreturn]] void raise_unsupported(BinOp op, Value a, Value b, bool inplace) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (op == BinOp::Add && ta->is_builtin) {
    switch (ta->kind) {
    case Kind::Str:
    case Kind::List:
    case Kind::Tuple:
      raise_fmt(types::type_error, "can only concatenate {} (not \"{}\") to {}", ta->name, tb->name, ta->name);
    case Kind::Bytes: raise_fmt(types::type_error, "can't concat {} to bytes", tb->name);
    default: break;
    }
  }
  if (op == BinOp::Mul) {
    if (is_sequence_kind(ta->kind) && ta->is_builtin)
      raise_fmt(types::type_error, "can't multiply sequence by non-int of type '{}'", tb->name);
    if (is_sequence_kind(tb->kind) && tb->is_builtin)
      raise_fmt(types::type_error, "can't multiply sequence by non-int of type '{}'", ta->name);
  }
  raise_fmt(types::type_error, "unsupported operand type(s) for {}{}: '{}' and '{}'", binop_symbol(op),
            inplace ? "=" : "", ta->name, tb->name);
}

// str % x and bytes % x format whatever x is: their own __mod__ never returns
// NotImplemented, so x's __rmod__ is only asked first when x's class derives
// from theirs.
bool str_formats_first(BinOp op, Type* ta, Type* tb) {
  return op == BinOp::Mod && (ta == &types::str || ta == &types::bytes) && !is_subtype(tb, ta);
}

Value binary_impl(BinOp op, Value a, Value b, bool inplace) {
  // A subclass of a builtin type has the builtin's layout: its own methods first.
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if ((is_user_type(ta) || is_user_type(tb)) && !str_formats_first(op, ta, tb)) {
    Value r = user_binary(op, a, b);
    if (!r.is_empty()) return r;
  }
  Value r = builtin_binary(op, a, b);
  if (!r.is_empty()) return r;
  // bytes + any other bytes-like object (a memoryview), as CPython's bytes_concat.
  if (op == BinOp::Add && ta->kind == Kind::Bytes)
    if (Value c = bytes_concat_buffer(a, b); !c.is_empty()) return c;
  raise_unsupported(op, a, b, inplace);
}

} // namespace

Value binary_op(BinOp op, Value a, Value b) { return binary_impl(op, a, b, false); }

const char* binary_dunder_name(BinOp op, DunderKind kind) {
  const DunderNames& names = kBinDunders[static_cast<size_t>(op)];
  switch (kind) {
  case DunderKind::Plain: return names.plain;
  case DunderKind::Reflected: return names.reflected;
  case DunderKind::Inplace: return names.inplace;
  }
  return names.plain;
}

Value binary_op_after_plain(BinOp op, Value a, Value b, bool inplace) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  if (is_user_type(tb) && ta != tb && !is_subtype(tb, ta)) { // (a subclass on the right went first)
    Value r = call_dunder(b, kBinDunders[static_cast<size_t>(op)].reflected, {&a, 1});
    if (!r.is_empty() && !is_not_implemented(r)) return r;
  }
  raise_unsupported(op, a, b, inplace);
}

Value inplace_op(BinOp op, Value a, Value b) {
  Type* ta = type_of(a);
  if (is_user_type(ta)) {
    Value r = call_dunder(a, kBinDunders[static_cast<size_t>(op)].inplace, {&b, 1});
    if (!r.is_empty() && !is_not_implemented(r)) return r;
  }
  switch (ta->kind) {
  case Kind::List:
    if (op == BinOp::Add) {
      list_extend(a.as<List>(), b);
      return a;
    }
    if (op == BinOp::Mul && is_intlike(b)) {
      List* l = a.as<List>();
      int64_t n = repeat_count(b);
      if (n == 0) {
        l->items.clear();
      } else {
        check_repeat_size(l->items.size(), n);
        size_t len = l->items.size();
        l->items.reserve(len * n);
        for (int64_t i = 1; i < n; ++i)
          l->items.insert(l->items.end(), l->items.begin(), l->items.begin() + len);
      }
      return a;
    }
    break;
  case Kind::Set: {
    Value r = ops_detail::set_binary_op(op, a, b, true);
    if (!r.is_empty()) return r;
    break;
  }
  case Kind::Dict:
    if (op == BinOp::Or) {
      dict_update(a.as<Dict>(), b);
      return a;
    }
    break;
  default: break;
  }
  return binary_impl(op, a, b, true);
}

// ---- comparison ------------------------------------------------------------------------

namespace {

template <class T> bool apply_cmp(CmpOp op, const T& x, const T& y) {
  switch (op) {
  case CmpOp::Lt: return x < y;
  case CmpOp::Le: return x <= y;
  case CmpOp::Eq: return x == y;
  case CmpOp::Ne: return x != y;
  case CmpOp::Gt: return x > y;
  case CmpOp::Ge: return x >= y;
  }
  return false;
}

bool apply_order(CmpOp op, int c) { return apply_cmp(op, c, 0); }

// Items of a tuple or list; lists are re-read at every step since == may mutate them.
size_t seq_size(Value v) { return is_tuple(v) ? v.as<Tuple>()->size : v.as<List>()->items.size(); }
Value seq_item(Value v, size_t i) { return is_tuple(v) ? v.as<Tuple>()->items[i] : v.as<List>()->items[i]; }

// Lexicographic comparison of two tuples or two lists (CPython's list_richcompare).
bool sequence_compare(CmpOp op, Value a, Value b) {
  vm::CallDepth depth(" in comparison"); // nested sequences compare recursively
  size_t i = 0;
  for (; i < seq_size(a) && i < seq_size(b); ++i)
    if (!equals(seq_item(a, i), seq_item(b, i))) break;
  if (i >= seq_size(a) || i >= seq_size(b)) return apply_cmp(op, seq_size(a), seq_size(b));
  if (op == CmpOp::Eq) return false;
  if (op == CmpOp::Ne) return true;
  return compare_bool(op, seq_item(a, i), seq_item(b, i));
}

bool dict_equal(Dict* a, Dict* b) {
  if (a->used != b->used) return false;
  vm::CallDepth depth(" in comparison");
  size_t pos = 0;
  Value k, v;
  while (dict_next(a, pos, k, v)) {
    Value* other = dict_find(b, k, a->entries[pos - 1].hash);
    if (!other || !equals(v, *other)) return false;
  }
  return true;
}

bool range_equal(Range* a, Range* b) {
  if (a->big || b->big) { // as CPython's range_equals, on Python ints
    Value n = range_length_value(a);
    if (int_compare(n, range_length_value(b)) != 0) return false;
    if (range_is_empty(a)) return true;
    if (int_compare(range_start_value(a), range_start_value(b)) != 0) return false;
    return int_compare(n, Value::small_int(1)) == 0 || int_compare(range_step_value(a), range_step_value(b)) == 0;
  }
  int64_t n = range_length(a);
  if (n != range_length(b)) return false;
  if (n == 0) return true;
  if (a->start != b->start) return false;
  return n == 1 || a->step == b->step;
}

// Comparisons between builtin values; empty when not defined for the pair.
Value builtin_compare(CmpOp op, Value a, Value b) {
  bool ai = is_intlike(a), bi = is_intlike(b);
  if (ai && bi) return Value::boolean(apply_order(op, int_compare(a, b)));
  bool af = is_float(a), bf = is_float(b);
  if (af && bf) return Value::boolean(apply_cmp(op, float_value(a), float_value(b)));
  if ((ai && bf) || (af && bi)) {
    double d = af ? float_value(a) : float_value(b);
    if (std::isnan(d)) return Value::boolean(op == CmpOp::Ne);
    int c = af ? -int_double_compare(b, d) : int_double_compare(a, d);
    return Value::boolean(apply_order(op, c));
  }
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  // (Subclasses of builtin types compare as their base, after their own methods.)
  if ((!ta->is_builtin && !has_attr_store(ta)) || (!tb->is_builtin && !has_attr_store(tb))) return Value::empty();
  bool eq_only = op == CmpOp::Eq || op == CmpOp::Ne;
  if (ta->kind == tb->kind) {
    switch (ta->kind) {
    case Kind::Str: {
      Str *x = a.as<Str>(), *y = b.as<Str>();
      if (eq_only) return Value::boolean(str_equals(x, y) == (op == CmpOp::Eq));
      return Value::boolean(apply_order(op, str_compare(x, y)));
    }
    case Kind::Bytes: {
      Bytes *x = a.as<Bytes>(), *y = b.as<Bytes>();
      int c = std::memcmp(x->data, y->data, std::min(x->size, y->size));
      if (c == 0) c = x->size < y->size ? -1 : x->size > y->size ? 1 : 0;
      return Value::boolean(apply_order(op, c));
    }
    case Kind::Tuple:
    case Kind::List: return Value::boolean(sequence_compare(op, a, b));
    case Kind::Dict:
      if (eq_only) return Value::boolean(dict_equal(a.as<Dict>(), b.as<Dict>()) == (op == CmpOp::Eq));
      return Value::empty();
    case Kind::Range:
      if (eq_only) return Value::boolean(range_equal(a.as<Range>(), b.as<Range>()) == (op == CmpOp::Eq));
      return Value::empty();
    case Kind::BoundMethod: {
      // Equal when bound to the same object (identity) with equal functions.
      if (!eq_only) return Value::empty();
      auto *x = a.as<BoundMethod>(), *y = b.as<BoundMethod>();
      bool eq = x->self == y->self && equals(x->func, y->func);
      return Value::boolean(eq == (op == CmpOp::Eq));
    }
    default: break;
    }
  }
  return ops_detail::set_compare(op, a, b);
}

} // namespace

Value compare(CmpOp op, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return Value::boolean(apply_cmp(op, a.as_small_int(), b.as_small_int()));
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  Value r;
  if (!is_user_type(ta) && !is_user_type(tb)) {
    r = builtin_compare(op, a, b);
    if (!r.is_empty()) return r;
  } else {
    CmpOp rop = kCmpReflected[static_cast<size_t>(op)];
    bool reflected_first = is_user_type(tb) && ta != tb && is_subtype(tb, ta);
    if (reflected_first) {
      r = call_dunder(b, kCmpDunders[static_cast<size_t>(rop)], {&a, 1});
      if (!r.is_empty() && !is_not_implemented(r)) return r;
    }
    if (is_user_type(ta)) {
      r = call_dunder(a, kCmpDunders[static_cast<size_t>(op)], {&b, 1});
      if (!r.is_empty() && !is_not_implemented(r)) return r;
    }
    if (!reflected_first && is_user_type(tb)) {
      r = call_dunder(b, kCmpDunders[static_cast<size_t>(rop)], {&a, 1});
      if (!r.is_empty() && !is_not_implemented(r)) return r;
    }
    // object.__ne__ inverts a user __eq__.
    if (op == CmpOp::Ne && is_user_type(ta)) {
      r = call_dunder(a, "__eq__", {&b, 1});
      if (!r.is_empty() && !is_not_implemented(r)) return Value::boolean(!truthy(r));
    }
    // Subclasses of builtin types compare as their builtin base.
    r = builtin_compare(op, a, b);
    if (!r.is_empty()) return r;
  }
  if (op == CmpOp::Eq) return Value::boolean(a == b);
  if (op == CmpOp::Ne) return Value::boolean(a != b);
  raise_fmt(types::type_error, "'{}' not supported between instances of '{}' and '{}'", cmpop_symbol(op), ta->name,
            tb->name);
}

bool compare_bool(CmpOp op, Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return apply_cmp(op, a.as_small_int(), b.as_small_int());
  if (a.is_double() && b.is_double()) return apply_cmp(op, a.as_double(), b.as_double());
  Value r = compare(op, a, b);
  return r.is_bool() ? r.is_true() : truthy(r);
}

bool equals(Value a, Value b) {
  if (a == b) return true; // identity (PyObject_RichCompareBool)
  if (a.is_small_int() && b.is_small_int()) return false;
  if (is_str(a) && is_str(b)) return str_equals(a.as<Str>(), b.as<Str>());
  return compare_bool(CmpOp::Eq, a, b);
}

// ---- unary operators and truth -------------------------------------------------------------

namespace {
[[noreturn]] void bad_unary(const char* sym, Value v) {
  raise_fmt(types::type_error, "bad operand type for unary {}: '{}'", sym, type_of(v)->name);
}

// A user class's own unary special method (a builtin subclass's override
// included); empty when it has none, so the builtin behaviour runs.
Value own_unary(Value v, const char* dunder) {
  if (v.is_object() && is_user_type(v.as_object()->type)) return call_dunder(v, dunder);
  return Value::empty();
}
} // namespace

Value negate(Value v) {
  if (v.is_double()) return Value::from_double(-v.as_double());
  if (Value r = own_unary(v, "__neg__"); !r.is_empty()) return r;
  if (is_float(v)) return Value::from_double(-float_value(v));
  if (is_intlike(v)) return int_neg(v);
  bad_unary("-", v);
}

Value positive(Value v) {
  if (v.is_double() || v.is_small_int() || is_exact(v, types::int_)) return v;
  if (Value r = own_unary(v, "__pos__"); !r.is_empty()) return r;
  if (is_float(v)) return Value::from_double(float_value(v)); // a subclass's value
  if (is_bigint(v)) return make_int(Mpz(v).z);                // an int subclass's value, normalized
  if (v.is_bool()) return Value::small_int(v.is_true());
  bad_unary("+", v);
}

Value invert(Value v) {
  if (v.is_small_int()) return int_invert(v);
  if (Value r = own_unary(v, "__invert__"); !r.is_empty()) return r;
  if (is_intlike(v)) return int_invert(v);
  bad_unary("~", v);
}

bool truthy(Value v) {
  if (v.is_bool()) return v.is_true();
  if (v.is_none()) return false;
  if (v.is_small_int()) return v.as_small_int() != 0;
  if (v.is_double()) return v.as_double() != 0.0;
  Type* t = v.as_object()->type;
  if (is_user_type(t)) {
    if (Value r = call_dunder(v, "__bool__"); !r.is_empty()) {
      if (!r.is_bool()) raise_fmt(types::type_error, "__bool__ should return bool, returned {}", type_of(r)->name);
      return r.is_true();
    }
    if (!find_dunder(v, intern("__len__")).is_empty()) return length(v) != 0;
    if (!has_attr_store(t)) return true;
  }
  switch (t->kind) {
  case Kind::Int: return t->is_builtin || mpz_sgn(v.as<BigInt>()->z) != 0; // a builtin BigInt is never zero
  case Kind::Float: return v.as<Float>()->value != 0.0;
  case Kind::Str: return v.as<Str>()->nbytes != 0;
  case Kind::Bytes: return v.as<Bytes>()->size != 0;
  case Kind::Tuple: return v.as<Tuple>()->size != 0;
  case Kind::List: return !v.as<List>()->items.empty();
  case Kind::Dict: return v.as<Dict>()->used != 0;
  case Kind::Set:
  case Kind::FrozenSet: return v.as<Set>()->used != 0;
  case Kind::Range: return !range_is_empty(v.as<Range>());
  case Kind::DictView: return v.as<DictView>()->dict->used != 0;
  default: return true;
  }
}

// ---- hashing -----------------------------------------------------------------------------

namespace {

// CPython's _Py_HashPointer: the address rotated by 4 bits.
int64_t pointer_hash(const void* p) {
  uint64_t y = reinterpret_cast<uintptr_t>(p);
  y = (y >> 4) | (y << 60);
  int64_t h = static_cast<int64_t>(y);
  return h == -1 ? -2 : h;
}

// CPython 3.11's tuplehash (xxHash-based).
int64_t tuple_hash_of(std::span<const Value> items) {
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (Value item : items) {
    uint64_t lane = static_cast<uint64_t>(hash_value(item));
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += items.size() ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

// Bytes hash: the same function as str_hash over the raw bytes, so hash(b"a") == hash("a").
int64_t bytes_hash(const Bytes* b) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < b->size; ++i)
    h = (h ^ b->data[i]) * 1099511628211ull;
  int64_t r = static_cast<int64_t>(h >> 1);
  return r == -1 ? -2 : r;
}

[[noreturn]] void unhashable(Value v) { raise_fmt(types::type_error, "unhashable type: '{}'", type_of(v)->name); }

} // namespace

int64_t hash_value(Value v) {
  if (v.is_small_int() || v.is_bool()) return int_hash(v);
  if (v.is_double()) return double_hash(v.as_double());
  if (v.is_none()) return pointer_hash(&types::none); // CPython 3.11 hashes None by address too
  Type* t = v.as_object()->type;
  if (is_user_type(t) && !(has_attr_store(t) && find_dunder(v, intern("__hash__")).is_empty())) {
    Value h = type_lookup(t, intern("__hash__"));
    if (h.is_none()) unhashable(v);
    if (h.is_empty()) return pointer_hash(v.as_object());
    Value r = ops_detail::call_with_self(h, v, {});
    if (!is_intlike(r)) raise_type_error("__hash__ method should return an integer");
    // CPython's slot_tp_hash: a result that fits a Py_ssize_t is used as is (-1 becomes -2).
    if (auto i = int_as_i64(r.is_bool() ? Value::small_int(r.is_true()) : r)) return *i == -1 ? -2 : *i;
    return int_hash(r);
  }
  switch (t->kind) {
  case Kind::Int: return int_hash(v);
  case Kind::Float: return double_hash(v.as<Float>()->value);
  case Kind::Str: return str_hash(v.as<Str>());
  case Kind::Bytes: return bytes_hash(v.as<Bytes>());
  case Kind::Tuple: return tuple_hash_of(v.as<Tuple>()->span());
  case Kind::FrozenSet: return frozenset_hash(v.as<Set>());
  case Kind::Range: {
    Range* r = v.as<Range>();
    Value n = range_length_value(r);
    Value items[3] = {n, Value::none(), Value::none()};
    if (int_compare(n, Value::small_int(0)) > 0) items[1] = range_start_value(r);
    if (int_compare(n, Value::small_int(1)) > 0) items[2] = range_step_value(r);
    return tuple_hash_of(items);
  }
  case Kind::BoundMethod: {
    auto* m = v.as<BoundMethod>();
    return pointer_hash(m->self.is_object() ? m->self.as_object() : nullptr) ^ hash_value(m->func);
  }
  case Kind::List:
  case Kind::Dict:
  case Kind::Set:
  case Kind::Slice: unhashable(v);
  case Kind::DictView:
    if (t != &types::dict_values) unhashable(v);
    return pointer_hash(v.as_object());
  default: return pointer_hash(v.as_object());
  }
}

// ---- calls -------------------------------------------------------------------------------

namespace {

// A method of a builtin type (int.__add__, type.__call__, object.__eq__).
bool is_builtin_method(Value f) {
  if (is_kind(f, Kind::StaticMethod) || is_kind(f, Kind::ClassMethod)) f = f.as<StaticMethod>()->func;
  if (!is_kind(f, Kind::NativeFunction)) return false;
  const Type* owner = f.as<NativeFunction>()->owner;
  return owner && owner->is_builtin;
}

// Calls `fn` with `first` prepended to the arguments.
Value call_prepended(Value fn, Value first, const Args& a) {
  constexpr size_t kInline = 8;
  if (a.npos < kInline) {
    Value buf[kInline];
    buf[0] = first;
    std::copy(a.pos, a.pos + a.npos, buf + 1);
    Args b{buf, a.npos + 1, a.kwnames, a.kwvals, a.nkw};
    return call(fn, b);
  }
  GcVector<Value> buf;
  buf.reserve(a.npos + 1);
  buf.push_back(first);
  buf.insert(buf.end(), a.pos, a.pos + a.npos);
  Args b{buf.data(), a.npos + 1, a.kwnames, a.kwvals, a.nkw};
  return call(fn, b);
}

[[noreturn]] void not_callable(Value v) {
  const Type* t = type_of(v);
  raise_fmt(types::type_error, "'{}' object is not callable", t->tp_name ? t->tp_name : t->name);
}

} // namespace

Value call(Value callable, const Args& args) {
  if (!callable.is_object()) not_callable(callable);
  Type* t = callable.as_object()->type;
  switch (t->kind) {
  case Kind::NativeFunction: {
    auto* f = callable.as<NativeFunction>();
    return f->fn(f->self, args);
  }
  case Kind::Function: return vm::call_python_function(callable, args);
  case Kind::BoundMethod: {
    auto* m = callable.as<BoundMethod>();
    return call_prepended(m->func, m->self, args);
  }
  case Kind::Type: {
    Type* cls = callable.as<Type>();
    if (!t->is_builtin) { // a class whose metaclass may define __call__
      static Str* const kCall = intern("__call__");
      if (Value f = type_lookup(t, kCall); !f.is_empty() && !is_builtin_method(f)) return call_prepended(f, callable, args);
    }
    if (!cls->construct) raise_fmt(types::type_error, "cannot create '{}' instances", cls->name);
    return cls->construct(callable, args);
  }
  case Kind::StaticMethod: return call(callable.as<StaticMethod>()->func, args);
  default: break;
  }
  if (Value f = type_lookup(t, intern("__call__")); !f.is_empty()) {
    if (is_kind(f, Kind::NativeFunction) && f.as<NativeFunction>()->owner)
      return f.as<NativeFunction>()->fn(callable, args);
    return call_prepended(f, callable, args);
  }
  not_callable(callable);
}

Value call0(Value callable) { return call(callable, Args{}); }

Value call1(Value callable, Value a) {
  Args args{&a, 1};
  return call(callable, args);
}

Value call2(Value callable, Value a, Value b) {
  Value v[2] = {a, b};
  Args args{v, 2};
  return call(callable, args);
}

namespace ops_detail {

Value call_with_self(Value fn, Value self, std::span<const Value> args) {
  if (is_kind(fn, Kind::NativeFunction)) {
    auto* f = fn.as<NativeFunction>();
    if (f->owner && f->self.is_empty()) {
      Args a{args.data(), static_cast<uint32_t>(args.size())};
      return f->fn(self, a);
    }
  }
  if (is_kind(fn, Kind::StaticMethod)) {
    Args a{args.data(), static_cast<uint32_t>(args.size())};
    return call(fn.as<StaticMethod>()->func, a);
  }
  if (is_kind(fn, Kind::ClassMethod)) { // same layout as StaticMethod
    Args a{args.data(), static_cast<uint32_t>(args.size())};
    return call_prepended(fn.as<StaticMethod>()->func, Value::object(type_of(self)), a);
  }
  Args a{args.data(), static_cast<uint32_t>(args.size())};
  // (A native method already bound to its receiver, `__next__ = gen.__next__`
  // in a class body, is not a descriptor: it is called as it is.)
  if (is_kind(fn, Kind::Function) || (is_kind(fn, Kind::NativeFunction) && fn.as<NativeFunction>()->self.is_empty()))
    return call_prepended(fn, self, a);
  return call(fn, a);
}

namespace {

// The object whose next find_dunder takes the builtin path (BuiltinPath).
Value g_builtin_path;


} // namespace

BuiltinPath::BuiltinPath(Value self) : prev_(g_builtin_path) { g_builtin_path = self; }
BuiltinPath::~BuiltinPath() { g_builtin_path = prev_; }

Value find_dunder(Value obj, Str* name) {
  Type* t = type_of(obj);
  Value f = type_lookup(t, name);
  // Instances of user classes and exceptions have only their special methods;
  // anything else (a builtin subclass, a class with a metaclass, a native
  // type such as Counter) has a builtin behaviour behind them.
  if (f.is_empty() || t->kind == Kind::Instance || t->kind == Kind::Exception) return f;
  if (obj == g_builtin_path) {
    g_builtin_path = Value::empty();
    return Value::empty();
  }
  // (Only the builtin's own method for this name: `__str__ = int.__repr__`,
  // as enum sets it, is a call.)
  if (is_builtin_method(f)) {
    Value fn = is_kind(f, Kind::NativeFunction) ? f : f.as<StaticMethod>()->func;
    if (name->view() == fn.as<NativeFunction>()->name) return Value::empty();
  }
  return f;
}

Value call_dunder(Value obj, const char* name, std::span<const Value> args) {
  Value f = find_dunder(obj, intern(name));
  if (f.is_empty()) return f;
  return call_with_self(f, obj, args);
}

} // namespace ops_detail

bool overrides_dunder(Value v, const char* name) {
  return is_user_type(type_of(v)) && !ops_detail::find_dunder(v, intern(name)).is_empty();
}

// ---- collecting iterables --------------------------------------------------------------------

List* list_from_iterable(Value v) {
  Type* t = type_of(v);
  if (t->kind == Kind::List) return new_list(std::span<const Value>(v.as<List>()->items));
  if (t->kind == Kind::Tuple) return new_list(std::span<const Value>(v.as<Tuple>()->span()));
  List* l = new_list();
  Value it = get_iter(v);
  Value item;
  while (iter_next(it, item))
    l->items.push_back(item);
  return l;
}

Tuple* tuple_from_iterable(Value v) {
  Type* t = type_of(v);
  if (t == &types::tuple) return v.as<Tuple>();
  if (t->kind == Kind::List) return new_tuple(std::span<const Value>(v.as<List>()->items));
  if (t->kind == Kind::Tuple) return new_tuple(std::span<const Value>(v.as<Tuple>()->span()));
  List* l = list_from_iterable(v);
  return new_tuple(std::span<const Value>(l->items));
}

// ---- type initialization ----------------------------------------------------------------------

void init_runtime_types() {
  using namespace types;
  init_type(object, "object", Kind::Object, nullptr);
  init_type(type, "type", Kind::Type, &object);
  init_type(none, "NoneType", Kind::NoneType, &object);
  init_type(int_, "int", Kind::Int, &object);
  init_type(boolean, "bool", Kind::Bool, &int_);
  init_type(float_, "float", Kind::Float, &object);
  init_type(str, "str", Kind::Str, &object);
  init_type(bytes, "bytes", Kind::Bytes, &object);
  init_type(tuple, "tuple", Kind::Tuple, &object);
  init_type(list, "list", Kind::List, &object);
  init_type(dict, "dict", Kind::Dict, &object);
  init_type(set, "set", Kind::Set, &object);
  init_type(frozenset, "frozenset", Kind::FrozenSet, &object);
  init_type(range, "range", Kind::Range, &object);
  init_type(slice, "slice", Kind::Slice, &object);
  init_type(function, "function", Kind::Function, &object);
  init_type(native_function, "builtin_function_or_method", Kind::NativeFunction, &object);
  init_type(bound_method, "method", Kind::BoundMethod, &object);
  init_type(cell, "cell", Kind::Cell, &object);
  init_type(code, "code", Kind::Code, &object);
  init_type(module, "module", Kind::Module, &object);
  init_type(dict_keys, "dict_keys", Kind::DictView, &object);
  init_type(dict_values, "dict_values", Kind::DictView, &object);
  init_type(dict_items, "dict_items", Kind::DictView, &object);
  init_type(property, "property", Kind::Property, &object);
  init_type(staticmethod, "staticmethod", Kind::StaticMethod, &object);
  init_type(classmethod, "classmethod", Kind::ClassMethod, &object);
  init_type(notimplemented, "NotImplementedType", Kind::NotImplemented, &object);
  init_type(ellipsis, "ellipsis", Kind::Ellipsis, &object);
  init_type(generator, "generator", Kind::Generator, &object);
  init_exceptions();
  init_iter_types();
  ops_detail::init_generic_alias_type();
}

} // namespace tributary
