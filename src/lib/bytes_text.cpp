// bytes_text.cpp — the ASCII text methods of bytes and bytearray: case
// predicates and conversions, padding, expandtabs, removeprefix/removesuffix
// and maketrans. Only ASCII letters have case (as CPython's bytes_methods.c).
// An exact bytes receiver comes back itself when nothing changes.
#include "lib/bytes_internal.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
char to_upper(unsigned char c) { return static_cast<char>(is_lower(c) ? c - 32 : c); }
char to_lower(unsigned char c) { return static_cast<char>(is_upper(c) ? c + 32 : c); }

// isupper/islower: at least one cased byte, and none of the other case.
template <bool (*Want)(unsigned char), bool (*Other)(unsigned char)>
Value cased_only(Value self, const Args& a, const char* name) {
  check_no_args(self, a, name);
  bool cased = false;
  for (unsigned char c : self_view(self)) {
    if (Other(c)) return Value::boolean(false);
    cased = cased || Want(c);
  }
  return Value::boolean(cased);
}
Value m_isupper(Value self, const Args& a) { return cased_only<is_upper, is_lower>(self, a, "isupper"); }
Value m_islower(Value self, const Args& a) { return cased_only<is_lower, is_upper>(self, a, "islower"); }

// Uppercase only after uncased bytes, lowercase only after cased ones.
Value m_istitle(Value self, const Args& a) {
  check_no_args(self, a, "istitle");
  bool cased = false, previous_cased = false;
  for (unsigned char c : self_view(self)) {
    if (is_upper(c)) {
      if (previous_cased) return Value::boolean(false);
      previous_cased = cased = true;
    } else if (is_lower(c)) {
      if (!previous_cased) return Value::boolean(false);
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return Value::boolean(cased);
}

Value m_title(Value self, const Args& a) {
  check_no_args(self, a, "title");
  std::string out(self_view(self));
  bool previous_cased = false;
  for (char& ch : out) {
    auto c = static_cast<unsigned char>(ch);
    ch = previous_cased ? to_lower(c) : to_upper(c);
    previous_cased = is_lower(c) || is_upper(c);
  }
  return make_like(self, out);
}

Value m_capitalize(Value self, const Args& a) {
  check_no_args(self, a, "capitalize");
  std::string out(self_view(self));
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    out[i] = i == 0 ? to_upper(c) : to_lower(c);
  }
  return make_like(self, out);
}

Value m_swapcase(Value self, const Args& a) {
  check_no_args(self, a, "swapcase");
  std::string out(self_view(self));
  for (char& ch : out) {
    auto c = static_cast<unsigned char>(ch);
    ch = is_upper(c) ? to_lower(c) : to_upper(c);
  }
  return make_like(self, out);
}

Value m_expandtabs(Value self, const Args& a) {
  Value p[1];
  bind_args(a, "expandtabs", {"tabsize"}, 0, p);
  int64_t tabsize = p[0].is_empty() ? 8 : arg_index(p[0]);
  std::string out;
  size_t column = 0;
  for (char c : self_view(self)) {
    if (c == '\t') {
      if (tabsize > 0) {
        size_t n = tabsize - column % tabsize;
        out.append(n, ' ');
        column += n;
      }
      continue;
    }
    out += c;
    column = c == '\n' || c == '\r' ? 0 : column + 1;
  }
  return make_like(self, out);
}

// center/ljust/rjust(width[, fillchar]): `left` of the padding before the data.
using LeftPad = size_t (*)(size_t pad, int64_t width);
size_t pad_left_all(size_t pad, int64_t) { return pad; }
size_t pad_left_none(size_t, int64_t) { return 0; }
size_t pad_left_center(size_t pad, int64_t width) { return pad / 2 + (pad & width & 1); } // (CPython's rounding)

template <LeftPad Left> Value pad(Value self, const Args& a, const char* name) {
  if (a.nkw) no_kwargs(a, method_qualname(self, name).c_str());
  check_expected(a, name, 1, 2);
  int64_t width = arg_index(a[0]);
  char fill = ' ';
  if (a.npos > 1) {
    auto f = bytes_like(a[1]);
    if (!f || f->size() != 1)
      raise_fmt(types::type_error, "{}() argument 2 must be a byte string of length 1, not {}", name, tname(a[1]));
    fill = (*f)[0];
  }
  std::string_view data = self_view(self);
  if (width <= static_cast<int64_t>(data.size())) return part_of(self, data);
  size_t total = static_cast<size_t>(width) - data.size();
  size_t left = Left(total, width);
  std::string out(left, fill);
  out += data;
  out.append(total - left, fill);
  return make_like(self, out);
}
Value m_center(Value self, const Args& a) { return pad<pad_left_center>(self, a, "center"); }
Value m_ljust(Value self, const Args& a) { return pad<pad_left_none>(self, a, "ljust"); }
Value m_rjust(Value self, const Args& a) { return pad<pad_left_all>(self, a, "rjust"); }

Value m_removeprefix(Value self, const Args& a) {
  check_one_arg(self, a, "removeprefix");
  std::string_view data = self_view(self), prefix = buffer_arg(a[0]);
  return part_of(self, data.starts_with(prefix) ? data.substr(prefix.size()) : data);
}

Value m_removesuffix(Value self, const Args& a) {
  check_one_arg(self, a, "removesuffix");
  std::string_view data = self_view(self), suffix = buffer_arg(a[0]);
  return part_of(self, data.ends_with(suffix) && !suffix.empty() ? data.substr(0, data.size() - suffix.size()) : data);
}

// bytes.maketrans(from, to): the 256-byte table translate() takes.
Value bytes_maketrans(Value, const Args& a) {
  check_expected(a, "maketrans", 2, 2);
  std::string_view from = buffer_arg(a[0]), to = buffer_arg(a[1]);
  if (from.size() != to.size()) raise(types::value_error, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i)
    table[i] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i)
    table[static_cast<unsigned char>(from[i])] = to[i];
  return make_bytes(table);
}

template <Type* T> void add_to(Type& t) {
  add_methods(t, {{"isupper", method<T, m_isupper>},
                  {"islower", method<T, m_islower>},
                  {"istitle", method<T, m_istitle>},
                  {"title", method<T, m_title>},
                  {"capitalize", method<T, m_capitalize>},
                  {"swapcase", method<T, m_swapcase>},
                  {"expandtabs", method<T, m_expandtabs>},
                  {"center", method<T, m_center>},
                  {"ljust", method<T, m_ljust>},
                  {"rjust", method<T, m_rjust>},
                  {"removeprefix", method<T, m_removeprefix>},
                  {"removesuffix", method<T, m_removesuffix>}});
  add_attr(t, "maketrans", new_native("maketrans", bytes_maketrans));
}

} // namespace

void add_bytes_text_methods() {
  add_to<&types::bytes>(types::bytes);
  add_to<&bytearray_type>(bytearray_type);
}

} // namespace tributary::lib
