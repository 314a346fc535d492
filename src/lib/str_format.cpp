// str_format.cpp — str.format / str.format_map (PEP 3101 fields).
// (printf-style `str % args` is percent_format.cpp.)
//
// Replacement fields are parsed exactly as CPython's MarkupIterator does:
// `{name[.attr|[key]]*[!conv][:spec]}` where `spec` may itself contain one
// level of nested fields (two levels raise "Max string recursion exceeded").
// The number rendering is fmtlib's (runtime/format.h). `_string`
// (string.Formatter's parser) exposes the same field parser.
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

// One step past a field name's first part: `.attr` or `[key]` from `name[i]` on.
struct FieldPart {
  bool is_attr;
  std::string_view key;
};

// Where a field name's first part (argument number or name) ends.
size_t first_part_end(std::string_view name) {
  size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  return i;
}

// Reads the part at name[i] (a '.' or '['), advancing `i`; CPython's errors.
FieldPart next_field_part(std::string_view name, size_t& i) {
  size_t j = ++i;
  if (name[i - 1] == '.') {
    while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
    if (j == i) raise(types::value_error, "Empty attribute in format string");
    FieldPart part{true, name.substr(i, j - i)};
    i = j;
    return part;
  }
  while (j < name.size() && name[j] != ']') ++j;
  if (j == name.size()) raise(types::value_error, "Missing ']' in format string");
  if (j == i) raise(types::value_error, "Empty attribute in format string");
  FieldPart part{false, name.substr(i, j - i)};
  i = j + 1;
  if (i < name.size() && name[i] != '.' && name[i] != '[')
    raise(types::value_error, "Only '.' or '[' may follow ']' in format field specifier");
  return part;
}

// An item key or first part as str.format sees it: digits are an int.
Value field_key(std::string_view key) { return all_digits(key) ? make_int(parse_index(key)) : str_value(key); }

// Resolves `name(.attr|[key])*` to a value.
Value resolve_field(FormatContext& ctx, std::string_view name) {
  size_t i = first_part_end(name);
  Value v = lookup_argument(ctx, name.substr(0, i));
  while (i < name.size()) {
    FieldPart part = next_field_part(name, i);
    v = part.is_attr ? get_attr(v, intern(part.key)) : get_item(v, field_key(part.key));
  }
  return v;
}

// A replacement field's text between the braces, split as CPython's parse_field
// does; brackets in the name may contain ':' or '!'. `conversion` is 0 when absent.
struct FieldText {
  std::string_view name;
  char conversion = 0;
  std::string_view spec;
  bool has_spec = false;
};

FieldText split_field(std::string_view field) {
  size_t i = 0;
  while (i < field.size() && field[i] != '!' && field[i] != ':') {
    if (field[i] == '[') {
      while (i < field.size() && field[i] != ']') ++i;
      if (i == field.size()) break;
    }
    ++i;
  }
  FieldText f;
  f.name = field.substr(0, i);
  if (i < field.size() && field[i] == '!') {
    if (i + 1 >= field.size()) raise(types::value_error, "unmatched '{' in format spec");
    f.conversion = field[i + 1];
    i += 2;
    if (i < field.size() && field[i] != ':') raise(types::value_error, "expected ':' after conversion specifier");
  }
  if (i < field.size()) {
    f.spec = field.substr(i + 1);
    f.has_spec = true;
  }
  return f;
}

// One step of CPython's MarkupIterator: a run of literal text (an escaped
// brace ends it, kept once) and the replacement field after it, if any.
struct Markup {
  std::string_view literal;
  bool has_field = false;
  std::string_view field; // between the braces
};

// Reads the next piece of `fmt` from `i`; false at the end.
bool next_markup(std::string_view fmt, size_t& i, Markup& out) {
  size_t n = fmt.size();
  if (i >= n) return false;
  size_t j = i;
  while (j < n && fmt[j] != '{' && fmt[j] != '}') ++j;
  out = Markup{fmt.substr(i, j - i), false, {}};
  if (j == n) {
    i = j;
    return true;
  }
  if (j + 1 < n && fmt[j + 1] == fmt[j]) { // "{{" or "}}"
    out.literal = fmt.substr(i, j + 1 - i);
    i = j + 2;
    return true;
  }
  if (fmt[j] == '}') raise(types::value_error, "Single '}' encountered in format string");
  if (j + 1 == n) raise(types::value_error, "Single '{' encountered in format string");
  // Find the matching '}' counting nested braces (and skipping [...] in the name).
  size_t k = j + 1;
  int level = 1;
  bool in_name = true, in_bracket = false;
  for (; k < n; ++k) {
    char d = fmt[k];
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
  if (k >= n) raise(types::value_error, "expected '}' before end of string");
  out.has_field = true;
  out.field = fmt.substr(j + 1, k - j - 1);
  i = k + 1;
  return true;
}

void render_format(FormatContext& ctx, std::string_view fmt, std::string& out, int depth);

// One replacement field's text between the braces.
void render_field(FormatContext& ctx, std::string_view field, std::string& out, int depth) {
  FieldText f = split_field(field);
  Value v = resolve_field(ctx, f.name);
  switch (f.conversion) {
  case 0: break;
  case 'r': v = Value::object(repr(v)); break;
  case 's': v = Value::object(to_str(v)); break;
  case 'a': v = str_value(ascii_escape(repr(v)->view())); break;
  default:
    std::string c;
    utf8_append(c, static_cast<unsigned char>(f.conversion));
    raise_fmt(types::value_error, "Unknown conversion specifier {}", c);
  }
  std::string_view spec = f.spec;
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
  size_t i = 0;
  Markup m;
  while (next_markup(fmt, i, m)) {
    out += m.literal;
    if (m.has_field) render_field(ctx, m.field, out, depth);
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

// ---- _string: the parser above, for string.Formatter ------------------------------

namespace {

Str* str_arg(const Args& a, const char* name) {
  check_one(a, name);
  if (!is_str(a[0])) raise_fmt(types::type_error, "expected str, got {}", tname(a[0]));
  return a[0].as<Str>();
}

Value optional_str(bool present, std::string_view s) { return present ? str_value(s) : Value::none(); }

// formatter_parser(s): an iterator of (literal, field_name, format_spec, conversion).
Value formatter_parser(Value, const Args& a) {
  std::string_view fmt = str_arg(a, "formatter_parser")->view();
  List* out = new_list();
  size_t i = 0;
  Markup m;
  while (next_markup(fmt, i, m)) {
    FieldText f = m.has_field ? split_field(m.field) : FieldText{};
    Value conversion = Value::none();
    if (f.conversion) conversion = str_value(std::string_view(&f.conversion, 1));
    Value items[4] = {str_value(m.literal), optional_str(m.has_field, f.name), optional_str(m.has_field, f.spec),
                      conversion};
    list_append(out, Value::object(new_tuple(items)));
  }
  return get_iter(Value::object(out));
}

// formatter_field_name_split(name): (first, iterator of (is_attr, key)).
Value formatter_field_name_split(Value, const Args& a) {
  std::string_view name = str_arg(a, "formatter_field_name_split")->view();
  size_t i = first_part_end(name);
  List* rest = new_list();
  for (size_t j = i; j < name.size();) {
    FieldPart part = next_field_part(name, j);
    Value pair[2] = {Value::boolean(part.is_attr), part.is_attr ? str_value(part.key) : field_key(part.key)};
    list_append(rest, Value::object(new_tuple(pair)));
  }
  Value result[2] = {field_key(name.substr(0, i)), get_iter(Value::object(rest))};
  return Value::object(new_tuple(result));
}

} // namespace

Module* make_string_module() {
  Module* m = new_module("_string");
  add_function(m, "formatter_parser", formatter_parser);
  add_function(m, "formatter_field_name_split", formatter_field_name_split);
  return m;
}

} // namespace tributary::lib

