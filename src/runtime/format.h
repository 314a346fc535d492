// format.h — CPython 3.11-exact number and string formatting (fmtlib).
//
// Self-contained: depends only on the C++ standard library and GMP, never on
// another Tributary header, so it can be unit-tested alone. Covers
//   * float repr/str (shortest round-trip digits, CPython's 1e16 / 1e-4 cut-offs),
//   * the format-spec mini-language of format() and f-strings (PEP 3101, 378,
//     515, 682) for int, float and str,
//   * the per-conversion building blocks of printf-style `str % args`,
//   * bin/oct/hex, round(x, n), float(str) and int(str, base).
// Strings are UTF-8; widths, precisions and fills count code points.
// Invariants: every error is a thrown FormatError whose type and message are
// exactly what CPython raises; results are byte-identical to CPython 3.11.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tributary::fmtlib {

// A Python exception to raise: type is "ValueError", "TypeError" or "OverflowError".
struct FormatError : std::exception {
  std::string type;
  std::string message;
  FormatError(std::string type_, std::string message_)
      : type(std::move(type_)), message(std::move(message_)) {}
  const char* what() const noexcept override { return message.c_str(); }
};

// CPython's default sys.get_int_max_str_digits(): decimal int<->str limit.
inline constexpr int64_t kIntMaxStrDigits = 4300;
// The smallest limit but 0 that sys.set_int_max_str_digits accepts
// (_PY_LONG_MAX_STR_DIGITS_THRESHOLD).
inline constexpr int64_t kIntMaxStrDigitsThreshold = 640;
// The limit in force (sys.set_int_max_str_digits; 0: none).
int64_t int_max_str_digits();
void set_int_max_str_digits(int64_t n);

// ---------------------------------------------------------------- float repr

// repr(x) / str(x) for a Python float.
std::string float_repr(double x);

// ------------------------------------------------------- format-spec language

// Which __format__ parses the spec: fixes the default type and alignment.
enum class SpecKind { Int, Float, Str };

// A parsed [[fill]align][sign][z][#][0][width][grouping][.precision][type].
// After parsing, fill/align already include the effect of the '0' flag.
struct FormatSpec {
  char32_t fill = U' ';
  char align = '>';           // one of < > = ^
  char sign = '\0';           // '\0' (unspecified), '+', '-' or ' '
  bool no_neg_zero = false;   // 'z'
  bool alternate = false;     // '#'
  int64_t width = -1;         // -1: not given
  char grouping = '\0';       // '\0', ',' or '_'
  int64_t precision = -1;     // -1: not given
  char32_t type = U'\0';      // '\0': not given (floats only; int/str get 'd'/'s')
};

// Parses a non-empty spec the way `type_name`'s __format__ would (an empty
// type_name means "int", "float" or "str" after kind).
FormatSpec parse_format_spec(std::string_view spec, SpecKind kind,
                             std::string_view type_name = {});

// float.__format__ with a parsed spec; type_name names the object in errors.
std::string format_float(double x, const FormatSpec& spec,
                         std::string_view type_name = "float");
// complex.__format__ with a parsed spec (CPython's format_complex_internal):
// both parts formatted as floats, the imaginary one always signed, "(re+imj)"
// with no type, the whole padded; no '0' padding, no '=' alignment.
std::string format_complex(double re, double im, const FormatSpec& spec);
// int.__format__ with a parsed spec (b c d o x X n, and e E f F g G % via float).
std::string format_int(const mpz_t x, const FormatSpec& spec,
                       std::string_view type_name = "int");
// int.__format__ for a machine integer (no GMP on the common path).
std::string format_int(int64_t x, const FormatSpec& spec,
                       std::string_view type_name = "int");
// str.__format__ with a parsed spec: s or none; width/precision in code points.
std::string format_str(std::string_view utf8, const FormatSpec& spec,
                       std::string_view type_name = "str");

// format(x, spec) in one call: an empty spec gives str(x), as CPython does.
// (For bool and other int subclasses the caller must handle the empty spec,
// since str(True) is not "1".)
std::string format_float(double x, std::string_view spec);
std::string format_int(const mpz_t x, std::string_view spec);
std::string format_int(int64_t x, std::string_view spec);
std::string format_str(std::string_view utf8, std::string_view spec);

// ------------------------------------------------- printf-style `str % args`

// One parsed %-conversion: flags, width, precision (-1: absent), conversion.
struct PrintfSpec {
  bool left = false;       // '-'
  bool plus = false;       // '+'
  bool space = false;      // ' '
  bool alternate = false;  // '#'
  bool zero = false;       // '0'
  int64_t width = -1;
  int64_t precision = -1;
  char conversion = 's';
};

// %f %F %e %E %g %G of a float.
std::string printf_float(double x, const PrintfSpec& spec);
// %d %i %u %o %x %X of an int.
std::string printf_int(const mpz_t x, const PrintfSpec& spec);
std::string printf_int(int64_t x, const PrintfSpec& spec);
// %c of an int code point (OverflowError outside range(0x110000); pass -1
// for ints that do not fit in a C long).
std::string printf_char(int64_t code_point, const PrintfSpec& spec);
// %s %r %a %c of already-converted text: precision truncates (s r a only),
// width pads; counted in code points.
std::string printf_str(std::string_view utf8, const PrintfSpec& spec);

// ------------------------------------------------------- conversions, parsing

// str(x) for base 10, bin/oct/hex(x) for base 2/8/16 ("-0x1f"); other bases
// 2..36 give bare lowercase digits. ValueError past int_max_str_digits() (base 10).
std::string int_to_string(const mpz_t x, int base);
// float(x) for an int: correctly rounded, OverflowError if too large.
double int_to_double(const mpz_t x);
// round(x, ndigits) for a float: correctly rounded half-even on the exact
// decimal value; OverflowError "rounded value too large to represent".
double float_round(double x, int64_t ndigits);
// float(s) for a str: nullopt if CPython raises "could not convert string to float".
std::optional<double> parse_float(std::string_view utf8);
// int(s, base) for a str: false if CPython raises "invalid literal for int()
// with base N"; throws ValueError for a bad base or more than int_max_str_digits()
// digits (non-power-of-two bases). `out` (initialized) is unspecified on false.
bool parse_int(std::string_view utf8, int base, mpz_t out);

// Appends the UTF-8 encoding of one code point (surrogates encoded as-is).
void append_utf8(std::string& out, char32_t cp);
// Number of code points in valid UTF-8 text.
size_t utf8_length(std::string_view utf8);

}  // namespace tributary::fmtlib
