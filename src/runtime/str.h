// str.h — immutable Unicode strings stored as UTF-8.
//
// Str keeps its code-point length and an `ascii` flag: ASCII strings index in
// O(1); others decode on demand (O(n) indexing, a known limit of this layout).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runtime/object.h"

namespace tributary {

int64_t str_hash(Str* s);
bool str_equals(const Str* a, const Str* b);
int str_compare(const Str* a, const Str* b); // code-point order
Str* str_concat(Str* a, Str* b);
Str* str_repeat(Str* s, int64_t n);
Str* str_char_at(Str* s, int64_t index);     // index already normalized
Str* str_slice(Str* s, int64_t start, int64_t stop, int64_t step);
int64_t str_find(Str* hay, Str* needle, int64_t start, int64_t end); // code-point index or -1
bool str_contains(Str* hay, Str* needle);
std::string str_repr(std::string_view utf8);   // Python repr with quotes
Str* str_from_codepoint(uint32_t cp);

// UTF-8 helpers.
size_t utf8_length(std::string_view s);
bool utf8_is_ascii(std::string_view s);
std::vector<uint32_t> utf8_decode(std::string_view s);
void utf8_append(std::string& out, uint32_t cp);
size_t utf8_offset(std::string_view s, int64_t cp_index); // byte offset of a code point
uint32_t utf8_at(std::string_view s, size_t& byte_pos);   // decodes one, advances

} // namespace tributary
