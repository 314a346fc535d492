// subprocess_module.cpp — `_posixsubprocess.fork_exec`, how CPython's
// subprocess.py starts a child: fork, set up the child's standard streams,
// working directory, umask, session, process group and signals, close the
// other descriptors, run preexec_fn, then exec each candidate executable in
// turn.
//
// A failure in the child is reported to the parent through `errpipe_write`
// as "ExceptionName:hex_errno:message" (subprocess.py parses it): the message
// is "noexec" when the child failed before exec (chdir), empty when exec
// itself failed, and "Exception occurred in preexec_fn." for preexec_fn.
// Everything the child needs (argv, envp, paths) is converted before fork.
// Limits: fork, never vfork; setuid/setgid/setgroups (user, group,
// extra_groups) raise NotImplementedError in the parent.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"

extern char** environ;

namespace tributary::lib {

namespace {

[[noreturn]] void raise_os_errno(int err) {
  Value args[2] = {make_int(int64_t{err}), str_value(std::strerror(err))};
  raise(call(Value::object(&types::os_error), Args{args, 2}));
}

// A path-like argument as the bytes the system call gets (str as UTF-8).
std::string os_bytes(Value v) {
  if (is_str(v)) return std::string(v.as<Str>()->view());
  if (auto b = bytes_like(v)) return std::string(*b);
  Value fspath = type_lookup(type_of(v), intern("__fspath__"));
  if (!fspath.is_empty()) return os_bytes(call1(fspath, v));
  raise_fmt(types::type_error, "expected str, bytes or os.PathLike object, not {}", tname(v));
}

std::vector<std::string> string_list(Value seq) {
  std::vector<std::string> out;
  Value it = get_iter(seq), v;
  while (iter_next(it, v)) out.push_back(os_bytes(v));
  return out;
}

std::vector<char*> c_array(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Writes the child's failure report and exits (async-signal-safe calls only).
[[noreturn]] void child_fail(int errpipe, const char* exc, int err, const char* msg) {
  char buf[256];
  int n = std::snprintf(buf, sizeof buf, "%s:%x:%s", exc, err, msg);
  if (n > 0) [[maybe_unused]] ssize_t w = ::write(errpipe, buf, static_cast<size_t>(n));
  ::_exit(255);
}

// Makes `fd` the child's descriptor `target` (inheritable), unless -1.
int move_fd(int fd, int target) {
  if (fd < 0) return 0;
  if (fd == target) {
    int flags = ::fcntl(fd, F_GETFD);
    return flags < 0 ? -1 : ::fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC);
  }
  return ::dup2(fd, target) < 0 ? -1 : 0;
}

// Closes every descriptor from 3 up but those in `keep` (sorted).
void close_other_fds(const std::vector<int>& keep) {
  int next = 3;
  for (int k : keep) {
    if (k < next) continue;
    if (k > next) ::close_range(static_cast<unsigned>(next), static_cast<unsigned>(k - 1), 0);
    next = k + 1;
  }
  ::close_range(static_cast<unsigned>(next), ~0U, 0);
}

struct ForkExec {
  std::vector<std::string> args, executables, env;
  bool have_env = false, close_fds = false, restore_signals = false, setsid = false;
  std::vector<int> pass_fds;
  std::string cwd;
  bool have_cwd = false;
  int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
  int64_t pgid = -1, umask = -1;
  Value preexec_fn = Value::none();
};

[[noreturn]] void run_child(ForkExec& fe) {
  int ep = fe.errpipe_write;
  for (int fd : {fe.p2cwrite, fe.c2pread, fe.errread, fe.errpipe_read})
    if (fd >= 0) ::close(fd);
  // A pipe end may already sit on a low descriptor another stream needs.
  if (fe.c2pwrite == 0 && (fe.c2pwrite = ::dup(fe.c2pwrite)) < 0) child_fail(ep, "OSError", errno, "");
  while (fe.errwrite == 0 || fe.errwrite == 1)
    if ((fe.errwrite = ::dup(fe.errwrite)) < 0) child_fail(ep, "OSError", errno, "");
  if (move_fd(fe.p2cread, 0) < 0 || move_fd(fe.c2pwrite, 1) < 0 || move_fd(fe.errwrite, 2) < 0)
    child_fail(ep, "OSError", errno, "");
  if (fe.have_cwd && ::chdir(fe.cwd.c_str()) < 0) child_fail(ep, "OSError", errno, "noexec");
  if (fe.umask >= 0) ::umask(static_cast<mode_t>(fe.umask));
  if (fe.restore_signals) {
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGXFSZ, SIG_DFL);
  }
  if (fe.setsid && ::setsid() < 0) child_fail(ep, "OSError", errno, "");
  if (fe.pgid >= 0 && ::setpgid(0, static_cast<pid_t>(fe.pgid)) < 0) child_fail(ep, "OSError", errno, "");
  if (!fe.preexec_fn.is_none()) {
    try {
      call0(fe.preexec_fn);
    } catch (PyException&) {
      child_fail(ep, "SubprocessError", 0, "Exception occurred in preexec_fn.");
    }
  }
  for (int fd : fe.pass_fds) // kept descriptors are the child's: inheritable across exec
    if (fd != ep) move_fd(fd, fd);
  if (fe.close_fds) {
    std::vector<int> keep = fe.pass_fds;
    keep.push_back(ep);
    std::sort(keep.begin(), keep.end());
    close_other_fds(keep);
  }
  std::vector<char*> argv = c_array(fe.args), envp = c_array(fe.env);
  int saved = 0;
  for (std::string& exe : fe.executables) {
    if (fe.have_env) ::execve(exe.c_str(), argv.data(), envp.data());
    else ::execv(exe.c_str(), argv.data());
    if (errno != ENOENT && errno != ENOTDIR && saved == 0) saved = errno;
  }
  child_fail(ep, "OSError", saved ? saved : errno, "");
}

int int_arg(Value v) { return static_cast<int>(arg_index(v)); }

Value fork_exec(Value, const Args& a) {
  no_kwargs(a, "fork_exec");
  if (a.npos != 23) raise_fmt(types::type_error, "fork_exec() takes exactly 23 arguments ({} given)", a.npos);
  ForkExec fe;
  if (!a[0].is_none()) fe.args = string_list(a[0]);
  fe.executables = string_list(a[1]);
  fe.close_fds = truthy(a[2]);
  Value it = get_iter(a[3]), v;
  while (iter_next(it, v)) {
    int64_t fd = arg_index(v);
    if (fd < 0 || (!fe.pass_fds.empty() && fd <= fe.pass_fds.back()))
      raise(types::value_error, "bad value(s) in fds_to_keep");
    fe.pass_fds.push_back(static_cast<int>(fd));
  }
  if (!a[4].is_none()) {
    fe.cwd = os_bytes(a[4]);
    fe.have_cwd = true;
  }
  if (!a[5].is_none()) {
    fe.env = string_list(a[5]);
    fe.have_env = true;
  }
  int* fds[] = {&fe.p2cread, &fe.p2cwrite, &fe.c2pread, &fe.c2pwrite,
                &fe.errread, &fe.errwrite, &fe.errpipe_read, &fe.errpipe_write};
  for (size_t i = 0; i < std::size(fds); ++i) *fds[i] = int_arg(a[6 + i]);
  fe.restore_signals = truthy(a[14]);
  fe.setsid = truthy(a[15]);
  fe.pgid = arg_index(a[16]);
  if (!a[17].is_none() || !a[18].is_none() || !a[19].is_none())
    raise(types::not_implemented_error, "fork_exec: user, group and extra_groups are not supported");
  fe.umask = arg_index(a[20]);
  fe.preexec_fn = a[21];
  if (!fe.preexec_fn.is_none() && !is_callable_value(fe.preexec_fn))
    raise(types::type_error, "preexec_fn must be callable");
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) raise_os_errno(errno);
  if (pid == 0) run_child(fe);
  return make_int(int64_t{pid});
}

} // namespace

Module* make_posixsubprocess_module() {
  Module* m = new_module("_posixsubprocess");
  add_function(m, "fork_exec", fork_exec);
  return m;
}

} // namespace tributary::lib
