// format.cpp — CPython 3.11-exact formatting; see format.h for the API.
//
// The structure follows CPython so that every corner case matches:
//   * double_to_string() is PyOS_double_to_string + format_float_short
//     (Python/pystrtod.c); the digit strings dtoa would produce are obtained
//     from std::to_chars (shortest, mode 0) and glibc snprintf (correctly
//     rounded, modes 2 and 3), with trailing zeros stripped as dtoa does.
//   * parse_format_spec(), layout_number() and group_digits() mirror
//     Python/formatter_unicode.c (parse_internal_render_format_spec,
//     calc_number_widths/fill_number, _PyUnicode_InsertThousandsGrouping).
//   * printf_output() mirrors unicode_format_arg_output in
//     Objects/unicodeobject.c.
// The 'n' presentation type uses the C locale (Python's default): no
// grouping, '.' as decimal point.
#include "runtime/format.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace tributary::fmtlib {

namespace {

[[noreturn]] void raise(const char* type, std::string message) {
  throw FormatError(type, std::move(message));
}

// ------------------------------------------------------------------ UTF-8

// Decodes the code point starting at s[i] and advances i (lenient on bad input).
char32_t next_code_point(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i++]);
  int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  for (int k = 0; k < extra && i < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

// Byte offset just past the first n code points of s (or s.size()).
size_t prefix_bytes(std::string_view s, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < s.size(); ++k) next_code_point(s, i);
  return i;
}

void append_fill(std::string& out, char32_t fill, int64_t count) {
  if (count <= 0) return;
  if (fill < 0x80) {
    out.append(static_cast<size_t>(count), static_cast<char>(fill));
    return;
  }
  std::string one;
  append_utf8(one, fill);
  for (int64_t k = 0; k < count; ++k) out += one;
}

// True for the code points str.isspace() accepts.
bool is_unicode_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Py_ISSPACE: the ASCII whitespace of the C parsers.
bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// The zero of every run of ten Unicode decimal digits (category Nd) outside
// ASCII, per Unicode 14.0 (CPython 3.11's unicodedata); each run is contiguous.
constexpr char32_t kDecimalZeros[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,
    0xbe6,   0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,
    0x1040,  0x1090,  0x17e0,  0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,
    0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,  0xa900,  0xa9d0,
    0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730,
    0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950,
    0x1fbf0};

// Py_UNICODE_TODECIMAL: the digit value of a decimal code point, or -1.
int unicode_decimal(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  for (char32_t zero : kDecimalZeros)
    if (c >= zero && c < zero + 10) return static_cast<int>(c - zero);
  return -1;
}

// _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode decimal digits become
// ASCII digits, Unicode whitespace ' ', any other non-ASCII code point '?'.
std::string to_ascii_for_parsing(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    int digit = c < 0x80 ? -1 : unicode_decimal(c);
    out += c < 0x80       ? static_cast<char>(c)
           : digit >= 0   ? static_cast<char>('0' + digit)
           : is_unicode_space(c) ? ' '
                                 : '?';
  }
  return out;
}

// Formats a code in an error message as CPython does: 'c' or '\x..'.
std::string quote_code(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(c));
  return buf;
}

[[noreturn]] void unknown_presentation_type(char32_t type,
                                            std::string_view type_name) {
  raise("ValueError", "Unknown format code '" + quote_code(type) +
                          "' for object of type '" + std::string(type_name) +
                          "'");
}

// ---------------------------------------------------------- float digits

// The output of dtoa: significant digits (no trailing zeros, "0" for zero)
// and decpt, so that |x| = 0.digits * 10**decpt.
struct Digits {
  std::string digits;
  int64_t decpt = 1;
};

void strip_trailing_zeros(Digits& d) {
  while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
  if (d.digits.empty()) {
    d.digits = "0";
    d.decpt = 1;
  }
}

// snprintf into a std::string of the right size.
template <typename... Args>
std::string sprintf_string(const char* fmt, Args... args) {
  int n = std::snprintf(nullptr, 0, fmt, args...);
  std::string out(static_cast<size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), fmt, args...);
  out.resize(static_cast<size_t>(n));
  return out;
}

// Splits "d.ddde±XX" (no sign) into Digits.
Digits parse_scientific(std::string_view s) {
  Digits d;
  size_t e = s.find('e');
  for (char c : s.substr(0, e))
    if (c != '.') d.digits += c;
  d.decpt = std::strtoll(std::string(s.substr(e + 1)).c_str(), nullptr, 10) + 1;
  strip_trailing_zeros(d);
  return d;
}

// dtoa mode 0: the shortest digits that round-trip.
Digits shortest_digits(double ax) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, ax,
                           std::chars_format::scientific);
  return parse_scientific(std::string_view(buf, res.ptr - buf));
}

// dtoa mode 2: ndigits (>= 1) significant digits, correctly rounded.
Digits significant_digits(double ax, int64_t ndigits) {
  return parse_scientific(
      sprintf_string("%.*e", static_cast<int>(ndigits - 1), ax));
}

// dtoa mode 3: ndigits digits after the decimal point, correctly rounded.
Digits fixed_digits(double ax, int64_t ndigits) {
  std::string s = sprintf_string("%.*f", static_cast<int>(ndigits), ax);
  size_t dot = s.find('.');
  Digits d;
  d.decpt = static_cast<int64_t>(dot == std::string::npos ? s.size() : dot);
  for (char c : s)
    if (c != '.') d.digits += c;
  size_t lead = d.digits.find_first_not_of('0');
  if (lead == std::string::npos) lead = d.digits.size();
  d.digits.erase(0, lead);
  d.decpt -= static_cast<int64_t>(lead);
  strip_trailing_zeros(d);
  return d;
}

// PyOS_double_to_string: code is one of e E f F g G r; flags as Py_DTSF_*.
std::string double_to_string(double x, char code, int64_t precision,
                             bool add_dot_0, bool alt, bool no_neg_0) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  if (upper) code = static_cast<char>(code - 'A' + 'a');
  bool negative = std::signbit(x);
  if (std::isnan(x)) return upper ? "NAN" : "nan";
  if (std::isinf(x)) return std::string(negative ? "-" : "") + (upper ? "INF" : "inf");

  double ax = std::fabs(x);
  Digits d;
  switch (code) {
    case 'e':
      precision++;
      d = significant_digits(ax, precision);
      break;
    case 'f':
      d = fixed_digits(ax, precision);
      break;
    case 'g':
      if (precision == 0) precision = 1;  // 'g' with precision 0 means 1
      d = significant_digits(ax, precision);
      break;
    default:  // 'r'
      d = shortest_digits(ax);
      break;
  }
  if (no_neg_0 && d.digits == "0") negative = false;

  // format_float_short: output the slice vdigits[vdigits_start:vdigits_end]
  // of the digits padded with zeros on both sides, with a decimal point.
  const int64_t ndig = static_cast<int64_t>(d.digits.size());
  int64_t decpt = d.decpt;
  int64_t vdigits_end = ndig;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
        use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:  // 'r': exponent from 1e16 on
      use_exp = decpt <= -4 || decpt > 16;
      break;
  }
  int64_t exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int64_t vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  int64_t min_end = (!use_exp && add_dot_0) ? decpt + 1 : decpt;
  if (vdigits_end < min_end) vdigits_end = min_end;

  std::string out;
  if (negative) out += '-';
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out += '.';
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (decpt > 0 && decpt <= ndig) {
    out.append(d.digits, 0, static_cast<size_t>(decpt));
    out += '.';
    out.append(d.digits, static_cast<size_t>(decpt));
  } else {
    out += d.digits;
  }
  if (ndig < decpt) {
    out.append(static_cast<size_t>(decpt - ndig), '0');
    out += '.';
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vdigits_end - ndig), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%+.02lld", upper ? 'E' : 'e',
                  static_cast<long long>(exp));
    out += buf;
  }
  return out;
}

// ------------------------------------------------------ number layout

// _PyUnicode_InsertThousandsGrouping: digits grouped by `group` (0: none),
// left-padded with '0' (still grouped) up to min_width characters.
std::string group_digits(std::string_view digits, int64_t min_width, int group,
                         char sep) {
  if (min_width < 0) min_width = 0;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t pos = digits.size();
  bool use_sep = false;
  std::string rev;  // built right to left, reversed at the end
  auto emit = [&](int64_t len) {
    int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    if (use_sep) rev += sep;
    for (int64_t k = 0; k < n_chars; ++k) rev += digits[--pos];
    rev.append(static_cast<size_t>(n_zeros), '0');
    return n_chars;
  };
  bool done = false;
  if (group > 0) {
    while (true) {
      int64_t len = std::min<int64_t>(
          group, std::max<int64_t>(std::max(remaining, min_width), 1));
      remaining -= emit(len);
      use_sep = true;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        done = true;
        break;
      }
      min_width -= 1;  // the separator's width
    }
  }
  if (!done) emit(std::max<int64_t>(std::max(remaining, min_width), 1));
  return std::string(rev.rbegin(), rev.rend());
}

// calc_number_widths + fill_number: lays out
//   <lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>
// where sign_char is '-' or '\0', and remainder_len counts code points.
std::string layout_number(char sign_char, std::string_view prefix,
                          std::string_view digits, bool has_decimal,
                          std::string_view remainder, int64_t remainder_len,
                          const FormatSpec& spec, int group, char sep) {
  char sign = '\0';
  if (spec.sign == '+')
    sign = sign_char == '-' ? '-' : '+';
  else if (spec.sign == ' ')
    sign = sign_char == '-' ? '-' : ' ';
  else if (sign_char == '-')
    sign = '-';
  int64_t n_other = (sign ? 1 : 0) + static_cast<int64_t>(prefix.size()) +
                    (has_decimal ? 1 : 0) + remainder_len;
  int64_t min_width =
      (spec.fill == U'0' && spec.align == '=') ? spec.width - n_other : 0;
  // Only 'c' has no digits; grouping always wants at least one.
  std::string grouped =
      digits.empty() ? std::string() : group_digits(digits, min_width, group, sep);
  int64_t padding = spec.width - (n_other + static_cast<int64_t>(grouped.size()));
  int64_t lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (spec.align) {
      case '<': rpad = padding; break;
      case '^': lpad = padding / 2; rpad = padding - lpad; break;
      case '=': spad = padding; break;
      default: lpad = padding; break;
    }
  }
  std::string out;
  append_fill(out, spec.fill, lpad);
  if (sign) out += sign;
  out += prefix;
  append_fill(out, spec.fill, spad);
  out += grouped;
  if (has_decimal) out += '.';
  out += remainder;
  append_fill(out, spec.fill, rpad);
  return out;
}

// The group size for a spec's separator: 4 for '_' with b/o/x/X, else 3.
int group_size(const FormatSpec& spec) {
  if (spec.grouping == '\0' || spec.type == U'n') return 0;
  bool binary = spec.type == U'b' || spec.type == U'o' || spec.type == U'x' ||
                spec.type == U'X';
  return spec.grouping == '_' && binary ? 4 : 3;
}

// format_float_internal.
std::string format_float_internal(double val, const FormatSpec& spec) {
  if (spec.precision > INT_MAX) raise("ValueError", "precision too big");
  char32_t type = spec.type;
  int64_t precision = spec.precision;
  int64_t default_precision = 6;
  bool add_dot_0 = false, add_pct = false;
  if (type == U'\0') {
    // No type: like repr, or like 'g' with at least one decimal digit.
    add_dot_0 = true;
    type = U'r';
    default_precision = 0;
  }
  if (type == U'n') type = U'g';
  if (type == U'%') {
    type = U'f';
    val *= 100;
    add_pct = true;
  }
  if (precision < 0)
    precision = default_precision;
  else if (type == U'r')
    type = U'g';
  std::string buf = double_to_string(val, static_cast<char>(type), precision,
                                     add_dot_0, spec.alternate, spec.no_neg_zero);
  if (add_pct) buf += '%';

  std::string_view body(buf);
  char sign_char = '\0';
  if (!body.empty() && body[0] == '-') {
    sign_char = '-';
    body.remove_prefix(1);
  }
  size_t n_digits = 0;
  while (n_digits < body.size() && body[n_digits] >= '0' && body[n_digits] <= '9')
    ++n_digits;
  bool has_decimal = n_digits < body.size() && body[n_digits] == '.';
  std::string_view remainder = body.substr(n_digits + (has_decimal ? 1 : 0));
  return layout_number(sign_char, "", body.substr(0, n_digits), has_decimal,
                       remainder, static_cast<int64_t>(remainder.size()), spec,
                       group_size(spec), spec.grouping);
}

// ------------------------------------------------------ integer adapters
//
// format_int/printf_int are written once over these overloads, for GMP
// integers and for int64_t.

bool int_negative(mpz_srcptr x) { return mpz_sgn(x) < 0; }
bool int_negative(int64_t x) { return x < 0; }

int64_t g_int_max_str_digits = kIntMaxStrDigits;

void check_str_digits(size_t n_digits) {
  const int64_t limit = g_int_max_str_digits;
  if (limit > 0 && static_cast<int64_t>(n_digits) > limit)
    raise("ValueError",
          "Exceeds the limit (" + std::to_string(limit) +
              " digits) for integer string conversion; use "
              "sys.set_int_max_str_digits() to increase the limit");
}

// |x| in base 2..36 with lowercase digits (decimal checked against the limit).
std::string int_abs_digits(mpz_srcptr x, int base) {
  std::vector<char> buf(mpz_sizeinbase(x, base) + 2);
  mpz_get_str(buf.data(), base, x);
  std::string s(buf.data());
  if (!s.empty() && s[0] == '-') s.erase(0, 1);
  if (base == 10) check_str_digits(s.size());
  return s;
}
std::string int_abs_digits(int64_t x, int base) {
  uint64_t ax = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
  char buf[72];
  auto res = std::to_chars(buf, buf + sizeof buf, ax, base);
  return std::string(buf, res.ptr);
}

double int_as_double(mpz_srcptr x) { return int_to_double(x); }
double int_as_double(int64_t x) { return static_cast<double>(x); }

// PyLong_AsLong for %c: OverflowError when x does not fit a C long.
long int_as_long(mpz_srcptr x) {
  if (!mpz_fits_slong_p(x))
    raise("OverflowError", "Python int too large to convert to C long");
  return mpz_get_si(x);
}
long int_as_long(int64_t x) { return static_cast<long>(x); }

std::string char_from_code(long x) {
  if (x < 0 || x > 0x10FFFF)
    raise("OverflowError", "%c arg not in range(0x110000)");
  std::string s;
  append_utf8(s, static_cast<char32_t>(x));
  return s;
}

// _PyLong_FormatAdvancedWriter after parsing.
template <typename Int>
std::string format_int_impl(Int x, const FormatSpec& spec,
                            std::string_view type_name) {
  int base = 10;
  switch (spec.type) {
    case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': case U'%':
      return format_float_internal(int_as_double(x), spec);
    case U'b': base = 2; break;
    case U'o': base = 8; break;
    case U'x': case U'X': base = 16; break;
    case U'c': case U'd': case U'n': break;
    default: unknown_presentation_type(spec.type, type_name);
  }
  if (spec.precision != -1)
    raise("ValueError", "Precision not allowed in integer format specifier");
  if (spec.no_neg_zero)
    raise("ValueError",
          "Negative zero coercion (z) not allowed in integer format specifier");
  if (spec.type == U'c') {
    if (spec.sign != '\0')
      raise("ValueError", "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate)
      raise("ValueError",
            "Alternate form (#) not allowed with integer format specifier 'c'");
    std::string ch = char_from_code(int_as_long(x));
    return layout_number('\0', "", "", false, ch, 1, spec, 0, '\0');
  }
  std::string digits = int_abs_digits(x, base);
  std::string prefix;
  if (spec.alternate && base != 10)
    prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  if (spec.type == U'X') {
    for (char& c : digits) c = static_cast<char>(std::toupper(c));
    for (char& c : prefix) c = static_cast<char>(std::toupper(c));
  }
  return layout_number(int_negative(x) ? '-' : '\0', prefix, digits, false, "",
                       0, spec, group_size(spec), spec.grouping);
}

// ------------------------------------------------------------- printf

// unicode_format_arg_output: pads `str` per the flags. `numeric` is CPython's
// arg->sign (set for d i u o x X e E f F g G): enables '0' fill and signs.
std::string printf_output(std::string_view str, const PrintfSpec& spec,
                          bool numeric) {
  const char conv = spec.conversion;
  char32_t fill = numeric && spec.zero ? U'0' : U' ';
  int64_t len = static_cast<int64_t>(utf8_length(str));
  if ((conv == 's' || conv == 'r' || conv == 'a') && spec.precision >= 0 &&
      len > spec.precision)
    len = spec.precision;
  size_t pindex = 0;
  char signchar = '\0';
  bool sign = numeric;
  if (sign) {
    if (!str.empty() && (str[0] == '-' || str[0] == '+')) {
      signchar = str[0];
      --len;
      ++pindex;
    } else if (spec.plus) {
      signchar = '+';
    } else if (spec.space) {
      signchar = ' ';
    } else {
      sign = false;
    }
  }
  int64_t width = std::max(spec.width, len);
  bool prefix = spec.alternate && (conv == 'x' || conv == 'X' || conv == 'o');

  std::string out;
  if (sign) {
    if (fill != U' ') out += signchar;
    if (width > len) --width;
  }
  if (prefix) {
    if (fill != U' ') {
      out.append(str.substr(pindex, 2));
      pindex += 2;
    }
    width = std::max<int64_t>(width - 2, 0);
    len -= 2;
  }
  if (width > len && !spec.left) {
    append_fill(out, fill, width - len);
    width = len;
  }
  if (fill == U' ') {
    if (sign) out += signchar;
    if (prefix) {
      out.append(str.substr(pindex, 2));
      pindex += 2;
    }
  }
  std::string_view rest = str.substr(pindex);
  out.append(rest.substr(0, prefix_bytes(rest, static_cast<size_t>(len))));
  if (width > len) out.append(static_cast<size_t>(width - len), ' ');
  return out;
}

// _PyUnicode_FormatLong followed by the padding.
template <typename Int>
std::string printf_int_impl(Int x, const PrintfSpec& spec) {
  const char conv = spec.conversion;
  if (spec.precision > INT_MAX - 3) raise("OverflowError", "precision too large");
  int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
  std::string digits = int_abs_digits(x, base);
  if (spec.precision > static_cast<int64_t>(digits.size()))
    digits.insert(0, static_cast<size_t>(spec.precision) - digits.size(), '0');
  std::string s = int_negative(x) ? "-" : "";
  if (spec.alternate && base != 10) s += base == 8 ? "0o" : "0x";
  s += digits;
  if (conv == 'X')
    for (char& c : s)
      if (c >= 'a' && c <= 'x') c = static_cast<char>(c - 'a' + 'A');
  return printf_output(s, spec, true);
}

// Digit value of an ASCII character in bases up to 36 (37 if none).
int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 37;
}

bool starts_with_nocase(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != word[i]) return false;
  return true;
}

// _Py_string_to_number_with_underscores: removes underscores, which are
// allowed only between digits; nullopt if one is misplaced.
std::optional<std::string> remove_underscores(std::string_view s) {
  std::string out;
  char prev = '\0';
  for (char c : s) {
    bool prev_digit = prev >= '0' && prev <= '9';
    if (c == '_') {
      if (!prev_digit) return std::nullopt;
    } else {
      if (prev == '_' && !(c >= '0' && c <= '9')) return std::nullopt;
      out += c;
    }
    prev = c;
  }
  if (prev == '_') return std::nullopt;
  return out;
}

}  // namespace

// ------------------------------------------------------------ public API

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t utf8_length(std::string_view utf8) {
  size_t n = 0;
  for (char c : utf8)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string float_repr(double x) {
  return double_to_string(x, 'r', 0, true, false, false);
}

FormatSpec parse_format_spec(std::string_view spec_utf8, SpecKind kind,
                             std::string_view type_name) {
  if (type_name.empty())
    type_name = kind == SpecKind::Int ? "int" : kind == SpecKind::Float ? "float" : "str";
  std::u32string spec;
  for (size_t i = 0; i < spec_utf8.size();) spec += next_code_point(spec_utf8, i);
  const size_t end = spec.size();
  size_t pos = 0;
  auto is_align = [](char32_t c) {
    return c == U'<' || c == U'>' || c == U'=' || c == U'^';
  };
  // get_integer: a run of decimal digits; ValueError on Py_ssize_t overflow.
  auto get_integer = [&](int64_t& value) {
    size_t start = pos;
    value = 0;
    for (; pos < end && unicode_decimal(spec[pos]) >= 0; ++pos) {
      int64_t digit = unicode_decimal(spec[pos]);
      if (value > (INT64_MAX - digit) / 10)
        raise("ValueError", "Too many decimal digits in format string");
      value = value * 10 + digit;
    }
    return pos - start;
  };

  FormatSpec f;
  f.align = kind == SpecKind::Str ? '<' : '>';
  f.type = kind == SpecKind::Int ? U'd' : kind == SpecKind::Str ? U's' : U'\0';
  bool fill_specified = false, align_specified = false;
  if (end - pos >= 2 && is_align(spec[pos + 1])) {
    f.align = static_cast<char>(spec[pos + 1]);
    f.fill = spec[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(spec[pos])) {
    f.align = static_cast<char>(spec[pos]);
    align_specified = true;
    ++pos;
  }
  if (pos < end && (spec[pos] == U'+' || spec[pos] == U'-' || spec[pos] == U' '))
    f.sign = static_cast<char>(spec[pos++]);
  if (pos < end && spec[pos] == U'z') {
    f.no_neg_zero = true;
    ++pos;
  }
  if (pos < end && spec[pos] == U'#') {
    f.alternate = true;
    ++pos;
  }
  // The '0' flag (backwards compatibility): zero fill, '=' for numbers.
  if (!fill_specified && pos < end && spec[pos] == U'0') {
    f.fill = U'0';
    if (!align_specified && kind != SpecKind::Str) f.align = '=';
    ++pos;
  }
  if (get_integer(f.width) == 0) f.width = -1;
  if (pos < end && spec[pos] == U',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == U'_') {
    if (f.grouping != '\0') raise("ValueError", "Cannot specify both ',' and '_'.");
    f.grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == U',' && f.grouping == '_')
    raise("ValueError", "Cannot specify both ',' and '_'.");
  if (pos < end && spec[pos] == U'.') {
    ++pos;
    if (get_integer(f.precision) == 0)
      raise("ValueError", "Format specifier missing precision");
  }
  if (end - pos > 1)
    raise("ValueError", "Invalid format specifier '" + std::string(spec_utf8) +
                            "' for object of type '" + std::string(type_name) +
                            "'");
  if (end - pos == 1) f.type = spec[pos];

  if (f.grouping != '\0') {
    switch (f.type) {
      case U'd': case U'e': case U'f': case U'g': case U'E': case U'G':
      case U'%': case U'F': case U'\0':
        break;
      case U'b': case U'o': case U'x': case U'X':
        if (f.grouping == '_') break;  // every four digits (PEP 515)
        [[fallthrough]];
      default:
        raise("ValueError", std::string("Cannot specify '") + f.grouping +
                                "' with '" + quote_code(f.type) + "'.");
    }
  }
  return f;
}

std::string format_float(double x, const FormatSpec& spec,
                         std::string_view type_name) {
  switch (spec.type) {
    case U'\0': case U'e': case U'E': case U'f': case U'F': case U'g':
    case U'G': case U'n': case U'%':
      return format_float_internal(x, spec);
    default:
      unknown_presentation_type(spec.type, type_name);
  }
}

std::string format_complex(double re, double im, const FormatSpec& spec) {
  switch (spec.type) {
  case U'\0':
  case U'e':
  case U'E':
  case U'f':
  case U'F':
  case U'g':
  case U'G':
  case U'n': break;
  default: unknown_presentation_type(spec.type, "complex");
  }
  if (spec.fill == U'0') raise("ValueError", "Zero padding is not allowed in complex format specifier");
  if (spec.align == '=') raise("ValueError", "'=' alignment flag is not allowed in complex format specifier");
  if (spec.precision > INT_MAX) raise("ValueError", "precision too big");
  char32_t type = spec.type;
  int64_t precision = spec.precision, default_precision = 6;
  bool skip_re = false, add_parens = false;
  if (type == U'\0') {
    // Like str(z): repr digits, the real part left out when it is +0.
    type = U'r';
    default_precision = 0;
    if (re == 0.0 && !std::signbit(re))
      skip_re = true;
    else
      add_parens = true;
  }
  if (type == U'n') type = U'g';
  if (precision < 0)
    precision = default_precision;
  else if (type == U'r')
    type = U'g';
  // One part laid out as a float without padding, with the sign option `sign`.
  auto part = [&](double x, char sign) {
    std::string buf = double_to_string(x, static_cast<char>(type), precision, false, spec.alternate, spec.no_neg_zero);
    std::string_view body(buf);
    char sign_char = '\0';
    if (!body.empty() && body[0] == '-') {
      sign_char = '-';
      body.remove_prefix(1);
    }
    size_t n_digits = 0;
    while (n_digits < body.size() && body[n_digits] >= '0' && body[n_digits] <= '9')
      ++n_digits;
    bool has_decimal = n_digits < body.size() && body[n_digits] == '.';
    std::string_view remainder = body.substr(n_digits + (has_decimal ? 1 : 0));
    FormatSpec bare;
    bare.sign = sign;
    bare.grouping = spec.grouping;
    return layout_number(sign_char, "", body.substr(0, n_digits), has_decimal, remainder,
                         static_cast<int64_t>(remainder.size()), bare, group_size(spec), spec.grouping);
  };
  std::string text;
  if (add_parens) text += '(';
  if (!skip_re) text += part(re, spec.sign);
  text += part(im, skip_re ? spec.sign : '+');
  text += 'j';
  if (add_parens) text += ')';
  int64_t padding = spec.width - static_cast<int64_t>(text.size());
  if (padding <= 0) return text;
  int64_t lpad = spec.align == '<' ? 0 : spec.align == '^' ? padding / 2 : padding;
  std::string out;
  append_fill(out, spec.fill, lpad);
  out += text;
  append_fill(out, spec.fill, padding - lpad);
  return out;
}

std::string format_int(const mpz_t x, const FormatSpec& spec,
                       std::string_view type_name) {
  return format_int_impl<mpz_srcptr>(x, spec, type_name);
}

std::string format_int(int64_t x, const FormatSpec& spec,
                       std::string_view type_name) {
  return format_int_impl<int64_t>(x, spec, type_name);
}

std::string format_str(std::string_view utf8, const FormatSpec& spec,
                       std::string_view type_name) {
  if (spec.type != U's') unknown_presentation_type(spec.type, type_name);
  if (spec.sign != '\0')
    raise("ValueError", "Sign not allowed in string format specifier");
  if (spec.no_neg_zero)
    raise("ValueError",
          "Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alternate)
    raise("ValueError",
          "Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=')
    raise("ValueError", "'=' alignment not allowed in string format specifier");
  int64_t len = static_cast<int64_t>(utf8_length(utf8));
  if (spec.precision >= 0 && len > spec.precision) {
    utf8 = utf8.substr(0, prefix_bytes(utf8, static_cast<size_t>(spec.precision)));
    len = spec.precision;
  }
  int64_t total = std::max(spec.width, len);
  int64_t lpad = spec.align == '>' ? total - len
                 : spec.align == '^' ? (total - len) / 2
                                     : 0;
  std::string out;
  append_fill(out, spec.fill, lpad);
  out += utf8;
  append_fill(out, spec.fill, total - len - lpad);
  return out;
}

std::string format_float(double x, std::string_view spec) {
  if (spec.empty()) return float_repr(x);
  return format_float(x, parse_format_spec(spec, SpecKind::Float));
}

std::string format_int(const mpz_t x, std::string_view spec) {
  if (spec.empty()) return int_to_string(x, 10);
  return format_int(x, parse_format_spec(spec, SpecKind::Int));
}

std::string format_int(int64_t x, std::string_view spec) {
  if (spec.empty()) return std::to_string(x);
  return format_int(x, parse_format_spec(spec, SpecKind::Int));
}

std::string format_str(std::string_view utf8, std::string_view spec) {
  if (spec.empty()) return std::string(utf8);
  return format_str(utf8, parse_format_spec(spec, SpecKind::Str));
}

std::string printf_float(double x, const PrintfSpec& spec) {
  int64_t prec = spec.precision < 0 ? 6 : spec.precision;
  return printf_output(double_to_string(x, spec.conversion, prec, false,
                                        spec.alternate, false),
                       spec, true);
}

std::string printf_int(const mpz_t x, const PrintfSpec& spec) {
  return printf_int_impl<mpz_srcptr>(x, spec);
}

std::string printf_int(int64_t x, const PrintfSpec& spec) {
  return printf_int_impl<int64_t>(x, spec);
}

std::string printf_char(int64_t code_point, const PrintfSpec& spec) {
  return printf_str(char_from_code(static_cast<long>(code_point)), spec);
}

std::string printf_str(std::string_view utf8, const PrintfSpec& spec) {
  return printf_output(utf8, spec, false);
}

std::string int_to_string(const mpz_t x, int base) {
  std::string digits = int_abs_digits(x, base);
  std::string out = mpz_sgn(x) < 0 ? "-" : "";
  if (base == 2) out += "0b";
  if (base == 8) out += "0o";
  if (base == 16) out += "0x";
  return out + digits;
}

double int_to_double(const mpz_t x) {
  size_t bits = mpz_sizeinbase(x, 2);
  if (bits <= 53) return mpz_get_d(x);  // exact
  // Keep 54 bits plus a sticky bit, then round half-even to 53 bits.
  mpz_t q;
  mpz_init(q);
  mpz_abs(q, x);
  size_t shift = bits - 54;
  bool sticky = mpz_scan1(q, 0) < shift;
  mpz_tdiv_q_2exp(q, q, shift);
  uint64_t top = mpz_get_ui(q);
  mpz_clear(q);
  uint64_t m = top >> 1;
  if ((top & 1) && (sticky || (m & 1))) ++m;
  if (bits > 1024 || (bits == 1024 && m == (uint64_t(1) << 53)))
    raise("OverflowError", "int too large to convert to float");
  double r = std::ldexp(static_cast<double>(m), static_cast<int>(shift + 1));
  return mpz_sgn(x) < 0 ? -r : r;
}

double float_round(double x, int64_t ndigits) {
  // NDIGITS_MAX/MIN of float.__round__: beyond them x or ±0.0 is exact.
  if (!std::isfinite(x) || ndigits > 323) return x;
  if (ndigits < -308) return 0.0 * x;
  // x = mant * 2**e2 exactly; q = round_half_even(x * 10**ndigits).
  int e2 = 0;
  double frac = std::frexp(std::fabs(x), &e2);
  mpz_t num, den, q, r;
  mpz_inits(num, den, q, r, nullptr);
  mpz_set_d(num, std::ldexp(frac, 53));
  e2 -= 53;
  mpz_set_ui(den, 1);
  if (e2 >= 0)
    mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(e2));
  else
    mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-e2));
  mpz_t p10;
  mpz_init(p10);
  mpz_ui_pow_ui(p10, 10, static_cast<unsigned long>(ndigits >= 0 ? ndigits : -ndigits));
  mpz_mul(ndigits >= 0 ? num : den, ndigits >= 0 ? num : den, p10);
  mpz_tdiv_qr(q, r, num, den);
  mpz_mul_2exp(r, r, 1);
  int cmp = mpz_cmp(r, den);
  if (cmp > 0 || (cmp == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  // Like CPython: print "<digits>e<-ndigits>" and read it back correctly rounded.
  std::vector<char> buf(mpz_sizeinbase(q, 10) + 2);
  mpz_get_str(buf.data(), 10, q);
  std::string text = std::string(std::signbit(x) ? "-" : "") + buf.data() + "e" +
                     std::to_string(-ndigits);
  mpz_clears(num, den, q, r, p10, nullptr);
  errno = 0;
  double rounded = std::strtod(text.c_str(), nullptr);
  if (errno == ERANGE && std::fabs(rounded) >= 1.0)
    raise("OverflowError", "rounded value too large to represent");
  return rounded;
}

std::optional<double> parse_float(std::string_view utf8) {
  std::string ascii = to_ascii_for_parsing(utf8);
  std::string_view s(ascii);
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  if (s.find('\0') != std::string_view::npos) return std::nullopt;
  auto cleaned = remove_underscores(s);
  if (!cleaned) return std::nullopt;
  std::string_view t(*cleaned);
  size_t i = 0;
  bool negative = false;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) negative = t[i++] == '-';
  std::string_view rest = t.substr(i);
  // _Py_parse_inf_or_nan
  if (starts_with_nocase(rest, "inf")) {
    if (rest.size() != 3 && !(rest.size() == 8 && starts_with_nocase(rest, "infinity")))
      return std::nullopt;
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (starts_with_nocase(rest, "nan")) {
    if (rest.size() != 3) return std::nullopt;
    return std::copysign(std::nan(""), negative ? -1.0 : 1.0);
  }
  // digits [. digits] | . digits, then an optional exponent with digits.
  auto is_digit = [&](size_t k) { return k < t.size() && t[k] >= '0' && t[k] <= '9'; };
  size_t n_mantissa = 0;
  while (is_digit(i)) ++i, ++n_mantissa;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (is_digit(i)) ++i, ++n_mantissa;
  }
  if (n_mantissa == 0) return std::nullopt;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (!is_digit(i)) return std::nullopt;
    while (is_digit(i)) ++i;
  }
  if (i != t.size()) return std::nullopt;
  // glibc strtod is correctly rounded; overflow gives ±inf, as in CPython.
  return std::strtod(cleaned->c_str(), nullptr);
}

bool parse_int(std::string_view utf8, int base, mpz_t out) {
  if ((base != 0 && base < 2) || base > 36)
    raise("ValueError", "int() base must be >= 2 and <= 36, or 0");
  std::string ascii = to_ascii_for_parsing(utf8);
  const char* str = ascii.c_str();  // NUL-terminated, like PyLong_FromString
  const char* const last = str + ascii.size();
  while (*str && is_ascii_space(*str)) ++str;
  bool negative = false;
  if (*str == '+' || *str == '-') negative = *str++ == '-';
  bool error_if_nonzero = false;
  if (base == 0) {
    char p = str[0] == '0' ? static_cast<char>(std::tolower(str[1])) : '\0';
    if (str[0] != '0')
      base = 10;
    else if (p == 'x')
      base = 16;
    else if (p == 'o')
      base = 8;
    else if (p == 'b')
      base = 2;
    else {
      error_if_nonzero = true;  // old C-style octal: only zero is allowed
      base = 10;
    }
  }
  if (str[0] == '0') {
    char p = static_cast<char>(std::tolower(str[1]));
    if ((base == 16 && p == 'x') || (base == 8 && p == 'o') || (base == 2 && p == 'b')) {
      str += 2;
      if (*str == '_') ++str;  // one underscore allowed after the prefix
    }
  }
  if (*str == '_') return false;
  std::string digits;
  char prev = '\0';
  for (; digit_value(*str) < base || *str == '_'; prev = *str++) {
    if (*str == '_') {
      if (prev == '_') return false;
    } else {
      digits += *str;
    }
  }
  if (prev == '_') return false;
  if ((base & (base - 1)) != 0 && g_int_max_str_digits > 0 &&
      static_cast<int64_t>(digits.size()) > g_int_max_str_digits)
    raise("ValueError", "Exceeds the limit (" + std::to_string(g_int_max_str_digits) +
                            " digits) for integer string conversion: value has " +
                            std::to_string(digits.size()) +
                            " digits; use sys.set_int_max_str_digits() to "
                            "increase the limit");
  if (digits.empty()) return false;
  while (*str && is_ascii_space(*str)) ++str;
  if (str != last) return false;  // trailing garbage or an embedded NUL
  mpz_set_str(out, digits.c_str(), base);
  if (error_if_nonzero && mpz_sgn(out) != 0) return false;
  if (negative) mpz_neg(out, out);
  return true;
}

int64_t int_max_str_digits() { return g_int_max_str_digits; }
void set_int_max_str_digits(int64_t n) { g_int_max_str_digits = n; }

}  // namespace tributary::fmtlib
