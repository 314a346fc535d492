// str_format.cpp — str.format / str.format_map (PEP 3101 fields) and
// printf-style `str % args`.
//
// Replacement fields are parsed exactly as CPython's MarkupIterator does:
// `{name[.attr|[key]]*[!conv][:spec]}` where `spec` may itself contain one
// level of nested fields (two levels raise "Max string recursion exceeded").
// The number rendering of both mechanisms is fmtlib's (runtime/format.h).
// `_string` (string.Formatter's parser) exposes the same field parser.
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
  out = Markup{fmt.substr(i, j - i)};
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
  double d;
  if (v.is_double()) d = v.as_double();
  else if (is_integer(v)) d = int_to_double(v);
  else {
    Value r = call_dunder(v, "__float__");
    if (r.is_empty() || !r.is_double()) raise_fmt(types::type_error, "must be real number, not {}", tname(v));
    d = r.as_double();
  }
  return fmtlib::printf_float(d, spec);
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
