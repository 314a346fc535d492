// memoryview.cpp — `memoryview` over bytes, bytearray and array: a
// one-dimensional view of items, sliced with any step, written through to a
// bytearray or array, released explicitly or by `with`.
//
// The view holds its object and a (start, length, step) window; the bytes are
// fetched from the object at each access, so a bytearray's later changes are
// seen. An array is viewed with its type code as the format ('w' for 'u').
// Limits: cast() takes no shape (one dimension only);
// a bytearray that shrinks under a view is not refused (CPython's
// BufferError): the view's accesses past the end raise IndexError.
#include "lib/bytes_internal.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

Type memoryview_type;

namespace {

struct MemoryView : Object {
  Value obj;        // the viewed bytes, bytearray or array
  int64_t start;    // first item's index in the object
  int64_t length;   // items in the view
  int64_t step;     // index distance between items
  char format;      // 'B' for bytes and bytearray, an array's type code
  int64_t itemsize; // bytes per item
  bool released;
};

MemoryView* as_view(Value v) { return v.as<MemoryView>(); }

MemoryView* live(Value v) {
  MemoryView* m = as_view(v);
  if (m->released) raise(types::value_error, "operation forbidden on released memoryview object");
  return m;
}

bool readonly(const MemoryView* m) { return is_kind(m->obj, Kind::Bytes); }

// The writable storage of a bytearray or array object.
unsigned char* writable_bytes(const MemoryView* m, size_t& size) {
  if (is_bytearray(m->obj)) {
    auto& d = m->obj.as<ByteArray>()->data;
    size = d.size();
    return d.data();
  }
  char code;
  auto* storage = array_storage(m->obj, code);
  size = storage->size();
  return storage->data();
}

// The viewed object's current bytes.
std::string_view base_bytes(const MemoryView* m) { return *bytes_like(m->obj); }

// The machine bytes of item i.
std::string_view item_bytes(const MemoryView* m, int64_t i) {
  std::string_view b = base_bytes(m);
  int64_t at = (m->start + i * m->step) * m->itemsize;
  if (at < 0 || at + m->itemsize > static_cast<int64_t>(b.size()))
    raise(types::index_error, "index out of bounds on dimension 1");
  return b.substr(static_cast<size_t>(at), static_cast<size_t>(m->itemsize));
}

Value item(const MemoryView* m, int64_t i) {
  std::string_view b = item_bytes(m, i);
  if (m->format == 'B') return Value::small_int(static_cast<unsigned char>(b[0]));
  if (m->format == 'c') return make_bytes(std::string(b));
  return array_decode(m->format == 'w' ? 'u' : m->format, reinterpret_cast<const unsigned char*>(b.data()));
}

// The view's bytes, gathered.
std::string contents(const MemoryView* m) {
  std::string out;
  out.reserve(static_cast<size_t>(m->length * m->itemsize));
  for (int64_t i = 0; i < m->length; ++i)
    out += item_bytes(m, i);
  return out;
}

Value new_view(Value obj, int64_t start, int64_t length, int64_t step, char format = 'B', int64_t itemsize = 1) {
  auto* m = gc::make<MemoryView>();
  m->type = &memoryview_type;
  m->obj = obj;
  m->start = start;
  m->length = length;
  m->step = step;
  m->format = format;
  m->itemsize = itemsize;
  m->released = false;
  return Value::object(m);
}

Value construct_memoryview(Value, const Args& a) {
  Value p[1];
  bind_args(a, "memoryview", {"object"}, 1, p);
  Value obj = p[0];
  if (is_kind(obj, Kind::Object) && obj.as_object()->type == &memoryview_type) {
    MemoryView* m = live(obj);
    return new_view(m->obj, m->start, m->length, m->step, m->format, m->itemsize);
  }
  char code;
  if (auto* storage = array_storage(obj, code)) {
    auto size = static_cast<int64_t>(array_item_size(code));
    return new_view(obj, 0, static_cast<int64_t>(storage->size()) / size, 1, code == 'u' ? 'w' : code, size);
  }
  auto b = bytes_like(obj);
  if (!b) raise_fmt(types::type_error, "memoryview: a bytes-like object is required, not '{}'", tname(obj));
  return new_view(obj, 0, static_cast<int64_t>(b->size()), 1);
}

// An item index: an int (or __index__) within the view, negative from the end.
int64_t item_index(const MemoryView* m, Value key) {
  int64_t i = arg_index(key);
  if (i < 0) i += m->length;
  if (i < 0 || i >= m->length) raise(types::index_error, "index out of bounds on dimension 1");
  return i;
}

bool is_index_key(Value key) { return is_integer(key) || !call_dunder(key, "__index__").is_empty(); }

Value mv_getitem(Value self, const Args& a) {
  check_one(a, "__getitem__");
  MemoryView* m = live(self);
  Value key = a[0];
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), m->length, start, stop, step);
    return new_view(m->obj, m->start + start * m->step, n, m->step * step, m->format, m->itemsize);
  }
  if (!is_index_key(key)) raise(types::type_error, "memoryview: invalid slice key");
  return item(m, item_index(m, key));
}

// An item's machine bytes for the view's format, with memoryview's messages.
std::string encode_item(const MemoryView* m, Value v) {
  std::string out(static_cast<size_t>(m->itemsize), '\0');
  if (m->format == 'B') {
    if (!is_integer(v)) raise(types::type_error, "memoryview: invalid type for format 'B'");
    auto i = int_as_i64(v.is_bool() ? Value::small_int(v.is_true()) : v);
    if (!i || *i < 0 || *i > 255) raise(types::value_error, "memoryview: invalid value for format 'B'");
    out[0] = static_cast<char>(*i);
    return out;
  }
  if (m->format == 'c') {
    auto b = is_kind(v, Kind::Bytes) ? bytes_like(v) : std::nullopt;
    if (!b) raise(types::type_error, "memoryview: invalid type for format 'c'");
    if (b->size() != 1) raise(types::value_error, "memoryview: invalid value for format 'c'");
    return std::string(*b);
  }
  try {
    array_encode(m->format == 'w' ? 'u' : m->format, v, reinterpret_cast<unsigned char*>(out.data()));
  } catch (const PyException& e) {
    if (exception_matches(e.exc, Value::object(&types::overflow_error)))
      raise_fmt(types::value_error, "memoryview: invalid value for format '{}'", m->format);
    raise_fmt(types::type_error, "memoryview: invalid type for format '{}'", m->format);
  }
  return out;
}

Value mv_setitem(Value self, const Args& a) {
  if (a.npos != 2) raise(types::type_error, "expected 2 arguments");
  MemoryView* m = live(self);
  if (readonly(m)) raise(types::type_error, "cannot modify read-only memory");
  auto store = [&](int64_t i, std::string_view bytes) {
    size_t size;
    unsigned char* data = writable_bytes(m, size);
    int64_t at = (m->start + i * m->step) * m->itemsize;
    if (at < 0 || at + m->itemsize > static_cast<int64_t>(size))
      raise(types::index_error, "index out of bounds on dimension 1");
    std::copy(bytes.begin(), bytes.end(), data + at);
  };
  Value key = a[0];
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step;
    int64_t n = slice_indices(key.as<Slice>(), m->length, start, stop, step);
    auto src = bytes_like(a[1]);
    if (!src) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[1]));
    char src_format = 'B';
    char code;
    if (array_storage(a[1], code)) src_format = code == 'u' ? 'w' : code;
    if (is_kind(a[1], Kind::Object) && a[1].as_object()->type == &memoryview_type) src_format = as_view(a[1])->format;
    if (static_cast<int64_t>(src->size()) != n * m->itemsize || src_format != m->format)
      raise(types::value_error, "memoryview assignment: lvalue and rvalue have different structures");
    std::string copy(*src); // (the source may be this very buffer)
    for (int64_t k = 0; k < n; ++k)
      store(start + k * step,
            std::string_view(copy).substr(static_cast<size_t>(k * m->itemsize), static_cast<size_t>(m->itemsize)));
    return Value::none();
  }
  if (!is_index_key(key)) raise(types::type_error, "memoryview: invalid slice key");
  int64_t i = item_index(m, key);
  store(i, encode_item(m, a[1]));
  return Value::none();
}

Value mv_len(Value self, const Args&) { return make_int(live(self)->length); }

Value mv_tobytes(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "tobytes", {"order"}, 0, p);
  return make_bytes(contents(live(self)));
}

Value mv_tolist(Value self, const Args& a) {
  check_none(a, "memoryview.tolist");
  MemoryView* m = live(self);
  List* l = new_list();
  for (int64_t i = 0; i < m->length; ++i)
    list_append(l, item(m, i));
  return Value::object(l);
}

Value mv_hex(Value self, const Args& a) {
  Value bytes = make_bytes(contents(live(self)));
  return call(get_attr(bytes, intern("hex")), a);
}

Value mv_release(Value self, const Args& a) {
  check_none(a, "memoryview.release");
  as_view(self)->released = true;
  return Value::none();
}

Value mv_enter(Value self, const Args&) {
  live(self);
  return self;
}

Value mv_exit(Value self, const Args&) {
  as_view(self)->released = true;
  return Value::boolean(false);
}

// == with any bytes-like value or view: equal items (a released view equals only itself).
Value mv_eq(Value self, const Args& a) {
  check_one(a, "__eq__");
  MemoryView* m = as_view(self);
  Value other = a[0];
  if (other == self) return Value::boolean(true);
  bool other_view = is_kind(other, Kind::Object) && other.as_object()->type == &memoryview_type;
  if (m->released || (other_view && as_view(other)->released)) return Value::boolean(false);
  std::string mine = contents(m);
  if (other_view) return Value::boolean(mine == contents(as_view(other)));
  if (auto b = bytes_like(other)) return Value::boolean(std::string_view(mine) == *b);
  return kNotImplemented;
}

Value mv_ne(Value self, const Args& a) {
  Value eq = mv_eq(self, a);
  return eq == kNotImplemented ? eq : Value::boolean(!eq.is_true());
}

Value mv_hash(Value self, const Args&) {
  MemoryView* m = live(self);
  if (!readonly(m)) raise(types::value_error, "cannot hash writable memoryview object");
  return make_int(hash_value(make_bytes(contents(m))));
}

Value mv_repr(Value self, const Args&) {
  MemoryView* m = as_view(self);
  return str_value(fmt::format("<{}memory at {:#x}>", m->released ? "released " : "",
                               reinterpret_cast<uintptr_t>(self.as_object())));
}

Value mv_iter(Value self, const Args&) { return get_iter(mv_tolist(self, Args{})); }

// cast('B'): the same bytes as a contiguous view; other formats are not supported yet.
// cast(format): a C-contiguous view seen with another item format, one of
// them a byte format ('B', 'b', 'c'), as re's compiler does
// (`memoryview(bytes).cast('I').tolist()`).
Value mv_cast(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "cast", {"format", "shape"}, 1, p);
  MemoryView* m = live(self);
  if (!is_str(p[0])) raise_fmt(types::type_error, "cast() argument 'format' must be str, not {}", tname(p[0]));
  if (!p[1].is_empty()) raise(types::not_implemented_error, "memoryview.cast() to a shape is not supported yet");
  if (m->step != 1 && m->length > 1) raise(types::type_error, "memoryview: casts are restricted to C-contiguous views");
  std::string_view f = p[0].as<Str>()->view();
  if (f.size() == 2 && f[0] == '@') f.remove_prefix(1);
  constexpr std::string_view kFormats = "bBchHiIlLqQfd";
  if (f.size() != 1 || kFormats.find(f[0]) == std::string_view::npos)
    raise(types::value_error,
          "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  auto is_byte = [](char c) { return c == 'B' || c == 'b' || c == 'c'; };
  if (!is_byte(m->format) && !is_byte(f[0])) raise(types::type_error, "memoryview: cannot cast between two non-byte formats");
  const int64_t size = is_byte(f[0]) ? 1 : static_cast<int64_t>(array_item_size(f[0]));
  const int64_t first = m->start * m->itemsize, bytes = m->length * m->itemsize;
  if (bytes % size != 0) raise(types::type_error, "memoryview: length is not a multiple of itemsize");
  if (first % size != 0)
    raise(types::not_implemented_error, "memoryview.cast() of a view that starts inside an item is not supported yet");
  return new_view(m->obj, first / size, bytes / size, 1, f[0], size);
}

Value mv_obj(Value, const Args& a) { return live(a[0])->obj; }
Value mv_nbytes(Value, const Args& a) {
  MemoryView* m = live(a[0]);
  return make_int(m->length * m->itemsize);
}
Value mv_readonly(Value, const Args& a) { return Value::boolean(readonly(live(a[0]))); }
Value mv_itemsize(Value, const Args& a) { return make_int(live(a[0])->itemsize); }
Value mv_format(Value, const Args& a) { return str_value(std::string(1, live(a[0])->format)); }
Value mv_ndim(Value, const Args& a) {
  live(a[0]);
  return Value::small_int(1);
}
Value mv_shape(Value, const Args& a) {
  Value n = make_int(live(a[0])->length);
  return Value::object(new_tuple({&n, 1}));
}
Value mv_strides(Value, const Args& a) {
  MemoryView* m = live(a[0]);
  Value s = make_int(m->step * m->itemsize);
  return Value::object(new_tuple({&s, 1}));
}
Value mv_contiguous(Value, const Args& a) {
  MemoryView* m = live(a[0]);
  return Value::boolean(m->step == 1 || m->length <= 1);
}

} // namespace

std::optional<std::string_view> memoryview_bytes(Value v) {
  if (!is_kind(v, Kind::Object) || v.as_object()->type != &memoryview_type) return std::nullopt;
  MemoryView* m = live(v);
  if (m->step != 1 && m->length > 1) return std::nullopt; // (a strided view is not one run of bytes)
  std::string_view b = base_bytes(m);
  int64_t begin = m->start * m->itemsize, size = m->length * m->itemsize;
  if (begin + size > static_cast<int64_t>(b.size())) return std::nullopt;
  return b.substr(static_cast<size_t>(begin), static_cast<size_t>(size));
}

void init_memoryview_type(Module* builtins) {
  init_type(memoryview_type, "memoryview", Kind::Object, &types::object);
  memoryview_type.is_builtin = false; // dispatched through its special methods
  memoryview_type.construct = construct_memoryview;
  constexpr Type* T = &memoryview_type;
  add_methods(memoryview_type, {
                                   {"__getitem__", method<T, mv_getitem>},
                                   {"__setitem__", method<T, mv_setitem>},
                                   {"__len__", method<T, mv_len>},
                                   {"__eq__", method<T, mv_eq>},
                                   {"__ne__", method<T, mv_ne>},
                                   {"__hash__", method<T, mv_hash>},
                                   {"__repr__", method<T, mv_repr>},
                                   {"__iter__", method<T, mv_iter>},
                                   {"__enter__", method<T, mv_enter>},
                                   {"__exit__", method<T, mv_exit>},
                                   {"tobytes", method<T, mv_tobytes>},
                                   {"tolist", method<T, mv_tolist>},
                                   {"hex", method<T, mv_hex>},
                                   {"release", method<T, mv_release>},
                                   {"cast", method<T, mv_cast>},
                               });
  add_attr(memoryview_type, "obj", native_property("obj", mv_obj));
  add_attr(memoryview_type, "nbytes", native_property("nbytes", mv_nbytes));
  add_attr(memoryview_type, "readonly", native_property("readonly", mv_readonly));
  add_attr(memoryview_type, "itemsize", native_property("itemsize", mv_itemsize));
  add_attr(memoryview_type, "format", native_property("format", mv_format));
  add_attr(memoryview_type, "ndim", native_property("ndim", mv_ndim));
  add_attr(memoryview_type, "shape", native_property("shape", mv_shape));
  add_attr(memoryview_type, "strides", native_property("strides", mv_strides));
  add_attr(memoryview_type, "contiguous", native_property("contiguous", mv_contiguous));
  add_attr(memoryview_type, "c_contiguous", native_property("c_contiguous", mv_contiguous));
  add_attr(memoryview_type, "f_contiguous", native_property("f_contiguous", mv_contiguous));
  add_value(builtins, "memoryview", Value::object(&memoryview_type));
}

} // namespace tributary::lib
