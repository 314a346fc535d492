// operator_module.cpp — `_operator`: _compare_digest, the one C-only
// function CPython's library needs from it (hmac, secrets), and index, whose
// pure-Python definition in operator.py (`a.__index__()`) raises
// AttributeError where CPython's raises TypeError (random.randrange relies
// on the TypeError). operator.py's pure-Python definitions serve the rest.
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

// compare_digest(a, b): equality of two ASCII strs or two bytes-like values,
// in time depending only on the length of b (for secrets).
Value compare_digest(const Args& a) {
  check_expected(a, "_compare_digest", 2, 2);
  no_kwargs(a, "_compare_digest");
  std::string_view x, y;
  if (is_str(a[0]) && is_str(a[1])) {
    if (!a[0].as<Str>()->ascii || !a[1].as<Str>()->ascii)
      raise_type_error("comparing strings with non-ASCII characters is not supported");
    x = a[0].as<Str>()->view(), y = a[1].as<Str>()->view();
  } else if (is_str(a[0]) || is_str(a[1])) {
    raise_fmt(types::type_error, "a bytes-like object is required, not 'str'");
  } else {
    auto bx = bytes_like(a[0]), by = bytes_like(a[1]);
    if (!bx || !by)
      raise_fmt(types::type_error, "unsupported operand types(s) or combination of types: '{}' and '{}'", tname(a[0]),
                tname(a[1]));
    x = *bx, y = *by;
  }
  unsigned char diff = x.size() != y.size();
  const std::string_view& left = x.size() == y.size() ? x : y; // same length as b
  for (size_t i = 0; i < y.size(); ++i)
    diff |= static_cast<unsigned char>(left[i] ^ y[i]);
  return Value::boolean(diff == 0);
}

namespace {

Value op_compare_digest(Value, const Args& a) { return compare_digest(a); }

// An exact int of the value of int (or int subclass) `v`.
Value exact_int(Value v) {
  if (v.is_bool()) return Value::small_int(v.is_true());
  if (type_of(v) == &types::int_) return v;
  Mpz z(v);
  return make_int(z);
}

// index(a): PyNumber_Index, an exact int from an int or a's __index__.
Value op_index(Value, const Args& a) {
  check_one(a, "_operator.index");
  Value v = a[0];
  if (is_integer(v)) return exact_int(v);
  Value r = call_dunder(v, "__index__");
  if (r.is_empty()) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
  if (!is_integer(r)) raise_fmt(types::type_error, "__index__ returned non-int (type {})", tname(r));
  return exact_int(r);
}

} // namespace

Module* make_operator_module() {
  Module* m = new_module("_operator");
  add_function(m, "_compare_digest", op_compare_digest);
  add_function(m, "index", op_index);
  add_value(m, "__doc__",
            str_value("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\n"
                      "to the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the "
                      "expression x+y.  The function names are those\nused for special methods; variants without "
                      "leading and trailing\n'__' are also provided for convenience."));
  return m;
}

} // namespace tributary::lib
