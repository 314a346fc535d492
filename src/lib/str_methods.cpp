// str_methods.cpp — the methods of str (except format/format_map, which live
// in str_format.cpp with `%` formatting).
//
// Semantics and error messages follow CPython 3.11. Indices are code points:
// ASCII strings are processed as bytes, others through a decoded UTF-32 copy
// (see str_text.h). Case mapping and character classes cover ASCII, Latin-1,
// basic Greek and Cyrillic only; encode() goes through the codecs of bytes.cpp.
#include <algorithm>

#include "lib/lib.h"
#include "lib/native.h"
#include "lib/str_text.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

// ---- character tables --------------------------------------------------------------

std::u32string decode_text(Str* s) {
  std::u32string out;
  out.reserve(s->length);
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();) out.push_back(utf8_at(v, i));
  return out;
}

Value text_value(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) utf8_append(out, c);
  return str_value(out);
}

bool uni_isspace(uint32_t c) {
  return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}
bool uni_isdecimal(uint32_t c) { return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0xff10 && c <= 0xff19); }
bool uni_isdigit(uint32_t c) { return uni_isdecimal(c) || c == 0xb2 || c == 0xb3 || c == 0xb9 || (c >= 0x2070 && c <= 0x2079 && c != 0x2071 && c != 0x2072 && c != 0x2073); }
bool uni_isnumeric(uint32_t c) { return uni_isdigit(c) || c == 0xbc || c == 0xbd || c == 0xbe || (c >= 0x2150 && c <= 0x2189); }
bool uni_isupper(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) ||
         (c >= 0x400 && c <= 0x42f) || (c >= 0x100 && c <= 0x17f && c % 2 == 0 && c != 0x138);
}
bool uni_islower(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7) || c == 0xb5 || c == 0xaa || c == 0xba ||
         (c >= 0x3ac && c <= 0x3ce) || (c >= 0x430 && c <= 0x45f) || (c >= 0x100 && c <= 0x17f && c % 2 == 1);
}
bool uni_isalpha(uint32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return uni_isupper(c) || uni_islower(c) || (c >= 0x370 && c <= 0x3ff && c != 0x37e && c != 0x387) ||
         (c >= 0x400 && c <= 0x481) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3040 && c <= 0x30ff) ||
         (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x5d0 && c <= 0x5ea) || (c >= 0x620 && c <= 0x64a);
}
bool uni_isprintable(uint32_t c) {
  if (c < 0x20 || c == 0x7f) return false;
  if (c >= 0x80 && c <= 0xa0) return false;
  if (c == 0xad) return false;
  if (uni_isspace(c) && c != ' ') return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f)) return false;
  if (c == 0xfeff || (c >= 0xe000 && c <= 0xf8ff) || c > 0x10ffff) return false;
  return true;
}
bool uni_islinebreak(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}
uint32_t uni_toupper(uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0x80) return c;
  if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 32;
  if (c == 0xff) return 0x178;
  if (c == 0xb5) return 0x39c;
  if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) return c - 32;
  if (c == 0x3c2) return 0x3a3;
  if (c >= 0x430 && c <= 0x44f) return c - 32;
  if (c >= 0x450 && c <= 0x45f) return c - 80;
  if (c >= 0x100 && c <= 0x17f && c % 2 == 1 && c != 0x131 && c != 0x149 && c != 0x17f) return c - 1;
  return c;
}
uint32_t uni_tolower(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
  if (c == 0x178) return 0xff;
  if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  if (c >= 0x100 && c <= 0x17f && c % 2 == 0 && c != 0x130 && c != 0x138) return c + 1;
  return c;
}

std::string ascii_escape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = utf8_at(s, i);
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x100) out += fmt::format("\\x{:02x}", cp);
    else if (cp < 0x10000) out += fmt::format("\\u{:04x}", cp);
    else out += fmt::format("\\U{:08x}", cp);
  }
  return out;
}

namespace {

Str* S(Value v) { return v.as<Str>(); }

// An argument that must be a str: "must be str, not int" (message prefix varies).
Str* str_arg(Value v, std::string_view prefix = "must be str") {
  if (!is_str(v)) raise_fmt(types::type_error, "{}, not {}", prefix, tname(v));
  return S(v);
}

// start/end of find/count/startswith: None or an index, clamped like a slice.
void adjust_bounds(const Args& a, size_t first, int64_t len, int64_t& start, int64_t& end) {
  auto get = [&](size_t i, int64_t dflt) -> int64_t {
    if (a.npos <= i || a[i].is_none()) return dflt;
    Value v = a[i];
    if (!is_integer(v)) {
      Value idx = call_dunder(v, "__index__");
      if (idx.is_empty())
        raise(types::type_error, "slice indices must be integers or None or have an __index__ method");
      v = idx;
    }
    auto x = int_as_i64(v);
    return x ? *x : (int_is_negative(v) ? INT64_MIN / 4 : INT64_MAX / 4);
  };
  start = get(first, 0);
  end = get(first + 1, len);
  if (end > len) end = len;
  else if (end < 0) end = std::max<int64_t>(0, end + len);
  if (start < 0) start = std::max<int64_t>(0, start + len);
}

// ---- searching ----------------------------------------------------------------------

enum class Dir { Forward, Backward };

// find/rfind core over code points; -1 when absent.
int64_t find_impl(Str* hay, Str* needle, const Args& a, Dir dir) {
  int64_t start, end;
  adjust_bounds(a, 1, static_cast<int64_t>(hay->length), start, end);
  if (start > end) return -1;
  return with_texts(hay, needle, [&](auto h, auto n) -> int64_t {
    if (static_cast<int64_t>(n.size()) > end - start) return -1;
    auto window = h.substr(start, end - start);
    size_t pos = dir == Dir::Forward ? window.find(n) : window.rfind(n);
    return pos == decltype(window)::npos ? -1 : start + static_cast<int64_t>(pos);
  });
}

Value str_find_m(Value self, const Args& a) {
  check_takes(a, "find", 1, 3);
  return make_int(find_impl(S(self), str_arg(a[0]), a, Dir::Forward));
}
Value str_rfind_m(Value self, const Args& a) {
  check_takes(a, "rfind", 1, 3);
  return make_int(find_impl(S(self), str_arg(a[0]), a, Dir::Backward));
}
Value str_index_m(Value self, const Args& a) {
  check_takes(a, "index", 1, 3);
  int64_t i = find_impl(S(self), str_arg(a[0]), a, Dir::Forward);
  if (i < 0) raise(types::value_error, "substring not found");
  return make_int(i);
}
Value str_rindex_m(Value self, const Args& a) {
  check_takes(a, "rindex", 1, 3);
  int64_t i = find_impl(S(self), str_arg(a[0]), a, Dir::Backward);
  if (i < 0) raise(types::value_error, "substring not found");
  return make_int(i);
}

Value str_count_m(Value self, const Args& a) {
  check_takes(a, "count", 1, 3);
  Str* needle = str_arg(a[0]);
  int64_t start, end;
  adjust_bounds(a, 1, static_cast<int64_t>(S(self)->length), start, end);
  if (start > end) return Value::small_int(0);
  return make_int(with_texts(S(self), needle, [&](auto h, auto n) -> int64_t {
    auto window = h.substr(start, end - start);
    if (n.empty()) return static_cast<int64_t>(window.size()) + 1;
    int64_t count = 0;
    for (size_t pos = window.find(n); pos != decltype(window)::npos; pos = window.find(n, pos + n.size())) ++count;
    return count;
  }));
}

// startswith/endswith: a str or a tuple of str, optional start/end.
Value affix_match(Value self, const Args& a, const char* name, bool suffix) {
  check_takes(a, name, 1, 3);
  Str* s = S(self);
  int64_t start, end;
  adjust_bounds(a, 1, static_cast<int64_t>(s->length), start, end);
  auto matches = [&](Str* affix) {
    if (start > end) return false;
    return with_texts(s, affix, [&](auto h, auto x) {
      if (static_cast<int64_t>(x.size()) > end - start) return false;
      auto window = h.substr(start, end - start);
      return suffix ? window.substr(window.size() - x.size()) == x : window.substr(0, x.size()) == x;
    });
  };
  if (is_tuple(a[0])) {
    for (Value v : a[0].as<Tuple>()->span()) {
      if (!is_str(v)) raise_fmt(types::type_error, "tuple for {} must only contain str, not {}", name, tname(v));
      if (matches(S(v))) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  if (!is_str(a[0]))
    raise_fmt(types::type_error, "{} first arg must be str or a tuple of str, not {}", name, tname(a[0]));
  return Value::boolean(matches(S(a[0])));
}

Value str_startswith_m(Value self, const Args& a) { return affix_match(self, a, "startswith", false); }
Value str_endswith_m(Value self, const Args& a) { return affix_match(self, a, "endswith", true); }

// ---- splitting and joining ------------------------------------------------------------

template <class SV> void append_piece(List* out, SV piece) { out->items.push_back(text_value(piece)); }

template <class SV> void split_whitespace(List* out, SV s, int64_t maxsplit) {
  size_t i = 0, n = s.size();
  while (true) {
    while (i < n && uni_isspace(s[i])) ++i;
    if (i == n) return;
    if (maxsplit-- == 0) {
      append_piece(out, s.substr(i)); // the remainder keeps its trailing whitespace
      return;
    }
    size_t j = i;
    while (j < n && !uni_isspace(s[j])) ++j;
    append_piece(out, s.substr(i, j - i));
    i = j;
  }
}

template <class SV> void rsplit_whitespace(List* out, SV s, int64_t maxsplit) {
  size_t n = s.size();
  while (true) {
    while (n > 0 && uni_isspace(s[n - 1])) --n;
    if (n == 0) break;
    if (maxsplit-- == 0) {
      append_piece(out, s.substr(0, n)); // the remainder keeps its leading whitespace
      break;
    }
    size_t j = n;
    while (j > 0 && !uni_isspace(s[j - 1])) --j;
    append_piece(out, s.substr(j, n - j));
    n = j;
  }
  std::reverse(out->items.begin(), out->items.end());
}

// Shared argument handling of split and rsplit: (sep=None, maxsplit=-1).
void split_args(const Args& a, const char* name, Value& sep, int64_t& maxsplit) {
  Value p[2];
  bind_args(a, name, {"sep", "maxsplit"}, 0, p);
  sep = p[0].is_empty() ? Value::none() : p[0];
  maxsplit = p[1].is_empty() ? -1 : arg_index(p[1]);
  if (maxsplit < 0) maxsplit = INT64_MAX; // as CPython: unlimited (the loops count it down)
  if (!sep.is_none()) {
    str_arg(sep, "must be str or None");
    if (S(sep)->length == 0) raise(types::value_error, "empty separator");
  }
}

Value str_split_m(Value self, const Args& a) {
  Value sep;
  int64_t maxsplit;
  split_args(a, "split", sep, maxsplit);
  List* out = new_list();
  if (sep.is_none()) {
    with_text(S(self), [&](auto s) { split_whitespace(out, s, maxsplit); });
    return Value::object(out);
  }
  with_texts(S(self), S(sep), [&](auto s, auto d) {
    size_t i = 0;
    while (maxsplit-- != 0) {
      size_t j = s.find(d, i);
      if (j == decltype(s)::npos) break;
      append_piece(out, s.substr(i, j - i));
      i = j + d.size();
    }
    append_piece(out, s.substr(i));
  });
  return Value::object(out);
}

Value str_rsplit_m(Value self, const Args& a) {
  Value sep;
  int64_t maxsplit;
  split_args(a, "rsplit", sep, maxsplit);
  List* out = new_list();
  if (sep.is_none()) {
    with_text(S(self), [&](auto s) { rsplit_whitespace(out, s, maxsplit); });
    return Value::object(out);
  }
  with_texts(S(self), S(sep), [&](auto s, auto d) {
    size_t end = s.size();
    while (maxsplit-- != 0 && end >= d.size()) {
      size_t j = s.substr(0, end).rfind(d);
      if (j == decltype(s)::npos) break;
      append_piece(out, s.substr(j + d.size(), end - j - d.size()));
      end = j;
    }
    append_piece(out, s.substr(0, end));
  });
  std::reverse(out->items.begin(), out->items.end());
  return Value::object(out);
}

Value str_splitlines_m(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "splitlines", {"keepends"}, 0, p);
  bool keep = !p[0].is_empty() && truthy(p[0]);
  if (p[0].is_double()) raise(types::type_error, "'float' object cannot be interpreted as an integer");
  List* out = new_list();
  with_text(S(self), [&](auto s) {
    size_t i = 0, n = s.size();
    while (i < n) {
      size_t j = i;
      while (j < n && !uni_islinebreak(s[j])) ++j;
      size_t eol = j;
      if (j < n) {
        j += (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? 2 : 1;
        if (keep) eol = j;
      }
      append_piece(out, s.substr(i, eol - i));
      i = j;
    }
  });
  return Value::object(out);
}

Value str_join_m(Value self, const Args& a) {
  check_one(a, "str.join");
  Value seq = a[0];
  List* tmp = nullptr;
  std::span<const Value> items;
  if (is_list(seq)) items = seq.as<List>()->items;
  else if (is_tuple(seq)) items = seq.as<Tuple>()->span();
  else {
    try {
      tmp = list_from_iterable(seq);
    } catch (const PyException& e) {
      if (exception_matches(e.exc, Value::object(&types::type_error)) && get_attr_or_empty(seq, intern("__iter__")).is_empty())
        raise(types::type_error, "can only join an iterable");
      throw;
    }
    items = tmp->items;
  }
  std::string_view sep = S(self)->view();
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!is_str(items[i]))
      raise_fmt(types::type_error, "sequence item {}: expected str instance, {} found", i, tname(items[i]));
    if (i) out += sep;
    out += S(items[i])->view();
  }
  return str_value(out);
}

Value partition_impl(Value self, const Args& a, const char* qualname, bool from_right) {
  check_one(a, qualname);
  Str* s = S(self);
  Str* sep = str_arg(a[0]);
  if (sep->length == 0) raise(types::value_error, "empty separator");
  std::string_view v = s->view(), d = sep->view();
  size_t pos = from_right ? v.rfind(d) : v.find(d); // UTF-8 is self-synchronizing: byte search is exact
  Value parts[3];
  if (pos == std::string_view::npos) {
    Value empty = str_value("");
    parts[0] = from_right ? empty : self;
    parts[1] = empty;
    parts[2] = from_right ? self : empty;
  } else {
    parts[0] = str_value(v.substr(0, pos));
    parts[1] = a[0];
    parts[2] = str_value(v.substr(pos + d.size()));
  }
  return Value::object(new_tuple(parts));
}

Value str_partition_m(Value self, const Args& a) { return partition_impl(self, a, "str.partition", false); }
Value str_rpartition_m(Value self, const Args& a) { return partition_impl(self, a, "str.rpartition", true); }

// ---- transforming ---------------------------------------------------------------

Value str_replace_m(Value self, const Args& a) {
  no_kwargs(a, "str.replace");
  check_expected(a, "replace", 2, 3);
  Str* old = str_arg(a[0], "replace() argument 1 must be str");
  Str* rep = str_arg(a[1], "replace() argument 2 must be str");
  int64_t count = a.npos > 2 ? arg_index(a[2]) : -1;
  if (count < 0) count = INT64_MAX; // as CPython: unlimited (the loops count it down)
  std::string_view s = S(self)->view(), o = old->view(), r = rep->view();
  std::string out;
  if (o.empty()) {
    // Insert `rep` before every code point and at the end, up to `count` times.
    size_t i = 0;
    while (count != 0) {
      out += r;
      --count;
      if (i == s.size()) break;
      size_t j = i;
      utf8_at(s, j);
      out += s.substr(i, j - i);
      i = j;
    }
    out += s.substr(i);
    return str_value(out);
  }
  size_t i = 0;
  while (count != 0) {
    size_t j = s.find(o, i);
    if (j == std::string_view::npos) break;
    out += s.substr(i, j - i);
    out += r;
    i = j + o.size();
    --count;
  }
  if (i == 0) return self;
  out += s.substr(i);
  return str_value(out);
}

enum class Side { Left = 1, Right = 2, Both = 3 };

Value strip_impl(Value self, const Args& a, const char* name, Side side) {
  check_takes(a, name, 0, 1);
  Value chars = a.npos ? a[0] : Value::none();
  if (!chars.is_none() && !is_str(chars)) raise_fmt(types::type_error, "{} arg must be None or str", name);
  auto strip = [&](auto s, auto pred) {
    size_t b = 0, e = s.size();
    if (static_cast<int>(side) & 1)
      while (b < e && pred(s[b])) ++b;
    if (static_cast<int>(side) & 2)
      while (e > b && pred(s[e - 1])) --e;
    if (b == 0 && e == s.size()) return self;
    return text_value(s.substr(b, e - b));
  };
  if (chars.is_none()) return with_text(S(self), [&](auto s) { return strip(s, [](uint32_t c) { return uni_isspace(c); }); });
  return with_texts(S(self), S(chars), [&](auto s, auto set) {
    return strip(s, [&](auto c) { return set.find(c) != decltype(set)::npos; });
  });
}

Value str_strip_m(Value self, const Args& a) { return strip_impl(self, a, "strip", Side::Both); }
Value str_lstrip_m(Value self, const Args& a) { return strip_impl(self, a, "lstrip", Side::Left); }
Value str_rstrip_m(Value self, const Args& a) { return strip_impl(self, a, "rstrip", Side::Right); }

Value str_removeprefix_m(Value self, const Args& a) {
  check_one(a, "str.removeprefix");
  Str* p = str_arg(a[0], "removeprefix() argument must be str");
  std::string_view s = S(self)->view();
  if (s.substr(0, p->nbytes) != p->view()) return self;
  return str_value(s.substr(p->nbytes));
}

Value str_removesuffix_m(Value self, const Args& a) {
  check_one(a, "str.removesuffix");
  Str* p = str_arg(a[0], "removesuffix() argument must be str");
  std::string_view s = S(self)->view();
  if (p->nbytes == 0 || s.size() < p->nbytes || s.substr(s.size() - p->nbytes) != p->view()) return self;
  return str_value(s.substr(0, s.size() - p->nbytes));
}

// Applies `f(code point, index, previous was cased)` to each code point, appending results.
template <class F> Value map_chars(Value self, F f) {
  std::string_view s = S(self)->view();
  std::string out;
  out.reserve(s.size());
  bool prev_cased = false;
  for (size_t i = 0; i < s.size();) {
    uint32_t c = utf8_at(s, i);
    f(out, c, prev_cased);
    prev_cased = uni_iscased(c);
  }
  return str_value(out);
}

// Upper-casing with the one common multi-character mapping (ß -> SS).
void put_upper(std::string& out, uint32_t c) {
  if (c == 0xdf) out += "SS";
  else utf8_append(out, uni_toupper(c));
}

Value str_upper_m(Value self, const Args& a) {
  check_none(a, "str.upper");
  return map_chars(self, [](std::string& out, uint32_t c, bool) { put_upper(out, c); });
}
Value str_lower_m(Value self, const Args& a) {
  check_none(a, "str.lower");
  return map_chars(self, [](std::string& out, uint32_t c, bool) { utf8_append(out, uni_tolower(c)); });
}
Value str_casefold_m(Value self, const Args& a) {
  check_none(a, "str.casefold");
  return map_chars(self, [](std::string& out, uint32_t c, bool) {
    if (c == 0xdf) out += "ss";
    else if (c == 0x3c2) utf8_append(out, 0x3c3);
    else if (c == 0xb5) utf8_append(out, 0x3bc);
    else utf8_append(out, uni_tolower(c));
  });
}
Value str_swapcase_m(Value self, const Args& a) {
  check_none(a, "str.swapcase");
  return map_chars(self, [](std::string& out, uint32_t c, bool) {
    if (uni_isupper(c)) utf8_append(out, uni_tolower(c));
    else if (uni_islower(c)) put_upper(out, c);
    else utf8_append(out, c);
  });
}
Value str_title_m(Value self, const Args& a) {
  check_none(a, "str.title");
  return map_chars(self, [](std::string& out, uint32_t c, bool prev_cased) {
    if (prev_cased) utf8_append(out, uni_tolower(c));
    else if (c == 0xdf) out += "Ss";
    else utf8_append(out, uni_toupper(c));
  });
}
Value str_capitalize_m(Value self, const Args& a) {
  check_none(a, "str.capitalize");
  bool first = true;
  return map_chars(self, [&](std::string& out, uint32_t c, bool) {
    if (first) {
      if (c == 0xdf) out += "Ss";
      else utf8_append(out, uni_toupper(c));
    } else {
      utf8_append(out, uni_tolower(c));
    }
    first = false;
  });
}

// ---- predicates -------------------------------------------------------------------

template <class Pred> Value all_chars(Value self, const Args& a, const char* qualname, Pred pred) {
  check_none(a, qualname);
  Str* s = S(self);
  if (s->length == 0) return Value::boolean(false);
  std::string_view v = s->view();
  for (size_t i = 0; i < v.size();)
    if (!pred(utf8_at(v, i))) return Value::boolean(false);
  return Value::boolean(true);
}

Value str_isdigit_m(Value self, const Args& a) { return all_chars(self, a, "str.isdigit", uni_isdigit); }
Value str_isdecimal_m(Value self, const Args& a) { return all_chars(self, a, "str.isdecimal", uni_isdecimal); }
Value str_isnumeric_m(Value self, const Args& a) { return all_chars(self, a, "str.isnumeric", uni_isnumeric); }
Value str_isalpha_m(Value self, const Args& a) { return all_chars(self, a, "str.isalpha", uni_isalpha); }
Value str_isspace_m(Value self, const Args& a) { return all_chars(self, a, "str.isspace", uni_isspace); }
Value str_isalnum_m(Value self, const Args& a) {
  return all_chars(self, a, "str.isalnum", [](uint32_t c) { return uni_isalpha(c) || uni_isnumeric(c); });
}
Value str_isascii_m(Value self, const Args& a) {
  check_none(a, "str.isascii");
  return Value::boolean(S(self)->ascii);
}
Value str_isprintable_m(Value self, const Args& a) {
  check_none(a, "str.isprintable");
  std::string_view v = S(self)->view();
  for (size_t i = 0; i < v.size();)
    if (!uni_isprintable(utf8_at(v, i))) return Value::boolean(false);
  return Value::boolean(true);
}

// isupper/islower: at least one cased character and none of the other case.
Value case_predicate(Value self, const Args& a, const char* qualname, bool upper) {
  check_none(a, qualname);
  std::string_view v = S(self)->view();
  bool cased = false;
  for (size_t i = 0; i < v.size();) {
    uint32_t c = utf8_at(v, i);
    if (upper ? uni_islower(c) : uni_isupper(c)) return Value::boolean(false);
    cased = cased || (upper ? uni_isupper(c) : uni_islower(c));
  }
  return Value::boolean(cased);
}
Value str_isupper_m(Value self, const Args& a) { return case_predicate(self, a, "str.isupper", true); }
Value str_islower_m(Value self, const Args& a) { return case_predicate(self, a, "str.islower", false); }

Value str_istitle_m(Value self, const Args& a) {
  check_none(a, "str.istitle");
  std::string_view v = S(self)->view();
  bool cased = false, prev_cased = false;
  for (size_t i = 0; i < v.size();) {
    uint32_t c = utf8_at(v, i);
    if (uni_isupper(c)) {
      if (prev_cased) return Value::boolean(false);
      prev_cased = cased = true;
    } else if (uni_islower(c)) {
      if (!prev_cased) return Value::boolean(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Value::boolean(cased);
}

Value str_isidentifier_m(Value self, const Args& a) {
  check_none(a, "str.isidentifier");
  std::string_view v = S(self)->view();
  if (v.empty()) return Value::boolean(false);
  bool first = true;
  for (size_t i = 0; i < v.size();) {
    uint32_t c = utf8_at(v, i);
    bool ok = c == '_' || uni_isalpha(c) || (!first && uni_isdecimal(c));
    if (!ok) return Value::boolean(false);
    first = false;
  }
  return Value::boolean(true);
}

// ---- padding ---------------------------------------------------------------------

uint32_t fill_char(const Args& a, size_t i) {
  if (a.npos <= i) return ' ';
  if (!is_str(a[i]))
    raise_fmt(types::type_error, "The fill character must be a unicode character, not {}", tname(a[i]));
  if (S(a[i])->length != 1) raise(types::type_error, "The fill character must be exactly one character long");
  size_t pos = 0;
  return utf8_at(S(a[i])->view(), pos);
}

Value pad(Value self, int64_t left, int64_t right, uint32_t fill) {
  if (left <= 0 && right <= 0) return self;
  std::string f;
  utf8_append(f, fill);
  check_alloc_size(static_cast<uint64_t>(std::max<int64_t>(left, 0)) + std::max<int64_t>(right, 0), f.size());
  std::string out;
  for (int64_t i = 0; i < left; ++i) out += f;
  out += S(self)->view();
  for (int64_t i = 0; i < right; ++i) out += f;
  return str_value(out);
}

Value str_center_m(Value self, const Args& a) {
  no_kwargs(a, "str.center");
  check_expected(a, "center", 1, 2);
  int64_t width = arg_index(a[0]);
  uint32_t fill = fill_char(a, 1);
  int64_t marg = width - static_cast<int64_t>(S(self)->length);
  if (marg <= 0) return self;
  int64_t left = marg / 2 + (marg & width & 1); // CPython's rounding of odd margins
  return pad(self, left, marg - left, fill);
}
Value str_ljust_m(Value self, const Args& a) {
  no_kwargs(a, "str.ljust");
  check_expected(a, "ljust", 1, 2);
  int64_t width = arg_index(a[0]);
  return pad(self, 0, width - static_cast<int64_t>(S(self)->length), fill_char(a, 1));
}
Value str_rjust_m(Value self, const Args& a) {
  no_kwargs(a, "str.rjust");
  check_expected(a, "rjust", 1, 2);
  int64_t width = arg_index(a[0]);
  return pad(self, width - static_cast<int64_t>(S(self)->length), 0, fill_char(a, 1));
}

Value str_zfill_m(Value self, const Args& a) {
  check_one(a, "str.zfill");
  int64_t width = arg_index(a[0]);
  std::string_view s = S(self)->view();
  int64_t fill = width - static_cast<int64_t>(S(self)->length);
  if (fill <= 0) return self;
  check_alloc_size(static_cast<uint64_t>(fill), 1);
  std::string out;
  size_t sign = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  out += s.substr(0, sign);
  out.append(static_cast<size_t>(fill), '0');
  out += s.substr(sign);
  return str_value(out);
}

Value str_expandtabs_m(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "expandtabs", {"tabsize"}, 0, p);
  int64_t tab = p[0].is_empty() ? 8 : arg_index(p[0]);
  std::string_view s = S(self)->view();
  std::string out;
  int64_t col = 0;
  for (size_t i = 0; i < s.size();) {
    size_t b = i;
    uint32_t c = utf8_at(s, i);
    if (c == '\t') {
      if (tab > 0) {
        int64_t n = tab - col % tab;
        out.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      out += s.substr(b, i - b);
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return str_value(out);
}

// ---- encoding and translation ---------------------------------------------------

Value str_encode_m(Value self, const Args& a) {
  Value p[2];
  bind_args(a, "encode", {"encoding", "errors"}, 0, p);
  std::string_view enc = "utf-8", errors = "strict";
  if (!p[0].is_empty()) enc = str_arg(p[0], "encode() argument 'encoding' must be str")->view();
  if (!p[1].is_empty()) errors = str_arg(p[1], "encode() argument 'errors' must be str")->view();
  return encode_text(S(self)->view(), enc, errors);
}

// str.maketrans(x[, y[, z]]): a dict from code points to code points, strs or None.
Value str_maketrans_m(Value, const Args& a) {
  no_kwargs(a, "str.maketrans");
  check_expected(a, "maketrans", 1, 3);
  Dict* d = new_dict();
  if (a.npos == 1) {
    if (!is_dict(a[0])) raise(types::type_error, "if you give only one argument to maketrans it must be a dict");
    size_t pos = 0;
    Value k, v;
    while (dict_next(a[0].as<Dict>(), pos, k, v)) {
      if (is_str(k)) {
        if (S(k)->length != 1) raise(types::value_error, "string keys in translate table must be of length 1");
        size_t i = 0;
        k = make_int(static_cast<int64_t>(utf8_at(S(k)->view(), i)));
      } else if (!is_integer(k)) {
        raise(types::type_error, "keys in translate table must be strings or integers");
      }
      dict_set(d, k, v);
    }
    return Value::object(d);
  }
  Str* x = str_arg(a[0], "maketrans() argument 1 must be str");
  Str* y = str_arg(a[1], "maketrans() argument 2 must be str");
  if (x->length != y->length) raise(types::value_error, "the first two maketrans arguments must have equal length");
  std::u32string ux = decode_text(x), uy = decode_text(y);
  for (size_t i = 0; i < ux.size(); ++i) dict_set(d, make_int(int64_t(ux[i])), make_int(int64_t(uy[i])));
  if (a.npos == 3) {
    Str* z = str_arg(a[2], "maketrans() argument 3 must be str");
    for (char32_t c : decode_text(z)) dict_set(d, make_int(int64_t(c)), Value::none());
  }
  return Value::object(d);
}

Value str_translate_m(Value self, const Args& a) {
  check_one(a, "str.translate");
  Value table = a[0];
  std::string_view s = S(self)->view();
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t b = i;
    uint32_t c = utf8_at(s, i);
    Value r;
    try {
      r = get_item(table, make_int(int64_t(c)));
    } catch (const PyException& e) {
      if (!exception_matches(e.exc, Value::object(&types::lookup_error))) throw;
      out += s.substr(b, i - b);
      continue;
    }
    if (r.is_none()) continue;
    if (is_str(r)) out += S(r)->view();
    else if (is_integer(r)) {
      auto cp = int_as_i64(r);
      if (!cp || *cp < 0 || *cp > 0x10ffff) raise(types::value_error, "character mapping must be in range(0x110000)");
      utf8_append(out, static_cast<uint32_t>(*cp));
    } else {
      raise(types::type_error, "character mapping must return integer, None or str");
    }
  }
  return str_value(out);
}

template <NativeFn F> constexpr NativeFn M = method<&types::str, F>;

} // namespace

Value str_format_method(Value self, const Args& a);     // str_format.cpp
Value str_format_map_method(Value self, const Args& a); // str_format.cpp

void init_str_methods() {
  add_methods(types::str, {
      {"find", M<str_find_m>}, {"rfind", M<str_rfind_m>}, {"index", M<str_index_m>},
      {"rindex", M<str_rindex_m>}, {"count", M<str_count_m>}, {"startswith", M<str_startswith_m>},
      {"endswith", M<str_endswith_m>}, {"split", M<str_split_m>}, {"rsplit", M<str_rsplit_m>},
      {"splitlines", M<str_splitlines_m>}, {"join", M<str_join_m>}, {"partition", M<str_partition_m>},
      {"rpartition", M<str_rpartition_m>}, {"replace", M<str_replace_m>}, {"strip", M<str_strip_m>},
      {"lstrip", M<str_lstrip_m>}, {"rstrip", M<str_rstrip_m>}, {"removeprefix", M<str_removeprefix_m>},
      {"removesuffix", M<str_removesuffix_m>}, {"upper", M<str_upper_m>}, {"lower", M<str_lower_m>},
      {"casefold", M<str_casefold_m>}, {"swapcase", M<str_swapcase_m>}, {"title", M<str_title_m>},
      {"capitalize", M<str_capitalize_m>}, {"isdigit", M<str_isdigit_m>}, {"isdecimal", M<str_isdecimal_m>},
      {"isnumeric", M<str_isnumeric_m>}, {"isalpha", M<str_isalpha_m>}, {"isalnum", M<str_isalnum_m>},
      {"isspace", M<str_isspace_m>}, {"isascii", M<str_isascii_m>}, {"isprintable", M<str_isprintable_m>},
      {"isupper", M<str_isupper_m>}, {"islower", M<str_islower_m>}, {"istitle", M<str_istitle_m>},
      {"isidentifier", M<str_isidentifier_m>}, {"center", M<str_center_m>}, {"ljust", M<str_ljust_m>},
      {"rjust", M<str_rjust_m>}, {"zfill", M<str_zfill_m>}, {"expandtabs", M<str_expandtabs_m>},
      {"encode", M<str_encode_m>}, {"translate", M<str_translate_m>}, {"maketrans", str_maketrans_m},
      {"format", M<str_format_method>}, {"format_map", M<str_format_map_method>},
  });
}

} // namespace tributary::lib
