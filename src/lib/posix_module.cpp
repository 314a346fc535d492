// posix_module.cpp — `posix`, the system calls CPython's os.py is built on
// (os, os.path = posixpath, shutil, tempfile, pathlib... run unchanged on it).
//
// Functions raise the OSError subclass matching errno with CPython's
// "[Errno 2] No such file or directory: 'x'" text. Paths are str, bytes or
// os.PathLike; functions that return paths return bytes for a bytes argument.
// environ has bytes keys and values, as CPython's. _have_functions is empty:
// no function takes dir_fd or follow_symlinks=False (os.supports_* are empty).
// Processes: waitpid and the W* status macros, fork (running the hooks of
// register_at_fork), execv/execve (children are started by
// _posixsubprocess.fork_exec, subprocess_module.cpp).
// Limits: no posix_spawn, no dir_fd, no extended attributes, no
// scheduling, no terminal control beyond get_terminal_size; stat_result has
// st_blksize, st_blocks and st_rdev but no st_flags/st_gen.
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "lib/builtins.h"
#include "lib/lib.h"
#include "lib/modules.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/user_class.h"
#include "vm/exec.h"
#include "vm/interp.h"

extern char** environ;

namespace tributary::lib {

extern Type permission_error_type, is_a_directory_error_type, file_exists_error_type, not_a_directory_error_type;

namespace {

Value o_fspath(Value, const Args& a);

std::string path_arg(Value v, const char* fname) {
  if (is_str(v)) return std::string(v.as<Str>()->view());
  if (is_exact(v, types::bytes)) return std::string(*bytes_like(v));
  if (!type_lookup(type_of(v), intern("__fspath__")).is_empty())
    return path_arg(o_fspath(Value::empty(), Args{&v, 1}), fname);
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
  // Other errnos: OSError's constructor picks the PEP 3151 subclass (ChildProcessError, ...).
  if (t == &types::os_error) raise(call(Value::object(t), Args{args, 3}));
  raise(Value::object(new_exception(t, args)));
}

std::string cwd() {
  std::vector<char> buf(4096);
  while (!::getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) raise_errno(errno, Value::none());
    buf.resize(buf.size() * 2);
  }
  return buf.data();
}

// ---- functions ----------------------------------------------------------------------------

Value o_getcwd(Value, const Args& a) {
  check_none(a, "getcwd");
  return str_value(cwd());
}

Value o_listdir(Value, const Args& a) {
  check_takes(a, "listdir", 0, 1);
  Value pv = a.npos && !a[0].is_none() ? a[0] : str_value(".");
  std::string p = path_arg(pv, "listdir");
  // Names are bytes for a bytes path (also one a PathLike gives), else str.
  bool bytes_names =
      is_exact(pv, types::bytes) || (!is_str(pv) && is_exact(o_fspath(Value::empty(), Args{&pv, 1}), types::bytes));
  DIR* d = ::opendir(p.c_str());
  if (!d) raise_errno(errno, pv);
  List* l = new_list();
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") l->items.push_back(bytes_names ? make_bytes(n) : str_value(n));
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

// ---- os.stat ---------------------------------------------------------------------------

// stat_result: ten visible int fields (a struct sequence); st_atime,
// st_mtime and st_ctime as attributes are floats, kept with the *_ns and
// block fields in slots past the tuple's size (as time.struct_time keeps
// tm_zone; the collector scans the whole allocation).
constexpr size_t kStatVisible = 10;
constexpr const char* kStatHidden[] = {"st_atime",    "st_mtime",   "st_ctime",  "st_atime_ns", "st_mtime_ns",
                                       "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"};
constexpr size_t kStatAll = kStatVisible + std::size(kStatHidden);
Type* stat_result_type = nullptr;

Value stat_hidden(Value index, const Args& a) {
  if (type_of(a[0]) != stat_result_type) raise_type_error("descriptor requires an 'os.stat_result' object");
  return a[0].as<Tuple>()->items[index.as_small_int()];
}

Value stat_repr(Value, const Args& a) {
  static constexpr const char* kNames[] = {"st_mode", "st_ino",  "st_dev",   "st_nlink", "st_uid",
                                           "st_gid",  "st_size", "st_atime", "st_mtime", "st_ctime"};
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
  auto nanos = [](const timespec& ts) {
    return make_int(static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec);
  };
  Value v[kStatAll] = {make_int(int64_t{st.st_mode}),
                       make_int(static_cast<int64_t>(st.st_ino)),
                       make_int(static_cast<int64_t>(st.st_dev)),
                       make_int(static_cast<int64_t>(st.st_nlink)),
                       make_int(int64_t{st.st_uid}),
                       make_int(int64_t{st.st_gid}),
                       make_int(static_cast<int64_t>(st.st_size)),
                       make_int(static_cast<int64_t>(st.st_atim.tv_sec)),
                       make_int(static_cast<int64_t>(st.st_mtim.tv_sec)),
                       make_int(static_cast<int64_t>(st.st_ctim.tv_sec)),
                       secs(st.st_atim),
                       secs(st.st_mtim),
                       secs(st.st_ctim),
                       nanos(st.st_atim),
                       nanos(st.st_mtim),
                       nanos(st.st_ctim),
                       make_int(static_cast<int64_t>(st.st_blksize)),
                       make_int(static_cast<int64_t>(st.st_blocks)),
                       make_int(static_cast<int64_t>(st.st_rdev))};
  for (size_t i = 0; i < kStatAll; ++i)
    t->items[i] = v[i];
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
  if (is_integer(p[0]))
    rc = ::fstat(static_cast<int>(arg_index(p[0])), &st);
  else {
    std::string path = path_arg(p[0], name);
    rc = follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st);
  }
  if (rc != 0) raise_errno(errno, p[0]);
  return stat_result(st);
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
  if (hook.is_empty()) raise_fmt(types::type_error, "expected str, bytes or os.PathLike object, not {}", tname(path));
  Value r = call(hook, Args{&path, 1});
  if (!is_str(r) && !is_kind(r, Kind::Bytes))
    raise_fmt(types::type_error, "expected {}.__fspath__() to return str or bytes, not {}", tname(path), tname(r));
  return r;
}

// posix.open(path, flags, mode=0o777): a file descriptor.
Value o_open(Value, const Args& a) {
  Value p[3];
  bind_args(a, "open", {"path", "flags", "mode"}, 2, p);
  int mode = p[2].is_empty() ? 0777 : static_cast<int>(arg_index(p[2]));
  int fd = ::open(path_arg(p[0], "open").c_str(), static_cast<int>(arg_index(p[1])), static_cast<mode_t>(mode));
  if (fd < 0) raise_errno(errno, p[0]);
  return make_int(int64_t{fd});
}

Value o_close(Value, const Args& a) {
  Value p[1];
  bind_args(a, "close", {"fd"}, 1, p);
  if (::close(static_cast<int>(arg_index(p[0]))) != 0) raise_errno(errno, Value::none());
  return Value::none();
}

Value o_read(Value, const Args& a) {
  check_takes(a, "read", 2, 2);
  int64_t n = arg_index(a[1]);
  if (n < 0) raise_errno(EINVAL, Value::none());
  std::string buf(static_cast<size_t>(n), '\0');
  ssize_t got = ::read(static_cast<int>(arg_index(a[0])), buf.data(), buf.size());
  if (got < 0) raise_errno(errno, Value::none());
  buf.resize(static_cast<size_t>(got));
  return make_bytes(buf);
}

Value o_write(Value, const Args& a) {
  check_takes(a, "write", 2, 2);
  auto data = bytes_like(a[1]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[1]));
  std::fflush(nullptr);
  ssize_t put = ::write(static_cast<int>(arg_index(a[0])), data->data(), data->size());
  if (put < 0) raise_errno(errno, Value::none());
  return make_int(int64_t{put});
}

Value o_replace(Value, const Args& a) {
  check_expected(a, "replace", 2, 2);
  std::fflush(nullptr);
  if (std::rename(path_arg(a[0], "replace").c_str(), path_arg(a[1], "replace").c_str()) != 0) raise_errno(errno, a[0]);
  return Value::none();
}

// A path result in the argument's type: bytes for bytes, else str.
Value path_result(Value like, std::string_view p) {
  return is_exact(like, types::bytes) ? make_bytes(p) : str_value(p);
}

int fd_arg(Value v) {
  int64_t fd = arg_index(v);
  if (fd < INT32_MIN || fd > INT32_MAX) raise(types::overflow_error, "fd is greater than maximum");
  return static_cast<int>(fd);
}

Value none_or_errno(int rc, Value filename = Value::none()) {
  if (rc != 0) raise_errno(errno, filename);
  return Value::none();
}

Value o_getcwdb(Value, const Args& a) {
  check_none(a, "getcwdb");
  return make_bytes(cwd());
}

Value o_chdir(Value, const Args& a) {
  Value p[1];
  bind_args(a, "chdir", {"path"}, 1, p);
  return none_or_errno(::chdir(path_arg(p[0], "chdir").c_str()), p[0]);
}

Value o_access(Value, const Args& a) {
  Value p[5];
  bind_args(a, "access", {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks"}, 2, p, 0, 2);
  return Value::boolean(::access(path_arg(p[0], "access").c_str(), static_cast<int>(arg_index(p[1]))) == 0);
}

Value o_chmod(Value, const Args& a) {
  Value p[4];
  bind_args(a, "chmod", {"path", "mode", "dir_fd", "follow_symlinks"}, 2, p, 0, 2);
  mode_t mode = static_cast<mode_t>(arg_index(p[1]));
  if (is_integer(p[0])) return none_or_errno(::fchmod(fd_arg(p[0]), mode), p[0]);
  return none_or_errno(::chmod(path_arg(p[0], "chmod").c_str(), mode), p[0]);
}

// chown(path or fd, uid, gid, *, dir_fd=None, follow_symlinks=True); lchown(path, uid, gid).
Value o_chown(Value, const Args& a) {
  Value p[5];
  bind_args(a, "chown", {"path", "uid", "gid", "dir_fd", "follow_symlinks"}, 3, p, 0, 3);
  uid_t uid = static_cast<uid_t>(arg_index(p[1]));
  gid_t gid = static_cast<gid_t>(arg_index(p[2]));
  if (is_integer(p[0])) return none_or_errno(::fchown(fd_arg(p[0]), uid, gid), p[0]);
  bool follow = p[4].is_empty() || truthy(p[4]);
  std::string path = path_arg(p[0], "chown");
  return none_or_errno(follow ? ::chown(path.c_str(), uid, gid) : ::lchown(path.c_str(), uid, gid), p[0]);
}

Value o_lchown(Value, const Args& a) {
  Value p[3];
  bind_args(a, "lchown", {"path", "uid", "gid"}, 3, p);
  return none_or_errno(::lchown(path_arg(p[0], "lchown").c_str(), static_cast<uid_t>(arg_index(p[1])),
                                static_cast<gid_t>(arg_index(p[2]))),
                       p[0]);
}

Value o_readlink(Value, const Args& a) {
  Value p[2];
  bind_args(a, "readlink", {"path", "dir_fd"}, 1, p, 0, 1);
  std::string buf(4096, '\0');
  ssize_t n = ::readlink(path_arg(p[0], "readlink").c_str(), buf.data(), buf.size());
  if (n < 0) raise_errno(errno, p[0]);
  buf.resize(static_cast<size_t>(n));
  return path_result(p[0], buf);
}

Value o_symlink(Value, const Args& a) {
  Value p[4];
  bind_args(a, "symlink", {"src", "dst", "target_is_directory", "dir_fd"}, 2, p, 0, 2);
  return none_or_errno(::symlink(path_arg(p[0], "symlink").c_str(), path_arg(p[1], "symlink").c_str()), p[0]);
}

Value o_link(Value, const Args& a) {
  Value p[2];
  bind_args(a, "link", {"src", "dst"}, 2, p);
  return none_or_errno(::link(path_arg(p[0], "link").c_str(), path_arg(p[1], "link").c_str()), p[0]);
}

// utime(path, times=None, *, ns=None): (atime, mtime) in seconds or ns, or now.
Value o_utime(Value, const Args& a) {
  Value p[5];
  bind_args(a, "utime", {"path", "times", "ns", "dir_fd", "follow_symlinks"}, 1, p, 0, 2);
  timespec ts[2];
  auto seconds = [](Value v, timespec& t) {
    double d = v.is_double() ? v.as_double() : int_to_double(v);
    t.tv_sec = static_cast<time_t>(std::floor(d));
    t.tv_nsec = static_cast<long>((d - std::floor(d)) * 1e9);
  };
  const timespec* times = nullptr;
  if (!p[1].is_empty() && !p[1].is_none()) {
    if (!is_tuple(p[1]) || p[1].as<Tuple>()->size != 2)
      raise(types::type_error, "utime: 'times' must be either a tuple of two ints or None");
    seconds(p[1].as<Tuple>()->items[0], ts[0]);
    seconds(p[1].as<Tuple>()->items[1], ts[1]);
    times = ts;
  } else if (!p[2].is_empty()) {
    if (!is_tuple(p[2]) || p[2].as<Tuple>()->size != 2)
      raise(types::type_error, "utime: 'ns' must be a tuple of two ints");
    for (int i = 0; i < 2; ++i) {
      int64_t ns = arg_index(p[2].as<Tuple>()->items[i]);
      ts[i].tv_sec = ns / 1'000'000'000;
      ts[i].tv_nsec = ns % 1'000'000'000;
    }
    times = ts;
  }
  std::fflush(nullptr);
  return none_or_errno(::utimensat(AT_FDCWD, path_arg(p[0], "utime").c_str(), times, 0), p[0]);
}

template <auto F> Value o_id(Value, const Args& a) {
  check_none(a, "getuid");
  return make_int(static_cast<int64_t>(F()));
}

Value o_umask(Value, const Args& a) {
  check_one(a, "umask");
  return make_int(int64_t{::umask(static_cast<mode_t>(arg_index(a[0])))});
}

Value o_strerror(Value, const Args& a) {
  check_one(a, "strerror");
  return str_value(std::strerror(static_cast<int>(arg_index(a[0]))));
}

Value o_isatty(Value, const Args& a) {
  check_one(a, "isatty");
  return Value::boolean(::isatty(fd_arg(a[0])) == 1);
}

Value o_lseek(Value, const Args& a) {
  check_takes(a, "lseek", 3, 3);
  off_t r = ::lseek(fd_arg(a[0]), static_cast<off_t>(arg_index(a[1])), static_cast<int>(arg_index(a[2])));
  if (r < 0) raise_errno(errno, Value::none());
  return make_int(static_cast<int64_t>(r));
}

Value o_ftruncate(Value, const Args& a) {
  check_takes(a, "ftruncate", 2, 2);
  return none_or_errno(::ftruncate(fd_arg(a[0]), static_cast<off_t>(arg_index(a[1]))));
}

Value o_truncate(Value, const Args& a) {
  Value p[2];
  bind_args(a, "truncate", {"path", "length"}, 2, p);
  if (is_integer(p[0])) return none_or_errno(::ftruncate(fd_arg(p[0]), static_cast<off_t>(arg_index(p[1]))));
  std::fflush(nullptr);
  return none_or_errno(::truncate(path_arg(p[0], "truncate").c_str(), static_cast<off_t>(arg_index(p[1]))), p[0]);
}

Value o_fsync(Value, const Args& a) {
  check_one(a, "fsync");
  Value fd = a[0];
  if (!is_integer(fd)) fd = call0(get_attr(fd, intern("fileno")));
  std::fflush(nullptr);
  return none_or_errno(::fsync(fd_arg(fd)));
}

Value o_dup(Value, const Args& a) {
  check_one(a, "dup");
  int fd = ::dup(fd_arg(a[0]));
  if (fd < 0) raise_errno(errno, Value::none());
  return make_int(int64_t{fd});
}

Value o_dup2(Value, const Args& a) {
  Value p[3];
  bind_args(a, "dup2", {"fd", "fd2", "inheritable"}, 2, p);
  int fd = ::dup2(fd_arg(p[0]), fd_arg(p[1]));
  if (fd < 0) raise_errno(errno, Value::none());
  return make_int(int64_t{fd});
}

Value o_pipe(Value, const Args& a) {
  check_none(a, "pipe");
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) raise_errno(errno, Value::none());
  Value items[2] = {make_int(int64_t{fds[0]}), make_int(int64_t{fds[1]})};
  return Value::object(new_tuple(items));
}

// ---- processes ---------------------------------------------------------------------------

Value o_waitpid(Value, const Args& a) {
  check_takes(a, "waitpid", 2, 2);
  pid_t pid = static_cast<pid_t>(arg_index(a[0]));
  int options = static_cast<int>(arg_index(a[1])), status = 0;
  pid_t r;
  while ((r = ::waitpid(pid, &status, options)) < 0 && errno == EINTR) {
  }
  if (r < 0) raise_errno(errno, Value::none());
  Value items[2] = {make_int(int64_t{r}), make_int(int64_t{status})};
  return Value::object(new_tuple(items));
}

int status_arg(const Args& a, const char* name) {
  Value p[1];
  bind_args(a, name, {"status"}, 1, p);
  return static_cast<int>(arg_index(p[0]));
}

template <int (*F)(int)> Value o_wstatus(Value, const Args& a) { return make_int(int64_t{F(status_arg(a, "W"))}); }
template <bool (*F)(int)> Value o_wtest(Value, const Args& a) { return Value::boolean(F(status_arg(a, "W"))); }
int w_exitstatus(int s) { return WEXITSTATUS(s); }
int w_termsig(int s) { return WTERMSIG(s); }
int w_stopsig(int s) { return WSTOPSIG(s); }
bool w_ifexited(int s) { return WIFEXITED(s); }
bool w_ifsignaled(int s) { return WIFSIGNALED(s); }
bool w_ifstopped(int s) { return WIFSTOPPED(s); }
bool w_ifcontinued(int s) { return WIFCONTINUED(s); }

Value o_waitstatus_to_exitcode(Value, const Args& a) {
  int s = status_arg(a, "waitstatus_to_exitcode");
  if (WIFEXITED(s)) return make_int(int64_t{WEXITSTATUS(s)});
  if (WIFSIGNALED(s)) return make_int(-int64_t{WTERMSIG(s)});
  if (WIFSTOPPED(s)) raise_fmt(types::value_error, "process stopped by delivery of signal {}", WSTOPSIG(s));
  raise_fmt(types::value_error, "invalid wait status: {}", s);
}

// The hooks os.register_at_fork adds, by phase (static pointers: GC roots).
enum ForkPhase { kBefore, kAfterInChild, kAfterInParent, kForkPhases };
constexpr const char* kForkPhaseNames[kForkPhases] = {"before", "after_in_child", "after_in_parent"};
List* fork_hooks[kForkPhases] = {};

// register_at_fork(*, before=None, after_in_child=None, after_in_parent=None).
Value o_register_at_fork(Value, const Args& a) {
  if (a.npos) raise_type_error("register_at_fork() takes no positional arguments");
  Value p[kForkPhases];
  bind_args(a, "register_at_fork", {"before", "after_in_child", "after_in_parent"}, 0, p, 0, 0);
  if (p[kBefore].is_empty() && p[kAfterInChild].is_empty() && p[kAfterInParent].is_empty())
    raise_type_error("At least one argument is required.");
  for (int i = 0; i < kForkPhases; ++i)
    if (!p[i].is_empty() && !is_callable_value(p[i]))
      raise_fmt(types::type_error, "'{}' must be callable, not {}", kForkPhaseNames[i], tname(p[i]));
  for (int i = 0; i < kForkPhases; ++i) {
    if (p[i].is_empty()) continue;
    if (!fork_hooks[i]) fork_hooks[i] = new_list();
    list_append(fork_hooks[i], p[i]);
  }
  return Value::none();
}

// Runs one phase's hooks (before: last registered first, as CPython); an
// exception is reported and the others still run.
void run_fork_hooks(ForkPhase phase) {
  if (!fork_hooks[phase]) return;
  std::vector<Value> hooks(fork_hooks[phase]->items.begin(), fork_hooks[phase]->items.end());
  if (phase == kBefore) std::reverse(hooks.begin(), hooks.end());
  for (Value fn : hooks) {
    try {
      call0(fn);
    } catch (PyException& ex) {
      flush_std_streams();
      Value sys = dict_get(vm::state().modules, Value::object(intern("sys")));
      stream_write(get_attr(sys, intern("stderr")),
                   "Exception ignored in: " + repr_string(fn) + "\n" + format_traceback(ex.exc));
    }
  }
}

Value o_fork(Value, const Args& a) {
  check_none(a, "fork");
  run_fork_hooks(kBefore);
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) raise_errno(errno, Value::none());
  run_fork_hooks(pid == 0 ? kAfterInChild : kAfterInParent);
  return make_int(int64_t{pid});
}

// execv(path, argv) / execve(path, argv, env): replaces the process.
Value o_exec(const Args& a, const char* name, bool with_env) {
  check_takes(a, name, with_env ? 3 : 2, with_env ? 3 : 2);
  std::string path = path_arg(a[0], name);
  std::vector<std::string> args, env;
  Value it = get_iter(a[1]), v;
  while (iter_next(it, v)) args.push_back(path_arg(v, name));
  if (args.empty()) raise_fmt(types::value_error, "{}() arg 2 must not be empty", name);
  if (with_env) {
    Value keys = get_iter(call0(get_attr(a[2], intern("keys")))), k;
    while (iter_next(keys, k)) env.push_back(path_arg(k, name) + "=" + path_arg(get_item(a[2], k), name));
  }
  std::vector<char*> argv, envp;
  for (std::string& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  for (std::string& s : env) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::fflush(nullptr);
  if (with_env) ::execve(path.c_str(), argv.data(), envp.data());
  else ::execv(path.c_str(), argv.data());
  raise_errno(errno, Value::none());
}
Value o_execv(Value, const Args& a) { return o_exec(a, "execv", false); }
Value o_execve(Value, const Args& a) { return o_exec(a, "execve", true); }

Value o_get_blocking(Value, const Args& a) {
  check_takes(a, "get_blocking", 1, 1);
  int flags = ::fcntl(fd_arg(a[0]), F_GETFL);
  if (flags < 0) raise_errno(errno, Value::none());
  return Value::boolean(!(flags & O_NONBLOCK));
}

Value o_set_blocking(Value, const Args& a) {
  check_takes(a, "set_blocking", 2, 2);
  int fd = fd_arg(a[0]);
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0) raise_errno(errno, Value::none());
  flags = truthy(a[1]) ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  return none_or_errno(::fcntl(fd, F_SETFL, flags));
}

Value o_get_inheritable(Value, const Args& a) {
  check_takes(a, "get_inheritable", 1, 1);
  int flags = ::fcntl(fd_arg(a[0]), F_GETFD);
  if (flags < 0) raise_errno(errno, Value::none());
  return Value::boolean(!(flags & FD_CLOEXEC));
}

Value o_set_inheritable(Value, const Args& a) {
  check_takes(a, "set_inheritable", 2, 2);
  int fd = fd_arg(a[0]);
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) raise_errno(errno, Value::none());
  flags = truthy(a[1]) ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
  return none_or_errno(::fcntl(fd, F_SETFD, flags));
}

Value o_kill(Value, const Args& a) {
  check_takes(a, "kill", 2, 2);
  std::fflush(nullptr);
  return none_or_errno(::kill(static_cast<pid_t>(arg_index(a[0])), static_cast<int>(arg_index(a[1]))));
}

// os._exit(n): ends the process at once, without atexit callbacks (stdio is
// flushed: CPython's file objects would have written their buffers by then).
Value o_exit(Value, const Args& a) {
  Value p[1];
  bind_args(a, "_exit", {"status"}, 1, p);
  std::fflush(nullptr);
  ::_exit(static_cast<int>(arg_index(p[0])));
}

Value o_putenv(Value, const Args& a) {
  check_takes(a, "putenv", 2, 2);
  std::string k = path_arg(a[0], "putenv"), v = path_arg(a[1], "putenv");
  if (k.empty() || k.find('=') != std::string::npos) raise(types::value_error, "illegal environment variable name");
  return none_or_errno(::setenv(k.c_str(), v.c_str(), 1));
}

Value o_unsetenv(Value, const Args& a) {
  check_one(a, "unsetenv");
  std::string k = path_arg(a[0], "unsetenv");
  if (k.empty() || k.find('=') != std::string::npos) raise(types::value_error, "illegal environment variable name");
  return none_or_errno(::unsetenv(k.c_str()));
}

Value o_system(Value, const Args& a) {
  Value p[1];
  bind_args(a, "system", {"command"}, 1, p);
  std::fflush(nullptr);
  return make_int(int64_t{std::system(path_arg(p[0], "system").c_str())});
}

Value o_abort(Value, const Args& a) {
  check_none(a, "abort");
  std::fflush(nullptr);
  std::abort();
}

// get_terminal_size(fd=1): an os.terminal_size (`self` is its type).
Value o_get_terminal_size(Value self, const Args& a) {
  check_takes(a, "get_terminal_size", 0, 1);
  int fd = a.npos ? fd_arg(a[0]) : 1;
  winsize w;
  if (::ioctl(fd, TIOCGWINSZ, &w) != 0) raise_errno(errno, Value::none());
  Value fields[2] = {make_int(int64_t{w.ws_col}), make_int(int64_t{w.ws_row})};
  Value seq = Value::object(new_tuple(fields));
  return call(self, Args{&seq, 1});
}

// times(): an os.times_result (`self` is its type).
Value o_times(Value self, const Args& a) {
  check_none(a, "times");
  struct tms t;
  clock_t c = ::times(&t);
  double hz = static_cast<double>(::sysconf(_SC_CLK_TCK));
  Value fields[5] = {Value::from_double(static_cast<double>(t.tms_utime) / hz),
                     Value::from_double(static_cast<double>(t.tms_stime) / hz),
                     Value::from_double(static_cast<double>(t.tms_cutime) / hz),
                     Value::from_double(static_cast<double>(t.tms_cstime) / hz),
                     Value::from_double(static_cast<double>(c) / hz)};
  Value seq = Value::object(new_tuple(fields));
  return call(self, Args{&seq, 1});
}

// ---- scandir ------------------------------------------------------------------------------

// A directory entry: its name and path (str or bytes, as scandir's argument),
// the d_type readdir gave and, once asked, its stat results.
struct DirEntry : Object {
  Value name, path;
  unsigned char d_type;
  uint64_t ino;
  Value stat, lstat; // os.stat_result, filled on first use
};

// An open directory stream; `path` is the argument (None: '.'), `dir` null once closed.
struct ScandirIterator : Object {
  DIR* dir;
  Value path;
};

Type dir_entry_type, scandir_iterator_type;

DirEntry* entry_self(Value v) {
  if (type_of(v) != &dir_entry_type) raise_type_error("descriptor requires a 'posix.DirEntry' object");
  return v.as<DirEntry>();
}

Value entry_stat_of(DirEntry* e, bool follow) {
  Value& slot = follow ? e->stat : e->lstat;
  if (slot.is_empty()) {
    struct stat st;
    std::string p = path_arg(e->path, "stat");
    if ((follow ? ::stat(p.c_str(), &st) : ::lstat(p.c_str(), &st)) != 0) raise_errno(errno, e->path);
    slot = stat_result(st);
  }
  return slot;
}

bool follow_arg(const Args& a, const char* name) {
  Value p[1];
  bind_args(a, name, {"follow_symlinks"}, 0, p, 0, 0);
  return p[0].is_empty() || truthy(p[0]);
}

// is_dir / is_file: from d_type when it tells, else from stat (a vanished entry is neither).
template <mode_t Kind, unsigned char DType> Value entry_is(Value self, const Args& a) {
  Args rest = a;
  if (self.is_empty() && a.npos) {
    self = a[0];
    rest = Args{a.pos + 1, a.npos - 1, a.kwnames, a.kwvals, a.nkw};
  }
  DirEntry* e = entry_self(self);
  bool follow = follow_arg(rest, DType == DT_DIR ? "is_dir" : "is_file");
  if (e->d_type != DT_UNKNOWN && (e->d_type != DT_LNK || !follow)) return Value::boolean(e->d_type == DType);
  try {
    Value st = entry_stat_of(e, follow);
    return Value::boolean((arg_index(st.as<Tuple>()->items[0]) & S_IFMT) == Kind);
  } catch (PyException& ex) {
    if (is_subtype(type_of(ex.exc), &types::file_not_found_error)) return Value::boolean(false);
    throw;
  }
}

Value entry_is_symlink(Value self, const Args& a) {
  check_none(a, "is_symlink");
  DirEntry* e = entry_self(self);
  if (e->d_type != DT_UNKNOWN) return Value::boolean(e->d_type == DT_LNK);
  Value st = entry_stat_of(e, false);
  return Value::boolean(S_ISLNK(arg_index(st.as<Tuple>()->items[0])));
}

Value entry_stat(Value self, const Args& a) { return entry_stat_of(entry_self(self), follow_arg(a, "stat")); }

Value entry_inode(Value self, const Args& a) {
  check_none(a, "inode");
  return make_int_u64(entry_self(self)->ino);
}

Value entry_fspath(Value self, const Args& a) {
  check_none(a, "__fspath__");
  return entry_self(self)->path;
}

Value entry_repr(Value self, const Args&) {
  return str_value("<DirEntry " + repr_string(entry_self(self)->name) + ">");
}

Value entry_name(Value, const Args& a) { return entry_self(a[0])->name; }
Value entry_path(Value, const Args& a) { return entry_self(a[0])->path; }

ScandirIterator* scandir_self(Value v) {
  if (type_of(v) != &scandir_iterator_type) raise_type_error("descriptor requires a 'posix.ScandirIterator' object");
  return v.as<ScandirIterator>();
}

Value scandir_close(Value self, const Args&) {
  ScandirIterator* it = scandir_self(self);
  if (it->dir) ::closedir(it->dir);
  it->dir = nullptr;
  return Value::none();
}

Value scandir_enter(Value self, const Args&) { return self; }

Value scandir_exit(Value self, const Args& a) {
  scandir_close(self, a);
  return Value::boolean(false);
}

Value scandir_iter(Value self, const Args&) { return self; }

Value scandir_next(Value self, const Args&) {
  ScandirIterator* it = scandir_self(self);
  while (it->dir) {
    errno = 0;
    dirent* d = ::readdir(it->dir);
    if (!d) {
      int err = errno;
      scandir_close(self, Args{});
      if (err) raise_errno(err, it->path);
      break;
    }
    std::string_view n = d->d_name;
    if (n == "." || n == "..") continue;
    auto* e = gc::make<DirEntry>();
    e->type = &dir_entry_type;
    bool bytes = is_exact(it->path, types::bytes);
    e->name = bytes ? make_bytes(n) : str_value(n);
    std::string full;
    if (!it->path.is_none()) {
      full = path_arg(it->path, "scandir");
      if (!full.empty() && full.back() != '/') full += '/';
    }
    full += n;
    e->path = bytes ? make_bytes(full) : str_value(full);
    e->d_type = d->d_type;
    e->ino = d->d_ino;
    return Value::object(e);
  }
  raise(types::stop_iteration, "");
}

Value o_scandir(Value, const Args& a) {
  Value p[1];
  bind_args(a, "scandir", {"path"}, 0, p);
  Value path = p[0].is_empty() || p[0].is_none() ? Value::none() : p[0];
  if (!path.is_none() && !is_str(path) && !is_exact(path, types::bytes))
    path = o_fspath(Value::empty(), Args{&path, 1});
  std::string dir = path.is_none() ? std::string(".") : path_arg(path, "scandir");
  DIR* d = ::opendir(dir.c_str());
  if (!d) raise_errno(errno, path.is_none() ? str_value(".") : path);
  auto* it = gc::make<ScandirIterator>();
  it->type = &scandir_iterator_type;
  it->dir = d;
  it->path = path;
  return Value::object(it);
}

void init_scandir_types() {
  init_type(dir_entry_type, "DirEntry", Kind::Object, &types::object);
  dir_entry_type.module_name = Value::object(intern("posix"));
  dir_entry_type.is_builtin = false; // printed through its __repr__
  add_methods(dir_entry_type, {{"is_dir", entry_is<S_IFDIR, DT_DIR>},
                               {"is_file", entry_is<S_IFREG, DT_REG>},
                               {"is_symlink", self_or_first<entry_is_symlink>},
                               {"stat", self_or_first<entry_stat>},
                               {"inode", self_or_first<entry_inode>},
                               {"__fspath__", self_or_first<entry_fspath>},
                               {"__repr__", self_or_first<entry_repr>}});
  add_getter(dir_entry_type, "name", entry_name);
  add_getter(dir_entry_type, "path", entry_path);
  init_type(scandir_iterator_type, "ScandirIterator", Kind::Object, &types::object);
  scandir_iterator_type.module_name = Value::object(intern("posix"));
  scandir_iterator_type.is_builtin = false;
  add_methods(scandir_iterator_type, {{"__iter__", self_or_first<scandir_iter>},
                                      {"__next__", self_or_first<scandir_next>},
                                      {"__enter__", self_or_first<scandir_enter>},
                                      {"__exit__", self_or_first<scandir_exit>},
                                      {"close", self_or_first<scandir_close>}});
}

} // namespace

// `posix`, what CPython's os.py is built on.
Module* make_posix_module() {
  Module* m = new_module("posix");
  if (!dir_entry_type.name[0]) init_scandir_types();
  static const MethodDef kFunctions[] = {
      {"getcwd", o_getcwd},
      {"getcwdb", o_getcwdb},
      {"listdir", o_listdir},
      {"scandir", o_scandir},
      {"remove", o_remove},
      {"unlink", o_remove},
      {"rmdir", o_rmdir},
      {"mkdir", o_mkdir},
      {"rename", o_rename},
      {"replace", o_replace},
      {"chdir", o_chdir},
      {"access", o_access},
      {"chmod", o_chmod},
      {"chown", o_chown},
      {"lchown", o_lchown},
      {"readlink", o_readlink},
      {"symlink", o_symlink},
      {"link", o_link},
      {"utime", o_utime},
      {"stat", o_stat<true>},
      {"lstat", o_stat<false>},
      {"fstat", o_stat<true>},
      {"getpid", o_getpid},
      {"getppid", o_id<::getppid>},
      {"getuid", o_id<::getuid>},
      {"geteuid", o_id<::geteuid>},
      {"getgid", o_id<::getgid>},
      {"getegid", o_id<::getegid>},
      {"umask", o_umask},
      {"strerror", o_strerror},
      {"cpu_count", o_cpu_count},
      {"fspath", o_fspath},
      {"urandom", o_urandom},
      {"isatty", o_isatty},
      {"open", o_open},
      {"close", o_close},
      {"read", o_read},
      {"write", o_write},
      {"lseek", o_lseek},
      {"ftruncate", o_ftruncate},
      {"truncate", o_truncate},
      {"fsync", o_fsync},
      {"dup", o_dup},
      {"dup2", o_dup2},
      {"pipe", o_pipe},
      {"kill", o_kill},
      {"waitpid", o_waitpid},
      {"waitstatus_to_exitcode", o_waitstatus_to_exitcode},
      {"WEXITSTATUS", o_wstatus<w_exitstatus>},
      {"WTERMSIG", o_wstatus<w_termsig>},
      {"WSTOPSIG", o_wstatus<w_stopsig>},
      {"WIFEXITED", o_wtest<w_ifexited>},
      {"WIFSIGNALED", o_wtest<w_ifsignaled>},
      {"WIFSTOPPED", o_wtest<w_ifstopped>},
      {"WIFCONTINUED", o_wtest<w_ifcontinued>},
      {"fork", o_fork},
      {"register_at_fork", o_register_at_fork},
      {"execv", o_execv},
      {"execve", o_execve},
      {"get_blocking", o_get_blocking},
      {"set_blocking", o_set_blocking},
      {"get_inheritable", o_get_inheritable},
      {"set_inheritable", o_set_inheritable},
      {"_exit", o_exit},
      {"putenv", o_putenv},
      {"unsetenv", o_unsetenv},
      {"system", o_system},
      {"abort", o_abort},
  };
  for (const MethodDef& f : kFunctions)
    add_function(m, f.name, f.fn);
  Value uname_result = struct_sequence_type("posix", "uname_result", "sysname nodename release version machine");
  add_value(m, "uname_result", uname_result);
  add_value(m, "uname", new_native("uname", o_uname, uname_result));
  Value terminal_size = struct_sequence_type("os", "terminal_size", "columns lines");
  add_value(m, "terminal_size", terminal_size);
  add_value(m, "get_terminal_size", new_native("get_terminal_size", o_get_terminal_size, terminal_size));
  Value times_result =
      struct_sequence_type("posix", "times_result", "user system children_user children_system elapsed");
  add_value(m, "times_result", times_result);
  add_value(m, "times", new_native("times", o_times, times_result));
  add_value(m, "DirEntry", Value::object(&dir_entry_type));
  struct Constant {
    const char* name;
    int value;
  };
  static constexpr Constant kConstants[] = {
      {"O_RDONLY", O_RDONLY},
      {"O_WRONLY", O_WRONLY},
      {"O_RDWR", O_RDWR},
      {"O_APPEND", O_APPEND},
      {"O_CREAT", O_CREAT},
      {"O_EXCL", O_EXCL},
      {"O_TRUNC", O_TRUNC},
      {"O_CLOEXEC", O_CLOEXEC},
      {"O_NONBLOCK", O_NONBLOCK},
      {"O_NOFOLLOW", O_NOFOLLOW},
      {"O_DIRECTORY", O_DIRECTORY},
      {"O_SYNC", O_SYNC},
      {"O_NOCTTY", O_NOCTTY},
      {"O_ACCMODE", O_ACCMODE},
      {"F_OK", F_OK},
      {"R_OK", R_OK},
      {"W_OK", W_OK},
      {"X_OK", X_OK},
      {"SEEK_SET", SEEK_SET},
      {"SEEK_CUR", SEEK_CUR},
      {"SEEK_END", SEEK_END},
      {"EX_OK", 0},
      {"WNOHANG", WNOHANG},
      {"WUNTRACED", WUNTRACED},
      {"WCONTINUED", WCONTINUED},
      {"TMP_MAX", TMP_MAX},
  };
  for (const Constant& c : kConstants)
    add_value(m, c.name, make_int(int64_t{c.value}));
  Dict* env = new_dict();
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv = *e;
    size_t eq = kv.find('=');
    if (eq != std::string_view::npos) dict_set(env, make_bytes(kv.substr(0, eq)), make_bytes(kv.substr(eq + 1)));
  }
  add_value(m, "environ", Value::object(env));
  add_value(m, "error", Value::object(&types::os_error));
  add_value(m, "stat_result", Value::object(stat_type()));
  add_value(m, "_have_functions", Value::object(new_list()));
  return m;
}

} // namespace tributary::lib
