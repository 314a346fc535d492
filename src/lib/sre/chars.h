// chars.h — character classes and case folding as the engine sees them.
//
// Three families, as in CPython's sre: ASCII (byte patterns and re.ASCII),
// LOCALE (re.L, bytes only: this runtime never calls setlocale, so the C
// locale applies and only ASCII letters have case) and Unicode (str
// patterns). The Unicode family reads tables generated from CPython 3.11's
// Unicode database (unicode_tables.h, tools/gen_sre_unicode.py), so \w, \d,
// \s and IGNORECASE agree with CPython's re for every code point.
#pragma once

#include <cstddef>
#include <cstdint>

#include "lib/sre/constants.h"
#include "lib/sre/unicode_tables.h"

namespace tributary::lib::sre {

inline bool is_ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_space(uint32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool is_ascii_alnum(uint32_t c) { return is_ascii_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool is_ascii_word(uint32_t c) { return is_ascii_alnum(c) || c == '_'; }
inline bool is_linebreak(uint32_t c) { return c == '\n'; }
inline uint32_t lower_ascii(uint32_t c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
inline uint32_t upper_ascii(uint32_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

// The C locale: the same classes as ASCII.
inline bool is_locale_word(uint32_t c) { return is_ascii_word(c); }
inline uint32_t lower_locale(uint32_t c) { return lower_ascii(c); }
inline uint32_t upper_locale(uint32_t c) { return upper_ascii(c); }

namespace unicode {

// Is `c` in one of the sorted, disjoint `ranges`?
template <size_t N> bool in_ranges(const CodeRange (&ranges)[N], uint32_t c) {
  size_t lo = 0, hi = N;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (c > ranges[mid].last)
      lo = mid + 1;
    else if (c < ranges[mid].first)
      hi = mid;
    else
      return true;
  }
  return false;
}

// `c` mapped by the sorted runs (unchanged when no run covers it).
template <size_t N> uint32_t map_case(const CaseRun (&runs)[N], uint32_t c) {
  size_t lo = 0, hi = N;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const CaseRun& r = runs[mid];
    if (c > r.last)
      lo = mid + 1;
    else if (c < r.first)
      hi = mid;
    else
      return (c - r.first) % r.stride == 0 ? static_cast<uint32_t>(static_cast<int64_t>(c) + r.delta) : c;
  }
  return c;
}

} // namespace unicode

inline uint32_t lower_unicode(uint32_t c) { return c < 128 ? lower_ascii(c) : unicode::map_case(unicode::kLower, c); }
inline uint32_t upper_unicode(uint32_t c) { return c < 128 ? upper_ascii(c) : unicode::map_case(unicode::kUpper, c); }
inline bool is_uni_word(uint32_t c) { return c < 128 ? is_ascii_word(c) : unicode::in_ranges(unicode::kAlnum, c); }
inline bool is_uni_digit(uint32_t c) { return c < 128 ? is_ascii_digit(c) : unicode::in_ranges(unicode::kDecimal, c); }
inline bool is_uni_space(uint32_t c) {
  // ASCII: \t-\r and \x1c-\x1f and space (str.isspace, wider than bytes' isspace).
  return c < 128 ? (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= ' ') : unicode::in_ranges(unicode::kSpace, c);
}
// str.splitlines' line boundaries (Py_UNICODE_ISLINEBREAK).
inline bool is_uni_linebreak(uint32_t c) {
  return (c >= '\n' && c <= '\r') || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// LITERAL_LOC_IGNORE: `c` equals `pattern` in either case.
inline bool locale_ignore_equal(uint32_t pattern, uint32_t c) {
  return c == pattern || lower_locale(c) == pattern || upper_locale(c) == pattern;
}

// Does `c` belong to category `cat`? False for an unknown category.
inline bool in_category(Code cat, uint32_t c) {
  switch (static_cast<Category>(cat)) {
  case Category::DIGIT: return is_ascii_digit(c);
  case Category::NOT_DIGIT: return !is_ascii_digit(c);
  case Category::SPACE: return is_ascii_space(c);
  case Category::NOT_SPACE: return !is_ascii_space(c);
  case Category::WORD: return is_ascii_word(c);
  case Category::NOT_WORD: return !is_ascii_word(c);
  case Category::LINEBREAK: return is_linebreak(c);
  case Category::NOT_LINEBREAK: return !is_linebreak(c);
  case Category::LOC_WORD: return is_locale_word(c);
  case Category::LOC_NOT_WORD: return !is_locale_word(c);
  case Category::UNI_DIGIT: return is_uni_digit(c);
  case Category::UNI_NOT_DIGIT: return !is_uni_digit(c);
  case Category::UNI_SPACE: return is_uni_space(c);
  case Category::UNI_NOT_SPACE: return !is_uni_space(c);
  case Category::UNI_WORD: return is_uni_word(c);
  case Category::UNI_NOT_WORD: return !is_uni_word(c);
  case Category::UNI_LINEBREAK: return is_uni_linebreak(c);
  case Category::UNI_NOT_LINEBREAK: return !is_uni_linebreak(c);
  case Category::kCount: break;
  }
  return false;
}

} // namespace tributary::lib::sre
