// csv_module.cpp — `_csv`, the engine under CPython's csv.py: Dialect,
// reader, writer, the dialect registry and field_size_limit, following
// CPython 3.11's Modules/_csv.c (its parser's states, its quoting rules and
// its error messages).
//
// Fields are handled as code points; a reader's line may hold NUL (as 3.11
// allows), so the end of a line is a separate event, not a '\0' character.
#include <span>
#include <string>

#include "lib/complex.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

enum Quoting { kQuoteMinimal, kQuoteAll, kQuoteNonnumeric, kQuoteNone };
constexpr uint32_t kNotSet = 0xFFFFFFFF; // no escapechar / quotechar
constexpr uint32_t kEol = 0xFFFFFFFE;    // the end of a reader's line

Type dialect_type, reader_type, writer_type, error_type;
Dict* registry = nullptr; // name -> Dialect (a GC root)
int64_t field_limit = 128 * 1024;

struct Dialect : Object {
  uint32_t delimiter, escapechar, quotechar;
  bool doublequote, skipinitialspace, strict;
  int quoting;
  Value lineterminator; // str
};

[[noreturn]] void csv_error(const std::string& msg) { raise(Value::object(new_exception(&error_type, msg))); }

Dialect* dialect_self(Value v) {
  if (!is_subtype(type_of(v), &dialect_type)) raise_type_error("descriptor requires a '_csv.Dialect' object");
  return v.as<Dialect>();
}

// ---- Dialect ---------------------------------------------------------------------------------

void set_char(const char* name, uint32_t& target, Value src, uint32_t dflt, bool or_none) {
  if (src.is_empty()) {
    target = dflt;
    return;
  }
  if (or_none && src.is_none()) {
    target = kNotSet;
    return;
  }
  if (!is_str(src))
    raise_fmt(types::type_error, "\"{}\" must be string{}, not {}", name, or_none ? " or None" : "", tname(src));
  std::string_view s = src.as<Str>()->view();
  size_t pos = 0;
  if (s.empty() || (utf8_at(s, pos), pos != s.size()))
    raise_fmt(types::type_error, "\"{}\" must be a 1-character string", name);
  pos = 0;
  target = utf8_at(s, pos);
}

bool set_bool(Value src, bool dflt) { return src.is_empty() ? dflt : truthy(src); }

constexpr const char* kParams[] = {"delimiter", "doublequote", "escapechar",       "lineterminator",
                                   "quotechar", "quoting",     "skipinitialspace", "strict"};

// _csv.Dialect(dialect=None, **params): a dialect from a registered name, an
// object with the attributes, and keyword overrides.
Value make_dialect(Value dialect, const Args& kw) {
  Value p[8];
  for (uint32_t i = 0; i < kw.nkw; ++i) {
    std::string_view k = kw.kwnames[i].as<Str>()->view();
    bool found = false;
    for (size_t j = 0; j < 8; ++j)
      if (k == kParams[j]) {
        p[j] = kw.kwvals[i];
        found = true;
      }
    if (!found) raise_fmt(types::type_error, "'{}' is an invalid keyword argument for Dialect()", k);
  }
  if (!dialect.is_empty() && is_str(dialect)) {
    Value* d = dict_find(registry, dialect);
    if (!d) csv_error("unknown dialect");
    dialect = *d;
  }
  bool any = false;
  for (Value v : p)
    any = any || !v.is_empty();
  if (!dialect.is_empty() && is_subtype(type_of(dialect), &dialect_type) && !any) return dialect;
  Value quotechar_given = p[4];
  Value quoting_given = p[5];
  if (!dialect.is_empty())
    for (size_t j = 0; j < 8; ++j)
      if (p[j].is_empty()) {
        Value v = get_attr_or_empty(dialect, intern(kParams[j]));
        p[j] = v;
        if (j == 4) quotechar_given = v;
        if (j == 5) quoting_given = v;
      }
  auto* d = gc::make<Dialect>();
  d->type = &dialect_type;
  set_char("delimiter", d->delimiter, p[0], ',', false);
  d->doublequote = set_bool(p[1], true);
  set_char("escapechar", d->escapechar, p[2], kNotSet, true);
  if (p[3].is_empty())
    d->lineterminator = str_value("\r\n");
  else if (!is_str(p[3]))
    raise(types::type_error, "\"lineterminator\" must be a string");
  else
    d->lineterminator = p[3];
  set_char("quotechar", d->quotechar, p[4], '"', true);
  if (p[5].is_empty())
    d->quoting = kQuoteMinimal;
  else if (!is_integer(p[5]))
    raise(types::type_error, "\"quoting\" must be an integer");
  else
    d->quoting = static_cast<int>(arg_index(p[5]));
  d->skipinitialspace = set_bool(p[6], false);
  d->strict = set_bool(p[7], false);
  if (d->quoting < kQuoteMinimal || d->quoting > kQuoteNone) raise(types::type_error, "bad \"quoting\" value");
  if (d->delimiter == kNotSet) raise(types::type_error, "\"delimiter\" must be a 1-character string");
  if (quotechar_given.is_none() && quoting_given.is_empty()) d->quoting = kQuoteNone;
  if (d->quoting != kQuoteNone && d->quotechar == kNotSet)
    raise(types::type_error, "quotechar must be set if quoting enabled");
  return Value::object(d);
}

Value construct_dialect(Value, const Args& a) {
  if (a.npos > 1) raise_fmt(types::type_error, "Dialect() takes at most 1 positional argument ({} given)", a.npos);
  Value dialect = a.npos ? a[0] : Value::empty();
  for (uint32_t i = 0; i < a.nkw; ++i)
    if (a.kwnames[i].as<Str>()->view() == "dialect") dialect = a.kwvals[i];
  GcVector<Value> names, vals;
  for (uint32_t i = 0; i < a.nkw; ++i)
    if (a.kwnames[i].as<Str>()->view() != "dialect") {
      names.push_back(a.kwnames[i]);
      vals.push_back(a.kwvals[i]);
    }
  return make_dialect(dialect, Args{nullptr, 0, names.data(), vals.data(), static_cast<uint32_t>(names.size())});
}

Value char_value(uint32_t c) {
  if (c == kNotSet) return Value::none();
  std::string s;
  utf8_append(s, c);
  return str_value(s);
}

Value d_delimiter(Value, const Args& a) { return char_value(dialect_self(a[0])->delimiter); }
Value d_escapechar(Value, const Args& a) { return char_value(dialect_self(a[0])->escapechar); }
Value d_quotechar(Value, const Args& a) { return char_value(dialect_self(a[0])->quotechar); }
Value d_lineterminator(Value, const Args& a) { return dialect_self(a[0])->lineterminator; }
Value d_doublequote(Value, const Args& a) { return Value::boolean(dialect_self(a[0])->doublequote); }
Value d_skipinitialspace(Value, const Args& a) { return Value::boolean(dialect_self(a[0])->skipinitialspace); }
Value d_strict(Value, const Args& a) { return Value::boolean(dialect_self(a[0])->strict); }
Value d_quoting(Value, const Args& a) { return Value::small_int(dialect_self(a[0])->quoting); }

// ---- reader ----------------------------------------------------------------------------------

enum class State {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrnl,
  AfterEscapedCrnl,
};

struct Reader : Object {
  Value input;              // the iterator of lines
  Value dialect;            // Dialect
  Value fields;             // List of the record being read
  GcVector<char32_t> field; // the field being read (on the collected heap)
  State state;
  bool numeric_field;
  int64_t line_num;
};

Reader* reader_self(Value v) {
  if (type_of(v) != &reader_type) raise_type_error("descriptor requires a '_csv.reader' object");
  return v.as<Reader>();
}

void save_field(Reader* r) {
  std::string s;
  for (char32_t c : r->field)
    utf8_append(s, c);
  r->field.clear();
  Value v = str_value(s);
  if (r->numeric_field) {
    r->numeric_field = false;
    v = call1(Value::object(&types::float_), v);
  }
  r->fields.as<List>()->items.push_back(v);
}

void add_char(Reader* r, uint32_t c) {
  if (static_cast<int64_t>(r->field.size()) >= field_limit)
    csv_error(fmt::format("field larger than field limit ({})", field_limit));
  r->field.push_back(static_cast<char32_t>(c));
}

void process_char(Reader* r, uint32_t c) {
  Dialect* d = r->dialect.as<Dialect>();
  auto is_eol = [](uint32_t ch) { return ch == '\n' || ch == '\r' || ch == kEol; };
  switch (r->state) {
  case State::StartRecord:
    if (c == kEol) break; // an empty line: []
    if (c == '\n' || c == '\r') {
      r->state = State::EatCrnl;
      break;
    }
    r->state = State::StartField;
    [[fallthrough]];
  case State::StartField:
    if (is_eol(c)) {
      save_field(r);
      r->state = c == kEol ? State::StartRecord : State::EatCrnl;
    } else if (c == d->quotechar && d->quoting != kQuoteNone) {
      r->state = State::InQuotedField;
    } else if (c == d->escapechar) {
      r->state = State::EscapedChar;
    } else if (c == ' ' && d->skipinitialspace) {
    } else if (c == d->delimiter) {
      save_field(r);
    } else {
      if (d->quoting == kQuoteNonnumeric) r->numeric_field = true;
      add_char(r, c);
      r->state = State::InField;
    }
    break;
  case State::EscapedChar:
    if (c == '\n' || c == '\r') {
      add_char(r, c);
      r->state = State::AfterEscapedCrnl;
      break;
    }
    if (c == kEol) c = '\n';
    add_char(r, c);
    r->state = State::InField;
    break;
  case State::AfterEscapedCrnl:
    if (c == kEol) break;
    [[fallthrough]];
  case State::InField:
    if (is_eol(c)) {
      save_field(r);
      r->state = c == kEol ? State::StartRecord : State::EatCrnl;
    } else if (c == d->escapechar) {
      r->state = State::EscapedChar;
    } else if (c == d->delimiter) {
      save_field(r);
      r->state = State::StartField;
    } else {
      add_char(r, c);
    }
    break;
  case State::InQuotedField:
    if (c == kEol) {
    } else if (c == d->escapechar) {
      r->state = State::EscapeInQuotedField;
    } else if (c == d->quotechar && d->quoting != kQuoteNone) {
      r->state = d->doublequote ? State::QuoteInQuotedField : State::InField;
    } else {
      add_char(r, c);
    }
    break;
  case State::EscapeInQuotedField:
    if (c == kEol) c = '\n';
    add_char(r, c);
    r->state = State::InQuotedField;
    break;
  case State::QuoteInQuotedField:
    if (d->quoting != kQuoteNone && c == d->quotechar) {
      add_char(r, c);
      r->state = State::InQuotedField;
    } else if (c == d->delimiter) {
      save_field(r);
      r->state = State::StartField;
    } else if (is_eol(c)) {
      save_field(r);
      r->state = c == kEol ? State::StartRecord : State::EatCrnl;
    } else if (!d->strict) {
      add_char(r, c);
      r->state = State::InField;
    } else {
      std::string delim, quote;
      utf8_append(delim, d->delimiter);
      utf8_append(quote, d->quotechar);
      csv_error(fmt::format("'{}' expected after '{}'", delim, quote));
    }
    break;
  case State::EatCrnl:
    if (c == '\n' || c == '\r') {
    } else if (c == kEol) {
      r->state = State::StartRecord;
    } else {
      csv_error("new-line character seen in unquoted field - do you need to open the file with newline=''?");
    }
    break;
  }
}

Value reader_next(Value self, const Args&) {
  Reader* r = reader_self(self);
  r->fields = Value::object(new_list());
  r->field.clear();
  r->state = State::StartRecord;
  r->numeric_field = false;
  do {
    Value line;
    if (!iter_next(r->input, line)) {
      if (!r->field.empty() || r->state == State::InQuotedField) {
        if (r->dialect.as<Dialect>()->strict) csv_error("unexpected end of data");
        save_field(r);
        break;
      }
      raise(types::stop_iteration, "");
    }
    if (!is_str(line))
      csv_error(
          fmt::format("iterator should return strings, not {} (the file should be opened in text mode)", tname(line)));
    ++r->line_num;
    std::string_view s = line.as<Str>()->view();
    size_t pos = 0;
    while (pos < s.size())
      process_char(r, utf8_at(s, pos));
    process_char(r, kEol);
  } while (r->state != State::StartRecord);
  Value fields = r->fields;
  r->fields = Value::none();
  return fields;
}

Value reader_iter(Value self, const Args&) { return self; }
Value reader_dialect(Value, const Args& a) { return reader_self(a[0])->dialect; }
Value reader_line_num(Value, const Args& a) { return make_int(reader_self(a[0])->line_num); }

// The dialect of reader(f, dialect, **params) / writer(...): positional 2, keywords the rest.
Value dialect_of_call(const Args& a, const char* name) {
  if (a.npos < 1 || a.npos > 2)
    raise_fmt(types::type_error, "{} expected {} arguments, got {}", name, a.npos < 1 ? "at least 1" : "at most 2",
              a.npos);
  return make_dialect(a.npos == 2 ? a[1] : Value::empty(), Args{nullptr, 0, a.kwnames, a.kwvals, a.nkw});
}

Value csv_reader(Value, const Args& a) {
  Value dialect = dialect_of_call(a, "reader");
  auto* r = gc::make<Reader>();
  r->type = &reader_type;
  r->input = get_iter(a[0]);
  r->dialect = dialect;
  r->fields = Value::none();
  r->state = State::StartRecord;
  return Value::object(r);
}

// ---- writer ----------------------------------------------------------------------------------

struct Writer : Object {
  Value write;   // the file's bound write method
  Value dialect; // Dialect
};

Writer* writer_self(Value v) {
  if (type_of(v) != &writer_type) raise_type_error("descriptor requires a '_csv.writer' object");
  return v.as<Writer>();
}

// Appends one field to `rec` (CPython's join_append_data, counting and copying at once).
void append_field(Dialect* d, std::string& rec, bool first, Value field, bool quoted) {
  if (!first) utf8_append(rec, d->delimiter);
  std::string body;
  std::string_view text = field.is_none() ? std::string_view() : field.as<Str>()->view();
  std::string_view term = d->lineterminator.as<Str>()->view();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    uint32_t c = utf8_at(text, pos);
    bool want_escape = false;
    bool in_term = false;
    for (size_t q = 0; q < term.size();)
      if (utf8_at(term, q) == c) in_term = true;
    if (c == d->delimiter || c == d->escapechar || c == d->quotechar || in_term) {
      if (d->quoting == kQuoteNone) {
        want_escape = true;
      } else {
        if (c == d->quotechar) {
          if (d->doublequote)
            utf8_append(body, d->quotechar);
          else
            want_escape = true;
        } else if (c == d->escapechar) {
          want_escape = true;
        }
        if (!want_escape) quoted = true;
      }
      if (want_escape) {
        if (d->escapechar == kNotSet) csv_error("need to escape, but no escapechar set");
        utf8_append(body, d->escapechar);
      }
    }
    body.append(text.substr(start, pos - start));
  }
  if (quoted) utf8_append(rec, d->quotechar);
  rec += body;
  if (quoted) utf8_append(rec, d->quotechar);
}

bool is_number(Value v) {
  return is_integer(v) || v.is_double() || is_complex(v) || !type_lookup(type_of(v), intern("__float__")).is_empty() ||
         !type_lookup(type_of(v), intern("__index__")).is_empty();
}

Value writer_writerow(Value self, const Args& a) {
  check_one(a, "writerow");
  Writer* w = writer_self(self);
  Dialect* d = w->dialect.as<Dialect>();
  Value it;
  try {
    it = get_iter(a[0]);
  } catch (PyException& e) {
    if (!is_subtype(type_of(e.exc), &types::type_error)) throw;
    csv_error(fmt::format("iterable expected, not {}", tname(a[0])));
  }
  std::string rec;
  size_t count = 0;
  Value field;
  while (iter_next(it, field)) {
    bool quoted = d->quoting == kQuoteAll || (d->quoting == kQuoteNonnumeric && !is_number(field));
    Value text = is_str(field) || field.is_none() ? field : Value::object(to_str(field));
    append_field(d, rec, count == 0, text, quoted);
    ++count;
  }
  if (count == 1 && rec.empty()) {
    // A single empty field must be written quoted, or it would read back as no field.
    if (d->quoting == kQuoteNone) csv_error("single empty field record must be quoted");
    append_field(d, rec, true, Value::none(), true);
  }
  rec += d->lineterminator.as<Str>()->view();
  return call1(w->write, str_value(rec));
}

Value writer_writerows(Value self, const Args& a) {
  check_one(a, "writerows");
  Value it = get_iter(a[0]);
  Value row;
  while (iter_next(it, row))
    writer_writerow(self, Args{&row, 1});
  return Value::none();
}

Value writer_dialect(Value, const Args& a) { return writer_self(a[0])->dialect; }

Value csv_writer(Value, const Args& a) {
  Value dialect = dialect_of_call(a, "writer");
  Value write = get_attr_or_empty(a[0], intern("write"));
  if (write.is_empty() || !is_callable_value(write))
    raise(types::type_error, "argument 1 must have a \"write\" method");
  auto* w = gc::make<Writer>();
  w->type = &writer_type;
  w->write = write;
  w->dialect = dialect;
  return Value::object(w);
}

// ---- the registry ----------------------------------------------------------------------------

Value csv_register_dialect(Value, const Args& a) {
  if (a.npos < 1 || a.npos > 2)
    raise_fmt(types::type_error, "register_dialect expected {} arguments, got {}",
              a.npos < 1 ? "at least 1" : "at most 2", a.npos);
  if (!is_str(a[0])) raise(types::type_error, "dialect name must be a string");
  Value d = make_dialect(a.npos == 2 ? a[1] : Value::empty(), Args{nullptr, 0, a.kwnames, a.kwvals, a.nkw});
  dict_set(registry, a[0], d);
  return Value::none();
}

Value csv_unregister_dialect(Value, const Args& a) {
  check_one(a, "unregister_dialect");
  if (!dict_find(registry, a[0])) csv_error("unknown dialect");
  dict_del(registry, a[0]);
  return Value::none();
}

Value csv_get_dialect(Value, const Args& a) {
  check_one(a, "get_dialect");
  Value* d = dict_find(registry, a[0]);
  if (!d) csv_error("unknown dialect");
  return *d;
}

Value csv_list_dialects(Value, const Args& a) {
  check_none(a, "list_dialects");
  return call1(Value::object(&types::list), Value::object(registry));
}

Value csv_field_size_limit(Value, const Args& a) {
  Value p[1];
  bind_args(a, "field_size_limit", {"new_limit"}, 0, p);
  int64_t old = field_limit;
  if (!p[0].is_empty()) {
    if (!is_integer(p[0])) raise(types::type_error, "limit must be an integer");
    field_limit = arg_index(p[0]);
  }
  return make_int(old);
}

void init_csv_types() {
  init_exception_type(error_type, "Error", types::exception);
  error_type.module_name = Value::object(intern("_csv"));
  init_type(dialect_type, "Dialect", Kind::Object, &types::object);
  dialect_type.module_name = Value::object(intern("_csv"));
  dialect_type.construct = construct_dialect;
  dialect_type.is_builtin = false;
  struct Getter {
    const char* name;
    NativeFn fn;
  };
  for (const Getter& g :
       {Getter{"delimiter", d_delimiter}, Getter{"escapechar", d_escapechar}, Getter{"quotechar", d_quotechar},
        Getter{"lineterminator", d_lineterminator}, Getter{"doublequote", d_doublequote},
        Getter{"skipinitialspace", d_skipinitialspace}, Getter{"strict", d_strict}, Getter{"quoting", d_quoting}})
    add_getter(dialect_type, g.name, g.fn);
  init_type(reader_type, "reader", Kind::Object, &types::object);
  reader_type.module_name = Value::object(intern("_csv"));
  reader_type.is_builtin = false;
  add_methods(reader_type, {{"__iter__", self_or_first<reader_iter>}, {"__next__", self_or_first<reader_next>}});
  add_getter(reader_type, "dialect", reader_dialect);
  add_getter(reader_type, "line_num", reader_line_num);
  init_type(writer_type, "writer", Kind::Object, &types::object);
  writer_type.module_name = Value::object(intern("_csv"));
  writer_type.is_builtin = false;
  add_methods(writer_type,
              {{"writerow", self_or_first<writer_writerow>}, {"writerows", self_or_first<writer_writerows>}});
  add_getter(writer_type, "dialect", writer_dialect);
}

} // namespace

Module* make_csv_module() {
  if (!registry) {
    registry = new_dict();
    init_csv_types();
  }
  Module* m = new_module("_csv");
  static const MethodDef kFunctions[] = {
      {"reader", csv_reader},
      {"writer", csv_writer},
      {"register_dialect", csv_register_dialect},
      {"unregister_dialect", csv_unregister_dialect},
      {"get_dialect", csv_get_dialect},
      {"list_dialects", csv_list_dialects},
      {"field_size_limit", csv_field_size_limit},
  };
  for (const MethodDef& f : kFunctions)
    add_function(m, f.name, f.fn);
  add_value(m, "Error", Value::object(&error_type));
  add_value(m, "Dialect", Value::object(&dialect_type));
  add_value(m, "__version__", str_value("1.0"));
  add_value(m, "__doc__", str_value("CSV parsing and writing.\n"));
  add_value(m, "QUOTE_MINIMAL", Value::small_int(kQuoteMinimal));
  add_value(m, "QUOTE_ALL", Value::small_int(kQuoteAll));
  add_value(m, "QUOTE_NONNUMERIC", Value::small_int(kQuoteNonnumeric));
  add_value(m, "QUOTE_NONE", Value::small_int(kQuoteNone));
  return m;
}

} // namespace tributary::lib
