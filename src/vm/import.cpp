// import.cpp — the import system: sys.modules, builtin modules, user modules.
//
// Order for `import a.b`: sys.modules, then the native modules
// (lib/modules.cpp), then `a.py` or `a/__init__.py` in each sys.path entry
// (a package's submodules are searched in its __path__); sys.path ends with
// CPython's own pure-Python standard library. A module is put in sys.modules
// before its code runs (so circular imports see the partial module) and
// removed again if that code raises. A miss raises ModuleNotFoundError, with
// a hint when it is a standard-library module and that library is missing.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/code_cache.h"
#include "vm/exec.h"
#include "vm/interp.h"

namespace tributary::vm {

namespace {

// Top-level modules of CPython's standard library that a script may import
// (sys.stdlib_module_names has them all): missing, they get the hint below.
bool is_stdlib_module(std::string_view name) {
  static constexpr std::string_view kKnown[] = {
      "abc", "argparse", "array", "bisect", "collections", "contextlib", "copy", "csv", "dataclasses",
      "datetime", "decimal", "enum", "fractions", "functools", "glob", "hashlib", "heapq", "io", "itertools",
      "json", "keyword", "math", "operator", "os", "pathlib", "pickle", "pprint", "random", "re", "shutil",
      "statistics", "string", "struct", "subprocess", "textwrap", "threading", "types", "typing", "unittest",
      "warnings", "weakref", "zlib"};
  std::string_view top = name.substr(0, name.find('.'));
  for (std::string_view k : kKnown)
    if (k == top) return true;
  return false;
}

bool is_file(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string join(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  return dir.back() == '/' ? dir + std::string(name) : dir + "/" + std::string(name);
}

Str* key(std::string_view s) { return intern(s); }

// Raises an ImportError (or subclass) with CPython's `name` and `path` attributes set.
[[noreturn]] void raise_import(Type& t, const std::string& msg, std::string_view name, Value path = Value::none()) {
  ExceptionObj* e = new_exception(&t, msg);
  Value exc = Value::object(e);
  exception_set_attr(exc, intern("name"), Value::object(new_str(name)));
  exception_set_attr(exc, intern("path"), path);
  raise(exc);
}

Module* find_loaded(std::string_view name) {
  if (Value* m = dict_find_str(state().modules, key(name)); m && is_kind(*m, Kind::Module)) return m->as<Module>();
  return nullptr;
}

// Runs a module's source file, compiled or from the code cache (code_cache.cpp).
void exec_module_file(Module* m, const std::string& path) {
  Code* code = cached_module_code(path);
  if (!code) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      raise_import(types::module_not_found_error, fmt::format("No module named '{}'", m->name->view()),
                   m->name->view());
    std::stringstream ss;
    ss << in.rdbuf();
    code = compile_source(ss.str(), path, CompileMode::Module);
    store_module_code(path, code);
  }
  run_code(code, m->dict, m->dict);
}

} // namespace

bool find_module_file(std::string_view full, Value dirs, std::string& path, bool& package) {
  std::string_view last = full.substr(full.rfind('.') == std::string_view::npos ? 0 : full.rfind('.') + 1);
  if (!is_list(dirs)) return false;
  List* l = dirs.as<List>();
  for (size_t i = 0; i < l->items.size(); ++i) {
    if (!is_str(l->items[i])) continue;
    std::string dir(l->items[i].as<Str>()->view());
    std::string init = join(join(dir, last), "__init__.py");
    std::string file = join(dir, std::string(last) + ".py");
    package = is_file(init);
    if (!package && !is_file(file)) continue;
    path = package ? init : file;
    return true;
  }
  return false;
}

void run_module_file(Module* m, const std::string& path) { exec_module_file(m, path); }

namespace {

// Loads module `full` (its parent already imported when dotted) from `dirs`; null when not found.
Module* load_from_path(std::string_view full, Value dirs) {
  std::string path;
  bool package = false;
  if (find_module_file(full, dirs, path, package)) {
    std::string pkg_dir = package ? path.substr(0, path.rfind('/')) : std::string();
    Module* m = new_module(full);
    dict_set(m->dict, Value::object(intern("__file__")), str_value(path));
    dict_set(m->dict, Value::object(intern("__builtins__")), Value::object(state().builtins));
    dict_set(m->dict, Value::object(intern("__doc__")), Value::none());
    if (package) {
      Value p = str_value(pkg_dir);
      dict_set(m->dict, Value::object(intern("__path__")), Value::object(new_list(std::span<const Value>(&p, 1))));
      dict_set(m->dict, Value::object(intern("__package__")), Value::object(intern(full)));
    } else {
      size_t dot = full.rfind('.');
      dict_set(m->dict, Value::object(intern("__package__")),
               Value::object(intern(dot == std::string_view::npos ? std::string_view() : full.substr(0, dot))));
    }
    Value mv = Value::object(m);
    dict_set(state().modules, Value::object(key(full)), mv);
    try {
      exec_module_file(m, path);
    } catch (PyException&) {
      dict_del(state().modules, Value::object(key(full)));
      throw;
    }
    // The module may have replaced itself in sys.modules.
    if (Value* now = dict_find_str(state().modules, key(full)); now && is_kind(*now, Kind::Module)) return now->as<Module>();
    return m;
  }
  return nullptr;
}

// What `import full` finds in sys.modules: any object a program put there
// (None stops the import, as in CPython); empty when absent.
Value loaded_value(std::string_view full) {
  Value* v = dict_find_str(state().modules, key(full));
  if (!v) return Value::empty();
  if (v->is_none())
    raise_import(types::module_not_found_error, fmt::format("import of {} halted; None in sys.modules", full), full);
  return *v;
}

Module* import_one(std::string_view full);

// -X importtime: times one import (the imports it makes nested inside it) and
// prints CPython's line for it when it ends, raising or not.
class ImportTimer {
public:
  explicit ImportTimer(std::string_view name) : name_(name), vm_(state()) {
    if (!vm_.import_time) return;
    static bool header = false;
    if (!header) std::fputs("import time: self [us] | cumulative | imported package\n", stderr);
    header = true;
    ++vm_.import_level;
    outer_nested_ = vm_.import_nested_ns;
    vm_.import_nested_ns = 0;
    start_ = std::chrono::steady_clock::now();
  }
  ~ImportTimer() {
    if (!vm_.import_time) return;
    int64_t cum = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start_).count();
    --vm_.import_level;
    auto us = [](int64_t ns) { return static_cast<long>((ns + 999) / 1000); }; // (CPython rounds up)
    std::fprintf(stderr, "import time: %9ld | %10ld | %*s%.*s\n", us(cum - vm_.import_nested_ns), us(cum),
                 vm_.import_level * 2, "", static_cast<int>(name_.size()), name_.data());
    vm_.import_nested_ns = outer_nested_ + cum;
  }
  ImportTimer(const ImportTimer&) = delete;
  ImportTimer& operator=(const ImportTimer&) = delete;

private:
  std::string_view name_;
  Vm& vm_;
  int64_t outer_nested_ = 0;
  std::chrono::steady_clock::time_point start_;
};

// import_one for a name that may be bound to a non-module in sys.modules
// (before, or by the module's own code: what sys.modules holds at the end is
// the result, as in CPython).
Value import_value(std::string_view full) {
  Value v = loaded_value(full);
  if (!v.is_empty()) return v;
  Module* m = import_one(full);
  Value now = loaded_value(full);
  return now.is_empty() ? Value::object(m) : now;
}

// Imports exactly `full` (parents first); returns the module.
Module* import_one(std::string_view full) {
  if (Module* m = find_loaded(full)) return m;
  ImportTimer timer(full);
  size_t dot = full.rfind('.');
  if (dot == std::string_view::npos) {
    if (Value* v = dict_find_str(state().modules, key(full))) {
      if (is_kind(*v, Kind::Module)) return v->as<Module>();
    }
    if (Module* m = builtin_module(full)) return m;
    if (Module* m = load_from_path(full, Value::object(state().path))) return m;
    if (std::string lib = state().stdlib_dir; is_stdlib_module(full) && (lib.empty() || !is_file(join(lib, "os.py"))))
      raise_import(types::module_not_found_error,
                   fmt::format("No module named '{}' (CPython's standard library is not installed{}: install Debian's "
                               "libpython3.11-stdlib or set TRIBUTARY_STDLIB to its directory)",
                               full, lib.empty() ? "" : " at " + lib),
                   full);
    raise_import(types::module_not_found_error, fmt::format("No module named '{}'", full), full);
  }
  Value parent_value = loaded_value(full.substr(0, dot));
  if (!parent_value.is_empty() && !is_kind(parent_value, Kind::Module))
    raise_import(types::module_not_found_error,
                 fmt::format("No module named '{}'; '{}' is not a package", full, full.substr(0, dot)), full);
  Module* parent = import_one(full.substr(0, dot));
  if (Module* m = find_loaded(full)) return m;
  Value path = dict_get(parent->dict, Value::object(intern("__path__")));
  if (path.is_empty())
    raise_import(types::module_not_found_error,
                 fmt::format("No module named '{}'; '{}' is not a package", full, full.substr(0, dot)), full);
  Module* m = load_from_path(full, path);
  if (!m) raise_import(types::module_not_found_error, fmt::format("No module named '{}'", full), full);
  dict_set(parent->dict, Value::object(intern(full.substr(dot + 1))), Value::object(m));
  return m;
}

// The absolute name for a relative import of `name` at `level` from a module with `globals`.
std::string resolve_relative(Dict* globals, std::string_view name, int64_t level) {
  Value pkg = dict_get(globals, Value::object(intern("__package__")));
  std::string base = is_str(pkg) ? std::string(pkg.as<Str>()->view()) : std::string();
  if (base.empty()) raise(types::import_error, "attempted relative import with no known parent package");
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) raise(types::import_error, "attempted relative import beyond top-level package");
    base.resize(dot);
  }
  return name.empty() ? base : base + "." + std::string(name);
}

} // namespace

Value import_module(Dict* globals, Str* name, Value fromlist, Value level) {
  int64_t lvl = int_as_i64(level).value_or(0);
  std::string full = lvl > 0 ? resolve_relative(globals, name->view(), lvl) : std::string(name->view());
  Value mv = import_value(full);
  bool has_fromlist = !fromlist.is_none() && !(is_tuple(fromlist) && fromlist.as<Tuple>()->size == 0);
  if (has_fromlist || lvl > 0 || full.find('.') == std::string::npos) {
    if (!is_kind(mv, Kind::Module)) return mv;
    Module* m = mv.as<Module>();
    if (has_fromlist && dict_find_str(m->dict, intern("__path__")) && is_tuple(fromlist)) {
      // `from pkg import sub`: import submodules named in the fromlist.
      for (Value n : fromlist.as<Tuple>()->span()) {
        if (!is_str(n) || n.as<Str>()->view() == "*" || dict_find_str(m->dict, n.as<Str>())) continue;
        std::string sub = full + "." + std::string(n.as<Str>()->view());
        try {
          import_one(sub);
        } catch (PyException& e) {
          // Only the submodule itself missing is no error (the name may be an
          // attribute); a module it imports missing is.
          if (!is_subtype(type_of(e.exc), &types::module_not_found_error)) throw;
          Value missing = exception_get_attr(e.exc, intern("name"));
          if (!is_str(missing) || missing.as<Str>()->view() != sub) throw;
        }
      }
    }
    return Value::object(m);
  }
  return import_value(std::string_view(full).substr(0, full.find('.')));
}

Value import_from_module(Value module, Str* name) {
  Value v = get_attr_or_empty(module, name);
  if (!v.is_empty()) return v;
  std::string mod_name = is_kind(module, Kind::Module) ? std::string(module.as<Module>()->name->view()) : "?";
  if (is_kind(module, Kind::Module)) {
    if (Module* sub = find_loaded(mod_name + "." + std::string(name->view()))) return Value::object(sub);
    Value file = dict_get(module.as<Module>()->dict, Value::object(intern("__file__")));
    if (is_str(file))
      raise_import(types::import_error,
                   fmt::format("cannot import name '{}' from '{}' ({})", name->view(), mod_name, file.as<Str>()->view()),
                   mod_name, file);
  }
  raise_import(types::import_error,
               fmt::format("cannot import name '{}' from '{}' (unknown location)", name->view(), mod_name), mod_name);
}

void exec_source(std::string_view source, const std::string& filename, Module* module) {
  Code* code = compile_source(source, filename, CompileMode::Module);
  run_code(code, module->dict, module->dict);
}

} // namespace tributary::vm
