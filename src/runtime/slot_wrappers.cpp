// slot_wrappers.cpp — the special methods of the builtin types as attributes
// (`int.__add__`, `dict.__setitem__`, `str.__len__`, ...), CPython's slot
// wrappers.
//
// The generic protocol (ops*.cpp) never calls them for builtin values: it
// switches on the Kind. They exist for Python code that names them:
// `super().__setitem__(k, v)` in a dict subclass, `int.__index__(x)`,
// `hasattr(list, "__iter__")`, a mixin's method resolution order. Each runs
// the generic operation under ops_detail::BuiltinPath, so that a subclass
// instance gets the builtin behaviour rather than its own override again.
#include <cmath>

#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary {

namespace {

// The receiver and the remaining arguments of a slot wrapper called bound
// (`x.__len__()`) or unbound (`list.__len__(x)`); TypeError for a receiver
// that is not a T.
struct Call {
  Value self;
  Args args;
};

Call receiver(Type* owner, const char* name, Value self, const Args& a) {
  Call c{self, a};
  if (self.is_empty()) {
    if (a.npos == 0) raise_fmt(types::type_error, "descriptor '{}' of '{}' object needs an argument", name, owner->name);
    c.self = a[0];
    c.args = Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  }
  if (!is_subtype(type_of(c.self), owner))
    raise_fmt(types::type_error, "descriptor '{}' requires a '{}' object but received a '{}'", name, owner->name,
              type_of(c.self)->name);
  if (c.args.nkw) raise_fmt(types::type_error, "{}() takes no keyword arguments", name);
  return c;
}

void expect(const Call& c, const char* name, uint32_t n) {
  if (c.args.npos != n)
    raise_fmt(types::type_error, "expected {} argument{}, got {}", n, n == 1 ? "" : "s", c.args.npos);
  (void)name;
}

// One wrapper: the generic operation `Op` on the builtin path.
template <Type* T, const char* Name, Value (*Op)(const Call&)> Value slot(Value self, const Args& a) {
  Call c = receiver(T, Name, self, a);
  ops_detail::BuiltinPath path(c.self);
  return Op(c);
}

// ---- the operations --------------------------------------------------------------------

Value op_getitem(const Call& c) {
  expect(c, "__getitem__", 1);
  return get_item(c.self, c.args[0]);
}
Value op_setitem(const Call& c) {
  expect(c, "__setitem__", 2);
  set_item(c.self, c.args[0], c.args[1]);
  return Value::none();
}
Value op_delitem(const Call& c) {
  expect(c, "__delitem__", 1);
  del_item(c.self, c.args[0]);
  return Value::none();
}
Value op_contains(const Call& c) {
  expect(c, "__contains__", 1);
  return Value::boolean(contains(c.self, c.args[0]));
}
Value op_len(const Call& c) {
  expect(c, "__len__", 0);
  return make_int(length(c.self));
}
Value op_iter(const Call& c) {
  expect(c, "__iter__", 0);
  return get_iter(c.self);
}
Value op_repr(const Call& c) {
  expect(c, "__repr__", 0);
  return Value::object(repr(c.self));
}
Value op_hash(const Call& c) {
  expect(c, "__hash__", 0);
  return make_int(hash_value(c.self));
}
Value op_bool(const Call& c) {
  expect(c, "__bool__", 0);
  return Value::boolean(truthy(c.self));
}
Value op_neg(const Call& c) {
  expect(c, "__neg__", 0);
  return negate(c.self);
}
Value op_pos(const Call& c) {
  expect(c, "__pos__", 0);
  return positive(c.self);
}
Value op_invert(const Call& c) {
  expect(c, "__invert__", 0);
  return invert(c.self);
}
Value op_abs(const Call& c) {
  expect(c, "__abs__", 0);
  if (is_float(c.self)) return Value::from_double(std::fabs(float_value(c.self)));
  if (c.self.is_small_int() || c.self.is_bool() || is_bigint(c.self)) return int_abs(c.self);
  return compare_bool(CmpOp::Lt, c.self, Value::small_int(0)) ? negate(c.self) : positive(c.self);
}
// int(x) of an int or a subclass's value: an exact int.
Value op_int(const Call& c) {
  expect(c, "__int__", 0);
  return types::int_.construct(Value::object(&types::int_), Args{&c.self, 1});
}
Value op_float(const Call& c) {
  expect(c, "__float__", 0);
  if (is_float(c.self)) return Value::from_double(float_value(c.self));
  return Value::from_double(int_to_double(c.self.is_bool() ? Value::small_int(c.self.is_true()) : c.self));
}
Value op_format(const Call& c) {
  expect(c, "__format__", 1);
  if (!is_str(c.args[0]))
    raise_fmt(types::type_error, "__format__() argument must be str, not {}", type_of(c.args[0])->name);
  return Value::object(format_value(c.self, c.args[0].as<Str>()));
}

template <CmpOp Op> Value op_compare(const Call& c) {
  expect(c, "comparison", 1);
  return compare(Op, c.self, c.args[0]);
}

// Binary operators give NotImplemented for operands they do not support,
// as CPython's do (so `super().__add__(x)` lets the caller try another way).
template <BinOp Op, bool kReflected> Value op_binary(const Call& c) {
  expect(c, "operator", 1);
  // str.__mod__ and bytes.__mod__ format whatever they get: their errors are real.
  if constexpr (Op == BinOp::Mod && !kReflected)
    if (is_kind(c.self, Kind::Str) || is_kind(c.self, Kind::Bytes)) return binary_op(Op, c.self, c.args[0]);
  try {
    return kReflected ? binary_op(Op, c.args[0], c.self) : binary_op(Op, c.self, c.args[0]);
  } catch (const PyException& e) {
    if (!exception_matches(e.exc, Value::object(&types::type_error))) throw;
    return kNotImplemented;
  }
}

// ---- the tables --------------------------------------------------------------------------

#define NAME(id, text) constexpr char id[] = text;
NAME(kGetitem, "__getitem__")
NAME(kSetitem, "__setitem__")
NAME(kDelitem, "__delitem__")
NAME(kContains, "__contains__")
NAME(kLen, "__len__")
NAME(kIter, "__iter__")
NAME(kRepr, "__repr__")
NAME(kHash, "__hash__")
NAME(kBool, "__bool__")
NAME(kNeg, "__neg__")
NAME(kPos, "__pos__")
NAME(kInvert, "__invert__")
NAME(kAbs, "__abs__")
NAME(kInt, "__int__")
NAME(kIndex, "__index__")
NAME(kFloat, "__float__")
NAME(kFormat, "__format__")
NAME(kLt, "__lt__")
NAME(kLe, "__le__")
NAME(kEq, "__eq__")
NAME(kNe, "__ne__")
NAME(kGt, "__gt__")
NAME(kGe, "__ge__")
#undef NAME

template <Type* T> void add_comparisons() {
  add_method(*T, kLt, slot<T, kLt, op_compare<CmpOp::Lt>>);
  add_method(*T, kLe, slot<T, kLe, op_compare<CmpOp::Le>>);
  add_method(*T, kEq, slot<T, kEq, op_compare<CmpOp::Eq>>);
  add_method(*T, kNe, slot<T, kNe, op_compare<CmpOp::Ne>>);
  add_method(*T, kGt, slot<T, kGt, op_compare<CmpOp::Gt>>);
  add_method(*T, kGe, slot<T, kGe, op_compare<CmpOp::Ge>>);
}

// `in`, len() and iteration (sets); add_container adds subscription.
template <Type* T> void add_collection() {
  add_method(*T, kContains, slot<T, kContains, op_contains>);
  add_method(*T, kLen, slot<T, kLen, op_len>);
  add_method(*T, kIter, slot<T, kIter, op_iter>);
}

template <Type* T> void add_container() {
  add_collection<T>();
  add_method(*T, kGetitem, slot<T, kGetitem, op_getitem>);
}

template <Type* T> void add_common() {
  add_method(*T, kRepr, slot<T, kRepr, op_repr>);
  add_comparisons<T>();
}

template <Type* T> void add_hash() { add_method(*T, kHash, slot<T, kHash, op_hash>); }

// The plain and reflected names of each operator, e.g. "__add__"/"__radd__".
template <Type* T, BinOp Op> void add_binary() {
  static const char* const plain = binary_dunder_name(Op, DunderKind::Plain);
  static const char* const reflected = binary_dunder_name(Op, DunderKind::Reflected);
  add_method(*T, plain, [](Value self, const Args& a) {
    Call c = receiver(T, plain, self, a);
    ops_detail::BuiltinPath path(c.self);
    return op_binary<Op, false>(c);
  });
  add_method(*T, reflected, [](Value self, const Args& a) {
    Call c = receiver(T, reflected, self, a);
    ops_detail::BuiltinPath path(c.self);
    return op_binary<Op, true>(c);
  });
}

template <Type* T, BinOp... Ops> void add_binaries() { (add_binary<T, Ops>(), ...); }

template <Type* T> void add_number() {
  add_method(*T, kNeg, slot<T, kNeg, op_neg>);
  add_method(*T, kPos, slot<T, kPos, op_pos>);
  add_method(*T, kAbs, slot<T, kAbs, op_abs>);
  add_method(*T, kBool, slot<T, kBool, op_bool>);
  add_method(*T, kInt, slot<T, kInt, op_int>);
  add_method(*T, kFloat, slot<T, kFloat, op_float>);
  add_method(*T, kFormat, slot<T, kFormat, op_format>);
  add_hash<T>();
  add_common<T>();
  add_binaries<T, BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::TrueDiv, BinOp::FloorDiv, BinOp::Mod, BinOp::Pow>();
}

} // namespace

void init_slot_wrappers() {
  using namespace types;
  add_number<&int_>();
  add_method(int_, kIndex, slot<&int_, kIndex, op_int>);
  add_method(int_, kInvert, slot<&int_, kInvert, op_invert>);
  add_binaries<&int_, BinOp::LShift, BinOp::RShift, BinOp::And, BinOp::Or, BinOp::Xor>();
  add_number<&float_>();

  add_common<&str>();
  add_hash<&str>();
  add_container<&str>();
  add_method(str, kFormat, slot<&str, kFormat, op_format>);
  add_binaries<&str, BinOp::Add, BinOp::Mul, BinOp::Mod>();

  add_common<&bytes>();
  add_hash<&bytes>();
  add_container<&bytes>();
  add_binaries<&bytes, BinOp::Add, BinOp::Mul, BinOp::Mod>();

  add_common<&tuple>();
  add_hash<&tuple>();
  add_container<&tuple>();
  add_binaries<&tuple, BinOp::Add, BinOp::Mul>();

  add_common<&list>();
  add_container<&list>();
  add_method(list, kSetitem, slot<&list, kSetitem, op_setitem>);
  add_method(list, kDelitem, slot<&list, kDelitem, op_delitem>);
  add_binaries<&list, BinOp::Add, BinOp::Mul>();

  add_common<&dict>();
  add_container<&dict>();
  add_method(dict, kSetitem, slot<&dict, kSetitem, op_setitem>);
  add_method(dict, kDelitem, slot<&dict, kDelitem, op_delitem>);
  add_binaries<&dict, BinOp::Or>();

  add_common<&set>();
  add_collection<&set>();
  add_binaries<&set, BinOp::And, BinOp::Or, BinOp::Xor, BinOp::Sub>();
  add_common<&frozenset>();
  add_hash<&frozenset>();
  add_collection<&frozenset>();
  add_binaries<&frozenset, BinOp::And, BinOp::Or, BinOp::Xor, BinOp::Sub>();

  add_container<&range>();
}

} // namespace tributary
