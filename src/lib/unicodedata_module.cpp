// unicodedata_module.cpp — `unicodedata` on ICU's character database: names
// and lookup, category, bidirectional class, combining class, east Asian
// width, mirrored, decimal/digit/numeric values, decomposition and the four
// normalization forms, with CPython's argument checks and messages.
//
// Limits: the data are ICU's (the system's libicu, Unicode 15 on Debian 12),
// not CPython 3.11's Unicode 14.0: characters added since differ, and
// unidata_version reports ICU's version. No ucd_3_2_0 (IDNA's old data), and
// lookup() knows no named sequences or aliases beyond ICU's.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <cmath>
#include <string>
#include <vector>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

// The single character of `v` (CPython's "need a single Unicode character as parameter").
UChar32 char_arg(Value v, const char* fname) {
  if (!is_str(v)) raise_fmt(types::type_error, "{}() argument must be a unicode character, not {}", fname, tname(v));
  std::string_view s = v.as<Str>()->view();
  size_t pos = 0;
  if (s.empty() || (utf8_at(s, pos), pos != s.size()))
    raise_fmt(types::type_error, "{}() argument must be a unicode character, not str", fname);
  pos = 0;
  return static_cast<UChar32>(utf8_at(s, pos));
}

// The optional default of decimal(), digit(), numeric() and name(), or the error.
Value missing(const Args& a, const char* what) {
  if (a.npos > 1) return a[1];
  raise(types::value_error, what);
}

Value u_name(Value, const Args& a) {
  check_takes(a, "name", 1, 2);
  UChar32 c = char_arg(a[0], "name");
  char buf[256];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = u_charName(c, U_UNICODE_CHAR_NAME, buf, sizeof buf, &err);
  if (U_FAILURE(err) || n <= 0) return missing(a, "no such name");
  return str_value(std::string_view(buf, static_cast<size_t>(n)));
}

Value u_lookup(Value, const Args& a) {
  check_one(a, "lookup");
  std::string name;
  if (is_str(a[0]))
    name = std::string(a[0].as<Str>()->view());
  else if (auto b = bytes_like(a[0]))
    name = std::string(*b);
  else
    raise_fmt(types::type_error, "lookup() argument must be str, not {}", tname(a[0]));
  UErrorCode err = U_ZERO_ERROR;
  UChar32 c = u_charFromName(U_UNICODE_CHAR_NAME, name.c_str(), &err);
  if (U_FAILURE(err)) {
    err = U_ZERO_ERROR;
    c = u_charFromName(U_CHAR_NAME_ALIAS, name.c_str(), &err);
  }
  if (U_FAILURE(err)) raise_fmt(types::key_error, "undefined character name '{}'", name);
  std::string out;
  utf8_append(out, static_cast<uint32_t>(c));
  return str_value(out);
}

Value u_category(Value, const Args& a) {
  check_one(a, "category");
  static constexpr const char* kNames[U_CHAR_CATEGORY_COUNT] = {
      "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
      "Cc", "Cf", "Co", "Cs", "Pd", "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf"};
  return str_value(kNames[u_charType(char_arg(a[0], "category"))]);
}

Value u_bidirectional(Value, const Args& a) {
  check_one(a, "bidirectional");
  UChar32 c = char_arg(a[0], "bidirectional");
  static constexpr const char* kNames[] = {"L",   "R",   "EN", "ES",  "ET",  "AN",  "CS",  "B",
                                           "S",   "WS",  "ON", "LRE", "LRO", "AL",  "RLE", "RLO",
                                           "PDF", "NSM", "BN", "FSI", "LRI", "RLI", "PDI"};
  int d = u_charDirection(c);
  // Unassigned code points have no bidirectional class in CPython's data.
  if (u_charType(c) == U_UNASSIGNED) return str_value("");
  return str_value(d >= 0 && d < static_cast<int>(std::size(kNames)) ? kNames[d] : "");
}

Value u_combining(Value, const Args& a) {
  check_one(a, "combining");
  return Value::small_int(u_getCombiningClass(char_arg(a[0], "combining")));
}

Value u_east_asian_width(Value, const Args& a) {
  check_one(a, "east_asian_width");
  static constexpr const char* kNames[] = {"N", "A", "H", "F", "Na", "W"};
  int w = u_getIntPropertyValue(char_arg(a[0], "east_asian_width"), UCHAR_EAST_ASIAN_WIDTH);
  return str_value(w >= 0 && w < 6 ? kNames[w] : "N");
}

Value u_mirrored(Value, const Args& a) {
  check_one(a, "mirrored");
  return Value::small_int(u_isMirrored(char_arg(a[0], "mirrored")) ? 1 : 0);
}

Value u_decimal(Value, const Args& a) {
  check_takes(a, "decimal", 1, 2);
  UChar32 c = char_arg(a[0], "decimal");
  if (u_charType(c) != U_DECIMAL_DIGIT_NUMBER) return missing(a, "not a decimal");
  return Value::small_int(u_charDigitValue(c));
}

Value u_digit(Value, const Args& a) {
  check_takes(a, "digit", 1, 2);
  UChar32 c = char_arg(a[0], "digit");
  int t = u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE);
  if (t != U_NT_DECIMAL && t != U_NT_DIGIT) return missing(a, "not a digit");
  return Value::small_int(static_cast<int64_t>(u_getNumericValue(c)));
}

Value u_numeric(Value, const Args& a) {
  check_takes(a, "numeric", 1, 2);
  double v = u_getNumericValue(char_arg(a[0], "numeric"));
  if (v == U_NO_NUMERIC_VALUE) return missing(a, "not a numeric character");
  return Value::from_double(v);
}

// decomposition(c): "<tag> XXXX YYYY" for a compatibility mapping, "XXXX YYYY" for a canonical one.
Value u_decomposition(Value, const Args& a) {
  check_one(a, "decomposition");
  UChar32 c = char_arg(a[0], "decomposition");
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* nfkc = unorm2_getNFKCInstance(&err);
  UChar buf[64];
  int32_t n = U_FAILURE(err) ? -1 : unorm2_getRawDecomposition(nfkc, c, buf, 64, &err);
  if (U_FAILURE(err) || n < 0) return str_value("");
  static constexpr const char* kTags[] = {
      "",         "",         "<compat>",  "<circle>", "<final>",  "<font>", "<fraction>", "<initial>",  "<isolated>",
      "<medial>", "<narrow>", "<noBreak>", "<small>",  "<square>", "<sub>",  "<super>",    "<vertical>", "<wide>"};
  int type = u_getIntPropertyValue(c, UCHAR_DECOMPOSITION_TYPE);
  std::string out = type > 1 && type < static_cast<int>(std::size(kTags)) ? kTags[type] : "";
  for (int32_t i = 0; i < n;) {
    UChar32 cp;
    U16_NEXT(buf, i, n, cp);
    if (!out.empty()) out += ' ';
    out += fmt::format("{:04X}", static_cast<uint32_t>(cp));
  }
  return str_value(out);
}

const UNormalizer2* normalizer(Value form) {
  if (!is_str(form)) raise_fmt(types::type_error, "normalize() argument 1 must be str, not {}", tname(form));
  std::string_view f = form.as<Str>()->view();
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* n = f == "NFC"    ? unorm2_getNFCInstance(&err)
                          : f == "NFD"  ? unorm2_getNFDInstance(&err)
                          : f == "NFKC" ? unorm2_getNFKCInstance(&err)
                          : f == "NFKD" ? unorm2_getNFKDInstance(&err)
                                        : nullptr;
  if (!n) raise(types::value_error, "invalid normalization form");
  if (U_FAILURE(err)) raise(types::runtime_error, "the ICU normalizer is unavailable");
  return n;
}

std::vector<UChar> to_utf16(std::string_view s) {
  std::vector<UChar> out;
  for (size_t pos = 0; pos < s.size();) {
    uint32_t cp = utf8_at(s, pos);
    if (cp < 0x10000)
      out.push_back(static_cast<UChar>(cp));
    else {
      out.push_back(static_cast<UChar>(0xD7C0 + (cp >> 10)));
      out.push_back(static_cast<UChar>(0xDC00 | (cp & 0x3FF)));
    }
  }
  return out;
}

Value u_normalize(Value, const Args& a) {
  check_takes(a, "normalize", 2, 2);
  const UNormalizer2* n = normalizer(a[0]);
  if (!is_str(a[1])) raise_fmt(types::type_error, "normalize() argument 2 must be str, not {}", tname(a[1]));
  std::vector<UChar> src = to_utf16(a[1].as<Str>()->view());
  std::vector<UChar> dst(src.size() * 4 + 16);
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = unorm2_normalize(n, src.data(), static_cast<int32_t>(src.size()), dst.data(),
                                 static_cast<int32_t>(dst.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    dst.resize(static_cast<size_t>(len));
    err = U_ZERO_ERROR;
    len = unorm2_normalize(n, src.data(), static_cast<int32_t>(src.size()), dst.data(), len, &err);
  }
  if (U_FAILURE(err)) raise(types::value_error, "normalization failed");
  std::string out;
  for (int32_t i = 0; i < len;) {
    UChar32 cp;
    U16_NEXT(dst.data(), i, len, cp);
    utf8_append(out, static_cast<uint32_t>(cp));
  }
  return str_value(out);
}

Value u_is_normalized(Value, const Args& a) {
  check_takes(a, "is_normalized", 2, 2);
  const UNormalizer2* n = normalizer(a[0]);
  if (!is_str(a[1])) raise_fmt(types::type_error, "is_normalized() argument 2 must be str, not {}", tname(a[1]));
  std::vector<UChar> src = to_utf16(a[1].as<Str>()->view());
  UErrorCode err = U_ZERO_ERROR;
  UBool yes = unorm2_isNormalized(n, src.data(), static_cast<int32_t>(src.size()), &err);
  return Value::boolean(U_SUCCESS(err) && yes);
}

} // namespace

Module* make_unicodedata_module() {
  Module* m = new_module("unicodedata");
  static const MethodDef kFunctions[] = {
      {"name", u_name},
      {"lookup", u_lookup},
      {"category", u_category},
      {"bidirectional", u_bidirectional},
      {"combining", u_combining},
      {"east_asian_width", u_east_asian_width},
      {"mirrored", u_mirrored},
      {"decimal", u_decimal},
      {"digit", u_digit},
      {"numeric", u_numeric},
      {"decomposition", u_decomposition},
      {"normalize", u_normalize},
      {"is_normalized", u_is_normalized},
  };
  for (const MethodDef& f : kFunctions)
    add_function(m, f.name, f.fn);
  UVersionInfo v;
  u_getUnicodeVersion(v);
  add_value(m, "unidata_version", str_value(fmt::format("{}.{}.{}", v[0], v[1], v[2])));
  return m;
}

} // namespace tributary::lib
