// str_text.h — code-point level helpers shared by the str method files.
//
// Methods that index by code point run on std::string_view for ASCII strings
// and on a decoded std::u32string_view otherwise; `with_text` picks one and
// hands it to a generic lambda. Character classes and case mappings cover
// ASCII, Latin-1, basic Greek and Cyrillic (a documented limit: no full
// Unicode database).
#pragma once

#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/str.h"

namespace tributary::lib {

std::u32string decode_text(Str* s);
inline Value text_value(std::string_view s) { return str_value(s); }
Value text_value(std::u32string_view s);

template <class F> decltype(auto) with_text(Str* s, F&& f) {
  if (s->ascii) return f(s->view());
  std::u32string u = decode_text(s);
  return f(std::u32string_view(u));
}

// Both strings in the same representation (ASCII bytes only if both are ASCII).
template <class F> decltype(auto) with_texts(Str* a, Str* b, F&& f) {
  if (a->ascii && b->ascii) return f(a->view(), b->view());
  std::u32string ua = decode_text(a), ub = decode_text(b);
  return f(std::u32string_view(ua), std::u32string_view(ub));
}

bool uni_isspace(uint32_t c);
bool uni_isdigit(uint32_t c);     // str.isdigit (Nd plus superscripts)
bool uni_isdecimal(uint32_t c);   // Nd
bool uni_isnumeric(uint32_t c);
bool uni_isalpha(uint32_t c);
bool uni_isupper(uint32_t c);
bool uni_islower(uint32_t c);
bool uni_isprintable(uint32_t c);
bool uni_islinebreak(uint32_t c);
uint32_t uni_toupper(uint32_t c);
uint32_t uni_tolower(uint32_t c);
// True for cased letters with a case mapping in the supported tables.
inline bool uni_iscased(uint32_t c) { return uni_isupper(c) || uni_islower(c); }

// ascii(): repr with non-ASCII code points escaped.
std::string ascii_escape(std::string_view utf8);

} // namespace tributary::lib
