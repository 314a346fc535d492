// struct_module.cpp — the `struct` module: pack, unpack, unpack_from,
// pack_into, iter_unpack, calcsize, Struct and struct.error.
//
// Format parsing and the byte-level work live in the structfmt functions
// (struct_format.h). Results are byte-identical to CPython 3.11 on x86-64
// Linux, including its error messages: integer range errors depend on which
// of CPython's routine families packs the item (native, little-endian
// standard, big-endian standard), recorded per item as IntCheck.
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "lib/lib.h"
#include "lib/native.h"
#include "lib/struct_format.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"

namespace tributary::lib::structfmt {

void init_types();

namespace {

Type struct_error;
Type struct_type;
Type unpack_iterator_type;

[[noreturn]] void error(std::string_view msg) {
  init_types();
  raise(struct_error, msg);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Native size of a format character (x86-64 Linux); 0 when it is not a format.
size_t native_size(char c) {
  switch (c) {
  case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
  case 'h': case 'H': case 'e': return 2;
  case 'i': case 'I': case 'f': return 4;
  case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd': return 8;
  default: return 0;
  }
}

// Standard size ('<', '>', '=', '!'); 0 when the character is not allowed there.
size_t standard_size(char c) {
  switch (c) {
  case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
  case 'h': case 'H': case 'e': return 2;
  case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
  case 'q': case 'Q': case 'd': return 8;
  default: return 0;
  }
}


// ---- integers ----------------------------------------------------------------------

// The integer to pack: int, bool or __index__; struct.error otherwise.
Value int_arg(Value v) {
  if (v.is_bool()) return Value::small_int(v.is_true());
  if (is_int(v)) return v;
  if (v.is_object() && !is_float(v)) {
    Value r = call_dunder(v, "__index__");
    if (!r.is_empty() && is_integer(r)) return r.is_bool() ? Value::small_int(r.is_true()) : r;
  }
  error("required argument is not an integer");
}

const char* native_word(char c) {
  switch (c) {
  case 'b': return "byte";
  case 'B': return "ubyte";
  case 'h': return "short";
  case 'H': return "ushort";
  default: return nullptr;
  }
}

[[noreturn]] void range_error(const Item& it, bool is_unsigned) {
  if (const char* w = native_word(it.code); w && (it.check == IntCheck::Native || it.code == 'b' || it.code == 'B')) {
    if (is_unsigned) error(fmt::format("{} format requires 0 <= number <= {}", w, (uint64_t(1) << (it.size * 8)) - 1));
    int64_t largest = (int64_t(1) << (it.size * 8 - 1)) - 1;
    error(fmt::format("{} format requires {} <= number <= {}", w, -largest - 1, largest));
  }
  uint64_t ulargest = it.size == 8 ? UINT64_MAX : (uint64_t(1) << (it.size * 8)) - 1;
  if (is_unsigned) error(fmt::format("'{}' format requires 0 <= number <= {}", it.code, ulargest));
  auto largest = static_cast<int64_t>(ulargest >> 1);
  error(fmt::format("'{}' format requires {} <= number <= {}", it.code, -largest - 1, largest));
}

// The value of an integer item as the two's-complement bits to store.
uint64_t int_bits(const Item& it, Value v) {
  Value n = int_arg(v);
  bool is_unsigned = (it.code >= 'A' && it.code <= 'Z');
  auto i64 = int_as_i64(n);
  bool big_std = it.check == IntCheck::BigStd && it.code != 'b' && it.code != 'B';
  if (big_std && it.size == 8) { // _PyLong_AsByteArray
    if (is_unsigned) {
      if (int_is_negative(n)) error("int too large to convert");
      if (!i64) {
        Mpz z;
        int_to_mpz(n, z);
        bool fits = mpz_sizeinbase(z, 2) <= 64;
        uint64_t u = fits ? mpz_getlimbn(z, 0) : 0;
        if (!fits) error("int too large to convert");
        return u;
      }
      return static_cast<uint64_t>(*i64);
    }
    if (!i64) error("int too large to convert");
    return static_cast<uint64_t>(*i64);
  }
  // Native b/B/h/H and every signed routine read a C long first; unsigned ones an unsigned long.
  bool via_long = !is_unsigned || it.code == 'B' || (it.code == 'H' && it.check != IntCheck::BigStd);
  if (via_long) {
    if (!i64) error("argument out of range");
    int64_t x = *i64;
    if (it.size == 8) {
      if (is_unsigned && x < 0) error("argument out of range");
      return static_cast<uint64_t>(x);
    }
    int64_t lo = is_unsigned ? 0 : -(int64_t(1) << (it.size * 8 - 1));
    int64_t hi = is_unsigned ? (int64_t(1) << (it.size * 8)) - 1 : (int64_t(1) << (it.size * 8 - 1)) - 1;
    if (x < lo || x > hi) range_error(it, is_unsigned);
    return static_cast<uint64_t>(x);
  }
  // Unsigned through PyLong_AsUnsignedLong: negative or > 2**64-1 is "argument out of range".
  uint64_t u;
  if (i64) {
    if (*i64 < 0) error("argument out of range");
    u = static_cast<uint64_t>(*i64);
  } else {
    if (int_is_negative(n)) error("argument out of range");
    Mpz z;
    int_to_mpz(n, z);
    bool fits = mpz_sizeinbase(z, 2) <= 64;
    u = fits ? mpz_getlimbn(z, 0) : 0;
    if (!fits) error("argument out of range");
  }
  if (it.size < 8 && u > (uint64_t(1) << (it.size * 8)) - 1) range_error(it, true);
  return u;
}

void store(unsigned char* p, uint64_t bits, size_t size, bool little) {
  for (size_t i = 0; i < size; ++i) {
    unsigned char byte = static_cast<unsigned char>(bits >> (8 * i));
    p[little ? i : size - 1 - i] = byte;
  }
}

uint64_t load(const unsigned char* p, size_t size, bool little) {
  uint64_t bits = 0;
  for (size_t i = 0; i < size; ++i) bits |= static_cast<uint64_t>(p[little ? i : size - 1 - i]) << (8 * i);
  return bits;
}

// ---- floats ------------------------------------------------------------------------

double float_arg(Value v) {
  if (is_float(v)) return float_value(v);
  if (is_integer(v)) {
    try {
      return int_to_double(v.is_bool() ? Value::small_int(v.is_true()) : v);
    } catch (const PyException&) {
      error("required argument is not a float");
    }
  }
  Value r = call_dunder(v, "__float__");
  if (!r.is_empty() && is_float(r)) return float_value(r);
  r = call_dunder(v, "__index__");
  if (!r.is_empty() && is_integer(r)) return int_to_double(r);
  error("required argument is not a float");
}

// CPython's PyFloat_Pack2 (IEEE half precision, round half to even).
uint16_t half_bits(double x) {
  unsigned sign;
  int e;
  unsigned bits;
  if (x == 0.0) {
    sign = std::signbit(x);
    e = 0;
    bits = 0;
  } else if (std::isinf(x)) {
    sign = x < 0;
    e = 0x1f;
    bits = 0;
  } else if (std::isnan(x)) {
    sign = std::signbit(x);
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0;
    if (sign) x = -x;
    double f = std::frexp(x, &e);
    f *= 2.0;
    e--;
    if (e >= 16) raise(types::overflow_error, "float too large to pack with e format");
    if (e < -25) {
      f = 0.0;
      e = 0;
    } else if (e < -14) {
      f = std::ldexp(f, 14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    bits = static_cast<unsigned>(f);
    if ((f - bits > 0.5) || ((f - bits == 0.5) && (bits % 2 == 1))) {
      ++bits;
      if (bits == 1024) {
        bits = 0;
        ++e;
        if (e == 31) raise(types::overflow_error, "float too large to pack with e format");
      }
    }
  }
  return static_cast<uint16_t>(bits | (static_cast<unsigned>(e) << 10) | (sign << 15));
}

// CPython's PyFloat_Unpack2.
double half_value(uint16_t h) {
  bool sign = h >> 15;
  int e = (h >> 10) & 0x1f;
  unsigned f = h & 0x3ff;
  if (e == 0x1f) {
    if (f == 0) return sign ? -HUGE_VAL : HUGE_VAL;
    return sign ? -std::nan("") : std::nan("");
  }
  double x = f / 1024.0;
  if (e == 0) {
    e = -14;
  } else {
    x += 1.0;
    e -= 15;
  }
  x = std::ldexp(x, e);
  return sign ? -x : x;
}

void pack_item(const Item& it, Value v, unsigned char* p, bool little) {
  switch (it.code) {
  case 'c': {
    auto b = is_kind(v, Kind::Bytes) ? bytes_like(v) : std::nullopt;
    if (!b || b->size() != 1) error("char format requires a bytes object of length 1");
    *p = static_cast<unsigned char>((*b)[0]);
    return;
  }
  case '?': *p = truthy(v) ? 1 : 0; return;
  case 's':
  case 'p': {
    auto b = bytes_like(v);
    if (!b) error(fmt::format("argument for '{}' must be a bytes object", it.code));
    size_t n = it.size;
    std::memset(p, 0, n);
    if (it.code == 's') {
      std::memcpy(p, b->data(), std::min(n, b->size()));
    } else if (n > 0) {
      size_t len = std::min(std::min(b->size(), n - 1), size_t(255));
      std::memcpy(p + 1, b->data(), len);
      *p = static_cast<unsigned char>(len);
    }
    return;
  }
  case 'f': {
    double d = float_arg(v);
    auto f = static_cast<float>(d);
    if (it.check != IntCheck::Native && std::isinf(f) && !std::isinf(d))
      raise(types::overflow_error, "float too large to pack with f format");
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    store(p, bits, 4, little);
    return;
  }
  case 'd': {
    double d = float_arg(v);
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    store(p, bits, 8, little);
    return;
  }
  case 'e': store(p, half_bits(float_arg(v)), 2, little); return;
  default: store(p, int_bits(it, v), it.size, little); return;
  }
}

Value unpack_item(const Item& it, const unsigned char* p, bool little) {
  switch (it.code) {
  case 'c': return make_bytes(std::string_view(reinterpret_cast<const char*>(p), 1));
  case '?': return Value::boolean(*p != 0);
  case 's': return make_bytes(std::string_view(reinterpret_cast<const char*>(p), it.size));
  case 'p': {
    if (it.size == 0) return make_bytes("");
    size_t n = std::min<size_t>(*p, it.size - 1);
    return make_bytes(std::string_view(reinterpret_cast<const char*>(p + 1), n));
  }
  case 'f': {
    auto bits = static_cast<uint32_t>(load(p, 4, little));
    float f;
    std::memcpy(&f, &bits, 4);
    return Value::from_double(f);
  }
  case 'd': {
    uint64_t bits = load(p, 8, little);
    double d;
    std::memcpy(&d, &bits, 8);
    return Value::from_double(d);
  }
  case 'e': return Value::from_double(half_value(static_cast<uint16_t>(load(p, 2, little))));
  default: break;
  }
  uint64_t bits = load(p, it.size, little);
  bool is_unsigned = it.code >= 'A' && it.code <= 'Z';
  if (is_unsigned) return make_int_u64(bits);
  if (it.size < 8) {
    uint64_t sign = uint64_t(1) << (it.size * 8 - 1);
    bits = (bits ^ sign) - sign; // sign-extend
  }
  return make_int(static_cast<int64_t>(bits));
}

// ---- module functions ----------------------------------------------------------------

std::string_view format_text(Value fmt) {
  if (is_str(fmt)) return fmt.as<Str>()->view();
  if (is_kind(fmt, Kind::Bytes)) return *bytes_like(fmt);
  raise_fmt(types::type_error, "Struct() argument 1 must be a str or bytes object, not {}", tname(fmt));
}

struct StructObj : Object {
  Layout* layout;
  Value format; // str
};

// The layout of a format string, parsed once: like CPython's cache of Struct
// objects, so struct.pack(fmt, ...) in a loop does not re-parse `fmt`.
Layout* layout_of(Value fmt, const char* fname) {
  if (type_of(fmt) == &struct_type) return fmt.as<StructObj>()->layout;
  static auto* cache = new std::unordered_map<std::string, Layout*>();
  std::string key(format_text(fmt));
  if (auto it = cache->find(key); it != cache->end()) return it->second;
  constexpr size_t kMaxCached = 1024;
  if (cache->size() >= kMaxCached) return new (gc::alloc(sizeof(Layout))) Layout(parse(key));
  // Cached layouts live forever (a root), so their GC-allocated items stay reachable.
  auto* l = new (gc::alloc_root(sizeof(Layout))) Layout(parse(key));
  cache->emplace(std::move(key), l);
  return l;
}

std::string_view buffer_arg(Value v) {
  if (auto b = bytes_like(v)) return *b;
  raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(v));
}

Value do_pack(const Layout& l, std::span<const Value> values) { return make_bytes(pack(l, values)); }

Value do_unpack(const Layout& l, Value buffer) {
  std::string_view data = buffer_arg(buffer);
  if (data.size() != l.size) error(fmt::format("unpack requires a buffer of {} bytes", l.size));
  return Value::object(unpack(l, reinterpret_cast<const unsigned char*>(data.data())));
}

// Normalizes an offset into a buffer of `size` bytes for an operation on `need` bytes.
size_t checked_offset(int64_t offset, size_t size, size_t need, const char* verb) {
  if (offset < 0) {
    if (offset + static_cast<int64_t>(need) > 0)
      error(fmt::format("not enough data to {} {} bytes at offset {}", verb, need, offset));
    if (offset + static_cast<int64_t>(size) < 0)
      error(fmt::format("offset {} out of range for {}-byte buffer", offset, size));
    offset += static_cast<int64_t>(size);
  }
  return static_cast<size_t>(offset);
}

Value do_unpack_from(const Layout& l, const Args& a, size_t first) {
  Value p[2];
  Args rest{a.pos + first, a.npos - static_cast<uint32_t>(first), a.kwnames, a.kwvals, a.nkw};
  bind_args(rest, "unpack_from", {"buffer", "offset"}, 1, p);
  std::string_view data = buffer_arg(p[0]);
  int64_t offset = p[1].is_empty() ? 0 : arg_index(p[1]);
  size_t off = checked_offset(offset, data.size(), l.size, "unpack");
  if (data.size() < off || data.size() - off < l.size)
    error(fmt::format("unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual "
                      "buffer size is {})", off + l.size, l.size, off, data.size()));
  return Value::object(unpack(l, reinterpret_cast<const unsigned char*>(data.data()) + off));
}

Value do_pack_into(const Layout& l, const Args& a, size_t first) {
  if (a.npos < first + 2) {
    if (a.npos < first + 1) error("pack_into expected buffer argument");
    error("pack_into expected offset argument");
  }
  if (a.npos - first - 2 != l.nvalues)
    error(fmt::format("pack_into expected {} items for packing (got {})", l.nvalues, a.npos - first - 2));
  Value buffer = a[first];
  if (!is_subtype(type_of(buffer), &bytearray_type)) {
    if (is_kind(buffer, Kind::Bytes)) raise_type_error("argument must be read-write bytes-like object, not bytes");
    raise_fmt(types::type_error, "argument must be read-write bytes-like object, not {}", tname(buffer));
  }
  auto& data = buffer.as<ByteArray>()->data;
  std::span<const Value> values(a.pos + first + 2, a.npos - first - 2);
  int64_t offset = arg_index(a[first + 1]);
  if (offset < 0) {
    if (offset + static_cast<int64_t>(l.size) > 0)
      error(fmt::format("no space to pack {} bytes at offset {}", l.size, offset));
    if (offset + static_cast<int64_t>(data.size()) < 0)
      error(fmt::format("offset {} out of range for {}-byte buffer", offset, data.size()));
    offset += static_cast<int64_t>(data.size());
  }
  auto off = static_cast<size_t>(offset);
  if (data.size() < off || data.size() - off < l.size)
    error(fmt::format("pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual "
                      "buffer size is {})", off + l.size, l.size, off, data.size()));
  std::string packed(l.size, '\0');
  pack_into(l, values, reinterpret_cast<unsigned char*>(packed.data()), "pack_into");
  std::memcpy(data.data() + off, packed.data(), l.size);
  return Value::none();
}

struct UnpackIter : NativeIter {
  Layout* layout;
  Value buffer; // bytes copy
  size_t pos;
};

bool unpack_iter_step(NativeIter* base, Value& out) {
  auto* it = static_cast<UnpackIter*>(base);
  std::string_view data = *bytes_like(it->buffer);
  if (it->pos + it->layout->size > data.size()) return false;
  out = Value::object(unpack(*it->layout, reinterpret_cast<const unsigned char*>(data.data()) + it->pos));
  it->pos += it->layout->size;
  return true;
}

Value do_iter_unpack(Layout* l, Value buffer) {
  std::string_view data = buffer_arg(buffer);
  if (l->size == 0) error("cannot iteratively unpack with a struct of length 0");
  if (data.size() % l->size != 0)
    error(fmt::format("iterative unpacking requires a buffer of a multiple of {} bytes", l->size));
  auto* it = new_native_iter<UnpackIter>(unpack_iterator_type, unpack_iter_step);
  it->layout = l;
  it->buffer = make_bytes(data);
  it->pos = 0;
  return Value::object(it);
}

Value f_pack(Value, const Args& a) {
  no_kwargs(a, "pack");
  if (a.npos == 0) raise_type_error("pack expected at least 1 argument, got 0");
  return do_pack(*layout_of(a[0], "pack"), {a.pos + 1, a.npos - 1});
}

Value f_unpack(Value, const Args& a) {
  no_kwargs(a, "unpack");
  check_expected(a, "unpack", 2, 2);
  return do_unpack(*layout_of(a[0], "unpack"), a[1]);
}

Value f_unpack_from(Value, const Args& a) {
  if (a.npos == 0) raise_type_error("unpack_from() missing required argument 'format' (pos 1)");
  return do_unpack_from(*layout_of(a[0], "unpack_from"), a, 1);
}

Value f_pack_into(Value, const Args& a) {
  no_kwargs(a, "pack_into");
  if (a.npos == 0) raise_type_error("pack_into expected at least 1 argument, got 0");
  return do_pack_into(*layout_of(a[0], "pack_into"), a, 1);
}

Value f_calcsize(Value, const Args& a) {
  check_one(a, "calcsize");
  return make_int(static_cast<int64_t>(layout_of(a[0], "calcsize")->size));
}

// (Compiled formats are not cached here: nothing to clear.)
Value f_clearcache(Value, const Args&) { return Value::none(); }

Value f_iter_unpack(Value, const Args& a) {
  no_kwargs(a, "iter_unpack");
  check_expected(a, "iter_unpack", 2, 2);
  return do_iter_unpack(layout_of(a[0], "iter_unpack"), a[1]);
}

// ---- Struct objects ------------------------------------------------------------------

StructObj* as_struct(Value v) { return v.as<StructObj>(); }

Value construct_struct(Value, const Args& a) {
  Value p[1];
  bind_args(a, "Struct", {"format"}, 1, p);
  auto* s = gc::make<StructObj>();
  s->type = &struct_type;
  std::string_view text = format_text(p[0]);
  s->layout = new (gc::alloc(sizeof(Layout))) Layout(parse(text));
  s->format = str_value(text);
  return Value::object(s);
}

Value s_pack(Value self, const Args& a) {
  no_kwargs(a, "pack");
  return do_pack(*as_struct(self)->layout, a.positional());
}
Value s_unpack(Value self, const Args& a) {
  check_one(a, "unpack");
  return do_unpack(*as_struct(self)->layout, a[0]);
}
Value s_unpack_from(Value self, const Args& a) { return do_unpack_from(*as_struct(self)->layout, a, 0); }
Value s_pack_into(Value self, const Args& a) {
  no_kwargs(a, "pack_into");
  return do_pack_into(*as_struct(self)->layout, a, 0);
}
Value s_iter_unpack(Value self, const Args& a) {
  check_one(a, "iter_unpack");
  return do_iter_unpack(as_struct(self)->layout, a[0]);
}
Value s_size(Value, const Args& a) { return make_int(static_cast<int64_t>(as_struct(a[0])->layout->size)); }
Value s_format(Value, const Args& a) { return as_struct(a[0])->format; }

Value getter(const char* name, NativeFn fn) {
  auto* p = gc::make<Property>();
  p->type = &types::property;
  p->fget = new_native(name, fn);
  p->fset = Value::none();
  p->fdel = Value::none();
  return Value::object(p);
}

template <NativeFn F> constexpr NativeFn SM = method<&struct_type, F>;

} // namespace

void init_types() {
  if (struct_error.name[0]) return;
  init_type(struct_error, "error", Kind::Exception, &types::exception);
  struct_error.is_exception = true;
  struct_error.construct = types::exception.construct;
  struct_error.module_name = Value::object(intern("struct"));
  init_type(struct_type, "Struct", Kind::Object, &types::object);
  struct_type.module_name = Value::object(intern("_struct"));
  struct_type.is_builtin = false; // repr <_struct.Struct object at ...>
  struct_type.construct = construct_struct;
  add_methods(struct_type, {{"pack", SM<s_pack>},
                            {"unpack", SM<s_unpack>},
                            {"unpack_from", SM<s_unpack_from>},
                            {"pack_into", SM<s_pack_into>},
                            {"iter_unpack", SM<s_iter_unpack>}});
  add_attr(struct_type, "size", getter("size", s_size));
  add_attr(struct_type, "format", getter("format", s_format));
  init_native_iter_type(unpack_iterator_type, "unpack_iterator", "_struct");
}

Type& error_type() {
  init_types();
  return struct_error;
}

Layout parse(std::string_view fmt) {
  Layout l;
  size_t i = 0;
  bool native = true;
  if (!fmt.empty()) {
    switch (fmt[0]) {
    case '@': ++i; break;
    case '=': case '<': l.order = Order::Little; native = false; ++i; break;
    case '>': case '!': l.order = Order::Big; native = false; ++i; break;
    default: break;
    }
  }
  IntCheck std_check = l.order == Order::Big ? IntCheck::BigStd : IntCheck::LittleStd;
  size_t offset = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
      continue;
    }
    size_t count = 1;
    if (is_digit(c)) {
      count = 0;
      while (i < fmt.size() && is_digit(fmt[i])) {
        if (count > (SIZE_MAX / 10 - 10)) error("total struct size too long");
        count = count * 10 + static_cast<size_t>(fmt[i] - '0');
        ++i;
      }
      if (i >= fmt.size()) error("repeat count given without format specifier");
      c = fmt[i];
    }
    ++i;
    size_t size = native ? native_size(c) : standard_size(c);
    if (size == 0) error("bad char in struct format");
    if (native && size > 1 && c != 's' && c != 'p') offset = (offset + size - 1) / size * size;
    // '<'/'=' items of native size use CPython's native routines (little-endian host).
    // Floats and '?' always keep their standard routines.
    bool std_only = c == 'f' || c == 'd' || c == 'e' || c == '?';
    IntCheck check = native ? IntCheck::Native
                     : (std_check == IntCheck::LittleStd && native_size(c) == size && !std_only) ? IntCheck::Native
                                                                                                  : std_check;
    if (c == 's' || c == 'p') {
      l.items.push_back({c, offset, count, check});
      offset += count;
      ++l.nvalues;
      continue;
    }
    if (c == 'x') {
      offset += count;
      continue;
    }
    if (count > (size_t(1) << 32)) error("total struct size too long");
    for (size_t k = 0; k < count; ++k) {
      l.items.push_back({c, offset, size, check});
      offset += size;
      ++l.nvalues;
    }
  }
  l.size = offset;
  return l;
}

void pack_into(const Layout& l, std::span<const Value> values, unsigned char* out, const char* fname) {
  if (values.size() != l.nvalues)
    error(fmt::format("{} expected {} items for packing (got {})", fname, l.nvalues, values.size()));
  std::memset(out, 0, l.size);
  bool little = l.order != Order::Big;
  for (size_t k = 0; k < l.items.size(); ++k) pack_item(l.items[k], values[k], out + l.items[k].offset, little);
}

std::string pack(const Layout& l, std::span<const Value> values) {
  std::string out(l.size, '\0');
  pack_into(l, values, reinterpret_cast<unsigned char*>(out.data()), "pack");
  return out;
}

Tuple* unpack(const Layout& l, const unsigned char* data) {
  Tuple* t = new_tuple(l.items.size());
  bool little = l.order != Order::Big;
  for (size_t k = 0; k < l.items.size(); ++k) t->items[k] = unpack_item(l.items[k], data + l.items[k].offset, little);
  return t;
}

UnpackFn unpack_function(NativeFn fn) {
  if (fn == f_unpack) return UnpackFn::Unpack;
  if (fn == f_unpack_from) return UnpackFn::UnpackFrom;
  return UnpackFn::None;
}

const Layout* parsed_layout(Value fmt) {
  if (!is_str(fmt)) return nullptr;
  try {
    return layout_of(fmt, "unpack");
  } catch (const PyException&) {
    return nullptr; // (the call raises struct.error when it runs)
  }
}

} // namespace tributary::lib::structfmt

namespace tributary::lib {

// _struct, as in CPython: its struct.py re-exports it (`from _struct import *`).
Module* make_struct_module() {
  using namespace structfmt;
  Module* m = new_module("_struct");
  add_value(m, "__doc__", str_value("Packing and unpacking of C structs in bytes: the native half of struct."));
  add_function(m, "_clearcache", f_clearcache);
  init_types();
  add_value(m, "error", Value::object(&struct_error));
  add_value(m, "Struct", Value::object(&struct_type));
  add_function(m, "pack", f_pack);
  add_function(m, "unpack", f_unpack);
  add_function(m, "unpack_from", f_unpack_from);
  add_function(m, "pack_into", f_pack_into);
  add_function(m, "calcsize", f_calcsize);
  add_function(m, "iter_unpack", f_iter_unpack);
  return m;
}

} // namespace tributary::lib
