// resource_module.cpp — `resource`: getrusage (struct_rusage, times as
// float seconds), getrlimit/setrlimit/prlimit on the C library's, getpagesize,
// and the RLIMIT_*/RUSAGE_* constants, with CPython's messages.
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

Value g_rusage_type = Value::empty(); // a struct sequence type (static: a GC root)

[[noreturn]] void raise_os_errno(int err) {
  Value args[2] = {make_int(int64_t{err}), str_value(std::strerror(err))};
  raise(call(Value::object(&types::os_error), Args{args, 2}));
}

double seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6; }

Value r_getrusage(Value, const Args& a) {
  check_one(a, "getrusage");
  rusage ru{};
  if (::getrusage(static_cast<int>(arg_index(a[0])), &ru) < 0) {
    if (errno == EINVAL) raise(types::value_error, "invalid who parameter");
    raise_os_errno(errno);
  }
  Value items[16] = {Value::from_double(seconds(ru.ru_utime)), Value::from_double(seconds(ru.ru_stime)),
                     make_int(int64_t{ru.ru_maxrss}),   make_int(int64_t{ru.ru_ixrss}),
                     make_int(int64_t{ru.ru_idrss}),    make_int(int64_t{ru.ru_isrss}),
                     make_int(int64_t{ru.ru_minflt}),   make_int(int64_t{ru.ru_majflt}),
                     make_int(int64_t{ru.ru_nswap}),    make_int(int64_t{ru.ru_inblock}),
                     make_int(int64_t{ru.ru_oublock}),  make_int(int64_t{ru.ru_msgsnd}),
                     make_int(int64_t{ru.ru_msgrcv}),   make_int(int64_t{ru.ru_nsignals}),
                     make_int(int64_t{ru.ru_nvcsw}),    make_int(int64_t{ru.ru_nivcsw})};
  return call(g_rusage_type, Args{items, 16});
}

int resource_arg(Value v) {
  int64_t r = arg_index(v);
  if (r < 0 || r >= RLIM_NLIMITS) raise(types::value_error, "invalid resource specified");
  return static_cast<int>(r);
}

Value limit_value(rlim_t v) { return v == RLIM_INFINITY ? Value::small_int(-1) : make_int_u64(v); }

rlim_t limit_arg(Value v) {
  if (!is_integer(v)) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
  auto n = int_as_i64(v);
  if (!n) raise(types::overflow_error, "Python int too large to convert to C long");
  return *n < 0 ? RLIM_INFINITY : static_cast<rlim_t>(*n);
}

Value r_getrlimit(Value, const Args& a) {
  check_one(a, "getrlimit");
  rlimit rl{};
  if (::getrlimit(resource_arg(a[0]), &rl) < 0) raise_os_errno(errno);
  Value items[2] = {limit_value(rl.rlim_cur), limit_value(rl.rlim_max)};
  return Value::object(new_tuple(items));
}

Value r_setrlimit(Value, const Args& a) {
  check_takes(a, "setrlimit", 2, 2);
  int res = resource_arg(a[0]);
  GcVector<Value> limits;
  Value it = get_iter(a[1]), v; // (TypeError for a non-iterable, as PySequence_Tuple's)
  while (iter_next(it, v)) limits.push_back(v);
  if (limits.size() != 2) raise(types::value_error, "expected a tuple of 2 integers");
  rlimit rl{limit_arg(limits[0]), limit_arg(limits[1])};
  if (::setrlimit(res, &rl) < 0) {
    if (errno == EINVAL) raise(types::value_error, "current limit exceeds maximum limit");
    if (errno == EPERM) raise(types::value_error, "not allowed to raise maximum limit");
    raise_os_errno(errno);
  }
  return Value::none();
}

Value r_getpagesize(Value, const Args& a) {
  check_none(a, "getpagesize");
  return make_int(int64_t{::sysconf(_SC_PAGESIZE)});
}

} // namespace

Module* make_resource_module() {
  Module* m = new_module("resource");
  if (g_rusage_type.is_empty())
    g_rusage_type = struct_sequence_type(
        "resource", "struct_rusage",
        "ru_utime ru_stime ru_maxrss ru_ixrss ru_idrss ru_isrss ru_minflt ru_majflt ru_nswap ru_inblock ru_oublock "
        "ru_msgsnd ru_msgrcv ru_nsignals ru_nvcsw ru_nivcsw");
  add_value(m, "struct_rusage", g_rusage_type);
  add_value(m, "error", Value::object(&types::os_error));
  add_function(m, "getrusage", r_getrusage);
  add_function(m, "getrlimit", r_getrlimit);
  add_function(m, "setrlimit", r_setrlimit);
  add_function(m, "getpagesize", r_getpagesize);
  static constexpr std::pair<const char*, int64_t> kConstants[] = {
      {"RLIMIT_CPU", RLIMIT_CPU},         {"RLIMIT_FSIZE", RLIMIT_FSIZE},     {"RLIMIT_DATA", RLIMIT_DATA},
      {"RLIMIT_STACK", RLIMIT_STACK},     {"RLIMIT_CORE", RLIMIT_CORE},       {"RLIMIT_RSS", RLIMIT_RSS},
      {"RLIMIT_NPROC", RLIMIT_NPROC},     {"RLIMIT_NOFILE", RLIMIT_NOFILE},   {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK},
      {"RLIMIT_AS", RLIMIT_AS},           {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE}, {"RLIMIT_NICE", RLIMIT_NICE},
      {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},   {"RLIMIT_RTTIME", RLIMIT_RTTIME},   {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
      {"RUSAGE_SELF", RUSAGE_SELF},       {"RUSAGE_CHILDREN", RUSAGE_CHILDREN}, {"RUSAGE_THREAD", RUSAGE_THREAD},
      {"RLIM_INFINITY", -1},
  };
  for (const auto& [name, v] : kConstants) add_value(m, name, make_int(v));
  return m;
}

} // namespace tributary::lib
