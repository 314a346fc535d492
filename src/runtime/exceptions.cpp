// exceptions.cpp — exception types, raising, matching and traceback printing.
//
// Exception instances are ExceptionObj; their Types have `is_exception` set
// and follow CPython's class hierarchy. raise() chains implicitly: the
// exception being handled becomes the new one's __context__ (breaking any
// cycle, as CPython does). format_traceback() prints exactly what CPython
// prints for an uncaught exception, except the 3.11 column carets (^^^),
// which need column information the traceback entries do not carry.
#include "runtime/exceptions.h"

#include <fstream>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary {

namespace types {
Type base_exception, exception, system_exit, keyboard_interrupt, stop_iteration, arithmetic_error, zero_division_error,
    overflow_error, assertion_error, attribute_error, lookup_error, index_error, key_error, name_error,
    unbound_local_error, runtime_error, recursion_error, not_implemented_error, type_error, value_error, unicode_error,
    unicode_decode_error, unicode_encode_error, import_error, module_not_found_error, os_error, file_not_found_error,
    eof_error, memory_error, syntax_error, indentation_error, stop_async_iteration, generator_exit, warning,
    exception_group;
} // namespace types
// (types::base_exception_group: exception_group.cpp)

namespace {

ExceptionObj* as_exc(Value v) { return v.as<ExceptionObj>(); }

int64_t int_as_i64_or(Value v, int64_t dflt) {
  auto i = int_as_i64(v);
  return i ? *i : dflt;
}

Value or_none(Value v) { return v.is_empty() ? Value::none() : v; }

bool is_exception_or_none(Value v) { return v.is_none() || is_exception_instance(v); }

} // namespace

// `T(...)` for every exception type; `self` is the (possibly derived) Type.
Value construct_exception(Value self, const Args& a) {
  Type* t = self.as<Type>();
  ExceptionObj* e = new_exception(t, a.positional());
  if (a.nkw == 0) return Value::object(e);
  bool import_like = is_subtype(t, &types::import_error);
  for (uint32_t i = 0; i < a.nkw; ++i) {
    Str* k = a.kwnames[i].as<Str>();
    if (import_like && (k->view() == "name" || k->view() == "path")) {
      exception_set_attr(Value::object(e), k, a.kwvals[i]);
      continue;
    }
    if (import_like) raise_fmt(types::type_error, "'{}' is an invalid keyword argument for {}()", k->view(), t->name);
    raise_fmt(types::type_error, "{}() takes no keyword arguments", t->name);
  }
  return Value::object(e);
}

namespace {


// Item `i` of the args tuple, or None.
Value arg_or_none(ExceptionObj* e, size_t i) { return i < e->args->size ? e->args->items[i] : Value::none(); }

// SyntaxError's details come from its args: (msg, (filename, lineno, offset, text, end_lineno, end_offset)).
Value syntax_detail(ExceptionObj* e, size_t i) {
  if (e->args->size < 2 || !is_tuple(e->args->items[1])) return Value::none();
  Tuple* d = e->args->items[1].as<Tuple>();
  return i < d->size ? d->items[i] : Value::none();
}

Value user_attr(ExceptionObj* e, Str* name) {
  if (!e->attrs) return Value::empty();
  if (Value* v = dict_find_str(e->attrs, name)) return *v;
  return Value::empty();
}

// "module.Qualname" as tracebacks print a class (bare for builtins and __main__).
std::string qualified_type_name(Type* t) {
  std::string name = t->qualname ? std::string(t->qualname->view()) : std::string(t->name);
  if (is_str(t->module_name)) {
    std::string_view mod = t->module_name.as<Str>()->view();
    if (mod != "builtins" && mod != "__main__") return std::string(mod) + "." + name;
  }
  return name;
}

// ---- traceback text -----------------------------------------------------------------

const std::vector<std::string>* source_lines(const std::string& filename) {
  static auto* cache = new std::unordered_map<std::string, std::vector<std::string>>();
  if (auto it = cache->find(filename); it != cache->end()) return &it->second;
  std::vector<std::string> lines;
  std::ifstream in(filename, std::ios::binary);
  if (in) {
    std::string line;
    while (std::getline(in, line))
      lines.push_back(line);
  }
  return &cache->emplace(filename, std::move(lines)).first->second;
}

std::string_view strip(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(kSpace) - b + 1);
}

constexpr int kRecursiveCutoff = 3;      // traceback.py's _RECURSIVE_CUTOFF
constexpr size_t kTracebackLimit = 1000; // PyTraceBack_LIMIT

// What an uncaught exception prints, inside exception groups too: CPython's
// print_exception_recursive. At group depth d > 0 every line of an exception
// starts with 2d spaces and "| ", and each member of a group is introduced by
// a "+---- n ----" rule (CPython 3.11's pythonrun.c, max_group_width 15,
// max_group_depth 10).
struct PrintContext {
  std::string out;
  std::unordered_set<Object*> seen;
  int depth = 0; // exception_group_depth
  bool need_close = false;
  std::string indent() const { return std::string(static_cast<size_t>(2 * depth), ' '); }
  std::string margin() const { return depth ? indent() + "| " : std::string(); }
  // Appends `text` (lines ending in newlines) with the margin before each line.
  void lines(std::string_view text, std::string_view first_margin = {}) {
    bool first = true;
    while (!text.empty()) {
      size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl == std::string_view::npos ? text.size() : nl + 1);
      out += first && !first_margin.empty() ? indent() + std::string(first_margin) : margin();
      out += line;
      if (line.back() != '\n') out += '\n';
      text.remove_prefix(line.size());
      first = false;
    }
  }
};

constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

void format_entries(Value tb, std::string& out, const char* header) {
  std::vector<TracebackEntry*> entries;
  for (Value v = tb; !v.is_empty() && !v.is_none(); v = v.as<TracebackEntry>()->next)
    entries.push_back(v.as<TracebackEntry>());
  size_t first = entries.size() > kTracebackLimit ? entries.size() - kTracebackLimit : 0;
  out += header;
  out += '\n';
  std::optional<vm::CodeLocation> last_code;
  int last_line = -1;
  int count = 0;
  auto flush_repeats = [&] {
    if (count > kRecursiveCutoff) {
      int n = count - kRecursiveCutoff;
      out += fmt::format("  [Previous line repeated {} more time{}]\n", n, n > 1 ? "s" : "");
    }
  };
  for (size_t i = first; i < entries.size(); ++i) {
    TracebackEntry* e = entries[i];
    vm::CodeLocation code = vm::code_location(e->code);
    bool same =
        last_code && code.filename == last_code->filename && code.name == last_code->name && e->line == last_line;
    if (!same) {
      flush_repeats();
      last_code = code;
      last_line = e->line;
      count = 0;
    }
    if (++count > kRecursiveCutoff) continue;
    out += fmt::format("  File \"{}\", line {}, in {}\n", code.filename, e->line, code.name);
    const auto* lines = source_lines(std::string(code.filename));
    if (e->line >= 1 && static_cast<size_t>(e->line) <= lines->size()) {
      std::string_view src = strip((*lines)[e->line - 1]);
      if (!src.empty()) out += fmt::format("    {}\n", src);
    }
  }
  flush_repeats();
}

// The "File ..., line N / text / caret" block CPython prints before a SyntaxError's line.
void format_syntax_error_location(ExceptionObj* e, std::string& out) {
  Value filename = syntax_detail(e, 0), lineno = syntax_detail(e, 1);
  if (!is_str(filename) && !is_int(lineno)) return;
  out += fmt::format("  File \"{}\", line {}\n", is_str(filename) ? filename.as<Str>()->view() : "<string>",
                     is_int(lineno) ? repr_string(lineno) : "?");
  Value text = syntax_detail(e, 3);
  if (!is_str(text)) return;
  std::string_view line = text.as<Str>()->view();
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
    line.remove_suffix(1);
  size_t indent = 0;
  while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f'))
    ++indent;
  std::string_view stripped = line.substr(indent);
  out += fmt::format("    {}\n", stripped);
  Value offset = syntax_detail(e, 2);
  auto off = is_int(offset) ? int_as_i64_or(offset, 0) : 0;
  if (off < 1) return;
  int64_t start = std::max<int64_t>(0, off - 1 - static_cast<int64_t>(indent));
  int64_t width = 1;
  Value end_line = syntax_detail(e, 4), end_off = syntax_detail(e, 5);
  if (is_int(end_off) && is_int(end_line) && equals(end_line, lineno)) {
    int64_t end = int_as_i64_or(end_off, 0);
    if (end > off) width = end - off;
  }
  int64_t len = static_cast<int64_t>(utf8_length(stripped));
  if (start > len) start = len;
  if (start + width > len + 1) width = std::max<int64_t>(1, len + 1 - start);
  out += "    " + std::string(static_cast<size_t>(start), ' ') + std::string(static_cast<size_t>(width), '^') + "\n";
}

void format_recursive(Value exc, PrintContext& ctx);

// A cause or context, then the sentence that links it to what follows.
void format_chained(Value linked, const char* message, PrintContext& ctx) {
  bool need_close = ctx.need_close;
  ctx.need_close = false;
  format_recursive(linked, ctx);
  ctx.need_close = need_close;
  ctx.lines("\n");
  ctx.lines(message);
  ctx.lines("\n");
}

// One exception without its members: traceback, SyntaxError location, "Type: message", notes.
void format_one(Value exc, PrintContext& ctx) {
  ExceptionObj* e = as_exc(exc);
  const bool group = is_exception_group(exc);
  if (!e->traceback.is_empty() && !e->traceback.is_none()) {
    std::string text;
    format_entries(e->traceback, text,
                   group ? "Exception Group Traceback (most recent call last):" : "Traceback (most recent call last):");
    ctx.lines(text, group && ctx.depth == 1 ? "+ " : "");
  }
  if (is_subtype(e->type, &types::syntax_error)) {
    std::string text;
    format_syntax_error_location(e, text);
    ctx.lines(text);
  }
  ctx.lines(exception_line(exc) + "\n");
  Value notes = e->attrs ? dict_get(e->attrs, Value::object(intern("__notes__"))) : Value::empty();
  if (is_list(notes) || is_tuple(notes)) {
    for (Value note : is_list(notes) ? std::span<const Value>(notes.as<List>()->items) : notes.as<Tuple>()->span())
      ctx.lines((is_str(note) ? str_string(note) : repr_string(note)) + "\n");
  } else if (!notes.is_empty()) {
    ctx.lines(repr_string(notes) + "\n");
  }
}

void format_group(Value exc, PrintContext& ctx) {
  if (ctx.depth > kMaxGroupDepth) {
    ctx.lines(fmt::format("... (max_group_depth is {})\n", kMaxGroupDepth));
    return;
  }
  if (ctx.depth == 0) ctx.depth = 1;
  format_one(exc, ctx);
  Tuple* excs = exception_group_items(exc);
  const int total = static_cast<int>(excs->size);
  const int n = total <= kMaxGroupWidth ? total : kMaxGroupWidth + 1;
  ctx.need_close = false;
  for (int i = 0; i < n; ++i) {
    const bool last = i == n - 1;
    if (last) ctx.need_close = true; // (a nested group may close the frame itself)
    const bool truncated = i >= kMaxGroupWidth;
    ctx.out += ctx.indent();
    ctx.out += i == 0 ? "+-" : "  ";
    ctx.out += truncated ? "+---------------- ... ----------------\n"
                         : fmt::format("+---------------- {} ----------------\n", i + 1);
    ++ctx.depth;
    if (!truncated) {
      format_recursive(excs->items[i], ctx);
    } else {
      int more = total - kMaxGroupWidth;
      ctx.lines(fmt::format("and {} more exception{}\n", more, more > 1 ? "s" : ""));
    }
    if (last && ctx.need_close) {
      ctx.out += ctx.indent() + "+------------------------------------\n";
      ctx.need_close = false;
    }
    --ctx.depth;
  }
  if (ctx.depth == 1) ctx.depth = 0;
}

void format_recursive(Value exc, PrintContext& ctx) {
  ctx.seen.insert(exc.as_object());
  ExceptionObj* e = as_exc(exc);
  if (!e->cause.is_empty() && !e->cause.is_none()) {
    if (!ctx.seen.count(e->cause.as_object()))
      format_chained(e->cause, "The above exception was the direct cause of the following exception:\n", ctx);
  } else if (!e->context.is_empty() && !e->context.is_none() && !e->suppress_context) {
    if (!ctx.seen.count(e->context.as_object()))
      format_chained(e->context, "During handling of the above exception, another exception occurred:\n", ctx);
  }
  if (is_exception_group(exc))
    format_group(exc, ctx);
  else
    format_one(exc, ctx);
}

} // namespace

// ---- creation and raising --------------------------------------------------------------

ExceptionObj* new_exception(Type* t, std::span<const Value> args) {
  auto* e = gc::make<ExceptionObj>();
  e->type = t;
  e->args = new_tuple(args);
  e->traceback = Value::empty();
  e->cause = Value::empty();
  e->context = Value::empty();
  e->suppress_context = false;
  e->attrs = nullptr;
  return e;
}

ExceptionObj* new_exception(Type* t, std::string_view msg) {
  // An empty message means "no arguments" (MemoryError(), StopIteration()).
  if (msg.empty()) return new_exception(t, std::span<const Value>());
  Value arg = str_value(msg);
  return new_exception(t, std::span<const Value>(&arg, 1));
}

void raise(Value exc) { throw PyException{exception_to_raise(exc)}; }

Value exception_to_raise(Value exc) {
  if (is_type(exc)) {
    if (!exc.as<Type>()->is_exception) raise_type_error("exceptions must derive from BaseException");
    exc = call0(exc);
    if (!is_exception_instance(exc))
      raise_fmt(types::type_error, "calling {} should have returned an instance of BaseException, not {}",
                repr_string(exc), type_of(exc)->name);
  } else if (!is_exception_instance(exc)) {
    raise_type_error("exceptions must derive from BaseException");
  }
  Value handled = vm::current_handled_exception();
  if (!handled.is_empty() && !handled.is_none() && handled != exc && is_exception_instance(handled)) {
    // Break a cycle the new context would close (CPython's _PyErr_SetObject).
    Value o = handled;
    for (int steps = 0; steps < 100000; ++steps) {
      Value c = as_exc(o)->context;
      if (c.is_empty() || c.is_none()) break;
      if (c == exc) {
        as_exc(o)->context = Value::empty();
        break;
      }
      o = c;
    }
    as_exc(exc)->context = handled;
  }
  return exc;
}

void raise(Type& t, std::string_view msg) { raise(Value::object(new_exception(&t, msg))); }
void raise_type_error(std::string_view msg) { raise(types::type_error, msg); }
void raise_value_error(std::string_view msg) { raise(types::value_error, msg); }

void check_alloc_size(uint64_t count, uint64_t item_bytes) {
  if (item_bytes != 0 && count > kMaxAllocBytes / item_bytes) raise(types::memory_error, "");
}

Value memory_error_value() { return Value::object(new_exception(&types::memory_error, "")); }

// ---- classification ---------------------------------------------------------------------

bool is_subtype(const Type* t, const Type* base) {
  if (t == base) return true;
  if (t->mro) {
    for (size_t i = 0; i < t->mro->size; ++i)
      if (t->mro->items[i].as_object() == base) return true;
    return false;
  }
  for (const Type* b = t->base; b; b = b->base)
    if (b == base) return true;
  return false;
}

bool is_exception_instance(Value v) { return v.is_object() && v.as_object()->type->is_exception; }

bool exception_matches(Value exc, Value cls) {
  if (is_tuple(cls)) {
    Tuple* t = cls.as<Tuple>();
    bool matched = false;
    for (size_t i = 0; i < t->size; ++i)
      if (exception_matches(exc, t->items[i])) matched = true;
    return matched;
  }
  if (!is_type(cls) || !cls.as<Type>()->is_exception)
    raise_type_error("catching classes that do not inherit from BaseException is not allowed");
  return is_subtype(type_of(exc), cls.as<Type>());
}

// ---- str / repr / attributes ---------------------------------------------------------------

// UnicodeEncodeError/UnicodeDecodeError(encoding, object, start, end, reason),
// as codecs and their error handlers build them (the native codecs raise
// the message only).
static bool is_unicode_error_with_details(ExceptionObj* e) {
  return e->args->size == 5 && is_str(e->args->items[0]) && is_int(e->args->items[2]) && is_int(e->args->items[3]) &&
         (is_subtype(e->type, &types::unicode_encode_error) || is_subtype(e->type, &types::unicode_decode_error));
}

// CPython's UnicodeEncodeError.__str__ / UnicodeDecodeError.__str__.
static std::string unicode_error_str(ExceptionObj* e) {
  Value* f = e->args->items;
  std::string encoding = str_string(f[0]), reason = str_string(f[4]);
  int64_t start = int_as_i64(f[2]).value_or(0), end = int_as_i64(f[3]).value_or(0);
  bool decoding = is_subtype(e->type, &types::unicode_decode_error);
  if (end == start + 1 && decoding && is_kind(f[1], Kind::Bytes) && start >= 0 &&
      start < static_cast<int64_t>(f[1].as<Bytes>()->size))
    return fmt::format("'{}' codec can't decode byte 0x{:02x} in position {}: {}", encoding,
                       f[1].as<Bytes>()->data[start], start, reason);
  if (end == start + 1 && !decoding && is_str(f[1]) && start >= 0 &&
      start < static_cast<int64_t>(f[1].as<Str>()->length)) {
    std::string_view text = f[1].as<Str>()->view();
    size_t pos = utf8_offset(text, start);
    uint32_t cp = utf8_at(text, pos);
    std::string ch = cp < 0x100 ? fmt::format("\\x{:02x}", cp) : cp < 0x10000 ? fmt::format("\\u{:04x}", cp)
                                                                              : fmt::format("\\U{:08x}", cp);
    return fmt::format("'{}' codec can't encode character '{}' in position {}: {}", encoding, ch, start, reason);
  }
  return fmt::format("'{}' codec can't {} in position {}-{}: {}", encoding,
                     decoding ? "decode bytes" : "encode characters", start, end - 1, reason);
}

std::string exception_str(Value exc) {
  ExceptionObj* e = as_exc(exc);
  Tuple* args = e->args;
  Type* t = e->type;
  if (is_subtype(t, &types::key_error) && args->size == 1) return repr_string(args->items[0]);
  if (is_subtype(t, &types::os_error) && args->size >= 2 && args->size <= 5) {
    std::string s = fmt::format("[Errno {}] {}", str_string(args->items[0]), str_string(args->items[1]));
    if (args->size >= 3 && !args->items[2].is_none()) s += ": " + repr_string(args->items[2]);
    return s;
  }
  if (is_subtype(t, &types::syntax_error) && args->size >= 1) {
    std::string msg = str_string(args->items[0]);
    Value filename = syntax_detail(e, 0), lineno = syntax_detail(e, 1);
    bool has_line = is_int(lineno);
    if (is_str(filename)) {
      std::string_view f = filename.as<Str>()->view();
      if (size_t slash = f.rfind('/'); slash != std::string_view::npos) f = f.substr(slash + 1);
      if (has_line) return fmt::format("{} ({}, line {})", msg, f, repr_string(lineno));
      return fmt::format("{} ({})", msg, f);
    }
    if (has_line) return fmt::format("{} (line {})", msg, repr_string(lineno));
    return msg;
  }
  if (is_unicode_error_with_details(e)) return unicode_error_str(e);
  if (is_exception_group(exc)) {
    Value msg = user_attr(e, intern("message"));
    size_t n = exception_group_items(exc)->size;
    return fmt::format("{} ({} sub-exception{})", is_str(msg) ? str_string(msg) : "", n, n > 1 ? "s" : "");
  }
  if (args->size == 0) return "";
  if (args->size == 1) return str_string(args->items[0]);
  return repr_string(Value::object(args));
}

std::string exception_repr(Value exc) {
  ExceptionObj* e = as_exc(exc);
  if (e->args->size == 1) return fmt::format("{}({})", e->type->name, repr_string(e->args->items[0]));
  return e->type->name + repr_string(Value::object(e->args));
}

Value exception_get_attr(Value exc, Str* name) {
  ExceptionObj* e = as_exc(exc);
  std::string_view n = name->view();
  if (n == "args") return Value::object(e->args);
  if (n == "__cause__") return or_none(e->cause);
  if (n == "__context__") return or_none(e->context);
  if (n == "__suppress_context__") return Value::boolean(e->suppress_context);
  if (n == "__traceback__") return or_none(e->traceback);
  if (Value v = user_attr(e, name); !v.is_empty()) return v;
  Type* t = e->type;
  if (is_subtype(t, &types::stop_iteration) && n == "value") return arg_or_none(e, 0);
  if (is_subtype(t, &types::system_exit) && n == "code")
    return e->args->size == 0 ? Value::none() : e->args->size == 1 ? e->args->items[0] : Value::object(e->args);
  if (is_subtype(t, &types::import_error) && (n == "name" || n == "path")) return Value::none();
  if (is_subtype(t, &types::import_error) && n == "msg") return e->args->size == 1 ? e->args->items[0] : Value::none();
  if ((is_subtype(t, &types::attribute_error) && (n == "name" || n == "obj")) ||
      (is_subtype(t, &types::name_error) && n == "name"))
    return Value::none();
  if (is_subtype(t, &types::os_error) && e->args->size >= 2 && e->args->size <= 5) {
    if (n == "errno") return e->args->items[0];
    if (n == "strerror") return e->args->items[1];
    if (n == "filename") return arg_or_none(e, 2);
  }
  if (is_subtype(t, &types::os_error) && (n == "errno" || n == "strerror" || n == "filename")) return Value::none();
  if (is_unicode_error_with_details(e)) {
    static constexpr std::string_view kFields[] = {"encoding", "object", "start", "end", "reason"};
    for (size_t i = 0; i < std::size(kFields); ++i)
      if (n == kFields[i]) return e->args->items[i];
  }
  if (is_subtype(t, &types::syntax_error)) {
    static constexpr std::string_view kFields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    if (n == "msg") return arg_or_none(e, 0);
    for (size_t i = 0; i < std::size(kFields); ++i)
      if (n == kFields[i]) return syntax_detail(e, i);
    if (n == "print_file_and_line") return Value::none();
  }
  return Value::empty();
}

void exception_set_attr(Value exc, Str* name, Value v) {
  ExceptionObj* e = as_exc(exc);
  std::string_view n = name->view();
  if ((n == "message" || n == "exceptions") && is_exception_group(exc)) {
    raise(types::attribute_error, "readonly attribute");
  } else if (n == "args") {
    e->args = tuple_from_iterable(v);
  } else if (n == "__cause__") {
    if (!is_exception_or_none(v)) raise_type_error("exception cause must be None or derive from BaseException");
    e->cause = v;
    e->suppress_context = true;
  } else if (n == "__context__") {
    if (!is_exception_or_none(v)) raise_type_error("exception context must be None or derive from BaseException");
    e->context = v;
  } else if (n == "__suppress_context__") {
    e->suppress_context = truthy(v);
  } else if (n == "__traceback__") {
    if (!v.is_none() && type_of(v) != &traceback_type) raise_type_error("__traceback__ must be a traceback or None");
    e->traceback = v.is_none() ? Value::empty() : v;
  } else {
    if (!e->attrs) e->attrs = new_dict();
    dict_set(e->attrs, Value::object(name), v);
  }
}

bool exception_del_attr(Value exc, Str* name) {
  ExceptionObj* e = as_exc(exc);
  return e->attrs && dict_del(e->attrs, Value::object(name));
}

// ---- printing ---------------------------------------------------------------------------------

std::string exception_line(Value exc) {
  Type* t = type_of(exc);
  std::string name = qualified_type_name(t);
  std::string msg;
  if (is_subtype(t, &types::syntax_error) && as_exc(exc)->args->size >= 1)
    msg = str_string(as_exc(exc)->args->items[0]); // tracebacks print SyntaxError.msg only
  else
    msg = str_string(exc);
  if (msg.empty()) return name;
  return name + ": " + msg;
}

std::string format_traceback(Value exc) {
  PrintContext ctx;
  format_recursive(exc, ctx);
  return std::move(ctx.out);
}


// ---- traceback objects and the frames they name ------------------------------------------

Type traceback_type;

namespace {

// A frame as a traceback entry remembers it: its code and the line reached
// (tb_frame; the interpreter's frames themselves are gone by then). The
// frames sys._getframe() returns are such snapshots too, with their globals
// and callers' snapshots.
struct TracebackFrame : Object {
  Value code;
  int line;
  Value globals; // dict, or empty
  Value back;    // the caller's snapshot, or empty
};
Type tb_frame_type;

TracebackEntry* tb_self(Value v) {
  if (type_of(v) != &traceback_type) raise_type_error("descriptor requires a 'traceback' object");
  return v.as<TracebackEntry>();
}
TracebackFrame* frame_self(Value v) {
  if (type_of(v) != &tb_frame_type) raise_type_error("descriptor requires a 'frame' object");
  return v.as<TracebackFrame>();
}

Value tb_next(Value, const Args& a) { return or_none(tb_self(a[0])->next); }
Value tb_lineno(Value, const Args& a) { return Value::small_int(tb_self(a[0])->line); }
Value tb_lasti(Value, const Args& a) {
  tb_self(a[0]);
  return Value::small_int(0);
}
Value tb_frame(Value, const Args& a) {
  TracebackEntry* e = tb_self(a[0]);
  auto* f = gc::make<TracebackFrame>();
  f->type = &tb_frame_type;
  f->code = e->code;
  f->line = e->line;
  f->globals = e->globals;
  return Value::object(f);
}
Value f_code(Value, const Args& a) { return frame_self(a[0])->code; }
Value f_lineno(Value, const Args& a) { return Value::small_int(frame_self(a[0])->line); }
Value f_back(Value, const Args& a) { return or_none(frame_self(a[0])->back); }
Value f_empty_dict(Value, const Args& a) {
  frame_self(a[0]);
  return Value::object(new_dict());
}
// frame.clear(): a snapshot holds no locals, so there is nothing to free.
Value f_clear(Value self, const Args& a) {
  frame_self(self.is_empty() && a.npos ? a[0] : self);
  return Value::none();
}
Value f_globals(Value, const Args& a) {
  TracebackFrame* f = frame_self(a[0]);
  return f->globals.is_empty() ? Value::object(new_dict()) : f->globals;
}

} // namespace

void init_traceback_types() {
  init_type(traceback_type, "traceback", Kind::Object, &types::object);
  add_getter(traceback_type, "tb_next", tb_next);
  add_getter(traceback_type, "tb_lineno", tb_lineno);
  add_getter(traceback_type, "tb_lasti", tb_lasti);
  add_getter(traceback_type, "tb_frame", tb_frame);
  init_type(tb_frame_type, "frame", Kind::Object, &types::object);
  add_getter(tb_frame_type, "f_code", f_code);
  add_getter(tb_frame_type, "f_lineno", f_lineno);
  add_getter(tb_frame_type, "f_back", f_back);
  add_getter(tb_frame_type, "f_locals", f_empty_dict);
  add_getter(tb_frame_type, "f_globals", f_globals);
  add_method(tb_frame_type, "clear", f_clear);
}

Value frame_snapshot(Value code, int line, Value globals, Value back) {
  auto* f = gc::make<TracebackFrame>();
  f->type = &tb_frame_type;
  f->code = code;
  f->line = line;
  f->globals = globals;
  f->back = back;
  return Value::object(f);
}

void init_exception_type(Type& t, const char* name, Type& base) {
  init_type(t, name, Kind::Exception, &base);
  t.is_exception = true;
  t.construct = construct_exception;
}

void init_exceptions() {
  using namespace types;
  init_exception_type(base_exception, "BaseException", object);
  init_exception_type(system_exit, "SystemExit", base_exception);
  init_exception_type(keyboard_interrupt, "KeyboardInterrupt", base_exception);
  init_exception_type(generator_exit, "GeneratorExit", base_exception);
  init_exception_type(exception, "Exception", base_exception);
  init_exception_type(stop_iteration, "StopIteration", exception);
  init_exception_type(stop_async_iteration, "StopAsyncIteration", exception);
  init_exception_type(arithmetic_error, "ArithmeticError", exception);
  init_exception_type(zero_division_error, "ZeroDivisionError", arithmetic_error);
  init_exception_type(overflow_error, "OverflowError", arithmetic_error);
  init_exception_type(assertion_error, "AssertionError", exception);
  init_exception_type(attribute_error, "AttributeError", exception);
  init_exception_type(lookup_error, "LookupError", exception);
  init_exception_type(index_error, "IndexError", lookup_error);
  init_exception_type(key_error, "KeyError", lookup_error);
  init_exception_type(name_error, "NameError", exception);
  init_exception_type(unbound_local_error, "UnboundLocalError", name_error);
  init_exception_type(runtime_error, "RuntimeError", exception);
  init_exception_type(recursion_error, "RecursionError", runtime_error);
  init_exception_type(not_implemented_error, "NotImplementedError", runtime_error);
  init_exception_type(type_error, "TypeError", exception);
  init_exception_type(value_error, "ValueError", exception);
  init_exception_type(unicode_error, "UnicodeError", value_error);
  init_exception_type(unicode_decode_error, "UnicodeDecodeError", unicode_error);
  init_exception_type(unicode_encode_error, "UnicodeEncodeError", unicode_error);
  init_exception_type(import_error, "ImportError", exception);
  init_exception_type(module_not_found_error, "ModuleNotFoundError", import_error);
  init_exception_type(os_error, "OSError", exception);
  init_exception_type(file_not_found_error, "FileNotFoundError", os_error);
  init_exception_type(eof_error, "EOFError", exception);
  init_exception_type(memory_error, "MemoryError", exception);
  init_exception_type(syntax_error, "SyntaxError", exception);
  init_exception_type(indentation_error, "IndentationError", syntax_error);
  init_exception_type(warning, "Warning", exception);
  init_exception_group_types();
}

} // namespace tributary
