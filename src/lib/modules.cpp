// modules.cpp — registry of the native modules.
//
// One table names every builtin module and its factory; modules are built on
// first import and cached in sys.modules (so `import math` twice gives the
// same object, and a program may replace an entry as in CPython).
#include "lib/modules.h"

#include "lib/builtins.h"
#include "lib/lib.h"
#include "runtime/containers.h"
#include "vm/interp.h"

namespace tributary {

namespace {

struct ModuleDef {
  const char* name;
  Module* (*make)();
};

Module* make_builtins_module() {
  Module* m = new_module("builtins");
  init_builtins(m);
  return m;
}

constexpr ModuleDef kModules[] = {
    {"builtins", make_builtins_module},
    {"sys", lib::make_sys_module},
    {"math", lib::make_math_module},
    {"cmath", lib::make_cmath_module},
    {"array", lib::make_array_module},
    {"time", lib::make_time_module},
    {"tributary", lib::make_tributary_module},
    {"_struct", lib::make_struct_module},
    {"_sre", lib::make_sre_module},
    {"_random", lib::make_random_module},
    {"_weakref", lib::make_weakref_module},
    {"_string", lib::make_string_module},
    {"_thread", lib::make_thread_module},
    {"_codecs", lib::make_codecs_module},
    {"_contextvars", lib::make_contextvars_module},
    {"errno", lib::make_errno_module},
    {"atexit", lib::make_atexit_module},
    {"_ast", lib::make_ast_module},
    {"_imp", lib::make_imp_module},
    {"_warnings", lib::make_warnings_module},
    {"_abc", lib::make_abc_module},
    {"marshal", lib::make_marshal_module},
    {"posix", lib::make_posix_module},
    {"_signal", lib::make_signal_module},
    {"_posixsubprocess", lib::make_posixsubprocess_module},
    {"select", lib::make_select_module},
    {"_socket", lib::make_socket_module},
    {"pyexpat", lib::make_pyexpat_module},
    {"pwd", lib::make_pwd_module},
    {"grp", lib::make_grp_module},
    {"fcntl", lib::make_fcntl_module},
    {"_sqlite3", lib::make_sqlite_module},
    {"resource", lib::make_resource_module},
    {"_csv", lib::make_csv_module},
    {"unicodedata", lib::make_unicodedata_module},
    {"_json", lib::make_json_module},
    {"zlib", lib::make_zlib_module},
    {"_hashlib", lib::make_hashlib_module},
    {"_blake2", lib::make_blake2_module},
    {"_sha512", lib::make_sha512_module},
    {"gc", lib::make_gc_module},
    {"binascii", lib::make_binascii_module},
    {"_operator", lib::make_operator_module},
    {"_io", lib::make_io_module},
    {"itertools", lib::make_itertools_module},
    {"functools", lib::make_functools_module},
    {"_collections", lib::make_collections_module},
};

// Natively created modules, kept even if the program deletes them from sys.modules.
Dict* created = nullptr;

} // namespace

Module* builtin_module(std::string_view name) {
  for (const ModuleDef& def : kModules) {
    if (name != def.name) continue;
    if (!created) created = new_dict(); // a static pointer: a GC root
    Value key = Value::object(intern(name));
    if (Value* m = dict_find(created, key)) return m->as<Module>();
    Module* m = def.make();
    dict_set(created, key, Value::object(m));
    vm::Vm& vm = vm::state();
    if (!vm.modules) vm.modules = new_dict();
    dict_set(vm.modules, key, Value::object(m));
    return m;
  }
  return nullptr;
}

bool lib::is_builtin_module_name(std::string_view name) {
  for (const ModuleDef& def : kModules)
    if (name == def.name) return true;
  return false;
}

Tuple* lib::builtin_module_names() {
  Tuple* t = new_tuple(std::size(kModules));
  for (size_t i = 0; i < std::size(kModules); ++i) t->items[i] = Value::object(intern(kModules[i].name));
  return t;
}

void init_lib() {
  vm::Vm& vm = vm::state();
  if (!vm.modules) vm.modules = new_dict();
  vm.builtins = builtin_module("builtins");
  builtin_module("sys");
}

} // namespace tributary
