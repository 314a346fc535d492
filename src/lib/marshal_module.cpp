// marshal_module.cpp — `marshal`: CPython's value serialization (format
// version 4) for the values that are not code: None, bools, StopIteration,
// Ellipsis, ints, floats, complex numbers, str, bytes, tuples, lists, dicts,
// sets and frozensets.
//
// dumps() never emits back-references (CPython marks objects it sees shared
// with FLAG_REF, which depends on reference counts), so its bytes can differ
// from CPython's while loading the same values in either implementation;
// loads() reads references. Code objects are not marshallable here:
// importlib, which imports this module, only uses it for .pyc files, and
// Tributary never reads or writes those.
#include <cmath>
#include <cstring>
#include <span>

#include "lib/complex.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

constexpr int kVersion = 4;
constexpr unsigned char kFlagRef = 0x80;

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out.push_back(static_cast<char>(v >> (8 * i)));
}

void put_double(std::string& out, double d) {
  char b[8];
  std::memcpy(b, &d, 8);
  out.append(b, 8);
}

void dump_value(std::string& out, Value v, int depth);

void dump_items(std::string& out, std::span<const Value> items, int depth) {
  for (Value x : items)
    dump_value(out, x, depth + 1);
}

void dump_int(std::string& out, Value v) {
  if (auto i = int_as_i64(v); i && *i >= INT32_MIN && *i <= INT32_MAX) {
    out.push_back('i');
    put_u32(out, static_cast<uint32_t>(static_cast<int32_t>(*i)));
    return;
  }
  // TYPE_LONG: the magnitude in base-2**15 digits, the count's sign the int's.
  Mpz z(v);
  bool neg = mpz_sgn(z) < 0;
  mpz_abs(z, z);
  std::string digits;
  int32_t n = 0;
  while (mpz_sgn(z) != 0) {
    uint32_t d = static_cast<uint32_t>(mpz_fdiv_ui(z, 1u << 15));
    digits.push_back(static_cast<char>(d & 0xff));
    digits.push_back(static_cast<char>(d >> 8));
    mpz_fdiv_q_2exp(z, z, 15);
    ++n;
  }
  out.push_back('l');
  put_u32(out, static_cast<uint32_t>(neg ? -n : n));
  out += digits;
}

void dump_value(std::string& out, Value v, int depth) {
  if (depth > 2000) raise(types::value_error, "object too deeply nested to marshal");
  if (v.is_none()) return out.push_back('N');
  if (v.is_bool()) return out.push_back(v.is_true() ? 'T' : 'F');
  if (v.is_double()) {
    out.push_back('g');
    return put_double(out, v.as_double());
  }
  if (is_integer(v) && is_exact(v, types::int_)) return dump_int(out, v);
  if (v.is_small_int()) return dump_int(out, v);
  if (v == kEllipsis) return out.push_back('.');
  if (v.is_object() && v.as_object() == &types::stop_iteration) return out.push_back('S');
  if (is_exact(v, complex_type)) {
    Cplx c = complex_value(v);
    out.push_back('y');
    put_double(out, c.re);
    return put_double(out, c.im);
  }
  if (is_exact(v, types::str)) {
    std::string_view s = v.as<Str>()->view();
    out.push_back('u');
    put_u32(out, static_cast<uint32_t>(s.size()));
    out += s;
    return;
  }
  if (is_exact(v, types::bytes) || is_exact(v, bytearray_type)) {
    std::string_view s = *bytes_like(v);
    out.push_back('s');
    put_u32(out, static_cast<uint32_t>(s.size()));
    out += s;
    return;
  }
  if (is_exact(v, types::tuple)) {
    Tuple* t = v.as<Tuple>();
    if (t->size < 256) {
      out.push_back(')');
      out.push_back(static_cast<char>(t->size));
    } else {
      out.push_back('(');
      put_u32(out, static_cast<uint32_t>(t->size));
    }
    return dump_items(out, t->span(), depth);
  }
  if (is_exact(v, types::list)) {
    List* l = v.as<List>();
    out.push_back('[');
    put_u32(out, static_cast<uint32_t>(l->items.size()));
    return dump_items(out, std::span<const Value>(l->items.data(), l->items.size()), depth);
  }
  if (is_exact(v, types::dict)) {
    out.push_back('{');
    Value it = get_iter(call0(get_attr(v, intern("items"))));
    Value kv;
    while (iter_next(it, kv))
      dump_items(out, kv.as<Tuple>()->span(), depth);
    return out.push_back('0');
  }
  if (is_exact(v, types::set) || is_exact(v, types::frozenset)) {
    GcVector<Value> items;
    Value it = get_iter(v), x;
    while (iter_next(it, x))
      items.push_back(x);
    out.push_back(is_exact(v, types::set) ? '<' : '>');
    put_u32(out, static_cast<uint32_t>(items.size()));
    return dump_items(out, std::span<const Value>(items.data(), items.size()), depth);
  }
  raise(types::value_error, "unmarshallable object");
}

struct Reader {
  std::string_view data;
  size_t pos = 0;
  GcVector<Value> refs;

  [[noreturn]] void eof() { raise(types::eof_error, "marshal data too short"); }
  unsigned char byte() {
    if (pos >= data.size()) eof();
    return static_cast<unsigned char>(data[pos++]);
  }
  std::string_view take(size_t n) {
    if (data.size() - pos < n) eof();
    std::string_view s = data.substr(pos, n);
    pos += n;
    return s;
  }
  int32_t i32() {
    std::string_view s = take(4);
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<uint32_t>(static_cast<unsigned char>(s[i])) << (8 * i);
    return static_cast<int32_t>(v);
  }
  size_t size() {
    int32_t n = i32();
    if (n < 0) raise(types::value_error, "bad marshal data (size out of range)");
    return static_cast<size_t>(n);
  }
  double f64() {
    double d;
    std::memcpy(&d, take(8).data(), 8);
    return d;
  }
  double text_float() {
    size_t n = byte();
    return std::strtod(std::string(take(n)).c_str(), nullptr);
  }

  Value items(size_t n, bool as_list, int depth) {
    GcVector<Value> out;
    for (size_t i = 0; i < n; ++i)
      out.push_back(value(depth + 1));
    std::span<const Value> s(out.data(), out.size());
    return as_list ? Value::object(new_list(s)) : Value::object(new_tuple(s));
  }

  // Reserves a reference slot for an object flagged FLAG_REF, filled once read.
  Value value(int depth) {
    if (depth > 2000) raise(types::value_error, "recursion limit exceeded");
    if (pos >= data.size()) raise(types::eof_error, "EOF read where object expected");
    unsigned char code = byte();
    bool flag = code & kFlagRef;
    code &= ~kFlagRef;
    size_t slot = refs.size();
    if (flag) refs.push_back(Value::none());
    Value v = decode(code, depth);
    if (flag) refs[slot] = v;
    return v;
  }

  Value decode(unsigned char code, int depth) {
    switch (code) {
    case '0': raise(types::type_error, "NULL object in marshal data for object");
    case 'N': return Value::none();
    case 'F': return Value::boolean(false);
    case 'T': return Value::boolean(true);
    case 'S': return Value::object(&types::stop_iteration);
    case '.': return kEllipsis;
    case 'i': return make_int(int64_t{i32()});
    case 'l': {
      int32_t n = i32();
      Mpz z;
      size_t count = static_cast<size_t>(n < 0 ? -static_cast<int64_t>(n) : n);
      std::string_view digits = take(2 * count);
      for (size_t i = count; i-- > 0;) {
        unsigned d = static_cast<unsigned char>(digits[2 * i]) | static_cast<unsigned char>(digits[2 * i + 1]) << 8;
        if (d >= (1u << 15)) raise(types::value_error, "bad marshal data (digit out of range in long)");
        mpz_mul_2exp(z, z, 15);
        mpz_add_ui(z, z, d);
      }
      if (n < 0) mpz_neg(z, z);
      return make_int(z.z);
    }
    case 'g': return Value::from_double(f64());
    case 'f': return Value::from_double(text_float());
    case 'y': {
      double re = f64();
      return make_complex(re, f64());
    }
    case 'x': {
      double re = text_float();
      return make_complex(re, text_float());
    }
    case 's': return make_bytes(take(size()));
    case 'u':
    case 't': return str_value(take(size()));
    case 'a':
    case 'A': return str_value(take(size()));
    case 'z':
    case 'Z': return str_value(take(byte()));
    case ')': return items(byte(), false, depth);
    case '(': return items(size(), false, depth);
    case '[': return items(size(), true, depth);
    case '{': {
      Dict* d = new_dict();
      for (;;) {
        if (pos < data.size() && data[pos] == '0') {
          ++pos;
          return Value::object(d);
        }
        Value k = value(depth + 1);
        dict_set(d, k, value(depth + 1));
      }
    }
    case '<':
    case '>': {
      Value l = items(size(), true, depth);
      return call1(Value::object(code == '<' ? &types::set : &types::frozenset), l);
    }
    case 'r': {
      int32_t i = i32();
      if (i < 0 || static_cast<size_t>(i) >= refs.size())
        raise(types::value_error, "bad marshal data (invalid reference)");
      return refs[static_cast<size_t>(i)];
    }
    case 'c': raise(types::value_error, "bad marshal data (code objects are not supported by Tributary)");
    default: raise(types::value_error, "bad marshal data (unknown type code)");
    }
  }
};

std::string_view buffer_arg(Value v, const char* fname) {
  auto data = bytes_like(v);
  if (!data) data = memoryview_bytes(v);
  if (!data) raise_fmt(types::type_error, "{}() argument must be bytes-like object, not {}", fname, tname(v));
  return *data;
}

Value m_dumps(Value, const Args& a) {
  Value p[2];
  bind_args(a, "dumps", {"value", "version"}, 1, p, 2);
  std::string out;
  dump_value(out, p[0], 0);
  return make_bytes(out);
}

Value m_loads(Value, const Args& a) {
  check_takes(a, "loads", 1, 1);
  Reader r{buffer_arg(a[0], "loads"), 0, {}};
  return r.value(0);
}

Value m_dump(Value, const Args& a) {
  Value p[3];
  bind_args(a, "dump", {"value", "file", "version"}, 2, p, 3);
  std::string out;
  dump_value(out, p[0], 0);
  return call1(get_attr(p[1], intern("write")), make_bytes(out));
}

// load(file): reads the file to its end and decodes its first value.
Value m_load(Value, const Args& a) {
  check_one(a, "load");
  Value data = call0(get_attr(a[0], intern("read")));
  Reader r{buffer_arg(data, "load"), 0, {}};
  return r.value(0);
}

} // namespace

Module* make_marshal_module() {
  Module* m = new_module("marshal");
  add_function(m, "dumps", m_dumps);
  add_function(m, "loads", m_loads);
  add_function(m, "dump", m_dump);
  add_function(m, "load", m_load);
  add_value(m, "version", Value::small_int(kVersion));
  return m;
}

} // namespace tributary::lib
