// sys_module.cpp — the `sys` module.
//
// sys shares its lists and dicts with the VM state (argv, path, modules), so
// changes made by the program are seen by the interpreter. sys.stdout and
// sys.stderr are the TextStream objects of stream.cpp; sys.stdin is a text file
// object (file.cpp) over fd 0. version_info is a
// collections.namedtuple instance (major, minor, micro, releaselevel, serial).
#include <limits>
#include <unistd.h>

#include <cmath>

#include "lib/builtins.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/format.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "runtime/user_class.h"
#include "vm/frame.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

// sys.displayhook: shows a value (not None) as the interactive interpreter
// does, and keeps it in builtins._.
Value sys_displayhook(Value, const Args& a) {
  check_one(a, "displayhook");
  if (a[0].is_none()) return Value::none();
  Dict* builtins = vm::state().builtins->dict;
  dict_set_str(builtins, "_", Value::none());
  Value out = current_stdout();
  stream_write(out, repr(a[0])->view());
  stream_write(out, "\n");
  dict_set_str(builtins, "_", a[0]);
  return Value::none();
}

Value sys_exit(Value, const Args& a) {
  no_kwargs(a, "exit");
  check_expected(a, "exit", 0, 1);
  raise(Value::object(new_exception(&types::system_exit, a.positional())));
}

// The encodings CPython 3.11 reports on Linux in a UTF-8 locale.
Value sys_getfilesystemencoding(Value, const Args& a) {
  check_none(a, "getfilesystemencoding");
  return str_value("utf-8");
}

Value sys_getfilesystemencodeerrors(Value, const Args& a) {
  check_none(a, "getfilesystemencodeerrors");
  return str_value("surrogateescape");
}

Value sys_getdefaultencoding(Value, const Args& a) {
  check_none(a, "getdefaultencoding");
  return str_value("utf-8");
}

// sys.audit(event, *args): no audit hooks run here (addaudithook keeps none).
Value sys_audit(Value, const Args& a) {
  if (a.npos == 0) raise(types::type_error, "audit() missing 1 required positional argument: 'event'");
  if (!is_str(a[0])) raise_fmt(types::type_error, "expected str for argument 'event', not {}", tname(a[0]));
  return Value::none();
}

Value sys_addaudithook(Value, const Args& a) {
  check_one(a, "addaudithook");
  return Value::none();
}

// No tracing or profiling functions are ever set.
Value sys_gettrace(Value, const Args& a) {
  check_none(a, "gettrace");
  return Value::none();
}

// settrace(None) / setprofile(None): nothing was set, nothing to clear
// (doctest and others restore what gettrace() gave). A function cannot be set.
template <const char* Name> Value sys_set_hook(Value, const Args& a) {
  check_one(a, Name);
  if (!a[0].is_none()) raise_fmt(types::not_implemented_error, "sys.{}() with a function is not supported", Name);
  return Value::none();
}
constexpr char kSettrace[] = "settrace", kSetprofile[] = "setprofile";

Value sys_getrecursionlimit(Value, const Args& a) {
  check_none(a, "sys.getrecursionlimit");
  return make_int(int64_t{vm::state().recursion_limit});
}

Value sys_get_int_max_str_digits(Value, const Args& a) {
  check_none(a, "sys.get_int_max_str_digits");
  return make_int(fmtlib::int_max_str_digits());
}

// sys.set_int_max_str_digits(maxdigits): 0 lifts the limit; below the threshold it would
// make ordinary conversions fail (CPython's _PY_LONG_MAX_STR_DIGITS_THRESHOLD).
Value sys_set_int_max_str_digits(Value, const Args& a) {
  Value p[1];
  bind_args(a, "set_int_max_str_digits", {"maxdigits"}, 1, p);
  if (p[0].is_double()) raise(types::type_error, "'float' object cannot be interpreted as an integer");
  int64_t n = arg_index(p[0]);
  if (n != 0 && n < fmtlib::kIntMaxStrDigitsThreshold)
    raise_fmt(types::value_error, "maxdigits must be 0 or larger than {}", fmtlib::kIntMaxStrDigitsThreshold);
  fmtlib::set_int_max_str_digits(n);
  return Value::none();
}

Value sys_setrecursionlimit(Value, const Args& a) {
  check_one(a, "sys.setrecursionlimit");
  if (a[0].is_double()) raise(types::type_error, "'float' object cannot be interpreted as an integer");
  int64_t n = arg_index(a[0]);
  if (n < 1) raise(types::value_error, "recursion limit must be greater or equal than 1");
  if (n > INT32_MAX) raise(types::overflow_error, "Python int too large to convert to C int");
  vm::state().recursion_limit = static_cast<int>(n);
  return Value::none();
}

// sys.exc_info(): (type, value, traceback) of the exception being handled.
// sys.excepthook(type, value, traceback): the report of an uncaught exception, on sys.stderr.
Value sys_excepthook(Value, const Args& a) {
  check_takes(a, "excepthook", 3, 3);
  no_kwargs(a, "excepthook");
  Value err = dict_get(vm::state().modules, Value::object(intern("sys")));
  Value stream = get_attr(err, intern("stderr"));
  if (is_kind(a[1], Kind::Exception)) stream_write(stream, format_traceback(a[1]));
  else stream_write(stream, fmt::format("TypeError: print_exception(): Exception expected for value, {} found\n", tname(a[1])));
  stream_flush(stream);
  return Value::none();
}

Value sys_exc_info(Value, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "sys.exc_info() takes no arguments");
  Value e = vm::current_handled_exception();
  if (e.is_none() || e.is_empty()) {
    Value none3[3] = {Value::none(), Value::none(), Value::none()};
    return Value::object(new_tuple(std::span<const Value>(none3)));
  }
  Value items[3] = {Value::object(type_of(e)), e, get_attr(e, intern("__traceback__"))};
  return Value::object(new_tuple(std::span<const Value>(items)));
}

Value sys_exception(Value, const Args& a) {
  if (a.npos || a.nkw) raise(types::type_error, "sys.exception() takes no arguments");
  Value e = vm::current_handled_exception();
  return e.is_empty() ? Value::none() : e;
}

Value sys_intern(Value, const Args& a) {
  check_one(a, "sys.intern");
  if (!is_str(a[0])) raise_fmt(types::type_error, "intern() argument must be str, not {}", tname(a[0]));
  return Value::object(intern(a[0].as<Str>()->view()));
}

// ---- types.SimpleNamespace (the type of sys.implementation) ------------------------------

Type simple_namespace;

Value namespace_init(Value self, const Args& a) {
  if (a.npos) raise_fmt(types::type_error, "no positional arguments expected");
  for (uint32_t i = 0; i < a.nkw; ++i) set_attr(self, a.kwnames[i].as<Str>(), a.kwvals[i]);
  return Value::none();
}

Value construct_namespace(Value self, const Args& a) {
  Value obj = Value::object(new_instance(self.as<Type>()));
  namespace_init(obj, a);
  return obj;
}

Value namespace_repr(Value self, const Args&) {
  Type* t = type_of(self);
  std::string out = t == &simple_namespace ? "namespace" : std::string(t->name);
  out += "(";
  Dict* d = instance_dict(attr_store(self.as_object()));
  size_t pos = 0;
  Value k, v;
  bool first = true;
  while (dict_next(d, pos, k, v)) {
    if (!first) out += ", ";
    first = false;
    out += str_string(k) + "=" + repr_string(v);
  }
  return str_value(out + ")");
}

Value namespace_eq(Value self, const Args& a) {
  if (a.npos != 1) raise(types::type_error, "expected 1 argument");
  Value other = a[0];
  if (!is_subtype(type_of(other), &simple_namespace)) return kNotImplemented;
  return Value::boolean(equals(Value::object(instance_dict(attr_store(self.as_object()))),
                               Value::object(instance_dict(attr_store(other.as_object())))));
}

void init_simple_namespace() {
  if (simple_namespace.dict) return;
  init_type(simple_namespace, "SimpleNamespace", Kind::Instance, &types::object);
  simple_namespace.module_name = Value::object(intern("types"));
  simple_namespace.is_builtin = false; // its instances are Instances, attributes in slots
  simple_namespace.construct = construct_namespace;
  add_method(simple_namespace, "__init__", self_or_first<namespace_init>);
  add_method(simple_namespace, "__repr__", self_or_first<namespace_repr>);
  add_method(simple_namespace, "__eq__", self_or_first<namespace_eq>);
}

// sys._getframe(depth): snapshots of the frame and its callers (exceptions.h);
// a JIT-inlined call has no frame of its own, so under the JIT the depth may
// reach a frame further out.
Value sys_getframe(Value, const Args& a) {
  check_takes(a, "_getframe", 0, 1);
  int64_t depth = a.npos ? arg_index(a[0]) : 0;
  vm::Frame* f = vm::state().frame;
  for (int64_t i = 0; f && i < depth; ++i) f = f->back;
  if (!f) raise(types::value_error, "call stack is not deep enough");
  std::vector<vm::Frame*> chain;
  for (vm::Frame* g = f; g; g = g->back) chain.push_back(g);
  Value back = Value::empty();
  for (size_t i = chain.size(); i-- > 0;) {
    vm::Frame* g = chain[i];
    size_t idx = static_cast<size_t>(g->pc - g->code->code.data());
    int line = idx == 0 ? g->code->first_line : g->code->lines[idx - 1];
    back = frame_snapshot(Value::object(g->code), line, Value::object(g->globals), back);
  }
  return back;
}

// One of CPython's struct sequences in sys (attributes, indexing, slicing,
// comparisons, and a repr naming sys).
template <size_t N> Value struct_sequence(const char* name, const char* fields, Value (&values)[N]) {
  return call(struct_sequence_type("sys", name, fields), Args{values, N});
}

// sys.set_asyncgen_hooks / get_asyncgen_hooks: the hooks are kept and
// reported (asyncio installs and restores them). Limit: async generators do
// not call them (no firstiter on first iteration, no finalizer when dropped).
Value g_asyncgen_hooks[2] = {Value::none(), Value::none()}; // firstiter, finalizer

Value sys_set_asyncgen_hooks(Value, const Args& a) {
  Value p[2];
  bind_args(a, "set_asyncgen_hooks", {"firstiter", "finalizer"}, 0, p);
  const char* names[2] = {"firstiter", "finalizer"};
  for (int i = 0; i < 2; ++i)
    if (!p[i].is_empty() && !p[i].is_none() && !is_callable_value(p[i]))
      raise_fmt(types::type_error, "callable {} expected, got {}", names[i], tname(p[i]));
  for (int i = 0; i < 2; ++i)
    if (!p[i].is_empty()) g_asyncgen_hooks[i] = p[i];
  return Value::none();
}

Value sys_get_asyncgen_hooks(Value, const Args& a) {
  check_none(a, "get_asyncgen_hooks");
  Value values[2] = {g_asyncgen_hooks[0], g_asyncgen_hooks[1]};
  return struct_sequence("asyncgen_hooks", "firstiter finalizer", values);
}

Value sys_is_finalizing(Value, const Args& a) {
  check_none(a, "is_finalizing");
  return Value::boolean(false);
}

} // namespace

Module* make_sys_module() {
  vm::Vm& vm = vm::state();
  Module* m = new_module("sys");
  if (!vm.argv) vm.argv = new_list();
  if (!vm.path) vm.path = new_list();
  if (!vm.modules) vm.modules = new_dict();
  add_value(m, "argv", Value::object(vm.argv));
  add_value(m, "path", Value::object(vm.path));
  add_value(m, "_stdlib_dir", Value::none()); // (set by the driver)
  add_value(m, "modules", Value::object(vm.modules));
  add_value(m, "maxsize", make_int(INT64_MAX));
  add_value(m, "maxunicode", make_int(int64_t{0x10ffff}));
  Value version[5] = {Value::small_int(3), Value::small_int(11), Value::small_int(0), str_value("final"),
                      Value::small_int(0)};
  add_value(m, "version_info", struct_sequence("version_info", "major minor micro releaselevel serial", version));
  // The parameters of the numeric hash (runtime/ops.cpp computes CPython's).
  Value hash[9] = {Value::small_int(64),     make_int(int64_t{(int64_t{1} << 61) - 1}), Value::small_int(314159),
                   Value::small_int(0),      Value::small_int(1000003),                 str_value("siphash13"),
                   Value::small_int(64),     Value::small_int(128),                     Value::small_int(0)};
  add_value(m, "hash_info",
            struct_sequence("hash_info", "width modulus inf nan imag algorithm hash_bits seed_bits cutoff", hash));
  using Limits = std::numeric_limits<double>;
  auto small = [](int64_t i) { return Value::small_int(i); };
  Value float_info[11] = {Value::from_double(Limits::max()), small(Limits::max_exponent),
                          small(Limits::max_exponent10),     Value::from_double(Limits::min()),
                          small(Limits::min_exponent),       small(Limits::min_exponent10),
                          small(Limits::digits10),           small(Limits::digits),
                          Value::from_double(Limits::epsilon()), small(Limits::radix),
                          small(1)}; // rounds: FLT_ROUNDS, to nearest
  add_value(m, "float_info", struct_sequence("float_info",
                                             "max max_exp max_10_exp min min_exp min_10_exp dig mant_dig epsilon "
                                             "radix rounds",
                                             float_info));
  // CPython's digits (sys.getsizeof counts them too, lib/sizeof.cpp), though the
  // ints themselves are GMP's 64-bit limbs.
  Value int_info[4] = {small(30), small(4), small(fmtlib::kIntMaxStrDigits), small(fmtlib::kIntMaxStrDigitsThreshold)};
  add_value(m, "int_info",
            struct_sequence("int_info", "bits_per_digit sizeof_digit default_max_str_digits str_digits_check_threshold",
                            int_info));
  {
    // As `python3 -S`'s (no site module runs); dont_write_bytecode as below.
    Value flags[18] = {small(0), small(0), small(0), small(0), small(1), small(0),
                       small(1), small(0), small(0), small(0), small(0), small(1),
                       small(0), Value::boolean(false), small(0), small(0), Value::boolean(false), small(-1)};
    add_value(m, "flags", struct_sequence("flags",
                                          "debug inspect interactive optimize dont_write_bytecode no_user_site "
                                          "no_site ignore_environment verbose bytes_warning quiet "
                                          "hash_randomization isolated dev_mode utf8_mode warn_default_encoding "
                                          "safe_path int_max_str_digits",
                                          flags));
  }
  add_value(m, "version", str_value("3.11.0 (tributary) [GCC]"));
  add_value(m, "platform", str_value("linux"));
  {
    // The running binary, as CPython's sys.executable ("" when unknown).
    char buf[4096];
    ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    add_value(m, "executable", str_value(n > 0 ? std::string_view(buf, static_cast<size_t>(n)) : std::string_view()));
  }
  // Debian's CPython: the prefixes argparse and sysconfig read (no virtual environment).
  for (const char* name : {"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"}) add_value(m, name, str_value("/usr"));
  add_value(m, "byteorder", str_value(std::endian::native == std::endian::little ? "little" : "big"));
  add_value(m, "hexversion", make_int(int64_t{0x030b00f0})); // 3.11.0 final
  init_simple_namespace();
  {
    // CPython's attributes; cache_tag None: no bytecode is cached.
    Value kw[5] = {Value::object(intern("name")), Value::object(intern("cache_tag")), Value::object(intern("version")),
                   Value::object(intern("hexversion")), Value::object(intern("_multiarch"))};
    Value vals[5] = {str_value("tributary"), Value::none(), dict_get(m->dict, Value::object(intern("version_info"))),
                     make_int(int64_t{0x030b00f0}), str_value("x86_64-linux-gnu")};
    add_value(m, "implementation", construct_namespace(Value::object(&simple_namespace), Args{nullptr, 0, kw, vals, 5}));
  }
  add_value(m, "warnoptions", Value::object(new_list()));
  // The import system's hooks, for importlib (imp_module.cpp installs its
  // finders): Tributary's own import system (vm/import.cpp) does not consult them.
  {
    Value finder = make_bootstrap_finder();
    add_value(m, "meta_path", Value::object(new_list(std::span<const Value>(&finder, 1))));
  }
  add_value(m, "path_hooks", Value::object(new_list()));
  add_value(m, "path_importer_cache", Value::object(new_dict()));
  add_value(m, "pycache_prefix", Value::none());
  add_value(m, "platlibdir", str_value("lib")); // Debian's (sysconfig, zoneinfo, pydoc)
  add_value(m, "abiflags", str_value(""));
  add_value(m, "builtin_module_names", Value::object(builtin_module_names()));
  add_value(m, "dont_write_bytecode", Value::boolean(true));
  add_value(m, "implementation_name", str_value("tributary"));
  add_value(m, "stdin", std_input());
  add_value(m, "__stdin__", std_input());
  add_value(m, "stdout", std_stream(1));
  add_value(m, "stderr", std_stream(2));
  add_value(m, "__stdout__", std_stream(1));
  add_value(m, "__stderr__", std_stream(2));
  add_function(m, "exit", sys_exit);
  add_function(m, "set_asyncgen_hooks", sys_set_asyncgen_hooks);
  add_function(m, "get_asyncgen_hooks", sys_get_asyncgen_hooks);
  add_function(m, "is_finalizing", sys_is_finalizing);
  add_function(m, "displayhook", sys_displayhook);
  add_function(m, "__displayhook__", sys_displayhook);
  add_function(m, "getrecursionlimit", sys_getrecursionlimit);
  add_function(m, "getfilesystemencoding", sys_getfilesystemencoding);
  add_function(m, "audit", sys_audit);
  add_function(m, "addaudithook", sys_addaudithook);
  add_function(m, "gettrace", sys_gettrace);
  add_function(m, "getprofile", sys_gettrace);
  add_function(m, "settrace", sys_set_hook<kSettrace>);
  add_function(m, "setprofile", sys_set_hook<kSetprofile>);
  add_function(m, "getfilesystemencodeerrors", sys_getfilesystemencodeerrors);
  add_function(m, "getdefaultencoding", sys_getdefaultencoding);
  add_function(m, "setrecursionlimit", sys_setrecursionlimit);
  add_function(m, "getsizeof", sys_getsizeof);
  add_function(m, "get_int_max_str_digits", sys_get_int_max_str_digits);
  add_function(m, "set_int_max_str_digits", sys_set_int_max_str_digits);
  add_function(m, "intern", sys_intern);
  add_function(m, "exc_info", sys_exc_info);
  add_function(m, "excepthook", sys_excepthook);
  add_value(m, "__excepthook__", dict_get(m->dict, Value::object(intern("excepthook"))));
  add_function(m, "exception", sys_exception);
  add_function(m, "_getframe", sys_getframe);
  return m;
}

} // namespace tributary::lib
