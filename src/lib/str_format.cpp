// str_format.cpp — str.format / str.format_map (PEP 3101 fields).
// (printf-style `str % args` is percent_format.cpp.)
//
// Replacement fields are parsed exactly as CPython's MarkupIterator does:
// `{name[.attr|[key]]*[!conv][:spec]}` where `spec` may itself contain one
// level of nested fields (two levels raise "Max string recursion exceeded").
// The number rendering is fmtlib's (runtime/format.h).
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

