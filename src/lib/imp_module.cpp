// imp_module.cpp — `_imp`, the builtin helpers that CPython's
// pure-Python importlib (`importlib._bootstrap`, `_bootstrap_external`) runs on.
//
// Tributary's own import system (vm/import.cpp) imports modules; importlib is
// loaded only when a program or library module imports it, and asks `_imp`
// about the native modules (lib/modules.cpp's table): `create_builtin` gives
// the same module object `import` does. Nothing is frozen and no extension
// module can be loaded (extension_suffixes() is empty, so importlib's path
// finder never looks for one).
// sys.meta_path starts with a finder that installs importlib's own finders
// (BuiltinImporter, PathFinder with FileFinder) when importlib first searches.
#include <span>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

Str* str_arg(Value v, const char* fname) {
  if (!is_str(v)) raise_fmt(types::type_error, "{}() argument must be str, not {}", fname, tname(v));
  return v.as<Str>();
}

Value imp_is_builtin(Value, const Args& a) {
  check_takes(a, "is_builtin", 1, 1);
  return Value::small_int(is_builtin_module_name(str_arg(a[0], "is_builtin")->view()) ? 1 : 0);
}

Value imp_false(Value, const Args&) { return Value::boolean(false); }
Value imp_none(Value, const Args&) { return Value::none(); }

Value imp_is_frozen(Value, const Args& a) {
  check_takes(a, "is_frozen", 1, 1);
  str_arg(a[0], "is_frozen");
  return Value::boolean(false);
}

Value imp_not_frozen(Value, const Args& a) {
  Value name = a.npos > 0 ? a[0] : Value::none();
  raise_fmt(types::import_error, "No such frozen object named {}", repr(name)->view());
}

// create_builtin(spec): the native module named spec.name.
Value imp_create_builtin(Value, const Args& a) {
  check_one(a, "create_builtin");
  Value name = get_attr(a[0], intern("name"));
  if (!is_str(name)) raise_fmt(types::type_error, "name must be string, not {}", tname(name));
  if (Value* m = dict_find_str(vm::state().modules, name.as<Str>());
      m && is_builtin_module_name(name.as<Str>()->view()))
    return *m;
  Module* m = builtin_module(name.as<Str>()->view());
  if (!m) raise_fmt(types::import_error, "no built-in module named {}", name.as<Str>()->view());
  return Value::object(m);
}

Value imp_exec(Value, const Args&) { return Value::small_int(0); }

Value imp_create_dynamic(Value, const Args&) { raise(types::import_error, "Tributary cannot load extension modules"); }

Value imp_extension_suffixes(Value, const Args& a) {
  check_none(a, "extension_suffixes");
  return Value::object(new_list());
}

// source_hash(key, source): CPython's SipHash of the source, 8 bytes. Used
// only for hash-based .pyc files, which Tributary never writes or reads.
Value imp_source_hash(Value, const Args& a) {
  Value p[2];
  bind_args(a, "source_hash", {"key", "source"}, 2, p, 0, 0);
  auto data = bytes_like(p[1]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(p[1]));
  uint64_t h = 14695981039346656037ull ^ static_cast<uint64_t>(arg_index(p[0]));
  for (unsigned char c : *data)
    h = (h ^ c) * 1099511628211ull;
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i)
    out[i] = static_cast<char>(h >> (8 * i));
  return make_bytes(out);
}

// ---- the finder sys.meta_path starts with --------------------------------------------

// Tributary's own import system does not consult sys.meta_path; importlib
// does (import_module, util.find_spec). CPython's startup puts importlib's
// BuiltinImporter and PathFinder there (_bootstrap._install and
// _bootstrap_external._install); here the first find_spec() call (importlib is
// loaded by then) appends them, and the search goes on to them.
Type bootstrap_finder_type;
bool finders_installed = false;

Value bf_find_spec(Value, const Args&) {
  if (finders_installed) return Value::none();
  Dict* modules = vm::state().modules;
  Value* boot = dict_find_str(modules, intern("importlib._bootstrap"));
  Value* external = dict_find_str(modules, intern("importlib._bootstrap_external"));
  if (!boot || !external) return Value::none();
  finders_installed = true;
  Value sys = Value::object(builtin_module("sys"));
  call1(get_attr(get_attr(sys, intern("meta_path")), intern("append")), get_attr(*boot, intern("BuiltinImporter")));
  call1(get_attr(*external, intern("_install")), *boot);
  return Value::none();
}

Value bf_invalidate_caches(Value, const Args&) { return Value::none(); }

} // namespace

Module* make_imp_module() {
  Module* m = new_module("_imp");
  static const MethodDef kFunctions[] = {
      {"is_builtin", imp_is_builtin},
      {"is_frozen", imp_is_frozen},
      {"is_frozen_package", imp_false},
      {"find_frozen", imp_none},
      {"get_frozen_object", imp_not_frozen},
      {"init_frozen", imp_not_frozen},
      {"create_builtin", imp_create_builtin},
      {"exec_builtin", imp_exec},
      {"exec_dynamic", imp_exec},
      {"create_dynamic", imp_create_dynamic},
      {"extension_suffixes", imp_extension_suffixes},
      {"acquire_lock", imp_none},
      {"release_lock", imp_none},
      {"lock_held", imp_false},
      {"_fix_co_filename", imp_none},
      {"source_hash", imp_source_hash},
      {"_override_frozen_modules_for_tests", imp_none},
      {"_override_multi_interp_extensions_check", imp_none},
  };
  for (const MethodDef& f : kFunctions)
    add_function(m, f.name, f.fn);
  add_value(m, "check_hash_based_pycs", str_value("never"));
  add_value(m, "_frozen_module_names", Value::object(new_tuple(0)));
  return m;
}

Value make_bootstrap_finder() {
  if (!bootstrap_finder_type.name[0]) {
    init_type(bootstrap_finder_type, "BootstrapFinder", Kind::Object, &types::object);
    bootstrap_finder_type.module_name = Value::object(intern("_imp"));
    add_methods(bootstrap_finder_type, {{"find_spec", bf_find_spec}, {"invalidate_caches", bf_invalidate_caches}});
  }
  auto* o = gc::make<Object>();
  o->type = &bootstrap_finder_type;
  return Value::object(o);
}

} // namespace tributary::lib
