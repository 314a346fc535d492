// str.cpp — string storage, hashing, comparison and the core slicing operations.
#include "runtime/str.h"

#include <algorithm>
#include <unordered_map>

#include "runtime/containers.h"
#include "runtime/exceptions.h"

namespace tributary {

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool utf8_is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

uint32_t utf8_at(std::string_view s, size_t& i) {
  unsigned char c = s[i++];
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> extra);
  while (extra-- > 0 && i < s.size()) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

std::vector<uint32_t> utf8_decode(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(utf8_at(s, i));
  return out;
}

void utf8_append(std::string& out, uint32_t cp) {
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

size_t utf8_offset(std::string_view s, int64_t cp_index) {
  size_t i = 0;
  for (; i < s.size() && cp_index > 0; --cp_index) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

Str* new_str(std::string_view s) {
  auto* o = static_cast<Str*>(gc::alloc_atomic(sizeof(Str) + s.size()));
  o->type = &types::str;
  o->hash = -1;
  o->nbytes = s.size();
  o->ascii = utf8_is_ascii(s);
  o->interned = false;
  o->length = o->ascii ? s.size() : utf8_length(s);
  if (!s.empty()) std::memcpy(o->data, s.data(), s.size()); // an empty view's data() may be null
  o->data[s.size()] = 0;
  return o;
}

Str* intern(std::string_view s) {
  struct Hash {
    size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
  };
  using Map = std::unordered_map<std::string_view, Str*, Hash, std::equal_to<>,
                                 traceable_allocator<std::pair<const std::string_view, Str*>>>;
  static Map* table = new Map();
  if (auto it = table->find(s); it != table->end()) return it->second;
  // Interned strings are never freed: keep them in uncollectable memory.
  auto* o = static_cast<Str*>(gc::alloc_root(sizeof(Str) + s.size()));
  o->type = &types::str;
  o->hash = -1;
  o->nbytes = s.size();
  o->ascii = utf8_is_ascii(s);
  o->interned = true;
  o->length = o->ascii ? s.size() : utf8_length(s);
  if (!s.empty()) std::memcpy(o->data, s.data(), s.size()); // an empty view's data() may be null
  o->data[s.size()] = 0;
  table->emplace(o->view(), o);
  return o;
}

int64_t str_hash(Str* s) {
  if (s->hash != -1) return s->hash;
  // FNV-1a, folded so the result is never -1 (CPython reserves -1).
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < s->nbytes; ++i) h = (h ^ static_cast<unsigned char>(s->data[i])) * 1099511628211ull;
  int64_t r = s->nbytes == 0 ? 0 : static_cast<int64_t>(h >> 1); // hash('') is 0 in CPython
  if (r == -1) r = -2;
  s->hash = r;
  return r;
}

bool str_equals(const Str* a, const Str* b) {
  return a == b || (a->nbytes == b->nbytes && (a->hash == -1 || b->hash == -1 || a->hash == b->hash) &&
                    std::memcmp(a->data, b->data, a->nbytes) == 0);
}

int str_compare(const Str* a, const Str* b) {
  // UTF-8 byte order equals code-point order.
  int c = std::memcmp(a->data, b->data, std::min(a->nbytes, b->nbytes));
  if (c != 0) return c < 0 ? -1 : 1;
  return a->nbytes < b->nbytes ? -1 : a->nbytes > b->nbytes ? 1 : 0;
}

Str* str_concat(Str* a, Str* b) {
  if (a->nbytes == 0) return b;
  if (b->nbytes == 0) return a;
  std::string s;
  s.reserve(a->nbytes + b->nbytes);
  s.append(a->view());
  s.append(b->view());
  return new_str(s);
}

Str* str_repeat(Str* s, int64_t n) {
  if (n <= 0 || s->nbytes == 0) return new_str("");
  if (n == 1) return s;
  check_alloc_size(static_cast<uint64_t>(n), s->nbytes);
  std::string out;
  out.reserve(s->nbytes * n);
  for (int64_t i = 0; i < n; ++i) out.append(s->view());
  return new_str(out);
}

Str* str_from_codepoint(uint32_t cp) {
  static Str* ascii[128];
  if (cp < 128) {
    if (!ascii[cp]) {
      char c = static_cast<char>(cp);
      ascii[cp] = intern(std::string_view(&c, 1));
    }
    return ascii[cp];
  }
  std::string s;
  utf8_append(s, cp);
  return new_str(s);
}

Str* str_char_at(Str* s, int64_t index) {
  if (s->ascii) return str_from_codepoint(static_cast<unsigned char>(s->data[index]));
  size_t off = utf8_offset(s->view(), index);
  return str_from_codepoint(utf8_at(s->view(), off));
}

Str* str_slice(Str* s, int64_t start, int64_t stop, int64_t step) {
  if (step == 1) {
    if (start >= stop) return new_str("");
    if (start == 0 && stop == static_cast<int64_t>(s->length)) return s;
    if (s->ascii) return new_str(s->view().substr(start, stop - start));
    size_t b = utf8_offset(s->view(), start);
    size_t e = b + utf8_offset(s->view().substr(b), stop - start);
    return new_str(s->view().substr(b, e - b));
  }
  std::string out;
  if (s->ascii) {
    for (int64_t k = 0, n = slice_count(start, stop, step); k < n; ++k) out += s->data[start + k * step];
  } else {
    auto cps = utf8_decode(s->view());
    for (int64_t k = 0, n = slice_count(start, stop, step); k < n; ++k) utf8_append(out, cps[start + k * step]);
  }
  return new_str(out);
}

int64_t str_find(Str* hay, Str* needle, int64_t start, int64_t end) {
  int64_t len = static_cast<int64_t>(hay->length);
  if (start < 0) start = std::max<int64_t>(0, start + len);
  if (end < 0) end = std::max<int64_t>(0, end + len);
  end = std::min(end, len);
  if (start > end || static_cast<int64_t>(needle->length) > end - start) return -1;
  std::string_view h = hay->view();
  size_t bstart = hay->ascii ? start : utf8_offset(h, start);
  size_t bend = hay->ascii ? end : bstart + utf8_offset(h.substr(bstart), end - start);
  size_t pos = h.substr(0, bend).find(needle->view(), bstart);
  if (pos == std::string_view::npos) return -1;
  return hay->ascii ? static_cast<int64_t>(pos) : static_cast<int64_t>(utf8_length(h.substr(0, pos)));
}

bool str_contains(Str* hay, Str* needle) { return hay->view().find(needle->view()) != std::string_view::npos; }

namespace {
bool is_printable(uint32_t cp) {
  // Python's str.isprintable() for repr: control and separator characters are escaped.
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp < 0xA0) return false;
  if (cp == 0xAD) return false;
  if (cp == 0x2028 || cp == 0x2029 || (cp >= 0x2000 && cp <= 0x200F) || cp == 0x202F ||
      cp == 0x205F || cp == 0x3000 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x202A && cp <= 0x202E) ||
      (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) ||
      (cp >= 0xE000 && cp <= 0xF8FF) || cp == 0xFFFE || cp == 0xFFFF)
    return false;
  return true;
}
} // namespace

std::string str_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out;
  out.reserve(s.size() + 2);
  out += quote;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = utf8_at(s, i);
    if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (!is_printable(cp)) {
      out += cp < 0x100 ? fmt::format("\\x{:02x}", cp) : cp < 0x10000 ? fmt::format("\\u{:04x}", cp) : fmt::format("\\U{:08x}", cp);
    } else {
      utf8_append(out, cp);
    }
  }
  out += quote;
  return out;
}

} // namespace tributary
