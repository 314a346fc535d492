// memoryview.cpp — `memoryview` over bytes, bytearray and other memoryviews:
// one-dimensional, C-contiguous views of native single-character formats
// (what re's compiler (`memoryview(b).cast('I').tolist()`), struct and the
// io classes use).
//
// A view keeps its base object and a byte range of it; the bytes are read
// through the base on each access, so a view of a bytearray sees (and, not
// read-only, makes) its changes. Limits: no multi-dimensional shapes, no
// buffer protocol of user classes; a bytearray resized under a view is not
// locked as in CPython (the view is clamped to its current size).
#include <cstring>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/ops_internal.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary::lib {

Type memoryview_type;

namespace {

struct MemoryView : Object {
  Value base;   // bytes or bytearray
  size_t start; // bytes into the base
  size_t nbytes;
  char format; // struct-module character
  uint8_t itemsize;
  bool readonly, released;
};

// Formats a view may have, with their item sizes (native sizes and alignment).
int format_size(char f) {
  switch (f) {
  case 'B':
  case 'b':
  case 'c':
  case '?': return 1;
  case 'H':
  case 'h':
  case 'e': return 2;
  case 'I':
  case 'i':
  case 'f': return 4;
  case 'L':
  case 'l':
  case 'Q':
  case 'q':
  case 'N':
  case 'n':
  case 'd':
  case 'P': return 8;
  default: return 0;
  }
}

MemoryView* mv(Value v) {
  if (!is_kind(v, Kind::Object) || type_of(v) != &memoryview_type)
    raise_fmt(types::type_error, "descriptor requires a 'memoryview' object but received '{}'", tname(v));
  auto* m = v.as<MemoryView>();
  if (m->released) raise_value_error("operation forbidden on released memoryview object");
  return m;
}

// The viewed bytes (clamped to the base's current size).
std::string_view data_of(const MemoryView* m) {
  std::string_view all = *bytes_like(m->base);
  if (m->start >= all.size()) return {};
  return all.substr(m->start, std::min(m->nbytes, all.size() - m->start));
}

unsigned char* writable_data(MemoryView* m) {
  return reinterpret_cast<unsigned char*>(m->base.as<ByteArray>()->data.data()) + m->start;
}

Value unpack_item(char f, const char* p) {
  auto get = [p]<class T>(T) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  };
  switch (f) {
  case 'B': return Value::small_int(get(uint8_t{}));
  case 'b': return Value::small_int(get(int8_t{}));
  case 'c': return make_bytes(std::string_view(p, 1));
  case '?': return Value::boolean(get(uint8_t{}) != 0);
  case 'H': return Value::small_int(get(uint16_t{}));
  case 'h': return Value::small_int(get(int16_t{}));
  case 'I': return make_int(int64_t{get(uint32_t{})});
  case 'i': return make_int(int64_t{get(int32_t{})});
  case 'L':
  case 'Q':
  case 'N':
  case 'P': {
    uint64_t u = get(uint64_t{});
    return u <= static_cast<uint64_t>(INT64_MAX) ? make_int(static_cast<int64_t>(u))
                                                 : call1(Value::object(&types::int_), str_value(std::to_string(u)));
  }
  case 'l':
  case 'q':
  case 'n': return make_int(get(int64_t{}));
  case 'f': return Value::from_double(get(float{}));
  case 'd': return Value::from_double(get(double{}));
  default: raise(types::not_implemented_error, "memoryview: format e not supported");
  }
}

void pack_item(char f, Value v, unsigned char* p) {
  auto put = [p](auto x) { std::memcpy(p, &x, sizeof x); };
  if (f == 'c') {
    auto b = bytes_like(v);
    if (!b || b->size() != 1) raise_fmt(types::value_error, "memoryview: invalid value for format '{}'", f);
    *p = static_cast<unsigned char>((*b)[0]);
    return;
  }
  if (f == 'f' || f == 'd') {
    double d = v.is_double() ? v.as_double() : is_integer(v) ? int_to_double(v) : 0;
    if (!v.is_double() && !is_integer(v)) raise_fmt(types::type_error, "memoryview: invalid type for format '{}'", f);
    f == 'f' ? put(static_cast<float>(d)) : put(d);
    return;
  }
  if (f == '?') {
    put(static_cast<uint8_t>(truthy(v)));
    return;
  }
  if (!is_integer(v)) raise_fmt(types::type_error, "memoryview: invalid type for format '{}'", f);
  int64_t i = arg_index(v);
  auto check = [&](int64_t lo, int64_t hi) {
    if (i < lo || i > hi) raise_fmt(types::value_error, "memoryview: invalid value for format '{}'", f);
  };
  switch (f) {
  case 'B': check(0, 255), put(static_cast<uint8_t>(i)); break;
  case 'b': check(-128, 127), put(static_cast<int8_t>(i)); break;
  case 'H': check(0, 65535), put(static_cast<uint16_t>(i)); break;
  case 'h': check(-32768, 32767), put(static_cast<int16_t>(i)); break;
  case 'I': check(0, UINT32_MAX), put(static_cast<uint32_t>(i)); break;
  case 'i': check(INT32_MIN, INT32_MAX), put(static_cast<int32_t>(i)); break;
  default: check(f == 'l' || f == 'q' || f == 'n' ? INT64_MIN : 0, INT64_MAX), put(i); break;
  }
}

MemoryView* new_view(Value base, size_t start, size_t nbytes, char format, bool readonly) {
  auto* m = gc::make<MemoryView>();
  m->type = &memoryview_type;
  m->base = base;
  m->start = start;
  m->nbytes = nbytes;
  m->format = format;
  m->itemsize = static_cast<uint8_t>(format_size(format));
  m->readonly = readonly;
  m->released = false;
  return m;
}

Value construct_memoryview(Value, const Args& a) {
  Value p[1];
  bind_args(a, "memoryview", {"object"}, 1, p);
  Value obj = p[0];
  if (type_of(obj) == &memoryview_type) {
    MemoryView* src = mv(obj);
    return Value::object(new_view(src->base, src->start, src->nbytes, src->format, src->readonly));
  }
  auto data = bytes_like(obj);
  if (!data) raise_fmt(types::type_error, "memoryview: a bytes-like object is required, not '{}'", tname(obj));
  return Value::object(new_view(obj, 0, data->size(), 'B', is_kind(obj, Kind::Bytes)));
}

size_t item_count(const MemoryView* m) { return data_of(m).size() / m->itemsize; }

Value mv_len(Value self, const Args&) { return make_int(static_cast<int64_t>(item_count(mv(self)))); }

Value mv_tobytes(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "tobytes", {"order"}, 0, p);
  return make_bytes(data_of(mv(self)));
}

Value mv_tolist(Value self, const Args& a) {
  check_none(a, "tolist");
  MemoryView* m = mv(self);
  std::string_view d = data_of(m);
  List* out = new_list();
  for (size_t i = 0; i + m->itemsize <= d.size(); i += m->itemsize)
    list_append(out, unpack_item(m->format, d.data() + i));
  return Value::object(out);
}

Value mv_hex(Value self, const Args&) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : data_of(mv(self))) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return str_value(out);
}

Value mv_cast(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "cast", {"format", "shape"}, 1, p);
  MemoryView* m = mv(self);
  if (!is_str(p[0])) raise_fmt(types::type_error, "cast() argument 'format' must be str, not {}", tname(p[0]));
  std::string_view f = p[0].as<Str>()->view();
  if (f.size() == 2 && f[0] == '@') f.remove_prefix(1);
  if (f.size() != 1 || !format_size(f[0]))
    raise_value_error(
        "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  if (!p[1].is_empty() && !p[1].is_none())
    raise(types::not_implemented_error, "memoryview: cast to a shape is not supported yet");
  auto is_byte = [](char c) { return c == 'B' || c == 'b' || c == 'c'; };
  if (!is_byte(m->format) && !is_byte(f[0])) raise_type_error("memoryview: cannot cast between two non-byte formats");
  if (m->nbytes % format_size(f[0])) raise_type_error("memoryview: length is not a multiple of itemsize");
  return Value::object(new_view(m->base, m->start, m->nbytes, f[0], m->readonly));
}

Value mv_getitem(Value self, const Args& a) {
  check_one(a, "__getitem__");
  MemoryView* m = mv(self);
  std::string_view d = data_of(m);
  int64_t n = static_cast<int64_t>(d.size() / m->itemsize);
  if (is_kind(a[0], Kind::Slice)) {
    int64_t start, stop, step;
    int64_t len = slice_indices(a[0].as<Slice>(), n, start, stop, step);
    if (step != 1) {
      // A copy for other steps (CPython gives a strided view).
      std::string out;
      for (int64_t k = 0, i = start; k < len; ++k, i += step)
        out.append(d.substr(i * m->itemsize, m->itemsize));
      Value b = make_bytes(out);
      return Value::object(new_view(b, 0, out.size(), m->format, true));
    }
    return Value::object(new_view(m->base, m->start + start * m->itemsize, len * m->itemsize, m->format, m->readonly));
  }
  if (a[0] == kEllipsis) return self;
  int64_t i = arg_index(a[0]);
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(types::index_error, "index out of bounds on dimension 1");
  return unpack_item(m->format, d.data() + i * m->itemsize);
}

Value mv_setitem(Value self, const Args& a) {
  check_takes(a, "__setitem__", 2, 2);
  MemoryView* m = mv(self);
  if (m->readonly) raise_type_error("cannot modify read-only memory");
  int64_t n = static_cast<int64_t>(item_count(m));
  if (is_kind(a[0], Kind::Slice)) {
    int64_t start, stop, step;
    int64_t len = slice_indices(a[0].as<Slice>(), n, start, stop, step);
    auto src = bytes_like(a[1]);
    if (!src && type_of(a[1]) == &memoryview_type) src = data_of(mv(a[1]));
    if (!src) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[1]));
    if (static_cast<int64_t>(src->size()) != len * m->itemsize)
      raise_value_error("memoryview assignment: lvalue and rvalue have different structures");
    std::string copy(*src);
    for (int64_t k = 0, i = start; k < len; ++k, i += step)
      std::memcpy(writable_data(m) + i * m->itemsize, copy.data() + k * m->itemsize, m->itemsize);
    return Value::none();
  }
  int64_t i = arg_index(a[0]);
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(types::index_error, "index out of bounds on dimension 1");
  pack_item(m->format, a[1], writable_data(m) + i * m->itemsize);
  return Value::none();
}

Value mv_eq(Value self, const Args& a) {
  check_one(a, "__eq__");
  MemoryView* m = mv(self);
  Value other = a[0];
  if (type_of(other) == &memoryview_type) {
    MemoryView* o = mv(other);
    if (m->format == o->format) return Value::boolean(data_of(m) == data_of(o));
    return Value::boolean(equals(mv_tolist(self, Args{}), mv_tolist(other, Args{})));
  }
  auto b = bytes_like(other);
  if (!b) return kNotImplemented;
  if (m->format != 'B' && m->format != 'b' && m->format != 'c') return Value::boolean(false);
  return Value::boolean(data_of(m) == *b);
}

// Only read-only views of byte formats hash (as their bytes do).
Value mv_hash(Value self, const Args&) {
  MemoryView* m = mv(self);
  if (!m->readonly) raise_value_error("cannot hash writable memoryview object");
  if (m->format != 'B' && m->format != 'b' && m->format != 'c')
    raise_value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  return make_int(hash_value(make_bytes(data_of(m))));
}

Value mv_release(Value self, const Args&) {
  if (type_of(self) == &memoryview_type) self.as<MemoryView>()->released = true;
  return Value::none();
}

Value mv_enter(Value self, const Args&) {
  mv(self);
  return self;
}

Value mv_exit(Value self, const Args&) { return mv_release(self, Args{}); }

Value mv_repr(Value self, const Args&) {
  auto* m = self.as<MemoryView>();
  return str_value(
      fmt::format("<{}memory at {}>", m->released ? "released " : "", ops_detail::address(self.as_object())));
}

Value mv_nbytes(Value self, const Args&) { return make_int(static_cast<int64_t>(data_of(mv(self)).size())); }
Value mv_itemsize(Value self, const Args&) { return Value::small_int(mv(self)->itemsize); }
Value mv_format(Value self, const Args&) { return str_value(std::string(1, mv(self)->format)); }
Value mv_readonly(Value self, const Args&) { return Value::boolean(mv(self)->readonly); }
Value mv_ndim(Value self, const Args&) {
  mv(self);
  return Value::small_int(1);
}
Value mv_shape(Value self, const Args&) {
  Value n = make_int(static_cast<int64_t>(item_count(mv(self))));
  return Value::object(new_tuple(std::span<const Value>(&n, 1)));
}
Value mv_strides(Value self, const Args&) {
  Value n = Value::small_int(mv(self)->itemsize);
  return Value::object(new_tuple(std::span<const Value>(&n, 1)));
}
Value mv_obj(Value self, const Args&) { return mv(self)->base; }
Value mv_contiguous(Value self, const Args&) {
  mv(self);
  return Value::boolean(true);
}

} // namespace

std::optional<std::string_view> memoryview_bytes(Value v) {
  if (!is_kind(v, Kind::Object) || type_of(v) != &memoryview_type) return std::nullopt;
  return data_of(mv(v));
}

void init_memoryview_type(Module* builtins) {
  init_type(memoryview_type, "memoryview", Kind::Object, &types::object);
  memoryview_type.construct = construct_memoryview;
  memoryview_type.is_builtin = false; // indexing, len and == through its special methods
  add_methods(memoryview_type, {
                                   {"__len__", self_or_first<mv_len>},
                                   {"__getitem__", self_or_first<mv_getitem>},
                                   {"__setitem__", self_or_first<mv_setitem>},
                                   {"__eq__", self_or_first<mv_eq>},
                                   {"__enter__", self_or_first<mv_enter>},
                                   {"__exit__", self_or_first<mv_exit>},
                                   {"__repr__", self_or_first<mv_repr>},
                                   {"tobytes", self_or_first<mv_tobytes>},
                                   {"tolist", self_or_first<mv_tolist>},
                                   {"hex", self_or_first<mv_hex>},
                                   {"cast", self_or_first<mv_cast>},
                                   {"release", self_or_first<mv_release>},
                               });
  add_method(memoryview_type, "__hash__", self_or_first<mv_hash>);
  for (const MethodDef& d :
       {MethodDef{"nbytes", self_or_first<mv_nbytes>}, MethodDef{"itemsize", self_or_first<mv_itemsize>},
        MethodDef{"format", self_or_first<mv_format>}, MethodDef{"readonly", self_or_first<mv_readonly>},
        MethodDef{"ndim", self_or_first<mv_ndim>}, MethodDef{"shape", self_or_first<mv_shape>},
        MethodDef{"strides", self_or_first<mv_strides>}, MethodDef{"obj", self_or_first<mv_obj>},
        MethodDef{"c_contiguous", self_or_first<mv_contiguous>}, MethodDef{"contiguous", self_or_first<mv_contiguous>}})
    add_getter(memoryview_type, d.name, d.fn);
  add_value(builtins, "memoryview", Value::object(&memoryview_type));
}

} // namespace tributary::lib
