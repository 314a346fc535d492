// test_format.cpp — fmtlib against CPython 3.11: every expected string below
// was produced by python3.11 (format(), %, repr, round, float(), int()).
#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <functional>
#include <string>

#include "runtime/format.h"

using namespace tributary::fmtlib;

namespace {

// "Type: message" of the FormatError that f throws ("" if none).
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const FormatError& e) {
    return e.type + ": " + e.message;
  }
  return "";
}

// A GMP integer from decimal text, freed on scope exit.
struct Big {
  mpz_t v;
  explicit Big(const std::string& s) { mpz_init_set_str(v, s.c_str(), 10); }
  ~Big() { mpz_clear(v); }
};

std::string big_format(const std::string& x, std::string_view spec) {
  Big b(x);
  return format_int(b.v, spec);
}

std::string big_to_string(const std::string& x, int base) {
  Big b(x);
  return int_to_string(b.v, base);
}

// int(s, base) as decimal text, or "invalid".
std::string parse_int_str(const std::string& s, int base, int out_base = 10) {
  Big b("0");
  if (!parse_int(s, base, b.v)) return "invalid";
  return int_to_string(b.v, out_base);
}

// Parses "%[flags][width][.precision]conv" (anything after conv is ignored).
PrintfSpec pspec(std::string_view f) {
  PrintfSpec p;
  size_t i = 1;
  for (; i < f.size(); ++i) {
    char c = f[i];
    if (c == '-') p.left = true;
    else if (c == '+') p.plus = true;
    else if (c == ' ') p.space = true;
    else if (c == '#') p.alternate = true;
    else if (c == '0') p.zero = true;
    else break;
  }
  auto number = [&] {
    int64_t n = 0;
    while (i < f.size() && f[i] >= '0' && f[i] <= '9') n = n * 10 + (f[i++] - '0');
    return n;
  };
  if (i < f.size() && f[i] >= '1' && f[i] <= '9') p.width = number();
  if (i < f.size() && f[i] == '.') {
    ++i;
    p.precision = number();
  }
  p.conversion = f[i];
  return p;
}

std::string big_printf(const std::string& x, const PrintfSpec& spec) {
  Big b(x);
  return printf_int(b.v, spec);
}

}  // namespace

TEST_CASE("fmtlib: float_repr") {
  CHECK(float_repr(0.0) == "0.0");
  CHECK(float_repr(-0.0) == "-0.0");
  CHECK(float_repr(1.0) == "1.0");
  CHECK(float_repr(100.0) == "100.0");
  CHECK(float_repr(0.1) == "0.1");
  CHECK(float_repr(1e+16) == "1e+16");
  CHECK(float_repr(1000000000000000.0) == "1000000000000000.0");
  CHECK(float_repr(1.2345678901234568e+17) == "1.2345678901234568e+17");
  CHECK(float_repr(1.5e-05) == "1.5e-05");
  CHECK(float_repr(1e-07) == "1e-07");
  CHECK(float_repr(0.0001) == "0.0001");
  CHECK(float_repr(0.001) == "0.001");
  CHECK(float_repr(2.5) == "2.5");
  CHECK(float_repr(0.3333333333333333) == "0.3333333333333333");
  CHECK(float_repr(1.4142135623730951) == "1.4142135623730951");
  CHECK(float_repr(1e+300) == "1e+300");
  CHECK(float_repr(5e-324) == "5e-324");
  CHECK(float_repr(1.7976931348623157e+308) == "1.7976931348623157e+308");
  CHECK(float_repr(INFINITY) == "inf");
  CHECK(float_repr(-INFINITY) == "-inf");
  CHECK(float_repr(NAN) == "nan");
  CHECK(float_repr(-1234.5) == "-1234.5");
  CHECK(float_repr(9999999999999998.0) == "9999999999999998.0");
  CHECK(float_repr(2.000000000000001e+16) == "2.000000000000001e+16");
}

TEST_CASE("fmtlib: format_float") {
  CHECK(format_float(1234567.891, ",.2f") == "1,234,567.89");
  CHECK(format_float(0.5, ".0f") == "0");
  CHECK(format_float(1.5, ".0f") == "2");
  CHECK(format_float(2.5, ".0f") == "2");
  CHECK(format_float(1e+300, "g") == "1e+300");
  CHECK(format_float(123.456, "10.2e") == "  1.23e+02");
  CHECK(format_float(-0.0, "+.1f") == "-0.0");
  CHECK(format_float(0.125, ".2%") == "12.50%");
  CHECK(format_float(1.5, "08.3f") == "0001.500");
  CHECK(format_float(1e+16, "") == "1e+16");
  CHECK(format_float(12.0, ".3") == "12.0");
  CHECK(format_float(3.14159, ".3g") == "3.14");
  CHECK(format_float(2.5, ".0e") == "2e+00");
  CHECK(format_float(12.0, ".2") == "1.2e+01");
  CHECK(format_float(1.0, ".0") == "1e+00");
  CHECK(format_float(1e+20, ".3") == "1e+20");
  CHECK(format_float(-0.0, "z.1f") == "0.0");
  CHECK(format_float(-1e-09, "z.3f") == "0.000");
  CHECK(format_float(INFINITY, "010") == "0000000inf");
  CHECK(format_float(-INFINITY, "+") == "-inf");
  CHECK(format_float(NAN, "E") == "NAN");
  CHECK(format_float(INFINITY, "F") == "INF");
  CHECK(format_float(1234.5, "_") == "1_234.5");
  CHECK(format_float(1234.5, ",") == "1,234.5");
  CHECK(format_float(1234567.0, "015,.1f") == "0,001,234,567.0");
  CHECK(format_float(-1234.5, "=+12,.1f") == "-    1,234.5");
  CHECK(format_float(3.5, "*^9") == "***3.5***");
  CHECK(format_float(3.5, "<6") == "3.5   ");
  CHECK(format_float(100.0, "g") == "100");
  CHECK(format_float(1e-05, "g") == "1e-05");
  CHECK(format_float(0.0001, "g") == "0.0001");
  CHECK(format_float(123456789.0, "n") == "1.23457e+08");
  CHECK(format_float(1.0, "#g") == "1.00000");
  CHECK(format_float(1.0, "#.0f") == "1.");
  CHECK(format_float(1.0, "#.0e") == "1.e+00");
  CHECK(format_float(0.1, ".20f") == "0.10000000000000000555");
  CHECK(format_float(1e+22, "f") == "10000000000000000000000.000000");
  CHECK(format_float(5e-324, ".3e") == "4.941e-324");
  CHECK(format_float(1.5, " ") == " 1.5");
  CHECK(format_float(-1.5, " .2f") == "-1.50");
  CHECK(format_float(0.000123, ".2") == "0.00012");
  CHECK(format_float(123456.0, ".3") == "1.23e+05");
  CHECK(format_float(1e-10, "") == "1e-10");
  CHECK(format_float(1.25, ".1f") == "1.2");
  CHECK(format_float(1.35, ".1f") == "1.4");
  CHECK(format_float(2.675, ".2f") == "2.67");
  CHECK(format_float(12345.678, "e") == "1.234568e+04");
  CHECK(format_float(12345.678, "E") == "1.234568E+04");
  CHECK(format_float(0.5, "%") == "50.000000%");
  CHECK(format_float(1e+16, ".17") == "1e+16");
  CHECK(format_float(1.0, "012") == "0000000001.0");
  CHECK(format_float(-1.0, "012,") == "-0,000,001.0");
  CHECK(format_float(1234.0, "\xc3""\xa9""^12,") == "\xc3""\xa9""\xc3""\xa9""1,234.0\xc3""\xa9""\xc3""\xa9""\xc3""\xa9""");
  CHECK(format_float(1.5, "\xd9""\xa1""\xd9""\xa2"".\xd9""\xa3""f") == "       1.500");
  CHECK(format_float(0.1, ".17g") == "0.10000000000000001");
  CHECK(format_float(123.0, "#.5g") == "123.00");
  CHECK(format_float(9.9999, ".3g") == "10");
}

TEST_CASE("fmtlib: format_int") {
  CHECK(format_int(int64_t(255LL), "x") == "ff");
  CHECK(big_format("255", "x") == "ff");
  CHECK(format_int(int64_t(255LL), "#x") == "0xff");
  CHECK(big_format("255", "#x") == "0xff");
  CHECK(format_int(int64_t(255LL), "#X") == "0XFF");
  CHECK(big_format("255", "#X") == "0XFF");
  CHECK(format_int(int64_t(-255LL), "#010x") == "-0x00000ff");
  CHECK(big_format("-255", "#010x") == "-0x00000ff");
  CHECK(format_int(int64_t(5LL), "b") == "101");
  CHECK(big_format("5", "b") == "101");
  CHECK(format_int(int64_t(5LL), "#b") == "0b101");
  CHECK(big_format("5", "#b") == "0b101");
  CHECK(format_int(int64_t(8LL), "#o") == "0o10");
  CHECK(big_format("8", "#o") == "0o10");
  CHECK(format_int(int64_t(1234567LL), ",") == "1,234,567");
  CHECK(big_format("1234567", ",") == "1,234,567");
  CHECK(format_int(int64_t(1234567LL), "_") == "1_234_567");
  CHECK(big_format("1234567", "_") == "1_234_567");
  CHECK(format_int(int64_t(3735928559LL), "_x") == "dead_beef");
  CHECK(big_format("3735928559", "_x") == "dead_beef");
  CHECK(format_int(int64_t(85LL), "_b") == "101_0101");
  CHECK(big_format("85", "_b") == "101_0101");
  CHECK(format_int(int64_t(1234LL), "012,") == "0,000,001,234");
  CHECK(big_format("1234", "012,") == "0,000,001,234");
  CHECK(format_int(int64_t(1234LL), "09,") == "0,001,234");
  CHECK(big_format("1234", "09,") == "0,001,234");
  CHECK(format_int(int64_t(-42LL), "+") == "-42");
  CHECK(big_format("-42", "+") == "-42");
  CHECK(format_int(int64_t(42LL), "+") == "+42");
  CHECK(big_format("42", "+") == "+42");
  CHECK(format_int(int64_t(42LL), " ") == " 42");
  CHECK(big_format("42", " ") == " 42");
  CHECK(format_int(int64_t(-42LL), "=8") == "-     42");
  CHECK(big_format("-42", "=8") == "-     42");
  CHECK(format_int(int64_t(42LL), "^7") == "  42   ");
  CHECK(big_format("42", "^7") == "  42   ");
  CHECK(format_int(int64_t(42LL), "*<6") == "42****");
  CHECK(big_format("42", "*<6") == "42****");
  CHECK(format_int(int64_t(65LL), "c") == "A");
  CHECK(big_format("65", "c") == "A");
  CHECK(format_int(int64_t(8364LL), "c") == "\xe2""\x82""\xac""");
  CHECK(big_format("8364", "c") == "\xe2""\x82""\xac""");
  CHECK(format_int(int64_t(128512LL), "^5c") == "  \xf0""\x9f""\x98""\x80""  ");
  CHECK(big_format("128512", "^5c") == "  \xf0""\x9f""\x98""\x80""  ");
  CHECK(format_int(int64_t(123LL), "n") == "123");
  CHECK(big_format("123", "n") == "123");
  CHECK(format_int(int64_t(12345LL), ".2f") == "12345.00");
  CHECK(big_format("12345", ".2f") == "12345.00");
  CHECK(format_int(int64_t(12345LL), "e") == "1.234500e+04");
  CHECK(big_format("12345", "e") == "1.234500e+04");
  CHECK(format_int(int64_t(1LL), "%") == "100.000000%");
  CHECK(big_format("1", "%") == "100.000000%");
  CHECK(big_format("100000000000000000000", ",") == "100,000,000,000,000,000,000");
  CHECK(big_format("-18446744073709551616", "#x") == "-0x10000000000000000");
  CHECK(big_format("1267650600228229401496703205376", "_") == "1_267_650_600_228_229_401_496_703_205_376");
  CHECK(format_int(int64_t(0LL), "#o") == "0o0");
  CHECK(big_format("0", "#o") == "0o0");
  CHECK(format_int(int64_t(42LL), "0=+8") == "+0000042");
  CHECK(big_format("42", "0=+8") == "+0000042");
  CHECK(format_int(INT64_MIN, "x") == "-8000000000000000");
  CHECK(big_format("-9223372036854775808", "x") == "-8000000000000000");
  CHECK(format_int(int64_t(9223372036854775807ULL), ",") == "9,223,372,036,854,775,807");
  CHECK(big_format("9223372036854775807", ",") == "9,223,372,036,854,775,807");
  CHECK(format_int(int64_t(1234LL), "0>8") == "00001234");
  CHECK(big_format("1234", "0>8") == "00001234");
  CHECK(format_int(int64_t(1234LL), "08_") == "0_001_234");
  CHECK(big_format("1234", "08_") == "0_001_234");
  CHECK(format_int(int64_t(3LL), "g") == "3");
  CHECK(big_format("3", "g") == "3");
}

TEST_CASE("fmtlib: format_str") {
  CHECK(format_str("abc", "10") == "abc       ");
  CHECK(format_str("abc", ">10") == "       abc");
  CHECK(format_str("abc", "^10") == "   abc    ");
  CHECK(format_str("abc", "*^8") == "**abc***");
  CHECK(format_str("abc", ".2") == "ab");
  CHECK(format_str("h\xc3""\xa9""llo", "^9") == "  h\xc3""\xa9""llo  ");
  CHECK(format_str("h\xc3""\xa9""llo", ".3") == "h\xc3""\xa9""l");
  CHECK(format_str("\xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""", ">6") == "   \xe6""\x97""\xa5""\xe6""\x9c""\xac""\xe8""\xaa""\x9e""");
  CHECK(format_str("ab", "05") == "ab000");
  CHECK(format_str("abc", "2") == "abc");
  CHECK(format_str("abc", "\xc3""\xa9""<6") == "abc\xc3""\xa9""\xc3""\xa9""\xc3""\xa9""");
  CHECK(format_str("abcdef", "8.4s") == "abcd    ");
  CHECK(format_str("", "3") == "   ");
}

TEST_CASE("fmtlib: format_errors") {
  CHECK(error_of([] { (void)format_float(1.5, "xx"); }) == "ValueError: Invalid format specifier 'xx' for object of type 'float'");
  CHECK(error_of([] { (void)format_int(int64_t(1), "xx"); }) == "ValueError: Invalid format specifier 'xx' for object of type 'int'");
  CHECK(error_of([] { (void)format_str("a", "d"); }) == "ValueError: Unknown format code 'd' for object of type 'str'");
  CHECK(error_of([] { (void)format_int(int64_t(1), ",x"); }) == "ValueError: Cannot specify ',' with 'x'.");
  CHECK(error_of([] { (void)format_int(int64_t(1), ",_"); }) == "ValueError: Cannot specify both ',' and '_'.");
  CHECK(error_of([] { (void)format_int(int64_t(1), "_,"); }) == "ValueError: Cannot specify both ',' and '_'.");
  CHECK(error_of([] { (void)format_int(int64_t(1), "."); }) == "ValueError: Format specifier missing precision");
  CHECK(error_of([] { (void)format_int(int64_t(1), ".2"); }) == "ValueError: Precision not allowed in integer format specifier");
  CHECK(error_of([] { (void)format_float(1.5, ".2d"); }) == "ValueError: Unknown format code 'd' for object of type 'float'");
  CHECK(error_of([] { (void)format_int(int64_t(1), "z"); }) == "ValueError: Negative zero coercion (z) not allowed in integer format specifier");
  CHECK(error_of([] { (void)format_str("a", "+"); }) == "ValueError: Sign not allowed in string format specifier");
  CHECK(error_of([] { (void)format_str("a", "#"); }) == "ValueError: Alternate form (#) not allowed in string format specifier");
  CHECK(error_of([] { (void)format_str("a", "=5"); }) == "ValueError: '=' alignment not allowed in string format specifier");
  CHECK(error_of([] { (void)format_str("a", ","); }) == "ValueError: Cannot specify ',' with 's'.");
  CHECK(error_of([] { (void)format_int(int64_t(1), "#c"); }) == "ValueError: Alternate form (#) not allowed with integer format specifier 'c'");
  CHECK(error_of([] { (void)format_int(int64_t(1), "+c"); }) == "ValueError: Sign not allowed with integer format specifier 'c'");
  CHECK(error_of([] { (void)format_int(int64_t(-1), "c"); }) == "OverflowError: %c arg not in range(0x110000)");
  CHECK(error_of([] { (void)format_int(int64_t(1), "\xc3""\xa9"""); }) == "ValueError: Unknown format code '\\xe9' for object of type 'int'");
  CHECK(error_of([] { (void)format_float(1.0, "111111111111111111111111111111"); }) == "ValueError: Too many decimal digits in format string");
  CHECK(error_of([] { (void)big_format("179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "f"); }) == "OverflowError: int too large to convert to float");
  CHECK(error_of([] { (void)format_int(int64_t(1), "s"); }) == "ValueError: Unknown format code 's' for object of type 'int'");
  CHECK(error_of([] { (void)format_str("a", "z"); }) == "ValueError: Negative zero coercion (z) not allowed in string format specifier");
}

TEST_CASE("fmtlib: printf") {
  CHECK(printf_float(3.14159, pspec("%5.2f")) + "" == " 3.14");
  CHECK(printf_float(12345.678, pspec("%-8.3e|")) + "|" == "1.235e+04|");
  CHECK(printf_float(0.0001, pspec("%+g")) + "" == "+0.0001");
  CHECK(printf_float(1e-05, pspec("%g")) + "" == "1e-05");
  CHECK(printf_float(1e+20, pspec("%G")) + "" == "1E+20");
  CHECK(printf_float(1.0, pspec("%#g")) + "" == "1.00000");
  CHECK(printf_float(-3.5, pspec("%010.3f")) + "" == "-00003.500");
  CHECK(printf_float(2.0, pspec("% f")) + "" == " 2.000000");
  CHECK(printf_float(0.5, pspec("%.0f")) + "" == "0");
  CHECK(printf_float(2.0, pspec("%#.0f")) + "" == "2.");
  CHECK(printf_float(0.0, pspec("%e")) + "" == "0.000000e+00");
  CHECK(printf_float(INFINITY, pspec("%f")) + "" == "inf");
  CHECK(printf_float(-INFINITY, pspec("%05f")) + "" == "-0inf");
  CHECK(printf_float(NAN, pspec("%F")) + "" == "NAN");
  CHECK(printf_float(0.1, pspec("%.15g")) + "" == "0.1");
  CHECK(printf_int(int64_t(42LL), pspec("%d")) + "" == "42");
  CHECK(big_printf("42", pspec("%d")) + "" == "42");
  CHECK(printf_int(int64_t(-42LL), pspec("%5d|")) + "|" == "  -42|");
  CHECK(big_printf("-42", pspec("%5d|")) + "|" == "  -42|");
  CHECK(printf_int(int64_t(42LL), pspec("%-5d|")) + "|" == "42   |");
  CHECK(big_printf("42", pspec("%-5d|")) + "|" == "42   |");
  CHECK(printf_int(int64_t(-42LL), pspec("%05d")) + "" == "-0042");
  CHECK(big_printf("-42", pspec("%05d")) + "" == "-0042");
  CHECK(printf_int(int64_t(7LL), pspec("%+d")) + "" == "+7");
  CHECK(big_printf("7", pspec("%+d")) + "" == "+7");
  CHECK(printf_int(int64_t(7LL), pspec("% d")) + "" == " 7");
  CHECK(big_printf("7", pspec("% d")) + "" == " 7");
  CHECK(printf_int(int64_t(-42LL), pspec("%.5d")) + "" == "-00042");
  CHECK(big_printf("-42", pspec("%.5d")) + "" == "-00042");
  CHECK(printf_int(int64_t(255LL), pspec("%x")) + "" == "ff");
  CHECK(big_printf("255", pspec("%x")) + "" == "ff");
  CHECK(printf_int(int64_t(255LL), pspec("%#x")) + "" == "0xff");
  CHECK(big_printf("255", pspec("%#x")) + "" == "0xff");
  CHECK(printf_int(int64_t(255LL), pspec("%#X")) + "" == "0XFF");
  CHECK(big_printf("255", pspec("%#X")) + "" == "0XFF");
  CHECK(printf_int(int64_t(255LL), pspec("%#010x")) + "" == "0x000000ff");
  CHECK(big_printf("255", pspec("%#010x")) + "" == "0x000000ff");
  CHECK(printf_int(int64_t(255LL), pspec("%#10x|")) + "|" == "      0xff|");
  CHECK(big_printf("255", pspec("%#10x|")) + "|" == "      0xff|");
  CHECK(printf_int(int64_t(255LL), pspec("%-#10x|")) + "|" == "0xff      |");
  CHECK(big_printf("255", pspec("%-#10x|")) + "|" == "0xff      |");
  CHECK(printf_int(int64_t(8LL), pspec("%#o")) + "" == "0o10");
  CHECK(big_printf("8", pspec("%#o")) + "" == "0o10");
  CHECK(printf_int(int64_t(8LL), pspec("%#010o")) + "" == "0o00000010");
  CHECK(big_printf("8", pspec("%#010o")) + "" == "0o00000010");
  CHECK(printf_int(int64_t(-8LL), pspec("%o")) + "" == "-10");
  CHECK(big_printf("-8", pspec("%o")) + "" == "-10");
  CHECK(printf_int(int64_t(255LL), pspec("%#.5x")) + "" == "0x000ff");
  CHECK(big_printf("255", pspec("%#.5x")) + "" == "0x000ff");
  CHECK(printf_int(int64_t(255LL), pspec("%+#x")) + "" == "+0xff");
  CHECK(big_printf("255", pspec("%+#x")) + "" == "+0xff");
  CHECK(big_printf("1000000000000000000000000000000", pspec("%i")) + "" == "1000000000000000000000000000000");
  CHECK(big_printf("-1180591620717411303424", pspec("%x")) + "" == "-400000000000000000");
  CHECK(printf_int(int64_t(3LL), pspec("%u")) + "" == "3");
  CHECK(big_printf("3", pspec("%u")) + "" == "3");
  CHECK(printf_char(65, pspec("%c")) + "" == "A");
  CHECK(printf_char(8364, pspec("%3c|")) + "|" == "  \xe2""\x82""\xac""|");
  CHECK(printf_char(97, pspec("%-3c|")) + "|" == "a  |");
  CHECK(printf_str("h\xc3""\xa9""llo", pspec("%s")) + "" == "h\xc3""\xa9""llo");
  CHECK(printf_str("h\xc3""\xa9""llo", pspec("%.2s")) + "" == "h\xc3""\xa9""");
  CHECK(printf_str("h\xc3""\xa9""llo", pspec("%7s|")) + "|" == "  h\xc3""\xa9""llo|");
  CHECK(printf_str("h\xc3""\xa9""llo", pspec("%-7.3s|")) + "|" == "h\xc3""\xa9""l    |");
  CHECK(printf_str("ab", pspec("%05s")) + "" == "   ab");
  CHECK(printf_str("'ab'", pspec("%r")) + "" == "'ab'");
  CHECK(printf_str("ab", pspec("%+5s")) + "" == "   ab");
  CHECK(error_of([] { (void)printf_char(0x110000, pspec("%c")); }) == "OverflowError: %c arg not in range(0x110000)");
}

TEST_CASE("fmtlib: int_to_string") {
  CHECK(big_to_string("31", 16) == "0x1f");
  CHECK(big_to_string("-31", 16) == "-0x1f");
  CHECK(big_to_string("0", 2) == "0b0");
  CHECK(big_to_string("-5", 2) == "-0b101");
  CHECK(big_to_string("64", 8) == "0o100");
  CHECK(big_to_string("-1208925819614629174706176", 16) == "-0x100000000000000000000");
  CHECK(big_to_string("10000000000000000000000000", 10) == "10000000000000000000000000");
  CHECK(error_of([] { (void)big_to_string(std::string(4301, '7').c_str(), 10); }) == "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
  CHECK(error_of([] { (void)big_format(std::string(4301, '7').c_str(), ","); }) == "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
  CHECK(big_format(std::string(4301, '7').c_str(), "x").size() == 3572);
  CHECK(error_of([] { (void)big_format(std::string(4301, '7').c_str(), ".3e"); }) == "OverflowError: int too large to convert to float");
  CHECK(big_format(std::string(308, '9').c_str(), ".3e") == "1.000e+308");
  CHECK(error_of([] { (void)big_format(std::string(309, '9').c_str(), "g"); }) == "OverflowError: int too large to convert to float");
  CHECK(big_format("1152921504606847104", "f") == "1152921504606846976.000000");
  CHECK(big_format("1152921504606847360", "f") == "1152921504606847488.000000");
  CHECK(big_format("1152921504606847105", "f") == "1152921504606847232.000000");
  CHECK(big_format("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791", "e") == "1.797693e+308");
  CHECK(error_of([] { (void)big_format("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "e"); }) == "OverflowError: int too large to convert to float");
}

TEST_CASE("fmtlib: float_round") {
  CHECK(float_repr(float_round(2.675, 2)) == "2.67");
  CHECK(float_repr(float_round(0.125, 2)) == "0.12");
  CHECK(float_repr(float_round(0.375, 2)) == "0.38");
  CHECK(float_repr(float_round(1250.0, -2)) == "1200.0");
  CHECK(float_repr(float_round(1350.0, -2)) == "1400.0");
  CHECK(float_repr(float_round(-0.4, 0)) == "-0.0");
  CHECK(float_repr(float_round(2.5, 0)) == "2.0");
  CHECK(float_repr(float_round(3.5, 0)) == "4.0");
  CHECK(float_repr(float_round(123.456, -1)) == "120.0");
  CHECK(float_repr(float_round(1e+300, -299)) == "1e+300");
  CHECK(float_repr(float_round(5e-324, 323)) == "0.0");
  CHECK(float_repr(float_round(0.1, 400)) == "0.1");
  CHECK(float_repr(float_round(123.0, -400)) == "0.0");
  CHECK(float_repr(float_round(-123.0, -400)) == "-0.0");
  CHECK(float_repr(float_round(1.7976931348623157e+308, -300)) == "1.79769313e+308");
  CHECK(float_repr(float_round(INFINITY, 2)) == "inf");
  CHECK(float_repr(float_round(0.285, 2)) == "0.28");
  CHECK(float_repr(float_round(1.005, 2)) == "1.0");
  CHECK(float_repr(float_round(-2.5, 0)) == "-2.0");
  CHECK(float_repr(float_round(1e+22, -22)) == "1e+22");
  CHECK(error_of([] { (void)float_round(1.7976931348623157e308, -308); }) == "OverflowError: rounded value too large to represent");
}

TEST_CASE("fmtlib: parse_float") {
  CHECK(float_repr(*parse_float(std::string_view("1.5", 3))) == "1.5");
  CHECK(float_repr(*parse_float(std::string_view("  -2.5e3\x0a""", 9))) == "-2500.0");
  CHECK(float_repr(*parse_float(std::string_view("1_000.5", 7))) == "1000.5");
  CHECK_FALSE(parse_float(std::string_view("1__0", 4)).has_value());
  CHECK_FALSE(parse_float(std::string_view("_1", 2)).has_value());
  CHECK_FALSE(parse_float(std::string_view("1_", 2)).has_value());
  CHECK_FALSE(parse_float(std::string_view("1_.5", 4)).has_value());
  CHECK(float_repr(*parse_float(std::string_view("inf", 3))) == "inf");
  CHECK(float_repr(*parse_float(std::string_view("-Infinity", 9))) == "-inf");
  CHECK(float_repr(*parse_float(std::string_view("+nan", 4))) == "nan");
  CHECK_FALSE(parse_float(std::string_view("infinit", 7)).has_value());
  CHECK_FALSE(parse_float(std::string_view("nan1", 4)).has_value());
  CHECK(float_repr(*parse_float(std::string_view(".5", 2))) == "0.5");
  CHECK(float_repr(*parse_float(std::string_view("5.", 2))) == "5.0");
  CHECK_FALSE(parse_float(std::string_view(".", 1)).has_value());
  CHECK_FALSE(parse_float(std::string_view("e5", 2)).has_value());
  CHECK_FALSE(parse_float(std::string_view("1e", 2)).has_value());
  CHECK(float_repr(*parse_float(std::string_view("1e+5", 4))) == "100000.0");
  CHECK(float_repr(*parse_float(std::string_view("1E-5", 4))) == "1e-05");
  CHECK_FALSE(parse_float(std::string_view("0x10", 4)).has_value());
  CHECK_FALSE(parse_float(std::string_view("", 0)).has_value());
  CHECK_FALSE(parse_float(std::string_view("   ", 3)).has_value());
  CHECK(float_repr(*parse_float(std::string_view("1e500", 5))) == "inf");
  CHECK(float_repr(*parse_float(std::string_view("-1e-500", 7))) == "-0.0");
  CHECK(float_repr(*parse_float(std::string_view("\xe3""\x80""\x80""1.25\xe3""\x80""\x80""", 10))) == "1.25");
  CHECK_FALSE(parse_float(std::string_view("1\x00""2", 3)).has_value());
  CHECK(float_repr(*parse_float(std::string_view("\xd9""\xa1""", 2))) == "1.0");
  CHECK(float_repr(*parse_float(std::string_view("0.1", 3))) == "0.1");
  CHECK(float_repr(*parse_float(std::string_view("1e1_0", 5))) == "10000000000.0");
  CHECK(float_repr(*parse_float(std::string_view("+.5e-3", 6))) == "0.0005");
  CHECK_FALSE(parse_float(std::string_view("--1", 3)).has_value());
  CHECK_FALSE(parse_float(std::string_view("in f", 4)).has_value());
}

TEST_CASE("fmtlib: parse_int") {
  CHECK(parse_int_str("42", 10) == "42");
  CHECK(parse_int_str("  -42  ", 10) == "-42");
  CHECK(parse_int_str("0x1f", 16) == "31");
  CHECK(parse_int_str("0x1f", 0) == "31");
  CHECK(parse_int_str("1f", 16) == "31");
  CHECK(parse_int_str("0b101", 0) == "5");
  CHECK(parse_int_str("0o17", 0) == "15");
  CHECK(parse_int_str(std::string("017", 3), 0) == "invalid");
  CHECK(parse_int_str("000", 0) == "0");
  CHECK(parse_int_str("0_0", 0) == "0");
  CHECK(parse_int_str("1_000", 10) == "1000");
  CHECK(parse_int_str(std::string("1__000", 6), 10) == "invalid");
  CHECK(parse_int_str(std::string("_1", 2), 10) == "invalid");
  CHECK(parse_int_str(std::string("1_", 2), 10) == "invalid");
  CHECK(parse_int_str("0x_1f", 0) == "31");
  CHECK(parse_int_str(std::string("0x", 2), 16) == "invalid");
  CHECK(parse_int_str("z", 36) == "35");
  CHECK(parse_int_str("Z", 36) == "35");
  CHECK(parse_int_str(std::string("12", 2), 2) == "invalid");
  CHECK(parse_int_str(std::string("", 0), 10) == "invalid");
  CHECK(parse_int_str(std::string("+", 1), 10) == "invalid");
  CHECK(parse_int_str("999999999999999999999999999999", 10) == "999999999999999999999999999999");
  CHECK(parse_int_str("-0b1_1", 0) == "-3");
  CHECK(parse_int_str("0B11", 2) == "3");
  CHECK(parse_int_str(std::string("1 2", 3), 10) == "invalid");
  CHECK(parse_int_str("\xc2""\xa0""7\xe2""\x80""\x83""", 10) == "7");
  CHECK(parse_int_str(std::string("0o", 2), 0) == "invalid");
  CHECK(parse_int_str(std::string("0_7", 3), 0) == "invalid");
  CHECK(parse_int_str(std::string("08", 2), 0) == "invalid");
  CHECK(parse_int_str("\xd9""\xa1""\xd9""\xa2""", 10) == "12");
  CHECK(parse_int_str(std::string("1\x00""2", 3), 10) == "invalid");
  CHECK(parse_int_str("\xd9""\xa3""", 0) == "3");
  CHECK(error_of([] { (void)parse_int_str("1", 37); }) == "ValueError: int() base must be >= 2 and <= 36, or 0");
  CHECK(error_of([] { (void)parse_int_str(std::string(5000, '1'), 10); }) == "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit");
  CHECK(parse_int_str(std::string(5000, '1'), 16, 16) == "0x11111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111");
}
