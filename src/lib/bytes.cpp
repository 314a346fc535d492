// bytes.cpp — methods of bytes, the bytearray type, codecs, int.to_bytes/from_bytes.
//
// bytes is a builtin Kind (indexing, slicing, +, *, ==, `in`, hashing and repr
// live in src/runtime); this file adds its constructor and methods. bytearray
// is a library type dispatched through its special methods (`__getitem__`,
// `__eq__`...): a ByteArray holds a growable buffer. The byte-sequence methods
// (find, split, strip, ...) are written once over string_view and registered
// on both types; the result has the receiver's type, as in CPython.
// Codecs: utf-8 (with CPython's decoder error positions and reasons), ascii
// and latin-1; error handlers strict, ignore and replace.
#include <algorithm>
#include <cstring>

#include "lib/bytes_internal.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/match.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary::lib {

Type bytearray_type;

bool is_bytearray(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &bytearray_type); }

Value make_like(Value self, std::string_view data) {
  return is_bytearray(self) ? make_bytearray(data) : make_bytes(data);
}

std::string_view self_view(Value self) { return *bytes_like(self); }

Value part_of(Value self, std::string_view part) {
  if (is_exact(self, types::bytes) && part.size() == self.as<Bytes>()->size) return self;
  return make_like(self, part);
}

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

// "bytes.upper" or "bytearray.upper": the qualified name of a method of self's base type.
std::string method_qualname(Value self, const char* name) {
  return fmt::format("{}.{}", is_bytearray(self) ? "bytearray" : "bytes", name);
}

void check_no_args(Value self, const Args& a, const char* name) {
  if (a.npos || a.nkw) check_none(a, method_qualname(self, name).c_str());
}

void check_one_arg(Value self, const Args& a, const char* name) {
  if (a.npos != 1 || a.nkw) check_one(a, method_qualname(self, name).c_str());
}

std::string_view buffer_arg(Value v) {
  if (auto b = bytes_like(v)) return *b;
  raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(v));
}

namespace {

Type bytearray_iterator_type;

std::string_view view_of(const ByteArray* b) {
  return {reinterpret_cast<const char*>(b->data.data()), b->data.size()};
}

ByteArray* as_bytearray(Value v) { return v.as<ByteArray>(); }

// A byte value 0..255 from an int: "byte must be in range(0, 256)".
unsigned char byte_value(Value v) {
  int64_t i;
  if (is_integer(v)) {
    auto x = int_as_i64(v.is_bool() ? Value::small_int(v.is_true()) : v);
    if (!x || *x < 0 || *x > 255) raise_value_error("byte must be in range(0, 256)");
    i = *x;
  } else {
    i = arg_index(v);
    if (i < 0 || i > 255) raise_value_error("byte must be in range(0, 256)");
  }
  return static_cast<unsigned char>(i);
}

// Collects an iterable of ints into bytes ("bytes must be in range(0, 256)").
std::string bytes_from_iterable(Value iterable) {
  std::string out;
  Value it = get_iter(iterable);
  Value x;
  while (iter_next(it, x)) {
    if (!is_integer(x) && call_dunder(x, "__index__").is_empty())
      raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(x));
    auto i = int_as_i64(is_integer(x) ? (x.is_bool() ? Value::small_int(x.is_true()) : x) : call_dunder(x, "__index__"));
    if (!i || *i < 0 || *i > 255) raise_value_error("bytes must be in range(0, 256)");
    out.push_back(static_cast<char>(*i));
  }
  return out;
}

std::string lower_encoding(std::string_view enc) {
  std::string norm;
  for (char c : enc) norm += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return norm;
}

enum class Codec { Utf8, Ascii, Latin1 };

// The native codec of `enc`, or nullopt: the encodings package's then.
std::optional<Codec> native_codec(std::string_view enc) {
  std::string n = lower_encoding(enc);
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf") return Codec::Utf8;
  if (n == "ascii" || n == "us-ascii" || n == "646") return Codec::Ascii;
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1" || n == "latin")
    return Codec::Latin1;
  return std::nullopt;
}

Codec codec_of(std::string_view enc) {
  if (auto c = native_codec(enc)) return *c;
  raise_fmt(types::lookup_error, "unknown encoding: {}", enc);
}

const char* codec_name(Codec c) { return c == Codec::Utf8 ? "utf-8" : c == Codec::Ascii ? "ascii" : "latin-1"; }

// The encoding and errors arguments of encode()/decode()/bytes()/str().
struct CodecArgs {
  std::string_view encoding = "utf-8";
  std::string_view errors = "strict";
};

CodecArgs codec_args(Value enc, Value err, const char* fname) {
  CodecArgs c;
  if (!enc.is_empty()) {
    if (!is_str(enc)) raise_fmt(types::type_error, "{}() argument 'encoding' must be str, not {}", fname, tname(enc));
    c.encoding = enc.as<Str>()->view();
  }
  if (!err.is_empty()) {
    if (!is_str(err)) raise_fmt(types::type_error, "{}() argument 'errors' must be str, not {}", fname, tname(err));
    c.errors = err.as<Str>()->view();
  }
  return c;
}

[[noreturn]] void decode_error(Codec c, std::string_view data, size_t start, size_t end, const char* reason) {
  if (end - start <= 1)
    raise_fmt(types::unicode_decode_error, "'{}' codec can't decode byte 0x{:02x} in position {}: {}", codec_name(c),
              static_cast<unsigned char>(data[start]), start, reason);
  raise_fmt(types::unicode_decode_error, "'{}' codec can't decode bytes in position {}-{}: {}", codec_name(c), start,
            end - 1, reason);
}

// Length of the valid UTF-8 sequence at data[i] (as CPython's decoder), or 0
// with `end` (exclusive) and `reason` describing the invalid bytes.
size_t utf8_sequence(std::string_view data, size_t i, size_t& end, const char*& reason) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
  unsigned char c = at(i);
  if (c < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0xC2 || c > 0xF4) {
    end = i + 1;
    reason = "invalid start byte";
    return 0;
  }
  if (c < 0xE0) {
    need = 1;
  } else if (c < 0xF0) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (i + k >= data.size()) {
      end = data.size();
      reason = "unexpected end of data";
      return 0;
    }
    unsigned char b = at(i + k);
    bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) {
      end = i + k;
      reason = "invalid continuation byte";
      return 0;
    }
  }
  return need + 1;
}

// "\xe9", "\u20ac" or "\U0001f600" as CPython shows an unencodable character.
std::string char_escape(uint32_t cp) {
  if (cp < 0x100) return fmt::format("\\x{:02x}", cp);
  if (cp < 0x10000) return fmt::format("\\u{:04x}", cp);
  return fmt::format("\\U{:08x}", cp);
}

// "surrogateescape" (os.fsencode's, and os.environ's) and "surrogatepass"
// (json.loads of bytes) are accepted as "strict": a str never holds the lone
// surrogates they would produce or pass, so what they would let through raises.
bool known_handler(std::string_view errors) {
  return errors == "strict" || errors == "ignore" || errors == "replace" || errors == "surrogateescape" ||
         errors == "surrogatepass";
}

// ---- constructors --------------------------------------------------------------------

// The bytes of bytes(x[, encoding[, errors]]) / bytearray(...).
std::string construct_data(const Args& a, const char* fname) {
  Value p[3];
  bind_args(a, fname, {"source", "encoding", "errors"}, 0, p);
  Value src = p[0];
  if (src.is_empty()) {
    if (!p[1].is_empty()) raise_type_error("encoding without a string argument");
    if (!p[2].is_empty()) raise_type_error("errors without a string argument");
    return {};
  }
  if (is_str(src)) {
    if (p[1].is_empty()) raise_type_error("string argument without an encoding");
    CodecArgs c = codec_args(p[1], p[2], fname);
    return std::string(*bytes_like(encode_text(src.as<Str>()->view(), c.encoding, c.errors)));
  }
  if (!p[1].is_empty()) raise_type_error("encoding without a string argument");
  if (!p[2].is_empty()) raise_type_error("errors without a string argument");
  if (auto b = bytes_like(src)) return std::string(*b);
  if (is_integer(src)) {
    auto n = int_as_i64(src.is_bool() ? Value::small_int(src.is_true()) : src);
    if (!n) raise(types::overflow_error, "cannot fit 'int' into an index-sized integer");
    if (*n < 0) raise_value_error("negative count");
    check_alloc_size(static_cast<uint64_t>(*n), 1);
    return std::string(static_cast<size_t>(*n), '\0');
  }
  // Only bytes() asks __bytes__: bytearray(x) does not (CPython's bytearray_init).
  Value r = std::string_view(fname) == "bytes" ? call_dunder(src, "__bytes__") : Value::empty();
  if (!r.is_empty()) {
    if (!is_kind(r, Kind::Bytes))
      raise_fmt(types::type_error, "__bytes__ returned non-bytes (type {})", tname(r));
    return std::string(*bytes_like(r));
  }
  if (Value r = call_dunder(src, "__index__"); !r.is_empty() && is_integer(r)) {
    int64_t n = arg_index(r);
    if (n < 0) raise_value_error("negative count");
    return std::string(static_cast<size_t>(n), '\0');
  }
  Type* t = type_of(src);
  if (t->kind == Kind::Iterator || t->kind == Kind::Generator || t->kind == Kind::List || t->kind == Kind::Tuple ||
      t->kind == Kind::Range || t->kind == Kind::Dict || t->kind == Kind::Set || t->kind == Kind::FrozenSet ||
      t->kind == Kind::DictView || !type_lookup(t, intern("__iter__")).is_empty())
    return bytes_from_iterable(src);
  raise_fmt(types::type_error, "cannot convert '{}' object to {}", t->name, fname);
}

Value construct_bytes(Value, const Args& a) { return make_bytes(construct_data(a, "bytes")); }
Value construct_bytearray(Value, const Args& a) { return make_bytearray(construct_data(a, "bytearray")); }

// bytearray.__new__(cls, ...) gives an empty instance of cls and __init__
// fills it, as list's, so that a subclass's __init__ may take any arguments.
Value bytearray_new(Value, const Args& a) {
  if (a.npos == 0 || !is_type(a[0])) raise(types::type_error, "bytearray.__new__(X): X is not a type object");
  Type* cls = a[0].as<Type>();
  if (!is_subtype(cls, &bytearray_type))
    raise_fmt(types::type_error, "bytearray.__new__({}): {} is not a subtype of bytearray", cls->name, cls->name);
  Value empty = make_bytearray("");
  return cls == &bytearray_type ? empty : new_builtin_subclass_instance(cls, empty);
}

// bytearray.__reduce_ex__(protocol): (type(self), (bytes(self),), state) (protocol 3 on;
// CPython gives older protocols a latin-1 str, which copy never asks for).
Value bytearray_reduce_ex(Value self, const Args& a) {
  if (a.npos > 1 || a.nkw) raise(types::type_error, "__reduce_ex__ expected at most 1 argument");
  int64_t protocol = a.npos ? arg_index(a[0]) : 0;
  std::string data(*bytes_like(self));
  Value args_tuple;
  if (protocol < 3) {
    Value pair[2] = {decode_bytes(data, "latin-1", "strict"), str_value("latin-1")};
    args_tuple = Value::object(new_tuple(pair));
  } else {
    Value b = make_bytes(data);
    args_tuple = Value::object(new_tuple(std::span<const Value>(&b, 1)));
  }
  Instance* store = attr_store(self.as_object());
  Dict* attrs = store ? instance_dict(store) : nullptr;
  Value state = attrs && attrs->used ? Value::object(attrs) : Value::none();
  Value parts[3] = {Value::object(type_of(self)), args_tuple, state};
  return Value::object(new_tuple(parts));
}

Value bytearray_init(Value self, const Args& a) {
  std::string data = construct_data(a, "bytearray");
  auto& v = as_bytearray(self)->data;
  v.assign(data.begin(), data.end());
  return Value::none();
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytes.fromhex(s) / bytearray.fromhex(s): called on the type, so `self` is empty
// and the class is unknown; the Type-specific wrappers below pick the result kind.
std::string fromhex_data(const Args& a) {
  check_one(a, "fromhex");
  if (!is_str(a[0])) raise_fmt(types::type_error, "fromhex() argument must be str, not {}", tname(a[0]));
  std::string_view s = a[0].as<Str>()->view();
  std::string out;
  size_t i = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
      continue;
    }
    int hi = hex_digit(s[i]);
    if (hi < 0)
      raise_fmt(types::value_error, "non-hexadecimal number found in fromhex() arg at position {}", i);
    if (i + 1 >= s.size() || hex_digit(s[i + 1]) < 0)
      raise_fmt(types::value_error, "non-hexadecimal number found in fromhex() arg at position {}", i + 1);
    out.push_back(static_cast<char>(hi * 16 + hex_digit(s[i + 1])));
    i += 2;
  }
  return out;
}

Value bytes_fromhex(Value, const Args& a) { return make_bytes(fromhex_data(a)); }
Value bytearray_fromhex(Value, const Args& a) { return make_bytearray(fromhex_data(a)); }

// ---- shared sequence methods ---------------------------------------------------------

Value m_decode(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "decode", {"encoding", "errors"}, 0, p);
  CodecArgs c = codec_args(p[0], p[1], "decode");
  return decode_bytes(self_view(self), c.encoding, c.errors);
}

// hex([sep[, bytes_per_sep]]).
Value m_hex(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "hex", {"sep", "bytes_per_sep"}, 0, p);
  std::string_view data = self_view(self);
  std::string sep;
  int64_t per = 1;
  if (!p[0].is_empty()) {
    if (is_str(p[0])) sep = p[0].as<Str>()->view();
    else if (auto b = bytes_like(p[0])) sep = *b;
    else raise_fmt(types::type_error, "object of type '{}' has no len()", tname(p[0]));
    if (utf8_length(sep) != 1) raise_value_error("sep must be length 1.");
    if (static_cast<unsigned char>(sep[0]) >= 0x80) raise_value_error("sep must be ASCII.");
  }
  if (!p[1].is_empty()) per = arg_index(p[1]);
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  size_t n = data.size();
  uint64_t group = per < 0 ? static_cast<uint64_t>(-per) : static_cast<uint64_t>(per);
  for (size_t i = 0; i < n; ++i) {
    if (!sep.empty() && i > 0 && group > 0) {
      // Positive bytes_per_sep counts groups from the right, negative from the left.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    auto c = static_cast<unsigned char>(data[i]);
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return str_value(out);
}

// The subsequence argument of find/count/index: bytes-like or a byte value.
std::string sub_arg(Value v) {
  if (auto b = bytes_like(v)) return std::string(*b);
  if (is_integer(v) || !call_dunder(v, "__index__").is_empty()) return std::string(1, static_cast<char>(byte_value(v)));
  raise_fmt(types::type_error, "argument should be integer or bytes-like object, not '{}'", tname(v));
}

// Optional start/end arguments (None allowed), normalized like slice bounds.
void bounds(const Args& a, size_t first, size_t len, size_t& start, size_t& end) {
  int64_t s = 0, e = static_cast<int64_t>(len);
  auto index = [](Value v, int64_t& out) {
    if (!v.is_none()) {
      if (!is_integer(v) && call_dunder(v, "__index__").is_empty())
        raise_type_error("slice indices must be integers or None or have an __index__ method");
      auto x = int_as_i64(is_integer(v) ? (v.is_bool() ? Value::small_int(v.is_true()) : v) : call_dunder(v, "__index__"));
      out = x ? *x : (int_is_negative(v) ? INT64_MIN / 2 : INT64_MAX / 2);
    }
  };
  if (a.npos > first) index(a[first], s);
  if (a.npos > first + 1) index(a[first + 1], e);
  // CPython's ADJUST_INDICES: `start` may exceed the length (then nothing matches).
  auto n = static_cast<int64_t>(len);
  if (s < 0) s = std::max<int64_t>(0, s + n);
  if (e < 0) e = std::max<int64_t>(0, e + n);
  start = static_cast<size_t>(s);
  end = static_cast<size_t>(std::min(e, n));
}

// find/rfind core: position or -1.
int64_t find_in(Value self, const Args& a, const char* name, bool reverse) {
  check_takes(a, name, 1, 3);
  std::string sub = sub_arg(a[0]);
  std::string_view data = self_view(self);
  size_t start, end;
  bounds(a, 1, data.size(), start, end);
  if (start > end || end - start < sub.size()) return -1;
  std::string_view hay = data.substr(start, end - start);
  size_t pos = reverse ? hay.rfind(sub) : hay.find(sub);
  return pos == std::string_view::npos ? -1 : static_cast<int64_t>(start + pos);
}

Value m_find(Value self, const Args& a) { return make_int(find_in(self, a, "find", false)); }
Value m_rfind(Value self, const Args& a) { return make_int(find_in(self, a, "rfind", true)); }
Value m_index(Value self, const Args& a) {
  int64_t r = find_in(self, a, "index", false);
  if (r < 0) raise_value_error("subsection not found");
  return make_int(r);
}
Value m_rindex(Value self, const Args& a) {
  int64_t r = find_in(self, a, "rindex", true);
  if (r < 0) raise_value_error("subsection not found");
  return make_int(r);
}

Value m_count(Value self, const Args& a) {
  check_takes(a, "count", 1, 3);
  std::string sub = sub_arg(a[0]);
  std::string_view data = self_view(self);
  size_t start, end;
  bounds(a, 1, data.size(), start, end);
  if (start > end) return Value::small_int(0);
  std::string_view hay = data.substr(start, end - start);
  if (sub.empty()) return make_int(static_cast<int64_t>(hay.size() + 1));
  int64_t n = 0;
  for (size_t pos = hay.find(sub); pos != std::string_view::npos; pos = hay.find(sub, pos + sub.size())) ++n;
  return make_int(n);
}

Value affix(Value self, const Args& a, const char* name, bool suffix) {
  check_takes(a, name, 1, 3);
  std::string_view data = self_view(self);
  size_t start, end;
  bounds(a, 1, data.size(), start, end);
  auto test = [&](Value v) {
    auto b = bytes_like(v);
    if (!b)
      raise_fmt(types::type_error, "{} first arg must be bytes or a tuple of bytes, not {}", name, tname(v));
    if (start > end || end - start < b->size()) return false;
    std::string_view hay = data.substr(start, end - start);
    return suffix ? hay.substr(hay.size() - b->size()) == *b : hay.substr(0, b->size()) == *b;
  };
  if (is_tuple(a[0])) {
    for (Value v : a[0].as<Tuple>()->span())
      if (test(v)) return Value::boolean(true);
    return Value::boolean(false);
  }
  return Value::boolean(test(a[0]));
}
Value m_startswith(Value self, const Args& a) { return affix(self, a, "startswith", false); }
Value m_endswith(Value self, const Args& a) { return affix(self, a, "endswith", true); }

Value m_split_impl(Value self, const Args& a, const char* name, bool reverse) {
  Value p[2];
  bind_args(a, name, {"sep", "maxsplit"}, 0, p);
  std::string_view data = self_view(self);
  int64_t maxsplit = p[1].is_empty() ? -1 : arg_index(p[1]);
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::vector<std::string_view> parts;
  if (p[0].is_empty() || p[0].is_none()) {
    if (!reverse) {
      size_t i = 0, n = data.size();
      while (true) {
        while (i < n && is_ascii_space(data[i])) ++i;
        if (i >= n) break;
        if (static_cast<int64_t>(parts.size()) == maxsplit) {
          parts.push_back(data.substr(i)); // the remainder keeps its trailing whitespace
          break;
        }
        size_t j = i;
        while (j < n && !is_ascii_space(data[j])) ++j;
        parts.push_back(data.substr(i, j - i));
        i = j;
      }
    } else {
      size_t e = data.size();
      while (true) {
        while (e > 0 && is_ascii_space(data[e - 1])) --e;
        if (e == 0) break;
        if (static_cast<int64_t>(parts.size()) == maxsplit) {
          parts.push_back(data.substr(0, e)); // the remainder keeps its leading whitespace
          break;
        }
        size_t j = e;
        while (j > 0 && !is_ascii_space(data[j - 1])) --j;
        parts.push_back(data.substr(j, e - j));
        e = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    std::string sep(buffer_arg(p[0]));
    if (sep.empty()) raise_value_error("empty separator");
    if (!reverse) {
      size_t i = 0;
      while (static_cast<int64_t>(parts.size()) < maxsplit) {
        size_t pos = data.find(sep, i);
        if (pos == std::string_view::npos) break;
        parts.push_back(data.substr(i, pos - i));
        i = pos + sep.size();
      }
      parts.push_back(data.substr(i));
    } else {
      size_t e = data.size();
      int64_t splits = 0;
      while (splits < maxsplit && e >= sep.size()) {
        size_t pos = data.substr(0, e).rfind(sep);
        if (pos == std::string_view::npos) break;
        parts.push_back(data.substr(pos + sep.size(), e - pos - sep.size()));
        e = pos;
        ++splits;
      }
      parts.push_back(data.substr(0, e));
      std::reverse(parts.begin(), parts.end());
    }
  }
  List* l = new_list(parts.size());
  for (std::string_view s : parts) l->items.push_back(make_like(self, s));
  return Value::object(l);
}
Value m_split(Value self, const Args& a) { return m_split_impl(self, a, "split", false); }
Value m_rsplit(Value self, const Args& a) { return m_split_impl(self, a, "rsplit", true); }

Value strip_impl(Value self, const Args& a, const char* name, bool left, bool right) {
  check_takes(a, name, 0, 1);
  std::string_view data = self_view(self);
  std::string chars;
  bool whitespace = a.npos == 0 || a[0].is_none();
  if (!whitespace) chars = buffer_arg(a[0]);
  auto strip_char = [&](char c) {
    return whitespace ? is_ascii_space(static_cast<unsigned char>(c)) : chars.find(c) != std::string::npos;
  };
  size_t s = 0, e = data.size();
  if (left)
    while (s < e && strip_char(data[s])) ++s;
  if (right)
    while (e > s && strip_char(data[e - 1])) --e;
  return part_of(self, data.substr(s, e - s));
}
Value m_strip(Value self, const Args& a) { return strip_impl(self, a, "strip", true, true); }
Value m_lstrip(Value self, const Args& a) { return strip_impl(self, a, "lstrip", true, false); }
Value m_rstrip(Value self, const Args& a) { return strip_impl(self, a, "rstrip", false, true); }

Value m_join(Value self, const Args& a) {
  check_one_arg(self, a, "join");
  std::string_view sep = self_view(self);
  std::string out;
  Value it = get_iter(a[0]);
  Value x;
  size_t i = 0;
  while (iter_next(it, x)) {
    auto b = bytes_like(x);
    if (!b) raise_fmt(types::type_error, "sequence item {}: expected a bytes-like object, {} found", i, tname(x));
    if (i) out += sep;
    out += *b;
    ++i;
  }
  return make_like(self, out);
}

// translate(table, /, delete=b''): `table` maps each byte (None: identity);
// re's compiler builds its CHARSET bitmaps with it.
Value m_translate(Value self, const Args& a) {
  Value p[2];
  if (a.npos == 0) raise_type_error("translate() takes at least 1 positional argument (0 given)");
  bind_args(a, "translate", {"table", "delete"}, 1, p, 1);
  std::string table;
  if (!p[0].is_none()) {
    table = std::string(buffer_arg(p[0]));
    if (table.size() != 256) raise_value_error("translation table must be 256 characters long");
  }
  bool drop[256] = {};
  if (!p[1].is_empty())
    for (unsigned char c : buffer_arg(p[1]))
      drop[c] = true;
  std::string out;
  for (unsigned char c : self_view(self))
    if (!drop[c]) out += table.empty() ? static_cast<char>(c) : table[c];
  return make_like(self, out);
}

Value m_replace(Value self, const Args& a) {
  check_takes(a, "replace", 2, 3);
  std::string old(buffer_arg(a[0])), rep(buffer_arg(a[1]));
  int64_t count = a.npos > 2 ? arg_index(a[2]) : -1;
  if (count < 0) count = INT64_MAX;
  std::string_view data = self_view(self);
  std::string out;
  if (old.empty()) {
    int64_t done = 0;
    for (size_t i = 0; i <= data.size(); ++i) {
      if (done < count) {
        out += rep;
        ++done;
      }
      if (i < data.size()) out += data[i];
    }
    return make_like(self, out);
  }
  size_t i = 0;
  for (int64_t done = 0; done < count; ++done) {
    size_t pos = data.find(old, i);
    if (pos == std::string_view::npos) break;
    out += data.substr(i, pos - i);
    out += rep;
    i = pos + old.size();
  }
  out += data.substr(i);
  return make_like(self, out);
}

template <int (*F)(int)> Value map_chars(Value self, const Args& a, const char* name) {
  check_no_args(self, a, name);
  std::string out(self_view(self));
  for (char& c : out) c = static_cast<char>(F(static_cast<unsigned char>(c)));
  return make_like(self, out);
}
int ascii_upper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
Value m_upper(Value self, const Args& a) { return map_chars<ascii_upper>(self, a, "upper"); }
Value m_lower(Value self, const Args& a) { return map_chars<ascii_lower>(self, a, "lower"); }

template <bool (*P)(unsigned char)> Value predicate(Value self, const Args& a, const char* name) {
  check_no_args(self, a, name);
  std::string_view data = self_view(self);
  if (data.empty()) return Value::boolean(false);
  for (char c : data)
    if (!P(static_cast<unsigned char>(c))) return Value::boolean(false);
  return Value::boolean(true);
}
bool p_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool p_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool p_alnum(unsigned char c) { return p_digit(c) || p_alpha(c); }
bool p_space(unsigned char c) { return is_ascii_space(c); }
bool p_ascii(unsigned char c) { return c < 0x80; }
Value m_isdigit(Value self, const Args& a) { return predicate<p_digit>(self, a, "isdigit"); }
Value m_isalpha(Value self, const Args& a) { return predicate<p_alpha>(self, a, "isalpha"); }
Value m_isalnum(Value self, const Args& a) { return predicate<p_alnum>(self, a, "isalnum"); }
Value m_isspace(Value self, const Args& a) { return predicate<p_space>(self, a, "isspace"); }
Value m_isascii(Value self, const Args& a) {
  check_no_args(self, a, "isascii");
  for (char c : self_view(self))
    if (!p_ascii(static_cast<unsigned char>(c))) return Value::boolean(false);
  return Value::boolean(true);
}

Value partition_impl(Value self, const Args& a, const char* name, bool reverse) {
  check_one_arg(self, a, name);
  std::string sep(buffer_arg(a[0]));
  if (sep.empty()) raise_value_error("empty separator");
  std::string_view data = self_view(self);
  size_t pos = reverse ? data.rfind(sep) : data.find(sep);
  Tuple* t = new_tuple(3);
  if (pos == std::string_view::npos) {
    Value empty = make_like(self, "");
    t->items[0] = reverse ? empty : make_like(self, data);
    t->items[1] = make_like(self, "");
    t->items[2] = reverse ? make_like(self, data) : empty;
  } else {
    t->items[0] = make_like(self, data.substr(0, pos));
    t->items[1] = make_like(self, sep);
    t->items[2] = make_like(self, data.substr(pos + sep.size()));
  }
  return Value::object(t);
}
Value m_partition(Value self, const Args& a) { return partition_impl(self, a, "partition", false); }
Value m_rpartition(Value self, const Args& a) { return partition_impl(self, a, "rpartition", true); }

Value m_splitlines(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "splitlines", {"keepends"}, 0, p);
  bool keep = !p[0].is_empty() && truthy(p[0]);
  std::string_view data = self_view(self);
  List* l = new_list();
  size_t i = 0;
  while (i < data.size()) {
    size_t j = i;
    while (j < data.size() && data[j] != '\n' && data[j] != '\r') ++j;
    size_t eol = j;
    if (j < data.size()) j += (data[j] == '\r' && j + 1 < data.size() && data[j + 1] == '\n') ? 2 : 1;
    l->items.push_back(make_like(self, data.substr(i, (keep ? j : eol) - i)));
    i = j;
  }
  return Value::object(l);
}

Value m_zfill(Value self, const Args& a) {
  check_one_arg(self, a, "zfill");
  int64_t width = arg_index(a[0]);
  std::string s(self_view(self));
  if (width <= static_cast<int64_t>(s.size())) return part_of(self, s);
  size_t fill = static_cast<size_t>(width) - s.size();
  size_t at = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  s.insert(at, fill, '0');
  return make_like(self, s);
}

// ---- bytearray: special methods ------------------------------------------------------

Value ba_mod(Value self, const Args& a) {
  check_one(a, "__mod__");
  return bytes_percent_format(self, a[0]);
}

// x.__rmod__(fmt): a bytes or bytearray never formats from the right.
Value m_rmod(Value, const Args& a) {
  check_one(a, "__rmod__");
  return kNotImplemented;
}

// bytes.__bytes__(): the exact bytes of the value (itself for an exact bytes).
Value m_bytes(Value self, const Args& a) {
  check_no_args(self, a, "__bytes__");
  return part_of(self, self_view(self));
}

// bytes.__getnewargs__(): pickling's (bytes(self),).
Value m_getnewargs(Value self, const Args& a) {
  check_no_args(self, a, "__getnewargs__");
  Value v = make_bytes(self_view(self));
  return Value::object(new_tuple({&v, 1}));
}

Value ba_len(Value self, const Args&) { return make_int(static_cast<int64_t>(as_bytearray(self)->data.size())); }

Value ba_getitem(Value self, const Args& a) {
  check_one(a, "__getitem__");
  ByteArray* b = as_bytearray(self);
  Value key = a[0];
  int64_t n = static_cast<int64_t>(b->data.size());
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step;
    int64_t count = slice_indices(key.as<Slice>(), n, start, stop, step);
    std::string out;
    out.reserve(static_cast<size_t>(count));
    for (int64_t i = 0; i < count; ++i) out.push_back(static_cast<char>(b->data[start + i * step]));
    return make_bytearray(out);
  }
  if (!is_integer(key) && call_dunder(key, "__index__").is_empty())
    raise_fmt(types::type_error, "bytearray indices must be integers or slices, not {}", tname(key));
  int64_t i = arg_index(is_integer(key) ? key : call_dunder(key, "__index__"));
  if (!normalize_index(i, n)) raise(types::index_error, "bytearray index out of range");
  return Value::small_int(b->data[i]);
}

// Bytes to assign to a bytearray slice: bytes-like or an iterable of ints.
std::string assigned_bytes(Value v) {
  if (auto b = bytes_like(v)) return std::string(*b);
  Type* t = type_of(v);
  bool iterable = t->kind == Kind::List || t->kind == Kind::Tuple || t->kind == Kind::Range ||
                  t->kind == Kind::Iterator || t->kind == Kind::Generator ||
                  !type_lookup(t, intern("__iter__")).is_empty();
  if (is_integer(v) || is_str(v) || !iterable)
    raise_fmt(types::type_error, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  return bytes_from_iterable(v);
}

Value ba_setitem(Value self, const Args& a) {
  check_takes(a, "__setitem__", 2, 2);
  ByteArray* b = as_bytearray(self);
  Value key = a[0];
  int64_t n = static_cast<int64_t>(b->data.size());
  if (is_kind(key, Kind::Slice)) {
    std::string data = assigned_bytes(a[1]);
    int64_t start, stop, step;
    int64_t count = slice_indices(key.as<Slice>(), n, start, stop, step);
    if (step == 1) {
      if (stop < start) stop = start;
      b->data.erase(b->data.begin() + start, b->data.begin() + stop);
      b->data.insert(b->data.begin() + start, data.begin(), data.end());
      return Value::none();
    }
    if (static_cast<int64_t>(data.size()) != count)
      raise_fmt(types::value_error, "attempt to assign bytes of size {} to extended slice of size {}", data.size(),
                count);
    for (int64_t i = 0; i < count; ++i) b->data[start + i * step] = static_cast<unsigned char>(data[i]);
    return Value::none();
  }
  if (!is_integer(key) && call_dunder(key, "__index__").is_empty())
    raise_fmt(types::type_error, "bytearray indices must be integers or slices, not {}", tname(key));
  int64_t i = arg_index(is_integer(key) ? key : call_dunder(key, "__index__"));
  unsigned char v = byte_value(a[1]);
  if (!normalize_index(i, n)) raise(types::index_error, "bytearray index out of range");
  b->data[i] = v;
  return Value::none();
}

Value ba_delitem(Value self, const Args& a) {
  check_one(a, "__delitem__");
  ByteArray* b = as_bytearray(self);
  Value key = a[0];
  int64_t n = static_cast<int64_t>(b->data.size());
  if (is_kind(key, Kind::Slice)) {
    int64_t start, stop, step;
    int64_t count = slice_indices(key.as<Slice>(), n, start, stop, step);
    std::vector<bool> drop(static_cast<size_t>(n), false);
    for (int64_t i = 0; i < count; ++i) drop[start + i * step] = true;
    GcVector<unsigned char> kept;
    for (int64_t i = 0; i < n; ++i)
      if (!drop[i]) kept.push_back(b->data[i]);
    b->data.swap(kept);
    return Value::none();
  }
  int64_t i = arg_index(key);
  if (!normalize_index(i, n)) raise(types::index_error, "bytearray index out of range");
  b->data.erase(b->data.begin() + i);
  return Value::none();
}

// `item in data`: a byte value or a bytes-like part.
bool data_contains(std::string_view data, Value item) {
  if (auto b = bytes_like(item)) return data.find(*b) != std::string_view::npos;
  if (!is_integer(item) && call_dunder(item, "__index__").is_empty())
    raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(item));
  return data.find(static_cast<char>(byte_value(item))) != std::string_view::npos;
}

Value ba_contains(Value self, const Args& a) {
  check_one(a, "__contains__");
  return Value::boolean(data_contains(self_view(self), a[0]));
}

struct ByteArrayIter : NativeIter {
  Value ba;
  size_t index;
};

bool ba_iter_step(NativeIter* base, Value& out) {
  auto* it = static_cast<ByteArrayIter*>(base);
  if (it->ba.is_empty()) return false;
  ByteArray* b = as_bytearray(it->ba);
  if (it->index < b->data.size()) {
    out = Value::small_int(b->data[it->index++]);
    return true;
  }
  it->ba = Value::empty();
  return false;
}

Value ba_iter(Value self, const Args&) {
  auto* it = new_native_iter<ByteArrayIter>(bytearray_iterator_type, ba_iter_step);
  it->ba = self;
  return Value::object(it);
}

// bytearray(b'...'): as bytes' repr, except that CPython always escapes `'` here.
Value ba_repr(Value self, const Args&) {
  std::string_view data = self_view(self);
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = std::string(type_of(self)->name) + "(b";
  out += quote;
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += ch;
    }
  }
  out += quote;
  return str_value(out + ")");
}

// Rich comparison with any bytes-like value; NotImplemented otherwise.
Value ba_compare(Value self, const Args& a, CmpOp op) {
  auto other = bytes_like(a[0]);
  if (!other) return kNotImplemented;
  int c = self_view(self).compare(*other);
  switch (op) {
  case CmpOp::Lt: return Value::boolean(c < 0);
  case CmpOp::Le: return Value::boolean(c <= 0);
  case CmpOp::Eq: return Value::boolean(c == 0);
  case CmpOp::Ne: return Value::boolean(c != 0);
  case CmpOp::Gt: return Value::boolean(c > 0);
  case CmpOp::Ge: return Value::boolean(c >= 0);
  }
  return kNotImplemented;
}
Value ba_eq(Value self, const Args& a) { return ba_compare(self, a, CmpOp::Eq); }
Value ba_ne(Value self, const Args& a) { return ba_compare(self, a, CmpOp::Ne); }
Value ba_lt(Value self, const Args& a) { return ba_compare(self, a, CmpOp::Lt); }
Value ba_le(Value self, const Args& a) { return ba_compare(self, a, CmpOp::Le); }
Value ba_gt(Value self, const Args& a) { return ba_compare(self, a, CmpOp::Gt); }
Value ba_ge(Value self, const Args& a) { return ba_compare(self, a, CmpOp::Ge); }

Value ba_add(Value self, const Args& a) {
  auto other = bytes_like(a[0]);
  if (!other) raise_fmt(types::type_error, "can't concat {} to bytearray", tname(a[0]));
  std::string out(self_view(self));
  out += *other;
  return make_bytearray(out);
}

// bytes + bytearray gives bytes (the left operand's type).
Value ba_radd(Value self, const Args& a) {
  auto other = bytes_like(a[0]);
  if (!other) return kNotImplemented;
  std::string out(*other);
  out += self_view(self);
  return make_like(a[0], out);
}

Value ba_iadd(Value self, const Args& a) {
  auto other = bytes_like(a[0]);
  if (!other) raise_fmt(types::type_error, "can't concat {} to bytearray", tname(a[0]));
  std::string add(*other); // copy first: `b += b`
  as_bytearray(self)->data.insert(as_bytearray(self)->data.end(), add.begin(), add.end());
  return self;
}

Value ba_mul(Value self, const Args& a) {
  if (!is_integer(a[0])) return kNotImplemented;
  int64_t n = arg_index(a[0]);
  std::string_view data = self_view(self);
  if (n > 0) check_alloc_size(static_cast<uint64_t>(n), data.size());
  std::string out;
  for (int64_t i = 0; i < n; ++i) out += data;
  return make_bytearray(out);
}

Value ba_imul(Value self, const Args& a) {
  if (!is_integer(a[0])) return kNotImplemented;
  int64_t n = arg_index(a[0]);
  std::string data(self_view(self));
  if (n > 0) check_alloc_size(static_cast<uint64_t>(n), data.size());
  auto& v = as_bytearray(self)->data;
  v.clear();
  for (int64_t i = 0; i < n; ++i) v.insert(v.end(), data.begin(), data.end());
  return self;
}

// ---- bytearray: mutating methods -----------------------------------------------------

Value ba_append(Value self, const Args& a) {
  check_one_arg(self, a, "append");
  as_bytearray(self)->data.push_back(byte_value(a[0]));
  return Value::none();
}

Value ba_extend(Value self, const Args& a) {
  check_one_arg(self, a, "extend");
  if (is_str(a[0])) raise_type_error("expected iterable of integers; got: 'str'");
  std::string data = bytes_like(a[0]) ? std::string(*bytes_like(a[0])) : bytes_from_iterable(a[0]);
  auto& v = as_bytearray(self)->data;
  v.insert(v.end(), data.begin(), data.end());
  return Value::none();
}

Value ba_pop(Value self, const Args& a) {
  check_takes(a, "pop", 0, 1);
  auto& v = as_bytearray(self)->data;
  if (v.empty()) raise(types::index_error, "pop from empty bytearray");
  int64_t i = a.npos ? arg_index(a[0]) : -1;
  if (!normalize_index(i, static_cast<int64_t>(v.size()))) raise(types::index_error, "pop index out of range");
  unsigned char c = v[i];
  v.erase(v.begin() + i);
  return Value::small_int(c);
}

Value ba_insert(Value self, const Args& a) {
  check_expected(a, "insert", 2, 2);
  auto& v = as_bytearray(self)->data;
  int64_t i = arg_index(a[0]);
  unsigned char c = byte_value(a[1]);
  int64_t n = static_cast<int64_t>(v.size());
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  v.insert(v.begin() + i, c);
  return Value::none();
}

Value ba_remove(Value self, const Args& a) {
  check_one_arg(self, a, "remove");
  auto& v = as_bytearray(self)->data;
  unsigned char c = byte_value(a[0]);
  auto it = std::find(v.begin(), v.end(), c);
  if (it == v.end()) raise_value_error("value not found in bytearray");
  v.erase(it);
  return Value::none();
}

Value ba_clear(Value self, const Args& a) {
  check_no_args(self, a, "clear");
  as_bytearray(self)->data.clear();
  return Value::none();
}

Value ba_copy(Value self, const Args& a) {
  check_no_args(self, a, "copy");
  return make_bytearray(self_view(self));
}

Value ba_reverse(Value self, const Args& a) {
  check_no_args(self, a, "reverse");
  auto& v = as_bytearray(self)->data;
  std::reverse(v.begin(), v.end());
  return Value::none();
}

// ---- int.to_bytes / int.from_bytes ---------------------------------------------------

bool little_endian(Value order) {
  if (!is_str(order)) raise_fmt(types::type_error, "to_bytes() argument 'byteorder' must be str, not {}", tname(order));
  std::string_view o = order.as<Str>()->view();
  if (o == "little") return true;
  if (o == "big") return false;
  raise_value_error("byteorder must be either 'little' or 'big'");
}

Value int_to_bytes(Value self, const Args& a) {
  Value p[3];
  bind_args(a, "to_bytes", {"length", "byteorder", "signed"}, 0, p, 0, 2);
  int64_t length = p[0].is_empty() ? 1 : arg_index(p[0]);
  bool little = p[1].is_empty() ? false : little_endian(p[1]);
  bool is_signed = !p[2].is_empty() && truthy(p[2]);
  if (length < 0) raise_value_error("length argument must be non-negative");
  check_alloc_size(static_cast<uint64_t>(length), 1);
  Mpz z, m;
  int_to_mpz(self.is_bool() ? Value::small_int(self.is_true()) : self, z);
  bool negative = mpz_sgn(z) < 0;
  if (negative && !is_signed) raise(types::overflow_error, "can't convert negative int to unsigned");
  // Two's complement: add 2**(8*length) to a negative value; check the range first.
  size_t bits = static_cast<size_t>(length) * 8;
  bool fits;
  if (is_signed) {
    mpz_set_ui(m, 1);
    mpz_mul_2exp(m, m, bits ? bits - 1 : 0);
    // -2**(bits-1) <= z < 2**(bits-1)
    if (bits == 0) fits = mpz_sgn(z) == 0;
    else {
      Mpz neg;
      mpz_neg(neg, m);
      fits = mpz_cmp(z, m) < 0 && mpz_cmp(z, neg) >= 0;
    }
  } else {
    fits = mpz_sizeinbase(z, 2) <= bits || mpz_sgn(z) == 0;
  }
  if (!fits) raise(types::overflow_error, "int too big to convert");
  if (negative) {
    mpz_set_ui(m, 1);
    mpz_mul_2exp(m, m, bits);
    mpz_add(z, z, m);
  }
  std::string out(static_cast<size_t>(length), '\0');
  size_t count = 0;
  if (length > 0 && mpz_sgn(z) != 0) {
    std::string tmp((mpz_sizeinbase(z, 2) + 7) / 8, '\0');
    mpz_export(tmp.data(), &count, -1, 1, 0, 0, z); // least significant byte first
    std::memcpy(out.data(), tmp.data(), count);
  }
  if (!little) std::reverse(out.begin(), out.end());
  return make_bytes(out);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False): a classmethod-like function.
Value int_from_bytes(Value, const Args& a) {
  Value p[3];
  bind_args(a, "from_bytes", {"bytes", "byteorder", "signed"}, 1, p, 0, 2);
  std::string data;
  if (auto b = bytes_like(p[0])) data = *b;
  else if (is_str(p[0])) raise_type_error("cannot convert 'str' object to bytes");
  else data = construct_data(Args{&p[0], 1}, "bytes");
  bool little = p[1].is_empty() ? false : little_endian(p[1]);
  bool is_signed = !p[2].is_empty() && truthy(p[2]);
  if (!little) std::reverse(data.begin(), data.end());
  Mpz z;
  if (!data.empty()) mpz_import(z, data.size(), -1, 1, 0, 0, data.data());
  if (is_signed && !data.empty() && (static_cast<unsigned char>(data.back()) & 0x80)) {
    Mpz m;
    mpz_set_ui(m, 1);
    mpz_mul_2exp(m, m, data.size() * 8);
    mpz_sub(z, z, m);
  }
  return make_int(z);
}

template <NativeFn F> constexpr NativeFn BM = method<&types::bytes, F>;
template <NativeFn F> constexpr NativeFn AM = method<&bytearray_type, F>;

} // namespace

// ---- public helpers ------------------------------------------------------------------

std::optional<std::string_view> bytes_like(Value v) {
  if (!v.is_object()) return std::nullopt;
  Type* t = v.as_object()->type;
  if (t->kind == Kind::Bytes) return std::string_view(reinterpret_cast<const char*>(v.as<Bytes>()->data), v.as<Bytes>()->size);
  if (is_subtype(t, &bytearray_type)) return view_of(v.as<ByteArray>());
  char code;
  if (auto* storage = array_storage(v, code))
    return std::string_view(reinterpret_cast<const char*>(storage->data()), storage->size());
  return memoryview_bytes(v);
}

Value make_bytes(std::string_view data) { return Value::object(new_bytes(data)); }

Value make_bytearray(std::string_view data) {
  auto* b = gc::make<ByteArray>();
  b->type = &bytearray_type;
  b->data.assign(data.begin(), data.end());
  return Value::object(b);
}

Value encode_text(std::string_view utf8, std::string_view encoding, std::string_view errors) {
  if (auto escaped = escape_encode(utf8, lower_encoding(encoding))) return make_bytes(*escaped);
  if (!native_codec(encoding)) return run_python_codec(str_value(utf8), encoding, errors, true);
  Codec c = codec_of(encoding);
  if (c == Codec::Utf8) return make_bytes(utf8); // Strs never hold lone surrogates
  uint32_t limit = c == Codec::Ascii ? 0x80 : 0x100;
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0, index = 0;
  while (pos < utf8.size()) {
    uint32_t cp = utf8_at(utf8, pos);
    if (cp < limit) {
      out.push_back(static_cast<char>(cp));
      ++index;
      continue;
    }
    if (errors == "ignore") {
      ++index;
      continue;
    }
    if (errors == "replace") {
      out.push_back('?');
      ++index;
      continue;
    }
    if (!known_handler(errors)) raise_fmt(types::lookup_error, "unknown error handler name '{}'", errors);
    // CPython reports the whole run of unencodable characters.
    size_t start = index, end = index + 1, p = pos;
    while (p < utf8.size()) {
      size_t q = p;
      if (utf8_at(utf8, q) < limit) break;
      p = q;
      ++end;
    }
    if (end - start == 1)
      raise_fmt(types::unicode_encode_error, "'{}' codec can't encode character '{}' in position {}: ordinal not in "
                "range({})", codec_name(c), char_escape(cp), start, limit);
    raise_fmt(types::unicode_encode_error, "'{}' codec can't encode characters in position {}-{}: ordinal not in "
              "range({})", codec_name(c), start, end - 1, limit);
  }
  return make_bytes(out);
}

Value decode_bytes(std::string_view data, std::string_view encoding, std::string_view errors) {
  if (auto text = escape_decode(data, lower_encoding(encoding), errors)) return str_value(*text);
  if (!native_codec(encoding)) return run_python_codec(make_bytes(data), encoding, errors, false);
  Codec c = codec_of(encoding);
  std::string out;
  out.reserve(data.size());
  auto bad = [&](size_t start, size_t end, const char* reason) {
    if (errors == "replace") out += "\xEF\xBF\xBD";
    else if (errors != "ignore") {
      if (!known_handler(errors)) raise_fmt(types::lookup_error, "unknown error handler name '{}'", errors);
      decode_error(c, data, start, end, reason);
    }
  };
  size_t i = 0;
  while (i < data.size()) {
    auto b = static_cast<unsigned char>(data[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
      continue;
    }
    switch (c) {
    case Codec::Latin1:
      utf8_append(out, b);
      ++i;
      break;
    case Codec::Ascii:
      bad(i, i + 1, "ordinal not in range(128)");
      ++i;
      break;
    case Codec::Utf8: {
      size_t end = 0;
      const char* reason = nullptr;
      size_t n = utf8_sequence(data, i, end, reason);
      if (n) {
        out.append(data.substr(i, n));
        i += n;
      } else {
        bad(i, end, reason);
        i = std::max(end, i + 1);
      }
      break;
    }
    }
  }
  return str_value(out);
}

void init_bytes_types(Module* builtins) {
  types::bytes.construct = construct_bytes;
  add_value(builtins, "bytes", Value::object(&types::bytes));
  init_type(bytearray_type, "bytearray", Kind::Object, &types::object);
  bytearray_type.is_builtin = false; // dispatched through its special methods
  bytearray_type.construct = construct_bytearray;
  set_match_flags(bytearray_type, kMatchSelf); // `case bytearray(b)`; no sequence to patterns
  add_value(builtins, "bytearray", Value::object(&bytearray_type));
  init_native_iter_type(bytearray_iterator_type, "bytearray_iterator", "builtins");

  add_methods(types::bytes, {
                                {"decode", BM<m_decode>},         {"hex", BM<m_hex>},
                                {"find", BM<m_find>},             {"rfind", BM<m_rfind>},
                                {"index", BM<m_index>},           {"rindex", BM<m_rindex>},
                                {"count", BM<m_count>},           {"startswith", BM<m_startswith>},
                                {"endswith", BM<m_endswith>},     {"split", BM<m_split>},
                                {"rsplit", BM<m_rsplit>},         {"strip", BM<m_strip>},
                                {"lstrip", BM<m_lstrip>},         {"rstrip", BM<m_rstrip>},
                                {"join", BM<m_join>},             {"replace", BM<m_replace>},
                                {"upper", BM<m_upper>},           {"lower", BM<m_lower>},
                                {"isdigit", BM<m_isdigit>},       {"isalpha", BM<m_isalpha>},
                                {"isalnum", BM<m_isalnum>},       {"isspace", BM<m_isspace>},
                                {"isascii", BM<m_isascii>},       {"partition", BM<m_partition>},
                                {"rpartition", BM<m_rpartition>}, {"splitlines", BM<m_splitlines>},
                                {"zfill", BM<m_zfill>},           {"translate", BM<m_translate>},
                                {"__bytes__", BM<m_bytes>},       {"__getnewargs__", BM<m_getnewargs>},
                            });
  add_attr(types::bytes, "fromhex", new_native("fromhex", bytes_fromhex));
  add_methods(bytearray_type, {
                                  {"decode", AM<m_decode>},         {"hex", AM<m_hex>},
                                  {"find", AM<m_find>},             {"rfind", AM<m_rfind>},
                                  {"index", AM<m_index>},           {"rindex", AM<m_rindex>},
                                  {"count", AM<m_count>},           {"startswith", AM<m_startswith>},
                                  {"endswith", AM<m_endswith>},     {"split", AM<m_split>},
                                  {"rsplit", AM<m_rsplit>},         {"strip", AM<m_strip>},
                                  {"lstrip", AM<m_lstrip>},         {"rstrip", AM<m_rstrip>},
                                  {"join", AM<m_join>},             {"replace", AM<m_replace>},
                                  {"upper", AM<m_upper>},           {"lower", AM<m_lower>},
                                  {"isdigit", AM<m_isdigit>},       {"isalpha", AM<m_isalpha>},
                                  {"isalnum", AM<m_isalnum>},       {"isspace", AM<m_isspace>},
                                  {"isascii", AM<m_isascii>},       {"partition", AM<m_partition>},
                                  {"rpartition", AM<m_rpartition>}, {"splitlines", AM<m_splitlines>},
                                  {"zfill", AM<m_zfill>},           {"translate", AM<m_translate>},
                                  {"append", AM<ba_append>},        {"extend", AM<ba_extend>},
                                  {"pop", AM<ba_pop>},              {"insert", AM<ba_insert>},
                                  {"remove", AM<ba_remove>},        {"clear", AM<ba_clear>},
                                  {"copy", AM<ba_copy>},            {"reverse", AM<ba_reverse>},
                                  {"__len__", AM<ba_len>},          {"__getitem__", AM<ba_getitem>},
                                  {"__setitem__", AM<ba_setitem>},  {"__delitem__", AM<ba_delitem>},
                                  {"__contains__", AM<ba_contains>}, {"__iter__", AM<ba_iter>},
                                  {"__repr__", AM<ba_repr>},        {"__eq__", AM<ba_eq>},
                                  {"__ne__", AM<ba_ne>},            {"__lt__", AM<ba_lt>},
                                  {"__le__", AM<ba_le>},            {"__gt__", AM<ba_gt>},
                                  {"__ge__", AM<ba_ge>},            {"__add__", AM<ba_add>},
                                  {"__radd__", AM<ba_radd>},        {"__iadd__", AM<ba_iadd>},
                                  {"__mul__", AM<ba_mul>},          {"__rmul__", AM<ba_mul>},
                                  {"__imul__", AM<ba_imul>},        {"__mod__", AM<ba_mod>},
                                  {"__rmod__", AM<m_rmod>},
                              });
  add_attr(bytearray_type, "__hash__", Value::none());
  bytearray_type.basic_size = sizeof(ByteArray); // (a subclass's instances: new_builtin_subclass_instance)
  add_static_method(bytearray_type, "__new__", bytearray_new);
  add_method(bytearray_type, "__init__", self_or_first<bytearray_init>);
  add_method(bytearray_type, "__reduce_ex__", self_or_first<bytearray_reduce_ex>);
  add_attr(bytearray_type, "fromhex", new_native("fromhex", bytearray_fromhex));
  add_bytes_text_methods();
  add_methods(types::int_, {{"to_bytes", method<&types::int_, int_to_bytes>}});
  add_attr(types::int_, "from_bytes", new_native("from_bytes", int_from_bytes));
}

} // namespace tributary::lib

namespace tributary {

Value bytes_concat_buffer(Value bytes, Value other) {
  auto b = lib::bytes_like(other);
  if (!b) return Value::empty();
  std::string out(*lib::bytes_like(bytes));
  out += *b;
  return lib::make_bytes(out);
}

bool bytes_contains(Value bytes, Value item) { return lib::data_contains(*lib::bytes_like(bytes), item); }

} // namespace tributary
