// select_module.cpp — `select`: select.select() and poll objects, on poll(2),
// what selectors (subprocess's communicate(), asyncio's event loop) needs.
//
// A waited-on object is an int file descriptor or anything with a fileno()
// method; select() returns the objects it was given. Timeouts are seconds
// (select) or milliseconds (poll); None waits forever. An interrupted wait
// (EINTR) is retried with the time left, as CPython's (PEP 475).
// Limits: no epoll, devpoll or kqueue (selectors then picks PollSelector).
#include <poll.h>
#include <sys/select.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/user_class.h"

namespace tributary::lib {

namespace {

[[noreturn]] void raise_os_errno(int err) {
  Value args[2] = {make_int(int64_t{err}), str_value(std::strerror(err))};
  raise(call(Value::object(&types::os_error), Args{args, 2}));
}

// The descriptor of an int or of an object's fileno() (CPython's PyObject_AsFileDescriptor).
int as_fd(Value v) {
  Value fd = v;
  if (!is_integer(v)) {
    Value m = get_attr_or_empty(v, intern("fileno"));
    if (m.is_empty()) raise(types::type_error, "argument must be an int, or have a fileno() method.");
    fd = call0(m);
    if (!is_integer(fd)) raise(types::type_error, "fileno() returned a non-integer");
  }
  int64_t n = arg_index(fd);
  if (n < 0) raise_fmt(types::value_error, "file descriptor cannot be a negative integer ({})", n);
  if (n > INT32_MAX) raise(types::overflow_error, "fd is greater than maximum");
  return static_cast<int>(n);
}

double now() {
  timespec ts;
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double number(Value v, const char* what) {
  if (is_float(v)) return float_value(v);
  if (is_integer(v)) return int_to_double(v);
  raise_fmt(types::type_error, "{} must be an integer or float, not {}", what, tname(v));
}

// poll(2) on `fds`, retried on EINTR; timeout_ms < 0 waits forever.
int poll_fds(std::vector<pollfd>& fds, double timeout_ms) {
  double deadline = timeout_ms < 0 ? 0 : now() + timeout_ms / 1000;
  for (;;) {
    int ms = timeout_ms < 0 ? -1 : static_cast<int>(std::ceil(std::max(0.0, (deadline - now()) * 1000)));
    int n = ::poll(fds.data(), fds.size(), ms);
    if (n >= 0) return n;
    if (errno != EINTR) raise_os_errno(errno);
  }
}

// ---- select.select ------------------------------------------------------------------------

Value sel_select(Value, const Args& a) {
  no_kwargs(a, "select");
  check_takes(a, "select", 3, 4);
  double timeout_ms = -1;
  if (a.npos == 4 && !a[3].is_none()) {
    double t = number(a[3], "timeout");
    if (std::isnan(t)) raise(types::value_error, "Invalid value NaN (not a number)");
    if (t < 0) raise(types::value_error, "timeout must be non-negative");
    timeout_ms = t * 1000;
  }
  std::vector<Value> objs[3];
  std::vector<pollfd> fds;
  std::vector<std::pair<int, size_t>> owners; // (list, index) of each pollfd
  constexpr short kEvents[3] = {POLLIN, POLLOUT, POLLPRI};
  for (int l = 0; l < 3; ++l)
    if (!is_list(a[l]) && !is_tuple(a[l]) && get_attr_or_empty(a[l], intern("__iter__")).is_empty())
      raise(types::type_error, "arguments 1-3 must be sequences");
  for (int l = 0; l < 3; ++l) {
    Value it = get_iter(a[l]), v;
    while (iter_next(it, v)) {
      objs[l].push_back(v);
      int fd = as_fd(v);
      if (fd >= FD_SETSIZE) raise(types::value_error, "filedescriptor out of range in select()"); // (select(2)'s limit)
      fds.push_back(pollfd{fd, kEvents[l], 0});
      owners.emplace_back(l, objs[l].size() - 1);
    }
  }
  poll_fds(fds, timeout_ms);
  List* out[3] = {new_list(), new_list(), new_list()};
  for (size_t i = 0; i < fds.size(); ++i) {
    auto [l, idx] = owners[i];
    short r = fds[i].revents;
    if (r & POLLNVAL) raise_os_errno(EBADF);
    bool ready = l == 0 ? (r & (POLLIN | POLLHUP | POLLERR)) : l == 1 ? (r & (POLLOUT | POLLERR)) : (r & POLLPRI);
    if (ready) list_append(out[l], objs[l][idx]);
  }
  Value items[3] = {Value::object(out[0]), Value::object(out[1]), Value::object(out[2])};
  return Value::object(new_tuple(items));
}

// ---- poll objects -------------------------------------------------------------------------

Type poll_type;

struct Poll : Object {
  Dict* fds; // fd -> event mask
  bool polling;
};

Poll* self_poll(Value v) {
  if (type_of(v) != &poll_type) raise(types::type_error, "descriptor requires a 'select.poll' object");
  return v.as<Poll>();
}

int64_t event_mask(Value v) {
  int64_t m = arg_index(v);
  if (m < 0 || m > 0xffff) raise(types::overflow_error, "Python int too large for C unsigned short");
  return m;
}

Value poll_register(Value self, const Args& a) {
  Poll* p = self_poll(self);
  check_takes(a, "register", 1, 2);
  int fd = as_fd(a[0]);
  int64_t mask = a.npos == 2 ? event_mask(a[1]) : POLLIN | POLLPRI | POLLOUT;
  dict_set(p->fds, make_int(int64_t{fd}), make_int(mask));
  return Value::none();
}

Value poll_modify(Value self, const Args& a) {
  Poll* p = self_poll(self);
  check_takes(a, "modify", 2, 2);
  Value fd = make_int(int64_t{as_fd(a[0])});
  if (!dict_find(p->fds, fd)) raise_os_errno(ENOENT);
  dict_set(p->fds, fd, make_int(event_mask(a[1])));
  return Value::none();
}

Value poll_unregister(Value self, const Args& a) {
  Poll* p = self_poll(self);
  check_one(a, "unregister");
  Value fd = make_int(int64_t{as_fd(a[0])});
  if (!dict_del(p->fds, fd)) raise(Value::object(new_exception(&types::key_error, std::span<const Value>(&fd, 1))));
  return Value::none();
}

Value poll_poll(Value self, const Args& a) {
  Poll* p = self_poll(self);
  check_takes(a, "poll", 0, 1);
  double timeout_ms = -1;
  if (a.npos == 1 && !a[0].is_none()) {
    if (!is_integer(a[0]) && !is_float(a[0])) raise(types::type_error, "timeout must be an integer or None");
    timeout_ms = std::ceil(number(a[0], "timeout"));
    if (timeout_ms < 0) timeout_ms = -1;
  }
  if (p->polling) raise(types::runtime_error, "concurrent poll() invocation");
  std::vector<pollfd> fds;
  size_t pos = 0;
  Value k, v;
  while (dict_next(p->fds, pos, k, v))
    fds.push_back(pollfd{static_cast<int>(arg_index(k)), static_cast<short>(arg_index(v)), 0});
  p->polling = true;
  try {
    poll_fds(fds, timeout_ms);
  } catch (...) {
    p->polling = false;
    throw;
  }
  p->polling = false;
  List* out = new_list();
  for (const pollfd& f : fds) {
    if (!f.revents) continue;
    Value pair[2] = {make_int(int64_t{f.fd}), make_int(int64_t{static_cast<uint16_t>(f.revents)})};
    list_append(out, Value::object(new_tuple(pair)));
  }
  return Value::object(out);
}

Value new_poll(Value, const Args& a) {
  check_none(a, "poll");
  auto* p = gc::make<Poll>();
  p->type = &poll_type;
  p->fds = new_dict();
  return Value::object(p);
}

void init_poll_type() {
  init_type(poll_type, "poll", Kind::Object, &types::object);
  poll_type.module_name = Value::object(intern("select"));
  add_methods(poll_type, {{"register", self_or_first<poll_register>},
                          {"modify", self_or_first<poll_modify>},
                          {"unregister", self_or_first<poll_unregister>},
                          {"poll", self_or_first<poll_poll>}});
}

} // namespace

Module* make_select_module() {
  Module* m = new_module("select");
  if (!poll_type.dict) init_poll_type();
  add_function(m, "select", sel_select);
  add_function(m, "poll", new_poll);
  add_value(m, "error", Value::object(&types::os_error));
  struct Constant {
    const char* name;
    int value;
  };
  static constexpr Constant kConstants[] = {
      {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},       {"POLLERR", POLLERR},
      {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},     {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
      {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},       {"POLLRDHUP", POLLRDHUP},
      {"PIPE_BUF", PIPE_BUF},
  };
  for (const Constant& c : kConstants) add_value(m, c.name, make_int(int64_t{c.value}));
  return m;
}

} // namespace tributary::lib
