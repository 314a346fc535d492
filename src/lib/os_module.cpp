// os_module.cpp — the `os`, `os.path` and `tempfile` modules (POSIX only).
//
// os.path follows Lib/posixpath.py (join, split, splitext, normpath,
// abspath...); os functions raise the OSError subclass matching errno with
// CPython's "[Errno 2] No such file or directory: 'x'" text. tempfile offers
// gettempdir() (TMPDIR, TEMP, TMP, then /tmp, /var/tmp, /usr/tmp, the cwd)
// and gettempprefix(). Limits: no os.stat results, no file descriptors, no
// walk/scandir; environ is a snapshot dict.
#include <dirent.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "lib/lib.h"
#include "lib/modules.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "vm/exec.h"

extern char** environ;

namespace tributary::lib {

extern Type permission_error_type, is_a_directory_error_type, file_exists_error_type, not_a_directory_error_type;

namespace {

std::string path_arg(Value v, const char* fname) {
  if (is_str(v)) return std::string(v.as<Str>()->view());
  if (auto b = bytes_like(v)) return std::string(*b);
  raise_fmt(types::type_error, "{}: path should be string, bytes or os.PathLike, not {}", fname, tname(v));
}

[[noreturn]] void raise_errno(int err, Value filename) {
  Type* t = err == ENOENT                   ? &types::file_not_found_error
            : err == EACCES || err == EPERM ? &permission_error_type
            : err == EISDIR                 ? &is_a_directory_error_type
            : err == EEXIST                 ? &file_exists_error_type
            : err == ENOTDIR                ? &not_a_directory_error_type
                                            : &types::os_error;
  Value args[3] = {make_int(err), str_value(std::strerror(err)), filename};
  raise(Value::object(new_exception(t, args)));
}

bool stat_path(const std::string& p, struct stat& st) {
  std::fflush(nullptr); // see open(): pending writes of dropped files become visible
  return ::stat(p.c_str(), &st) == 0;
}

// ---- os.path -----------------------------------------------------------------------

std::string join2(std::string a, const std::string& b) {
  if (!b.empty() && b[0] == '/') return b;
  if (a.empty() || a.back() == '/') return a + b;
  return a + "/" + b;
}

Value p_join(Value, const Args& a) {
  no_kwargs(a, "join");
  if (a.npos == 0) raise_type_error("join() missing 1 required positional argument: 'a'");
  std::string out = path_arg(a[0], "join");
  for (uint32_t i = 1; i < a.npos; ++i) {
    if (!is_str(a[i]))
      raise_fmt(types::type_error, "join() argument must be str, bytes, or os.PathLike object, not '{}'", tname(a[i]));
    out = join2(out, path_arg(a[i], "join"));
  }
  return str_value(out);
}

std::pair<std::string, std::string> split_path(const std::string& p) {
  size_t i = p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1;
  std::string head = p.substr(0, i), tail = p.substr(i);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos)
    while (!head.empty() && head.back() == '/') head.pop_back();
  return {head, tail};
}

Value pair(const std::string& a, const std::string& b) {
  Value items[2] = {str_value(a), str_value(b)};
  return Value::object(new_tuple(items));
}

Value p_split(Value, const Args& a) {
  check_one(a, "split");
  auto [h, t] = split_path(path_arg(a[0], "split"));
  return pair(h, t);
}

Value p_basename(Value, const Args& a) {
  check_one(a, "basename");
  return str_value(split_path(path_arg(a[0], "basename")).second);
}

Value p_dirname(Value, const Args& a) {
  check_one(a, "dirname");
  return str_value(split_path(path_arg(a[0], "dirname")).first);
}

// posixpath._splitext: leading dots of the last component do not start an extension.
Value p_splitext(Value, const Args& a) {
  check_one(a, "splitext");
  std::string p = path_arg(a[0], "splitext");
  auto sep = static_cast<int64_t>(p.rfind('/')), dot = static_cast<int64_t>(p.rfind('.'));
  if (dot > sep) {
    for (int64_t k = sep + 1; k < dot; ++k)
      if (p[static_cast<size_t>(k)] != '.') return pair(p.substr(0, static_cast<size_t>(dot)), p.substr(static_cast<size_t>(dot)));
  }
  return pair(p, "");
}

std::string normpath(const std::string& p) {
  if (p.empty()) return ".";
  int initial = p[0] == '/' ? 1 : 0;
  if (initial && p.size() > 1 && p[1] == '/' && (p.size() == 2 || p[2] != '/')) initial = 2;
  std::vector<std::string> comps, out;
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string::npos) j = p.size();
    comps.push_back(p.substr(i, j - i));
    i = j + 1;
  }
  for (const std::string& c : comps) {
    if (c.empty() || c == ".") continue;
    if (c != ".." || (!initial && out.empty()) || (!out.empty() && out.back() == ".."))
      out.push_back(c);
    else if (!out.empty())
      out.pop_back();
  }
  std::string r(initial, '/');
  for (size_t k = 0; k < out.size(); ++k) r += (k ? "/" : "") + out[k];
  return r.empty() ? "." : r;
}

Value p_normpath(Value, const Args& a) {
  check_one(a, "normpath");
  return str_value(normpath(path_arg(a[0], "normpath")));
}

std::string cwd() {
  std::vector<char> buf(4096);
  while (!::getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) raise_errno(errno, Value::none());
    buf.resize(buf.size() * 2);
  }
  return buf.data();
}

Value p_abspath(Value, const Args& a) {
  check_one(a, "abspath");
  std::string p = path_arg(a[0], "abspath");
  if (p.empty() || p[0] != '/') p = join2(cwd(), p);
  return str_value(normpath(p));
}

Value p_isabs(Value, const Args& a) {
  check_one(a, "isabs");
  std::string p = path_arg(a[0], "isabs");
  return Value::boolean(!p.empty() && p[0] == '/');
}

Value p_exists(Value, const Args& a) {
  check_one(a, "exists");
  struct stat st;
  if (!is_str(a[0]) && !bytes_like(a[0])) return Value::boolean(false);
  return Value::boolean(stat_path(path_arg(a[0], "exists"), st));
}

Value p_isfile(Value, const Args& a) {
  check_one(a, "isfile");
  struct stat st;
  return Value::boolean(stat_path(path_arg(a[0], "isfile"), st) && S_ISREG(st.st_mode));
}

Value p_isdir(Value, const Args& a) {
  check_one(a, "isdir");
  struct stat st;
  return Value::boolean(stat_path(path_arg(a[0], "isdir"), st) && S_ISDIR(st.st_mode));
}

Value p_getsize(Value, const Args& a) {
  check_one(a, "getsize");
  struct stat st;
  std::string p = path_arg(a[0], "getsize");
  if (!stat_path(p, st)) raise_errno(errno, a[0]);
  return make_int(static_cast<int64_t>(st.st_size));
}

Value p_expanduser(Value, const Args& a) {
  check_one(a, "expanduser");
  std::string p = path_arg(a[0], "expanduser");
  if (p.empty() || p[0] != '~' || (p.size() > 1 && p[1] != '/')) return str_value(p);
  const char* home = std::getenv("HOME");
  if (!home) return str_value(p);
  std::string h = home;
  while (h.size() > 1 && h.back() == '/') h.pop_back();
  return str_value(h + p.substr(1));
}

// ---- os ----------------------------------------------------------------------------

Value o_getcwd(Value, const Args& a) {
  check_none(a, "getcwd");
  return str_value(cwd());
}

Value o_listdir(Value, const Args& a) {
  check_takes(a, "listdir", 0, 1);
  Value pv = a.npos && !a[0].is_none() ? a[0] : str_value(".");
  std::string p = path_arg(pv, "listdir");
  DIR* d = ::opendir(p.c_str());
  if (!d) raise_errno(errno, pv);
  List* l = new_list();
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") l->items.push_back(str_value(n));
  }
  ::closedir(d);
  return Value::object(l);
}

Value o_remove(Value, const Args& a) {
  check_one(a, "remove");
  std::string p = path_arg(a[0], "remove");
  std::fflush(nullptr);
  if (::unlink(p.c_str()) != 0) raise_errno(errno, a[0]);
  return Value::none();
}

Value o_rmdir(Value, const Args& a) {
  check_one(a, "rmdir");
  if (::rmdir(path_arg(a[0], "rmdir").c_str()) != 0) raise_errno(errno, a[0]);
  return Value::none();
}

Value o_mkdir(Value, const Args& a) {
  Value p[2];
  bind_args(a, "mkdir", {"path", "mode"}, 1, p);
  int mode = p[1].is_empty() ? 0777 : static_cast<int>(arg_index(p[1]));
  if (::mkdir(path_arg(p[0], "mkdir").c_str(), static_cast<mode_t>(mode)) != 0) raise_errno(errno, p[0]);
  return Value::none();
}

Value o_makedirs(Value, const Args& a) {
  Value p[3];
  bind_py_args(a, "makedirs", {"name", "mode", "exist_ok"}, 1, p);
  std::string path = path_arg(p[0], "makedirs");
  bool exist_ok = !p[2].is_empty() && truthy(p[2]);
  struct stat st;
  if (stat_path(path, st)) {
    if (exist_ok && S_ISDIR(st.st_mode)) return Value::none();
    raise_errno(EEXIST, p[0]);
  }
  std::string prefix;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    prefix = path.substr(0, j);
    if (!prefix.empty() && !stat_path(prefix, st) && ::mkdir(prefix.c_str(), 0777) != 0 && errno != EEXIST)
      raise_errno(errno, str_value(prefix));
    i = j + 1;
  }
  return Value::none();
}

Value o_rename(Value, const Args& a) {
  check_expected(a, "rename", 2, 2);
  std::fflush(nullptr);
  if (std::rename(path_arg(a[0], "rename").c_str(), path_arg(a[1], "rename").c_str()) != 0) raise_errno(errno, a[0]);
  return Value::none();
}

Value o_getpid(Value, const Args& a) {
  check_none(a, "getpid");
  return make_int(::getpid());
}

Value o_getenv(Value, const Args& a) {
  Value p[2];
  bind_py_args(a, "getenv", {"key", "default"}, 1, p);
  if (!is_str(p[0])) raise_fmt(types::type_error, "str expected, not {}", tname(p[0]));
  const char* v = std::getenv(std::string(p[0].as<Str>()->view()).c_str());
  if (v) return str_value(v);
  return p[1].is_empty() ? Value::none() : p[1];
}

Value o_cpu_count(Value, const Args& a) {
  check_none(a, "cpu_count");
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? make_int(n) : Value::none();
}

// os.uname(): a posix.uname_result (a named tuple; `self` is its type).
Value o_uname(Value self, const Args& a) {
  check_none(a, "posix.uname");
  struct utsname u;
  if (::uname(&u) != 0) raise_errno(errno, Value::none());
  Value fields[5] = {str_value(u.sysname), str_value(u.nodename), str_value(u.release), str_value(u.version),
                     str_value(u.machine)};
  return call(self, Args{fields, 5});
}

// ---- tempfile ----------------------------------------------------------------------

Value t_gettempdir(Value, const Args& a) {
  check_none(a, "gettempdir");
  static std::string dir;
  if (dir.empty()) {
    std::vector<std::string> candidates;
    for (const char* env : {"TMPDIR", "TEMP", "TMP"})
      if (const char* v = std::getenv(env)) candidates.push_back(v);
    for (const char* d : {"/tmp", "/var/tmp", "/usr/tmp"}) candidates.push_back(d);
    candidates.push_back(cwd());
    for (const std::string& c : candidates) {
      std::string abs = c.empty() || c[0] != '/' ? join2(cwd(), c) : c;
      if (::access(abs.c_str(), W_OK | X_OK) == 0) {
        dir = normpath(abs);
        break;
      }
    }
  }
  return str_value(dir);
}

Value t_gettempprefix(Value, const Args& a) {
  check_none(a, "gettempprefix");
  return str_value("tmp");
}

// ---- os.stat ---------------------------------------------------------------------------

// stat_result: ten visible int fields (a struct sequence); st_atime,
// st_mtime and st_ctime as attributes are floats, kept with the *_ns and
// block fields in slots past the tuple's size (as time.struct_time keeps
// tm_zone; the collector scans the whole allocation).
constexpr size_t kStatVisible = 10;
constexpr const char* kStatHidden[] = {"st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns",
                                       "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"};
constexpr size_t kStatAll = kStatVisible + std::size(kStatHidden);
Type* stat_result_type = nullptr;

Value stat_hidden(Value index, const Args& a) {
  if (type_of(a[0]) != stat_result_type) raise_type_error("descriptor requires an 'os.stat_result' object");
  return a[0].as<Tuple>()->items[index.as_small_int()];
}

Value stat_repr(Value, const Args& a) {
  static constexpr const char* kNames[] = {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid",
                                           "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"};
  std::string out = "os.stat_result(";
  for (size_t i = 0; i < kStatVisible; ++i)
    out += fmt::format("{}{}={}", i ? ", " : "", kNames[i], repr_string(a[0].as<Tuple>()->items[i]));
  return str_value(out + ")");
}

Type* stat_type() {
  if (stat_result_type) return stat_result_type;
  Value nt_args[3] = {str_value("stat_result"),
                      str_value("st_mode st_ino st_dev st_nlink st_uid st_gid st_size st_atime st_mtime st_ctime"),
                      str_value("os")};
  Value module_kw = Value::object(intern("module"));
  stat_result_type = namedtuple_function(Value::empty(), Args{nt_args, 2, &module_kw, &nt_args[2], 1}).as<Type>();
  stat_result_type->construct = nullptr; // (made only by os.stat here)
  add_attr(*stat_result_type, "__repr__", new_native("__repr__", stat_repr));
  for (size_t i = 0; i < std::size(kStatHidden); ++i) {
    auto* p = gc::make<Property>();
    p->type = &types::property;
    p->fget = new_native(kStatHidden[i], stat_hidden, Value::small_int(static_cast<int64_t>(kStatVisible + i)));
    add_attr(*stat_result_type, kStatHidden[i], Value::object(p));
  }
  return stat_result_type;
}

Value stat_result(const struct stat& st) {
  Tuple* t = new_tuple(kStatAll);
  auto secs = [](const timespec& ts) { return Value::from_double(static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9); };
  auto nanos = [](const timespec& ts) { return make_int(static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec); };
  Value v[kStatAll] = {make_int(int64_t{st.st_mode}), make_int(static_cast<int64_t>(st.st_ino)),
                       make_int(static_cast<int64_t>(st.st_dev)), make_int(static_cast<int64_t>(st.st_nlink)),
                       make_int(int64_t{st.st_uid}), make_int(int64_t{st.st_gid}),
                       make_int(static_cast<int64_t>(st.st_size)), make_int(static_cast<int64_t>(st.st_atim.tv_sec)),
                       make_int(static_cast<int64_t>(st.st_mtim.tv_sec)), make_int(static_cast<int64_t>(st.st_ctim.tv_sec)),
                       secs(st.st_atim), secs(st.st_mtim), secs(st.st_ctim), nanos(st.st_atim), nanos(st.st_mtim),
                       nanos(st.st_ctim), make_int(static_cast<int64_t>(st.st_blksize)),
                       make_int(static_cast<int64_t>(st.st_blocks)), make_int(static_cast<int64_t>(st.st_rdev))};
  for (size_t i = 0; i < kStatAll; ++i) t->items[i] = v[i];
  t->size = kStatVisible;
  t->type = stat_type();
  return Value::object(t);
}

template <bool kFollow> Value o_stat(Value, const Args& a) {
  const char* name = kFollow ? "stat" : "lstat";
  Value p[3];
  bind_args(a, name, {"path", "dir_fd", "follow_symlinks"}, 1, p, 0, 1);
  bool follow = kFollow && (p[2].is_empty() || truthy(p[2]));
  struct stat st;
  int rc;
  if (is_integer(p[0])) rc = ::fstat(static_cast<int>(arg_index(p[0])), &st);
  else {
    std::string path = path_arg(p[0], name);
    rc = follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
  }
  if (rc != 0) raise_errno(errno, p[0]);
  return stat_result(st);
}

// os.path.__getattr__(name) (PEP 562): what the native functions do not cover
// (normcase, relpath, commonprefix, realpath, ...) comes from CPython's posixpath.
Value p_getattr(Value, const Args& a) {
  check_one(a, "__getattr__");
  if (!is_str(a[0])) raise_type_error("attribute name must be string");
  Value posixpath = vm::import_module(nullptr, intern("posixpath"), Value::none(), Value::small_int(0));
  return get_attr(posixpath, a[0].as<Str>());
}

// os.urandom(size): bytes from the kernel's random source.
Value o_urandom(Value, const Args& a) {
  check_one(a, "urandom");
  int64_t n = arg_index(a[0]);
  if (n < 0) raise_value_error("negative argument not allowed");
  std::string out(static_cast<size_t>(n), '\0');
  size_t got = 0;
  while (got < out.size()) {
    ssize_t r = ::getrandom(out.data() + got, out.size() - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      raise_errno(errno, Value::none());
    }
    got += static_cast<size_t>(r);
  }
  return make_bytes(out);
}

// os.fspath(path): a str or bytes as is, else what its __fspath__ returns.
Value o_fspath(Value, const Args& a) {
  Value p[1];
  bind_args(a, "fspath", {"path"}, 1, p);
  Value path = p[0];
  if (is_str(path) || is_kind(path, Kind::Bytes)) return path;
  Value hook = type_lookup(type_of(path), intern("__fspath__"));
  if (hook.is_empty())
    raise_fmt(types::type_error, "expected str, bytes or os.PathLike object, not {}", tname(path));
  Value r = call(hook, Args{&path, 1});
  if (!is_str(r) && !is_kind(r, Kind::Bytes))
    raise_fmt(types::type_error, "expected {}.__fspath__() to return str or bytes, not {}", tname(path), tname(r));
  return r;
}

} // namespace

Module* make_os_path_module() {
  Module* m = new_module("posixpath");
  struct Def {
    const char* name;
    NativeFn fn;
  };
  for (const Def& d : {Def{"join", p_join}, Def{"split", p_split}, Def{"basename", p_basename},
                       Def{"dirname", p_dirname}, Def{"splitext", p_splitext}, Def{"normpath", p_normpath},
                       Def{"abspath", p_abspath}, Def{"isabs", p_isabs}, Def{"exists", p_exists},
                       Def{"isfile", p_isfile}, Def{"isdir", p_isdir}, Def{"getsize", p_getsize},
                       Def{"expanduser", p_expanduser}, Def{"__getattr__", p_getattr}})
    add_function(m, d.name, d.fn);
  add_value(m, "sep", str_value("/"));
  add_value(m, "curdir", str_value("."));
  add_value(m, "pardir", str_value(".."));
  add_value(m, "extsep", str_value("."));
  return m;
}

Module* make_os_module() {
  Module* m = new_module("os");
  struct Def {
    const char* name;
    NativeFn fn;
  };
  for (const Def& d : {Def{"getcwd", o_getcwd}, Def{"listdir", o_listdir}, Def{"remove", o_remove},
                       Def{"unlink", o_remove}, Def{"rmdir", o_rmdir}, Def{"mkdir", o_mkdir},
                       Def{"makedirs", o_makedirs}, Def{"rename", o_rename}, Def{"getpid", o_getpid},
                       Def{"getenv", o_getenv}, Def{"cpu_count", o_cpu_count}, Def{"fspath", o_fspath},
                       Def{"stat", o_stat<true>}, Def{"lstat", o_stat<false>}, Def{"urandom", o_urandom}})
    add_function(m, d.name, d.fn);
  Value uname_result = struct_sequence_type("posix", "uname_result", "sysname nodename release version machine");
  add_value(m, "uname", new_native("uname", o_uname, uname_result));
  add_value(m, "sep", str_value("/"));
  add_value(m, "linesep", str_value("\n"));
  add_value(m, "curdir", str_value("."));
  add_value(m, "pardir", str_value(".."));
  add_value(m, "name", str_value("posix"));
  Dict* env = new_dict();
  for (char** e = environ; e && *e; ++e) {
    std::string kv = *e;
    size_t eq = kv.find('=');
    if (eq != std::string::npos) dict_set(env, str_value(kv.substr(0, eq)), str_value(kv.substr(eq + 1)));
  }
  add_value(m, "environ", Value::object(env));
  add_value(m, "error", Value::object(&types::os_error));
  add_value(m, "stat_result", Value::object(stat_type()));
  add_value(m, "path", Value::object(builtin_module("os.path")));
  return m;
}

Module* make_tempfile_module() {
  Module* m = new_module("tempfile");
  add_function(m, "gettempdir", t_gettempdir);
  add_function(m, "gettempprefix", t_gettempprefix);
  return m;
}

} // namespace tributary::lib
