// fcntl_module.cpp — `fcntl`: fcntl(), ioctl(), flock() and lockf() on file
// descriptors (ints or objects with fileno()), with an int or bytes argument
// as CPython's (a bytes argument is copied into a buffer of at most 1024
// bytes and the changed buffer returned). Interrupted calls are retried.
// Limits: ioctl's mutable-buffer form (a bytearray changed in place) is not
// supported; the buffer is returned as bytes instead.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

[[noreturn]] void raise_os_errno(int err) {
  Value args[2] = {make_int(int64_t{err}), str_value(std::strerror(err))};
  raise(call(Value::object(&types::os_error), Args{args, 2}));
}

int fd_of(Value v) {
  Value fd = v;
  if (!is_integer(v)) {
    Value m = get_attr_or_empty(v, intern("fileno"));
    if (m.is_empty()) raise(types::type_error, "argument must be an int, or have a fileno() method.");
    fd = call0(m);
  }
  int64_t n = arg_index(fd);
  if (n < 0) raise_fmt(types::value_error, "file descriptor cannot be a negative integer ({})", n);
  return static_cast<int>(n);
}

// Runs `op(arg)` with an int or a bytes buffer argument; returns its int
// result or the buffer after the call.
template <class Op> Value with_arg(Value arg, const char* name, Op op) {
  if (arg.is_empty() || is_integer(arg)) {
    long v = arg.is_empty() ? 0 : static_cast<long>(arg_index(arg));
    int r;
    while ((r = op(v)) < 0 && errno == EINTR) {
    }
    if (r < 0) raise_os_errno(errno);
    return make_int(int64_t{r});
  }
  std::string buf;
  if (is_str(arg)) buf = std::string(arg.as<Str>()->view());
  else if (auto b = bytes_like(arg)) buf = std::string(*b);
  else raise_fmt(types::type_error, "{}() argument 3 must be an int or a bytes-like object, not {}", name, tname(arg));
  if (buf.size() > 1024) raise_fmt(types::value_error, "{} string arg too long", name);
  buf.resize(1024, '\0');
  size_t len = is_str(arg) ? arg.as<Str>()->nbytes : bytes_like(arg)->size();
  int r;
  while ((r = op(reinterpret_cast<long>(buf.data()))) < 0 && errno == EINTR) {
  }
  if (r < 0) raise_os_errno(errno);
  return make_bytes(std::string_view(buf.data(), len));
}

Value f_fcntl(Value, const Args& a) {
  check_takes(a, "fcntl", 2, 3);
  int fd = fd_of(a[0]), cmd = static_cast<int>(arg_index(a[1]));
  return with_arg(a.npos == 3 ? a[2] : Value::empty(), "fcntl", [&](long v) { return ::fcntl(fd, cmd, v); });
}

Value f_ioctl(Value, const Args& a) {
  check_takes(a, "ioctl", 2, 4);
  int fd = fd_of(a[0]);
  unsigned long req = static_cast<unsigned long>(arg_index(a[1]));
  return with_arg(a.npos >= 3 ? a[2] : Value::empty(), "ioctl", [&](long v) { return ::ioctl(fd, req, v); });
}

Value f_flock(Value, const Args& a) {
  check_takes(a, "flock", 2, 2);
  int fd = fd_of(a[0]), op = static_cast<int>(arg_index(a[1]));
  int r;
  while ((r = ::flock(fd, op)) < 0 && errno == EINTR) {
  }
  if (r < 0) raise_os_errno(errno);
  return Value::none();
}

// lockf(fd, cmd, len=0, start=0, whence=0): fcntl record locks (cmd is a LOCK_* value).
Value f_lockf(Value, const Args& a) {
  check_takes(a, "lockf", 2, 5);
  int fd = fd_of(a[0]), cmd = static_cast<int>(arg_index(a[1]));
  struct flock l{};
  if (cmd == LOCK_UN) l.l_type = F_UNLCK;
  else if (cmd & LOCK_SH) l.l_type = F_RDLCK;
  else if (cmd & LOCK_EX) l.l_type = F_WRLCK;
  else raise(types::value_error, "unrecognized lockf argument");
  l.l_len = a.npos > 2 ? static_cast<off_t>(arg_index(a[2])) : 0;
  l.l_start = a.npos > 3 ? static_cast<off_t>(arg_index(a[3])) : 0;
  l.l_whence = a.npos > 4 ? static_cast<short>(arg_index(a[4])) : 0;
  int r;
  while ((r = ::fcntl(fd, (cmd & LOCK_NB) ? F_SETLK : F_SETLKW, &l)) < 0 && errno == EINTR) {
  }
  if (r < 0) raise_os_errno(errno);
  return Value::none();
}

} // namespace

Module* make_fcntl_module() {
  Module* m = new_module("fcntl");
  add_function(m, "fcntl", f_fcntl);
  add_function(m, "ioctl", f_ioctl);
  add_function(m, "flock", f_flock);
  add_function(m, "lockf", f_lockf);
  static constexpr std::pair<const char*, long> kConstants[] = {
      {"F_DUPFD", F_DUPFD},   {"F_DUPFD_CLOEXEC", F_DUPFD_CLOEXEC}, {"F_GETFD", F_GETFD},   {"F_SETFD", F_SETFD},
      {"F_GETFL", F_GETFL},   {"F_SETFL", F_SETFL},                 {"F_GETLK", F_GETLK},   {"F_SETLK", F_SETLK},
      {"F_SETLKW", F_SETLKW}, {"F_RDLCK", F_RDLCK},                 {"F_WRLCK", F_WRLCK},   {"F_UNLCK", F_UNLCK},
      {"F_GETOWN", F_GETOWN}, {"F_SETOWN", F_SETOWN},               {"FD_CLOEXEC", FD_CLOEXEC}, {"LOCK_SH", LOCK_SH},
      {"LOCK_EX", LOCK_EX},   {"LOCK_NB", LOCK_NB},                 {"LOCK_UN", LOCK_UN},   {"F_GETPIPE_SZ", F_GETPIPE_SZ},
      {"F_SETPIPE_SZ", F_SETPIPE_SZ},
  };
  for (const auto& [name, v] : kConstants) add_value(m, name, make_int(int64_t{v}));
  return m;
}

} // namespace tributary::lib
