// warnings_module.cpp — `_warnings`, CPython's native core of the warnings
// machinery (Python/_warnings.c of 3.11), so that warnings.py takes its fast
// path: it imports filters, _defaultaction, _onceregistry, warn, warn_explicit
// and _filters_mutated from here and shares these objects. (Without them it
// kept its pure-Python fallback, whose default filters compile a regular
// expression: importing warnings imported and compiled `re`.)
//
// The filters list is CPython's: five default filters, the first naming its
// module by a plain str, which matches by equality (the others are compiled
// regexes or None, matched with .match()). Once warnings.py is imported its
// `filters`, `defaultaction` and `onceregistry` attributes are read at every
// warning (catch_warnings rebinds them), as _warnings.c's get_warnings_attr
// does; before that, this module's own objects are used and a warning is
// printed here in the format warnings.py would use.
//
// Registries: a module's __warningregistry__ maps (text, category, lineno) to
// True, and 'version' to the filters' version; a registry from an older
// version is cleared before it is consulted. Reproduced quirk: the "once"
// action records (text, category) in the caller's registry when there is one,
// so `onceregistry` stays empty, as in CPython.
//
// Limit: under the JIT an inlined call has no frame, so `stacklevel` may
// reach a frame further out (as sys._getframe).
#include <fstream>
#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

// The state _warnings.c keeps per interpreter (static pointers: GC roots).
struct WarningsState {
  List* filters = nullptr;
  Dict* once_registry = nullptr;
  Value default_action;
  int64_t filters_version = 0;
};
WarningsState g_state;

Value builtin_value(const char* name) { return dict_get(vm::state().builtins->dict, Value::object(intern(name))); }

// warnings.<name> when the warnings module has been imported (imported first
// when `import_it`); empty otherwise.
Value warnings_attr(const char* name, bool import_it) {
  Value* m = dict_find_str(vm::state().modules, intern("warnings"));
  Value mod = m ? *m : Value::empty();
  if (mod.is_empty() && import_it)
    mod = call(builtin_value("__import__"), Args{std::array{str_value("warnings")}.data(), 1});
  if (mod.is_empty() || mod.is_none()) return Value::empty();
  return get_attr_or_empty(mod, intern(name));
}

List* current_filters() {
  Value f = warnings_attr("filters", false);
  if (!f.is_empty()) {
    if (!is_kind(f, Kind::List)) raise(types::value_error, "_warnings.filters must be a list");
    g_state.filters = f.as<List>();
  }
  return g_state.filters;
}

Dict* current_once_registry() {
  Value r = warnings_attr("onceregistry", false);
  if (!r.is_empty()) {
    if (!is_kind(r, Kind::Dict))
      raise_fmt(types::type_error, "warnings.onceregistry must be a dict, not '{}'", tname(r));
    g_state.once_registry = r.as<Dict>();
  }
  return g_state.once_registry;
}

Value current_default_action() {
  Value a = warnings_attr("defaultaction", false);
  if (!a.is_empty()) {
    if (!is_str(a)) raise_fmt(types::type_error, "warnings.defaultaction must be a string, not '{}'", tname(a));
    g_state.default_action = a;
  }
  return g_state.default_action;
}

bool is_subclass(Value cls, Value base) { return truthy(call2(builtin_value("issubclass"), cls, base)); }
bool is_warning(Value v) { return is_subtype(type_of(v), &types::warning); }
bool str_is(Value v, std::string_view s) { return is_str(v) && v.as<Str>()->view() == s; }

// A filter's message or module part against the warning's: None matches all,
// a plain str (the default filters') by equality, anything else by .match().
bool filter_matches(Value pattern, Value text) {
  if (pattern.is_none()) return true;
  if (type_of(pattern) == &types::str) return equals(pattern, text);
  return truthy(call1(get_attr(pattern, intern("match")), text));
}

// The action of the first filter matching the warning (the default action
// when none does); `item` receives that filter, or None.
Value find_action(Value category, Value text, int64_t lineno, Value module, Value& item) {
  List* filters = current_filters();
  for (size_t i = 0; i < filters->items.size(); ++i) {
    Value f = filters->items[i];
    if (!is_kind(f, Kind::Tuple) || f.as<Tuple>()->size != 5)
      raise_fmt(types::value_error, "_warnings.filters item {} isn't a 5-tuple", i);
    std::span<const Value> parts = f.as<Tuple>()->span();
    if (!is_str(parts[0])) raise_fmt(types::type_error, "action must be a string, not '{}'", tname(parts[0]));
    bool good_msg = filter_matches(parts[1], text);
    bool good_mod = filter_matches(parts[3], module);
    bool good_cat = is_subclass(category, parts[2]);
    int64_t ln = arg_index(parts[4]);
    if (good_msg && good_cat && good_mod && (ln == 0 || lineno == ln)) {
      item = f;
      return parts[0];
    }
  }
  item = Value::none();
  return current_default_action();
}

// Whether `key` is already recorded in `registry` (cleared first when it is
// from an older filters version); records it when `record`.
bool already_warned(Dict* registry, Value key, bool record) {
  Value version_key = Value::object(intern("version"));
  Value version = dict_get(registry, version_key);
  if (version.is_empty() || !version.is_small_int() || version.as_small_int() != g_state.filters_version) {
    dict_clear(registry);
    dict_set(registry, version_key, Value::small_int(g_state.filters_version));
  } else if (Value seen = dict_get(registry, key); !seen.is_empty() && truthy(seen)) {
    return true;
  }
  if (record) dict_set(registry, key, Value::boolean(true));
  return false;
}

Value make_key(std::initializer_list<Value> parts) {
  return Value::object(new_tuple(std::span<const Value>(parts.begin(), parts.size())));
}

// Line `lineno` of the file, without its indentation and newline ("" when unreadable).
std::string source_line(Value filename, int64_t lineno) {
  if (!is_str(filename) || lineno < 1) return {};
  std::ifstream in(std::string(filename.as<Str>()->view()));
  std::string line;
  for (int64_t i = 0; i < lineno; ++i)
    if (!std::getline(in, line)) return {};
  size_t start = line.find_first_not_of(" \t\f");
  return start == std::string::npos ? std::string() : line.substr(start);
}

void write_stderr(Value stderr_file, std::string_view s) {
  call1(get_attr(stderr_file, intern("write")), str_value(s));
}

// The warning printed without warnings.py: "file:line: Category: text" and
// the source line indented by two spaces, to sys.stderr.
void show_warning(Value filename, int64_t lineno, Value text, Value category) {
  Value err = get_attr_or_empty(Value::object(builtin_module("sys")), intern("stderr"));
  if (err.is_empty() || err.is_none()) {
    std::fputs("lost sys.stderr\n", stderr);
    return;
  }
  write_stderr(err, fmt::format("{}:{}: {}: {}\n", str_string(filename), lineno,
                                str_string(get_attr(category, intern("__name__"))), str_string(text)));
  if (std::string line = source_line(filename, lineno); !line.empty()) write_stderr(err, "  " + line + "\n");
}

// warnings._showwarnmsg(WarningMessage(...)) when warnings.py is imported (or
// a source object asks for it), else show_warning.
void call_show_warning(Value category, Value text, Value message, Value filename, int64_t lineno, Value source) {
  Value show = warnings_attr("_showwarnmsg", !source.is_none());
  if (show.is_empty()) return show_warning(filename, lineno, text, category);
  if (!is_callable_value(show)) raise(types::type_error, "warnings._showwarnmsg() must be set to a callable");
  Value cls = warnings_attr("WarningMessage", false);
  if (cls.is_empty()) raise(types::runtime_error, "unable to get warnings.WarningMessage");
  Value args[7] = {message, category, filename, Value::small_int(lineno), Value::none(), Value::none(), source};
  call1(show, call(cls, Args{args, 7}));
}

// _warnings.c's warn_explicit: `module` empty means "from the filename",
// `registry` None means none.
Value warn_explicit(Value category, Value message, Value filename, int64_t lineno, Value module, Value registry,
                    Value source) {
  if (module.is_none()) return Value::none(); // (CPython: late in shutdown; the warning is dropped)
  if (!registry.is_none() && !is_kind(registry, Kind::Dict))
    raise(types::type_error, "'registry' must be a dict or None");
  Dict* reg = registry.is_none() ? nullptr : registry.as<Dict>();
  if (module.is_empty()) {
    std::string_view f = filename.as<Str>()->view();
    module = f.empty()
                 ? str_value("<unknown>")
                 : (f.size() >= 3 && f.substr(f.size() - 3) == ".py" ? str_value(f.substr(0, f.size() - 3)) : filename);
  }
  Value text = message;
  if (is_warning(message)) {
    text = Value::object(to_str(message));
    category = Value::object(type_of(message));
  } else {
    message = call1(category, message);
  }
  Value key = make_key({text, category, Value::small_int(lineno)});
  if (reg && already_warned(reg, key, false)) return Value::none();

  Value item;
  Value action = find_action(category, text, lineno, module, item);
  if (str_is(action, "error")) raise(message);
  if (str_is(action, "ignore")) return Value::none();
  bool seen = false;
  if (!str_is(action, "always")) {
    if (reg) dict_set(reg, key, Value::boolean(true));
    if (str_is(action, "once")) {
      seen = already_warned(reg ? reg : current_once_registry(), make_key({text, category}), true);
    } else if (str_is(action, "module")) {
      if (reg) seen = already_warned(reg, make_key({text, category}), true);
    } else if (!str_is(action, "default")) {
      raise_fmt(types::runtime_error, "Unrecognized action ({}) in warnings.filters:\n {}", repr(action)->view(),
                repr(item)->view());
    }
  }
  if (!seen) call_show_warning(category, text, message, filename, lineno, source);
  return Value::none();
}

// The line a frame is executing.
int64_t frame_line(const vm::Frame* f) {
  size_t idx = static_cast<size_t>(f->pc - f->code->code.data());
  return idx == 0 ? f->code->first_line : f->code->lines[idx - 1];
}

// importlib's own frames, which stacklevel skips.
bool is_internal_frame(const vm::Frame* f) {
  if (!f) return false;
  const std::string& name = f->code->filename;
  return name.find("importlib") != std::string::npos && name.find("_bootstrap") != std::string::npos;
}

// warn(message, category=None, stacklevel=1, source=None).
Value warnings_warn(Value, const Args& a) {
  Value p[4];
  bind_args(a, "warn", {"message", "category", "stacklevel", "source"}, 1, p);
  Value message = p[0];
  Value category = p[1].is_empty() ? Value::none() : p[1];
  int64_t stacklevel = p[2].is_empty() ? 1 : arg_index(p[2]);
  Value source = p[3].is_empty() ? Value::none() : p[3];
  if (is_warning(message))
    category = Value::object(type_of(message));
  else if (category.is_none())
    category = builtin_value("UserWarning");
  if (!is_type(category) || !is_subtype(category.as<Type>(), &types::warning))
    raise_fmt(types::type_error, "category must be a Warning subclass, not '{}'", tname(category));

  // The frame `stacklevel` calls out, skipping importlib's frames unless the caller is one.
  vm::Frame* f = vm::state().frame;
  if (stacklevel <= 0 || is_internal_frame(f)) {
    while (--stacklevel > 0 && f)
      f = f->back;
  } else {
    while (--stacklevel > 0 && f) {
      do
        f = f->back;
      while (f && is_internal_frame(f));
    }
  }
  Dict* globals;
  Value filename;
  int64_t lineno;
  if (!f) {
    globals = builtin_module("sys")->dict;
    filename = str_value("sys");
    lineno = 1;
  } else {
    globals = f->globals;
    filename = str_value(f->code->filename);
    lineno = frame_line(f);
  }
  Value reg_key = Value::object(intern("__warningregistry__"));
  Value registry = dict_get(globals, reg_key);
  if (registry.is_empty()) {
    registry = Value::object(new_dict());
    dict_set(globals, reg_key, registry);
  }
  Value module = dict_get(globals, Value::object(intern("__name__")));
  if (module.is_empty() || !(module.is_none() || is_str(module))) module = str_value("<string>");
  return warn_explicit(category, message, filename, lineno, module, registry, source);
}

// warn_explicit(message, category, filename, lineno, module=None, registry=None,
//               module_globals=None, source=None).
Value warnings_warn_explicit(Value, const Args& a) {
  Value p[8];
  bind_args(a, "warn_explicit",
            {"message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"}, 4, p);
  if (!is_str(p[2])) raise_fmt(types::type_error, "warn_explicit() argument 3 must be str, not {}", tname(p[2]));
  int64_t lineno = arg_index(p[3]);
  Value globals = p[6];
  if (!globals.is_empty() && !globals.is_none() && !is_kind(globals, Kind::Dict))
    raise_fmt(types::type_error, "module_globals must be a dict, not '{}'", tname(globals));
  return warn_explicit(p[1], p[0], p[2], lineno, p[4], p[5].is_empty() ? Value::none() : p[5],
                       p[7].is_empty() ? Value::none() : p[7]);
}

Value warnings_filters_mutated(Value, const Args& a) {
  check_none(a, "_filters_mutated");
  ++g_state.filters_version;
  return Value::none();
}

// CPython's default filters (a release build's): DeprecationWarning shown in
// __main__ and ignored elsewhere, PendingDeprecationWarning, ImportWarning and
// ResourceWarning ignored.
List* default_filters() {
  List* l = new_list();
  auto add = [&](const char* action, const char* category, Value module) {
    Value parts[5] = {Value::object(intern(action)), Value::none(), builtin_value(category), module,
                      Value::small_int(0)};
    list_append(l, Value::object(new_tuple(std::span<const Value>(parts, 5))));
  };
  add("default", "DeprecationWarning", str_value("__main__"));
  add("ignore", "DeprecationWarning", Value::none());
  add("ignore", "PendingDeprecationWarning", Value::none());
  add("ignore", "ImportWarning", Value::none());
  add("ignore", "ResourceWarning", Value::none());
  return l;
}

} // namespace

Module* make_warnings_module() {
  Module* m = new_module("_warnings");
  g_state.filters = default_filters();
  g_state.once_registry = new_dict();
  g_state.default_action = Value::object(intern("default"));
  g_state.filters_version = 1;
  add_function(m, "warn", warnings_warn);
  add_function(m, "warn_explicit", warnings_warn_explicit);
  add_function(m, "_filters_mutated", warnings_filters_mutated);
  add_value(m, "filters", Value::object(g_state.filters));
  add_value(m, "_onceregistry", Value::object(g_state.once_registry));
  add_value(m, "_defaultaction", g_state.default_action);
  return m;
}

} // namespace tributary::lib
