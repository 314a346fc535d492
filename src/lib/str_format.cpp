// str_format.cpp — str.format / str.format_map (PEP 3101 fields) and
// printf-style `str % args`.
//
// Replacement fields are parsed exactly as CPython's MarkupIterator does:
// `{name[.attr|[key]]*[!conv][:spec]}` where `spec` may itself contain one
// level of nested fields (two levels raise "Max string recursion exceeded").
// The number rendering of both mechanisms is fmtlib's (runtime/format.h).
#include <cmath>

#include "lib/lib.h"
#include "lib/native.h"
#include "lib/str_text.h"
#include "runtime/containers.h"
#include "runtime/format.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

// ---- str.format -----------------------------------------------------------------

struct FormatContext {
  const Args* args;   // positional and keyword arguments (format)
  Value mapping;      // format_map's mapping, or empty
  int auto_index = 0; // next automatic field number; -1 once manual numbering is used
  bool manual = false;
};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int64_t parse_index(std::string_view s) {
  int64_t v = 0;
  for (char c : s) {
    if (v > (INT64_MAX - 9) / 10) raise(types::value_error, "Too many decimal digits in format string");
    v = v * 10 + (c - '0');
  }
  return v;
}

// The object named by a field's first part (number, empty for automatic, or name).
Value lookup_argument(FormatContext& ctx, std::string_view first) {
  if (first.empty() || all_digits(first)) {
    int64_t index;
    if (first.empty()) {
      if (ctx.manual)
        raise(types::value_error, "cannot switch from manual field specification to automatic field numbering");
      index = ctx.auto_index++;
    } else {
      if (ctx.auto_index > 0)
        raise(types::value_error, "cannot switch from automatic field numbering to manual field specification");
      ctx.manual = true;
      index = parse_index(first);
    }
    if (!ctx.mapping.is_empty()) raise(types::value_error, "Format string contains positional fields");
    if (index >= static_cast<int64_t>(ctx.args->npos))
      raise_fmt(types::index_error, "Replacement index {} out of range for positional args tuple", index);
    return ctx.args->pos[index];
  }
  Value key = str_value(first);
  if (!ctx.mapping.is_empty()) return get_item(ctx.mapping, key);
  for (uint32_t i = 0; i < ctx.args->nkw; ++i)
    if (ctx.args->kwnames[i].as<Str>()->view() == first) return ctx.args->kwvals[i];
  Value k[1] = {key};
  raise(Value::object(new_exception(&types::key_error, k)));
}

// Resolves `name(.attr|[key])*` to a value.
Value resolve_field(FormatContext& ctx, std::string_view name) {
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  Value v = lookup_argument(ctx, name.substr(0, i));
  while (i < name.size()) {
    if (name[i] == '.') {
      size_t j = ++i;
      while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
      if (j == i) raise(types::value_error, "Empty attribute in format string");
      v = get_attr(v, intern(name.substr(i, j - i)));
      i = j;
    } else {
      size_t j = ++i;
      while (j < name.size() && name[j] != ']') ++j;
      if (j == name.size()) raise(types::value_error, "Missing ']' in format string");
      if (j == i) raise(types::value_error, "Empty attribute in format string");
      std::string_view key = name.substr(i, j - i);
      v = get_item(v, all_digits(key) ? make_int(parse_index(key)) : str_value(key));
      i = j + 1;
      if (i < name.size() && name[i] != '.' && name[i] != '[')
        raise(types::value_error, "Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return v;
}

void render_format(FormatContext& ctx, std::string_view fmt, std::string& out, int depth);

// One replacement field's text between the braces.
void render_field(FormatContext& ctx, std::string_view field, std::string& out, int depth) {
  // Split name / conversion / spec; brackets in the name may contain ':' or '!'.
  size_t i = 0;
  while (i < field.size() && field[i] != '!' && field[i] != ':') {
    if (field[i] == '[') {
      while (i < field.size() && field[i] != ']') ++i;
      if (i == field.size()) break;
    }
    ++i;
  }
  std::string_view name = field.substr(0, i);
  char conversion = 0;
  std::string_view spec;
  if (i < field.size() && field[i] == '!') {
    if (i + 1 >= field.size()) raise(types::value_error, "unmatched '{' in format spec");
    conversion = field[i + 1];
    i += 2;
    if (i < field.size() && field[i] != ':') raise(types::value_error, "expected ':' after conversion specifier");
  }
  if (i < field.size()) spec = field.substr(i + 1);
  Value v = resolve_field(ctx, name);
  switch (conversion) {
  case 0: break;
  case 'r': v = Value::object(repr(v)); break;
  case 's': v = Value::object(to_str(v)); break;
  case 'a': v = str_value(ascii_escape(repr(v)->view())); break;
  default:
    std::string c;
    utf8_append(c, static_cast<unsigned char>(conversion));
    raise_fmt(types::value_error, "Unknown conversion specifier {}", c);
  }
  std::string expanded;
  if (spec.find('{') != std::string_view::npos) {
    if (depth <= 1) raise(types::value_error, "Max string recursion exceeded");
    render_format(ctx, spec, expanded, depth - 1);
    spec = expanded;
  }
  if (spec.empty() && is_str(v)) out += v.as<Str>()->view();
  else out += format_value(v, new_str(spec))->view();
}

void render_format(FormatContext& ctx, std::string_view fmt, std::string& out, int depth) {
  size_t i = 0, n = fmt.size();
  while (i < n) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < n && fmt[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      raise(types::value_error, "Single '}' encountered in format string");
    }
    if (c != '{') {
      size_t j = i;
      while (j < n && fmt[j] != '{' && fmt[j] != '}') ++j;
      out.append(fmt.substr(i, j - i));
      i = j;
      continue;
    }
    if (i + 1 < n && fmt[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    // Find the matching '}' counting nested braces (and skipping [...] in the name).
    size_t j = i + 1;
    int level = 1;
    bool in_name = true, in_bracket = false;
    for (; j < n; ++j) {
      char d = fmt[j];
      if (in_name && in_bracket) {
        if (d == ']') in_bracket = false;
        continue;
      }
      if (in_name && d == '[') {
        in_bracket = true;
        continue;
      }
      if (d == ':' || d == '!') in_name = false;
      if (d == '{') ++level;
      else if (d == '}' && --level == 0) break;
    }
    if (j >= n) {
      if (i + 1 == n) raise(types::value_error, "Single '{' encountered in format string");
      raise(types::value_error, "expected '}' before end of string");
    }
    render_field(ctx, fmt.substr(i + 1, j - i - 1), out, depth);
    i = j + 1;
  }
}

// ---- printf-style formatting ----------------------------------------------------

struct PercentState {
  std::span<const Value> items;
  size_t next = 0;
  Value mapping; // dict argument, or empty
};

Value next_arg(PercentState& st) {
  if (st.next >= st.items.size()) raise(types::type_error, "not enough arguments for format string");
  return st.items[st.next++];
}

std::string printf_integer(Value v, const fmtlib::PrintfSpec& spec) {
  if (auto i = int_as_i64(v)) return fmtlib::printf_int(*i, spec);
  Mpz z;
  int_to_mpz(v, z);
  std::string s = fmtlib::printf_int(z, spec);
  return s;
}

// Integer conversions: %d %i %u accept real numbers, %x %X %o need integers.
std::string convert_int(Value v, fmtlib::PrintfSpec& spec) {
  char c = spec.conversion;
  bool decimal = c == 'd' || c == 'i' || c == 'u';
  if (decimal && c != 'd') spec.conversion = 'd';
  if (v.is_double() && decimal) {
    double d = v.as_double();
    if (std::isinf(d)) raise(types::overflow_error, "cannot convert float infinity to integer");
    if (std::isnan(d)) raise(types::value_error, "cannot convert float NaN to integer");
    d = std::trunc(d);
    if (std::fabs(d) < 9.0e15) return fmtlib::printf_int(static_cast<int64_t>(d), spec);
    Mpz z;
    mpz_set_d(z, d);
    std::string s = fmtlib::printf_int(z, spec);
    return s;
  }
  if (!is_integer(v)) {
    Value r = call_dunder(v, decimal ? "__int__" : "__index__");
    if (r.is_empty() || !is_integer(r)) {
      if (decimal) raise_fmt(types::type_error, "%{} format: a real number is required, not {}", c, tname(v));
      raise_fmt(types::type_error, "%{} format: an integer is required, not {}", c, tname(v));
    }
    v = r;
  }
  return printf_integer(v, spec);
}

std::string convert_float(Value v, const fmtlib::PrintfSpec& spec) {
  auto d = real_as_double(v);
  if (!d) raise_fmt(types::type_error, "must be real number, not {}", tname(v));
  return fmtlib::printf_float(*d, spec);
}

std::string convert_char(Value v, const fmtlib::PrintfSpec& spec) {
  if (is_str(v)) {
    if (v.as<Str>()->length != 1) raise(types::type_error, "%c requires int or char");
    return fmtlib::printf_str(v.as<Str>()->view(), spec);
  }
  if (!is_integer(v)) raise(types::type_error, "%c requires int or char");
  auto cp = int_as_i64(v);
  return fmtlib::printf_char(cp ? *cp : -1, spec);
}

// Parses a width or precision: digits or '*' (taken from the arguments).
int64_t parse_number(std::string_view f, size_t& i, PercentState& st, bool& from_star, bool& left) {
  from_star = false;
  if (i < f.size() && f[i] == '*') {
    ++i;
    from_star = true;
    Value v = next_arg(st);
    if (!is_integer(v)) raise(types::type_error, "* wants int");
    auto n = int_as_i64(v);
    if (!n) raise(types::overflow_error, "Python int too large to convert to C ssize_t");
    if (*n < 0) {
      left = true;
      return -*n;
    }
    return *n;
  }
  int64_t n = -1;
  while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
    n = (n < 0 ? 0 : n) * 10 + (f[i++] - '0');
    if (n > INT32_MAX) raise(types::value_error, "width too big");
  }
  return n;
}

} // namespace

Value str_format_method(Value self, const Args& a) {
  FormatContext ctx{&a, Value::empty()};
  std::string out;
  render_format(ctx, self.as<Str>()->view(), out, 2);
  return str_value(out);
}

Value str_format_map_method(Value self, const Args& a) {
  check_one(a, "str.format_map");
  Args none{};
  FormatContext ctx{&none, a[0]};
  std::string out;
  render_format(ctx, self.as<Str>()->view(), out, 2);
  return str_value(out);
}

} // namespace tributary::lib

namespace tributary {

Str* str_percent_format(Str* format, Value args) {
  using namespace lib;
  PercentState st;
  Value single[1] = {args};
  if (is_tuple(args)) {
    st.items = args.as<Tuple>()->span();
  } else {
    st.items = single;
    // A mapping argument (not a str or tuple) enables %(name)s.
    if (is_dict(args) || (!is_str(args) && !type_lookup(type_of(args), intern("__getitem__")).is_empty() &&
                          !is_list(args) && !is_kind(args, Kind::Bytes)))
      st.mapping = args;
  }
  std::string_view f = format->view();
  std::string out;
  size_t i = 0;
  while (i < f.size()) {
    size_t pct = f.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(f.substr(i));
      break;
    }
    out.append(f.substr(i, pct - i));
    i = pct + 1;
    if (i >= f.size()) raise(types::value_error, "incomplete format");
    if (f[i] == '%') {
      out += '%';
      ++i;
      continue;
    }
    Value arg = Value::empty();
    if (f[i] == '(') {
      if (st.mapping.is_empty()) raise(types::type_error, "format requires a mapping");
      int depth = 1;
      size_t j = ++i;
      while (j < f.size() && depth) {
        if (f[j] == '(') ++depth;
        else if (f[j] == ')') --depth;
        ++j;
      }
      if (depth) raise(types::value_error, "incomplete format key");
      arg = get_item(st.mapping, str_value(f.substr(i, j - 1 - i)));
      i = j;
    }
    fmtlib::PrintfSpec spec;
    for (; i < f.size(); ++i) {
      char c = f[i];
      if (c == '-') spec.left = true;
      else if (c == '+') spec.plus = true;
      else if (c == ' ') spec.space = true;
      else if (c == '#') spec.alternate = true;
      else if (c == '0') spec.zero = true;
      else break;
    }
    bool star = false;
    spec.width = parse_number(f, i, st, star, spec.left);
    if (i < f.size() && f[i] == '.') {
      ++i;
      bool ignored = false;
      spec.precision = parse_number(f, i, st, star, ignored);
      if (spec.precision < 0) spec.precision = 0;
    }
    while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) ++i;
    if (i >= f.size()) raise(types::value_error, "incomplete format");
    size_t conv_pos = i;
    char conv = f[i++];
    spec.conversion = conv;
    if (conv == '%') {
      out += '%';
      continue;
    }
    if (arg.is_empty()) arg = next_arg(st);
    switch (conv) {
    case 's': out += fmtlib::printf_str(to_str(arg)->view(), spec); break;
    case 'r': out += fmtlib::printf_str(repr(arg)->view(), spec); break;
    case 'a': out += fmtlib::printf_str(ascii_escape(repr(arg)->view()), spec); break;
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': out += convert_int(arg, spec); break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': out += convert_float(arg, spec); break;
    case 'c': out += convert_char(arg, spec); break;
    default: {
      size_t index = utf8_length(f.substr(0, conv_pos));
      size_t p = conv_pos;
      uint32_t cp = utf8_at(f, p);
      std::string ch;
      utf8_append(ch, cp);
      raise_fmt(types::value_error, "unsupported format character '{}' (0x{:x}) at index {}", ch, cp, index);
    }
    }
  }
  if (st.mapping.is_empty() && st.next < st.items.size())
    raise(types::type_error, "not all arguments converted during string formatting");
  return new_str(out);
}

} // namespace tributary
