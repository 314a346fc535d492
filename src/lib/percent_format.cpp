// percent_format.cpp — printf-style formatting: `str % args` and `bytes % args`
// (CPython's PyUnicode_Format and _PyBytes_FormatEx).
//
// One parser of the conversion specifiers serves both; they differ only in
// %s/%r/%a/%c (text, or bytes: %s and %b take a bytes-like object or
// __bytes__, %r is %a, %c takes a byte) and in their messages. Numbers are
// rendered by fmtlib (runtime/format.h) for both.
#include <cmath>

#include "lib/bytes_internal.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "lib/str_text.h"
#include "runtime/containers.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

struct PercentState {
  std::span<const Value> items;
  size_t next = 0;
  Value mapping; // dict argument, or empty
};

Value next_arg(PercentState& st) {
  if (st.next >= st.items.size()) raise(types::type_error, "not enough arguments for format string");
  return st.items[st.next++];
}

// (Raises the ValueError of the int digit limit that fmtlib reports.)
std::string printf_integer(Value v, const fmtlib::PrintfSpec& spec) {
  if (auto i = int_as_i64(v)) return fmtlib::printf_int(*i, spec);
  try {
    return fmtlib::printf_int(Mpz(v).z, spec);
  } catch (const fmtlib::FormatError& e) {
    raise_format_error(e);
  }
}

// Integer conversions: %d %i %u accept real numbers, %x %X %o need integers.
std::string convert_int(Value v, fmtlib::PrintfSpec& spec) {
  char c = spec.conversion;
  bool decimal = c == 'd' || c == 'i' || c == 'u';
  if (decimal && c != 'd') spec.conversion = 'd';
  if (is_float(v) && decimal) {
    double d = float_value(v);
    if (std::isinf(d)) raise(types::overflow_error, "cannot convert float infinity to integer");
    if (std::isnan(d)) raise(types::value_error, "cannot convert float NaN to integer");
    d = std::trunc(d);
    if (std::fabs(d) < 9.0e15) return fmtlib::printf_int(static_cast<int64_t>(d), spec);
    Mpz z;
    mpz_set_d(z, d);
    std::string s = fmtlib::printf_int(z, spec);
    return s;
  }
  if (!is_integer(v)) {
    Value r = call_dunder(v, decimal ? "__int__" : "__index__");
    if (r.is_empty() || !is_integer(r)) {
      if (decimal) raise_fmt(types::type_error, "%{} format: a real number is required, not {}", c, tname(v));
      raise_fmt(types::type_error, "%{} format: an integer is required, not {}", c, tname(v));
    }
    v = r;
  }
  return printf_integer(v, spec);
}

std::string convert_float(Value v, const fmtlib::PrintfSpec& spec, bool bytes) {
  auto d = real_as_double(v);
  if (!d)
    raise_fmt(types::type_error, "{}, not {}", bytes ? "float argument required" : "must be real number", tname(v));
  return fmtlib::printf_float(*d, spec);
}

std::string convert_char(Value v, const fmtlib::PrintfSpec& spec) {
  if (is_str(v)) {
    if (v.as<Str>()->length != 1) raise(types::type_error, "%c requires int or char");
    return fmtlib::printf_str(v.as<Str>()->view(), spec);
  }
  if (!is_integer(v)) raise(types::type_error, "%c requires int or char");
  auto cp = int_as_i64(v);
  return fmtlib::printf_char(cp ? *cp : -1, spec);
}

// Parses a width or precision: digits or '*' (taken from the arguments).
int64_t parse_number(std::string_view f, size_t& i, PercentState& st, bool& from_star, bool& left) {
  from_star = false;
  if (i < f.size() && f[i] == '*') {
    ++i;
    from_star = true;
    Value v = next_arg(st);
    if (!is_integer(v)) raise(types::type_error, "* wants int");
    auto n = int_as_i64(v);
    if (!n) raise(types::overflow_error, "Python int too large to convert to C ssize_t");
    if (*n < 0) {
      left = true;
      return -*n;
    }
    return *n;
  }
  int64_t n = -1;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
    n = (n < 0 ? 0 : n) * 10 + (f[i++] - '0');
    if (n > INT32_MAX) raise(types::value_error, "width too big");
  }
  return n;
}

// A bytes conversion's output: at most `precision` bytes, padded to `width`
// (CPython pads bytes by byte count, not by characters).
std::string pad_bytes(std::string_view data, const fmtlib::PrintfSpec& spec) {
  if (spec.precision >= 0 && data.size() > static_cast<size_t>(spec.precision)) data = data.substr(0, spec.precision);
  std::string out(data);
  if (spec.width > static_cast<int64_t>(out.size())) {
    std::string fill(spec.width - out.size(), ' ');
    out = spec.left ? out + fill : fill + out;
  }
  return out;
}

// bytes %s and %b: a bytes-like object, or what its __bytes__ returns.
std::string bytes_of(Value v) {
  if (auto b = bytes_like(v)) return std::string(*b);
  Value r = call_dunder(v, "__bytes__");
  if (r.is_empty())
    raise_fmt(types::type_error, "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
              tname(v));
  if (!is_kind(r, Kind::Bytes)) raise_fmt(types::type_error, "__bytes__ returned non-bytes (type {})", tname(r));
  return std::string(*bytes_like(r));
}

// bytes %c: an int in range(256) or a single byte.
std::string byte_char(Value v) {
  if (auto b = bytes_like(v); b && b->size() == 1) return std::string(*b);
  if (!is_integer(v)) raise(types::type_error, "%c requires an integer in range(256) or a single byte");
  auto i = int_as_i64(v);
  if (!i || *i < 0 || *i > 255) raise(types::overflow_error, "%c arg not in range(256)");
  return std::string(1, static_cast<char>(*i));
}

// One text conversion (%s %r %a %c) of str formatting.
std::string text_conversion(char conv, Value arg, fmtlib::PrintfSpec& spec) {
  switch (conv) {
  case 's': return fmtlib::printf_str(to_str(arg)->view(), spec);
  case 'r': return fmtlib::printf_str(repr(arg)->view(), spec);
  case 'a': return fmtlib::printf_str(ascii_escape(repr(arg)->view()), spec);
  default: return convert_char(arg, spec);
  }
}

// One bytes conversion (%s %b %r %a %c) of bytes formatting.
std::string bytes_conversion(char conv, Value arg, fmtlib::PrintfSpec& spec) {
  switch (conv) {
  case 's':
  case 'b': return pad_bytes(bytes_of(arg), spec);
  case 'r':
  case 'a': return pad_bytes(ascii_escape(repr(arg)->view()), spec);
  default: return pad_bytes(byte_char(arg), spec);
  }
}

[[noreturn]] void unsupported_character(std::string_view f, size_t conv_pos, bool bytes) {
  if (bytes) {
    auto c = static_cast<unsigned char>(f[conv_pos]);
    // CPython formats the message's '%c' from a signed char: a byte past 0x7f
    // becomes a negative code point and PyUnicode_FromFormat fails instead.
    if (c >= 0x80) raise(types::overflow_error, "character argument not in range(0x110000)");
    raise_fmt(types::value_error, "unsupported format character '{}' (0x{:x}) at index {}", static_cast<char>(c), c,
              conv_pos);
  }
  size_t p = conv_pos;
  uint32_t cp = utf8_at(f, p);
  std::string ch;
  utf8_append(ch, cp);
  raise_fmt(types::value_error, "unsupported format character '{}' (0x{:x}) at index {}", ch, cp,
            utf8_length(f.substr(0, conv_pos)));
}

// Whether `args` is the mapping of %(name)s: anything subscriptable but a tuple
// or str (PyMapping_Check: a list or bytes counts too, so `"x" % []` is 'x');
// bytes formatting also excludes bytes and bytearray.
bool is_format_mapping(Value args, bool bytes) {
  if (is_dict(args)) return true;
  if (is_tuple(args) || is_str(args)) return false;
  if (bytes && (is_kind(args, Kind::Bytes) || is_bytearray(args))) return false;
  return !type_lookup(type_of(args), intern("__getitem__")).is_empty();
}

std::string percent_format(std::string_view f, Value args, bool bytes) {
  PercentState st;
  Value single[1] = {args};
  if (is_tuple(args)) {
    st.items = args.as<Tuple>()->span();
  } else {
    st.items = single;
    if (is_format_mapping(args, bytes)) st.mapping = args;
  }
  std::string out;
  size_t i = 0;
  while (i < f.size()) {
    size_t pct = f.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(f.substr(i));
      break;
    }
    out.append(f.substr(i, pct - i));
    i = pct + 1;
    if (i >= f.size()) raise(types::value_error, "incomplete format");
    if (f[i] == '%') {
      out += '%';
      ++i;
      continue;
    }
    Value arg = Value::empty();
    if (f[i] == '(') {
      if (st.mapping.is_empty()) raise(types::type_error, "format requires a mapping");
      int depth = 1;
      size_t j = ++i;
      while (j < f.size() && depth) {
        if (f[j] == '(')
          ++depth;
        else if (f[j] == ')')
          --depth;
        ++j;
      }
      if (depth) raise(types::value_error, "incomplete format key");
      std::string_view key = f.substr(i, j - 1 - i);
      arg = get_item(st.mapping, bytes ? make_bytes(key) : str_value(key));
      i = j;
    }
    fmtlib::PrintfSpec spec;
    for (; i < f.size(); ++i) {
      char c = f[i];
      if (c == '-')
        spec.left = true;
      else if (c == '+')
        spec.plus = true;
      else if (c == ' ')
        spec.space = true;
      else if (c == '#')
        spec.alternate = true;
      else if (c == '0')
        spec.zero = true;
      else
        break;
    }
    bool star = false;
    spec.width = parse_number(f, i, st, star, spec.left);
    if (i < f.size() && f[i] == '.') {
      ++i;
      bool ignored = false;
      spec.precision = parse_number(f, i, st, star, ignored);
      if (spec.precision < 0) spec.precision = 0;
    }
    while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L'))
      ++i;
    if (i >= f.size()) raise(types::value_error, "incomplete format");
    size_t conv_pos = i;
    char conv = f[i++];
    spec.conversion = conv;
    if (conv == '%') {
      out += '%';
      continue;
    }
    if (arg.is_empty()) arg = next_arg(st);
    switch (conv) {
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': out += convert_int(arg, spec); break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': out += convert_float(arg, spec, bytes); break;
    case 's':
    case 'r':
    case 'a':
    case 'c': out += bytes ? bytes_conversion(conv, arg, spec) : text_conversion(conv, arg, spec); break;
    case 'b':
      if (bytes) {
        out += bytes_conversion(conv, arg, spec);
        break;
      }
      [[fallthrough]];
    default: unsupported_character(f, conv_pos, bytes);
    }
  }
  if (st.mapping.is_empty() && st.next < st.items.size())
    raise_fmt(types::type_error, "not all arguments converted during {} formatting", bytes ? "bytes" : "string");
  return out;
}

} // namespace

} // namespace tributary::lib

namespace tributary {

Str* str_percent_format(Str* format, Value args) { return new_str(lib::percent_format(format->view(), args, false)); }

Value bytes_percent_format(Value format, Value args) {
  std::string out = lib::percent_format(*lib::bytes_like(format), args, true);
  return is_kind(format, Kind::Bytes) ? lib::make_bytes(out) : lib::make_bytearray(out);
}

} // namespace tributary
