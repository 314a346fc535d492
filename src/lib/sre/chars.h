// chars.h — character classes and case folding as the engine sees them.
//
// Three families, as in CPython's sre: ASCII (byte patterns and re.ASCII),
// LOCALE (re.L, bytes only: this runtime never calls setlocale, so the C
// locale applies and only ASCII letters have case) and Unicode (str
// patterns). The Unicode family uses the runtime's shared tables
// (lib/str_text.h), so `re` agrees with str.lower() and str.isalnum(); those
// tables cover Latin-1, Latin Extended-A, Greek and Cyrillic, not the whole
// Unicode database.
#pragma once

#include <cstdint>

#include "lib/sre/constants.h"
#include "lib/str_text.h"

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

inline bool is_uni_word(uint32_t c) { return c == '_' || uni_isalpha(c) || uni_isnumeric(c); }
inline uint32_t lower_unicode(uint32_t c) { return uni_tolower(c); }
inline uint32_t upper_unicode(uint32_t c) { return uni_toupper(c); }

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
  case Category::UNI_DIGIT: return uni_isdecimal(c);
  case Category::UNI_NOT_DIGIT: return !uni_isdecimal(c);
  case Category::UNI_SPACE: return uni_isspace(c);
  case Category::UNI_NOT_SPACE: return !uni_isspace(c);
  case Category::UNI_WORD: return is_uni_word(c);
  case Category::UNI_NOT_WORD: return !is_uni_word(c);
  case Category::UNI_LINEBREAK: return uni_islinebreak(c);
  case Category::UNI_NOT_LINEBREAK: return !uni_islinebreak(c);
  case Category::kCount: break;
  }
  return false;
}

} // namespace tributary::lib::sre
