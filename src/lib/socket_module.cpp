// socket_module.cpp — `_socket`, minimal: the socket type CPython's socket.py
// subclasses, socketpair(), and the constants and helpers socket.py and
// asyncio's event loop (its self-pipe is a socketpair) use at import and run.
//
// A socket object owns a descriptor (-1 once closed or detached). Its timeout
// is CPython's: None blocks, 0.0 is non-blocking, t > 0 waits up to t seconds
// (poll) in each call and then raises TimeoutError("timed out"); the
// descriptor is O_NONBLOCK whenever the timeout is not None. Interrupted
// calls are retried (PEP 475). Addresses: AF_UNIX a str or bytes path,
// AF_INET (host, port) with a dotted address, '' or 'localhost', AF_INET6
// (host, port[, flowinfo, scope_id]) with a numeric address.
// Names: getaddrinfo and gethostbyname are libc's; bind/connect take a
// numeric host, '' or 'localhost' (socket.create_connection resolves first).
// Limits: no sendmsg/recvmsg/recvfrom/sendto, no getnameinfo, no sendfile, no
// AF_PACKET/AF_NETLINK, no CAPI; socket.makefile() works through socket.py.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/instance.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/ops.h"
#include "runtime/user_class.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

Type socket_type, herror_type, gaierror_type;

struct Socket : Object {
  int fd;
  int family, sock_type, proto;
  double timeout; // < 0: None (blocking)
};

double g_default_timeout = -1;

[[noreturn]] void raise_os_errno(int err) {
  Value args[2] = {make_int(int64_t{err}), str_value(std::strerror(err))};
  raise(call(Value::object(&types::os_error), Args{args, 2}));
}

[[noreturn]] void raise_timeout() {
  Value msg = str_value("timed out");
  Value timeout_error = dict_get(vm::state().builtins->dict, Value::object(intern("TimeoutError")));
  raise(call(timeout_error, Args{&msg, 1}));
}

Socket* self_socket(Value self, const char* method) {
  if (!self.is_object() || !is_subtype(type_of(self), &socket_type))
    raise_fmt(types::type_error, "descriptor '{}' for '_socket.socket' objects doesn't apply to a '{}' object", method,
              tname(self));
  return static_cast<Socket*>(self.as_object());
}

// The socket's descriptor, or OSError(EBADF) once closed.
int open_fd(Socket* s) {
  if (s->fd < 0) raise_os_errno(EBADF);
  return s->fd;
}

double now() {
  timespec ts;
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Runs `op` (a non-blocking attempt returning < 0 with errno on failure) as
// the socket's timeout says: waiting for `events` between attempts when the
// timeout is positive, retrying on EINTR.
template <class Op> ssize_t with_timeout(Socket* s, short events, Op op) {
  double deadline = s->timeout > 0 ? now() + s->timeout : 0;
  for (;;) {
    ssize_t r = op();
    if (r >= 0) return r;
    if (errno == EINTR) continue;
    if (s->timeout <= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINPROGRESS)) return r;
    double left = deadline - now();
    if (left <= 0) raise_timeout();
    pollfd p{s->fd, events, 0};
    int n = ::poll(&p, 1, static_cast<int>(std::ceil(left * 1000)));
    if (n == 0) raise_timeout();
    if (n < 0 && errno != EINTR) raise_os_errno(errno);
  }
}

void apply_timeout(Socket* s, double timeout) {
  s->timeout = timeout;
  int flags = ::fcntl(s->fd, F_GETFL);
  if (flags < 0) raise_os_errno(errno);
  flags = timeout < 0 ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  if (::fcntl(s->fd, F_SETFL, flags) < 0) raise_os_errno(errno);
}

double timeout_arg(Value v) {
  if (v.is_none()) return -1;
  double t = is_float(v) ? float_value(v) : is_integer(v) ? int_to_double(v) : -2;
  if (t == -2) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
  if (std::isnan(t)) raise(types::value_error, "Invalid value NaN (not a number)");
  if (t < 0) raise(types::value_error, "Timeout value out of range");
  return t;
}

// ---- addresses -------------------------------------------------------------------------

union SockAddr {
  sockaddr sa;
  sockaddr_un un;
  sockaddr_in in4;
  sockaddr_in6 in6;
  sockaddr_storage storage;
};

socklen_t parse_address(Socket* s, Value addr, SockAddr& out, const char* caller) {
  std::memset(&out, 0, sizeof out);
  if (s->family == AF_UNIX) {
    std::string path;
    if (is_str(addr)) path = std::string(addr.as<Str>()->view());
    else if (auto b = bytes_like(addr)) path = std::string(*b);
    else raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(addr));
    if (path.size() >= sizeof out.un.sun_path) raise(types::os_error, "AF_UNIX path too long");
    out.un.sun_family = AF_UNIX;
    std::memcpy(out.un.sun_path, path.data(), path.size());
    return static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() + (path.empty() || path[0] ? 1 : 0));
  }
  if (!is_tuple(addr))
    raise_fmt(types::type_error, "{}(): AF_INET{} address must be tuple, not {}", caller, s->family == AF_INET6 ? "6" : "",
              tname(addr));
  Tuple* t = addr.as<Tuple>();
  if (t->size < 2 || !is_str(t->items[0])) raise_fmt(types::type_error, "{}(): address must be a (host, port) tuple", caller);
  std::string host(t->items[0].as<Str>()->view());
  int64_t port = arg_index(t->items[1]);
  if (port < 0 || port > 65535) raise_fmt(types::overflow_error, "{}(): port must be 0-65535.", caller);
  if (s->family == AF_INET) {
    out.in4.sin_family = AF_INET;
    out.in4.sin_port = htons(static_cast<uint16_t>(port));
    if (host.empty()) out.in4.sin_addr.s_addr = htonl(INADDR_ANY);
    else if (host == "localhost") out.in4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    else if (host == "<broadcast>") out.in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
    else if (::inet_pton(AF_INET, host.c_str(), &out.in4.sin_addr) != 1) {
      Value args[2] = {make_int(int64_t{EAI_NONAME}), str_value("Name or service not known")};
      raise(Value::object(new_exception(&gaierror_type, args)));
    }
    return sizeof out.in4;
  }
  out.in6.sin6_family = AF_INET6;
  out.in6.sin6_port = htons(static_cast<uint16_t>(port));
  if (host.empty()) out.in6.sin6_addr = in6addr_any;
  else if (host == "localhost") out.in6.sin6_addr = in6addr_loopback;
  else if (::inet_pton(AF_INET6, host.c_str(), &out.in6.sin6_addr) != 1) {
    Value args[2] = {make_int(int64_t{EAI_NONAME}), str_value("Name or service not known")};
    raise(Value::object(new_exception(&gaierror_type, args)));
  }
  if (t->size > 2) out.in6.sin6_flowinfo = htonl(static_cast<uint32_t>(arg_index(t->items[2])));
  if (t->size > 3) out.in6.sin6_scope_id = static_cast<uint32_t>(arg_index(t->items[3]));
  return sizeof out.in6;
}

Value make_address(const SockAddr& a, socklen_t len) {
  switch (a.sa.sa_family) {
  case AF_UNIX: {
    size_t n = len > offsetof(sockaddr_un, sun_path) ? len - offsetof(sockaddr_un, sun_path) : 0;
    if (n && a.un.sun_path[0] == 0) return make_bytes(std::string_view(a.un.sun_path, n)); // abstract namespace
    return str_value(std::string_view(a.un.sun_path, ::strnlen(a.un.sun_path, n)));
  }
  case AF_INET: {
    char buf[INET_ADDRSTRLEN];
    ::inet_ntop(AF_INET, &a.in4.sin_addr, buf, sizeof buf);
    Value items[2] = {str_value(buf), make_int(int64_t{ntohs(a.in4.sin_port)})};
    return Value::object(new_tuple(items));
  }
  case AF_INET6: {
    char buf[INET6_ADDRSTRLEN];
    ::inet_ntop(AF_INET6, &a.in6.sin6_addr, buf, sizeof buf);
    Value items[4] = {str_value(buf), make_int(int64_t{ntohs(a.in6.sin6_port)}),
                      make_int(int64_t{ntohl(a.in6.sin6_flowinfo)}), make_int(int64_t{a.in6.sin6_scope_id})};
    return Value::object(new_tuple(items));
  }
  default: return Value::none();
  }
}

// ---- the socket type --------------------------------------------------------------------

Value new_socket_object(Type* cls) {
  auto* s = gc::make<Socket>();
  s->type = &socket_type;
  s->fd = -1;
  s->family = AF_INET;
  s->timeout = -1;
  Value v = Value::object(s);
  return cls == &socket_type ? v : new_builtin_subclass_instance(cls, v);
}

Value sock_new(Value, const Args& a) {
  if (a.npos == 0 || !is_type(a[0]) || !is_subtype(a[0].as<Type>(), &socket_type))
    raise(types::type_error, "socket.__new__(X): X is not a subtype of _socket.socket");
  return new_socket_object(a[0].as<Type>());
}

int sockopt_int(int fd, int opt) {
  int v = 0;
  socklen_t n = sizeof v;
  if (::getsockopt(fd, SOL_SOCKET, opt, &v, &n) < 0) raise_os_errno(errno);
  return v;
}

// __init__(family=-1, type=-1, proto=-1, fileno=None)
Value sock_init(Value self, const Args& a) {
  Socket* s = self_socket(self, "__init__");
  Value p[4];
  bind_args(a, "socket", {"family", "type", "proto", "fileno"}, 0, p);
  int64_t family = p[0].is_empty() ? -1 : arg_index(p[0]), type = p[1].is_empty() ? -1 : arg_index(p[1]),
          proto = p[2].is_empty() ? -1 : arg_index(p[2]);
  if (!p[3].is_empty() && !p[3].is_none()) {
    int64_t fd = arg_index(p[3]);
    if (fd < 0) raise(types::value_error, "negative file descriptor");
    s->fd = static_cast<int>(fd);
    if (family == -1) family = sockopt_int(s->fd, SO_DOMAIN);
    if (type == -1) type = sockopt_int(s->fd, SO_TYPE);
    if (proto == -1) proto = sockopt_int(s->fd, SO_PROTOCOL);
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    int fd = ::socket(static_cast<int>(family), static_cast<int>(type) | SOCK_CLOEXEC, static_cast<int>(proto));
    if (fd < 0) raise_os_errno(errno);
    s->fd = fd;
  }
  s->family = static_cast<int>(family);
  s->sock_type = static_cast<int>(type) & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  s->proto = static_cast<int>(proto);
  apply_timeout(s, (type & SOCK_NONBLOCK) ? 0.0 : g_default_timeout);
  return Value::none();
}

Value sock_fileno(Value self, const Args&) { return make_int(int64_t{self_socket(self, "fileno")->fd}); }

Value sock_close(Value self, const Args&) {
  Socket* s = self_socket(self, "close");
  if (s->fd >= 0) {
    int fd = s->fd;
    s->fd = -1;
    if (::close(fd) < 0 && errno != ECONNRESET) raise_os_errno(errno);
  }
  return Value::none();
}

Value sock_detach(Value self, const Args&) {
  Socket* s = self_socket(self, "detach");
  int fd = s->fd;
  s->fd = -1;
  return make_int(int64_t{fd});
}

Value sock_setblocking(Value self, const Args& a) {
  Socket* s = self_socket(self, "setblocking");
  check_one(a, "setblocking");
  apply_timeout(s, truthy(a[0]) ? -1 : 0.0);
  return Value::none();
}

Value sock_getblocking(Value self, const Args&) {
  Socket* s = self_socket(self, "getblocking");
  open_fd(s);
  return Value::boolean(s->timeout != 0);
}

Value sock_settimeout(Value self, const Args& a) {
  Socket* s = self_socket(self, "settimeout");
  check_one(a, "settimeout");
  apply_timeout(s, timeout_arg(a[0]));
  return Value::none();
}

Value sock_gettimeout(Value self, const Args&) {
  Socket* s = self_socket(self, "gettimeout");
  return s->timeout < 0 ? Value::none() : Value::from_double(s->timeout);
}

int flags_arg(const Args& a, size_t i) { return a.npos > i ? static_cast<int>(arg_index(a[i])) : 0; }

Value sock_send(Value self, const Args& a) {
  Socket* s = self_socket(self, "send");
  check_takes(a, "send", 1, 2);
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  int fd = open_fd(s), flags = flags_arg(a, 1) | MSG_NOSIGNAL;
  ssize_t n = with_timeout(s, POLLOUT, [&] { return ::send(fd, data->data(), data->size(), flags); });
  if (n < 0) raise_os_errno(errno);
  return make_int(int64_t{n});
}

Value sock_sendall(Value self, const Args& a) {
  Socket* s = self_socket(self, "sendall");
  check_takes(a, "sendall", 1, 2);
  auto data = bytes_like(a[0]);
  if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  std::string buf(*data); // the object may change while we wait
  int fd = open_fd(s), flags = flags_arg(a, 1) | MSG_NOSIGNAL;
  size_t done = 0;
  while (done < buf.size()) {
    ssize_t n = with_timeout(s, POLLOUT, [&] { return ::send(fd, buf.data() + done, buf.size() - done, flags); });
    if (n < 0) raise_os_errno(errno);
    done += static_cast<size_t>(n);
  }
  return Value::none();
}

Value sock_recv(Value self, const Args& a) {
  Socket* s = self_socket(self, "recv");
  check_takes(a, "recv", 1, 2);
  int64_t size = arg_index(a[0]);
  if (size < 0) raise(types::value_error, "negative buffersize in recv");
  std::string buf(static_cast<size_t>(size), '\0');
  int fd = open_fd(s), flags = flags_arg(a, 1);
  ssize_t n = with_timeout(s, POLLIN, [&] { return ::recv(fd, buf.data(), buf.size(), flags); });
  if (n < 0) raise_os_errno(errno);
  buf.resize(static_cast<size_t>(n));
  return make_bytes(buf);
}

// recv_into(buffer, nbytes=0, flags=0): received bytes stored at the start
// of a writable buffer (bytearray, memoryview, array) by slice assignment.
Value sock_recv_into(Value self, const Args& a) {
  Socket* s = self_socket(self, "recv_into");
  Value p[3];
  bind_args(a, "recv_into", {"buffer", "nbytes", "flags"}, 1, p);
  int64_t room = length(p[0]);
  int64_t size = p[1].is_empty() ? 0 : arg_index(p[1]);
  if (size < 0) raise(types::value_error, "negative buffersize in recv_into");
  if (size > room) raise(types::value_error, "buffer too small for requested bytes");
  if (size == 0) size = room;
  std::string buf(static_cast<size_t>(size), '\0');
  int fd = open_fd(s), flags = p[2].is_empty() ? 0 : static_cast<int>(arg_index(p[2]));
  ssize_t n = with_timeout(s, POLLIN, [&] { return ::recv(fd, buf.data(), buf.size(), flags); });
  if (n < 0) raise_os_errno(errno);
  buf.resize(static_cast<size_t>(n));
  Value slice = dict_get(vm::state().builtins->dict, Value::object(intern("slice")));
  set_item(p[0], call2(slice, Value::small_int(0), make_int(int64_t{n})), make_bytes(buf));
  return make_int(int64_t{n});
}

Value sock_bind(Value self, const Args& a) {
  Socket* s = self_socket(self, "bind");
  check_one(a, "bind");
  SockAddr addr;
  socklen_t len = parse_address(s, a[0], addr, "bind");
  if (::bind(open_fd(s), &addr.sa, len) < 0) raise_os_errno(errno);
  return Value::none();
}

Value sock_listen(Value self, const Args& a) {
  Socket* s = self_socket(self, "listen");
  check_takes(a, "listen", 0, 1);
  int backlog = a.npos ? std::max(0, static_cast<int>(arg_index(a[0]))) : std::min(SOMAXCONN, 128);
  if (::listen(open_fd(s), backlog) < 0) raise_os_errno(errno);
  return Value::none();
}

// connect: 0 or the errno (connect_ex's result); EINPROGRESS waits when a timeout is set.
int do_connect(Socket* s, Value address, const char* name) {
  SockAddr addr;
  socklen_t len = parse_address(s, address, addr, name);
  int fd = open_fd(s);
  int r;
  while ((r = ::connect(fd, &addr.sa, len)) < 0 && errno == EINTR) {
  }
  if (r == 0) return 0;
  if (errno != EINPROGRESS || s->timeout <= 0) return errno;
  pollfd p{fd, POLLOUT, 0};
  int n = ::poll(&p, 1, static_cast<int>(std::ceil(s->timeout * 1000)));
  if (n == 0) raise_timeout();
  return sockopt_int(fd, SO_ERROR);
}

Value sock_connect(Value self, const Args& a) {
  check_one(a, "connect");
  if (int err = do_connect(self_socket(self, "connect"), a[0], "connect")) raise_os_errno(err);
  return Value::none();
}

Value sock_connect_ex(Value self, const Args& a) {
  check_one(a, "connect_ex");
  return make_int(int64_t{do_connect(self_socket(self, "connect_ex"), a[0], "connect_ex")});
}

// _accept() -> (fd, address), what socket.py's accept() wraps.
Value sock_accept(Value self, const Args&) {
  Socket* s = self_socket(self, "_accept");
  int fd = open_fd(s);
  SockAddr addr;
  socklen_t len = sizeof addr;
  ssize_t r = with_timeout(s, POLLIN, [&] { return static_cast<ssize_t>(::accept4(fd, &addr.sa, &len, SOCK_CLOEXEC)); });
  if (r < 0) raise_os_errno(errno);
  Value items[2] = {make_int(int64_t{r}), make_address(addr, len)};
  return Value::object(new_tuple(items));
}

template <bool Peer> Value sock_name(Value self, const Args&) {
  Socket* s = self_socket(self, Peer ? "getpeername" : "getsockname");
  SockAddr addr;
  socklen_t len = sizeof addr;
  int r = Peer ? ::getpeername(open_fd(s), &addr.sa, &len) : ::getsockname(open_fd(s), &addr.sa, &len);
  if (r < 0) raise_os_errno(errno);
  return make_address(addr, len);
}

Value sock_setsockopt(Value self, const Args& a) {
  Socket* s = self_socket(self, "setsockopt");
  check_takes(a, "setsockopt", 3, 3);
  int level = static_cast<int>(arg_index(a[0])), opt = static_cast<int>(arg_index(a[1]));
  int r;
  if (is_integer(a[2])) {
    int v = static_cast<int>(arg_index(a[2]));
    r = ::setsockopt(open_fd(s), level, opt, &v, sizeof v);
  } else {
    auto data = bytes_like(a[2]);
    if (!data) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[2]));
    r = ::setsockopt(open_fd(s), level, opt, data->data(), static_cast<socklen_t>(data->size()));
  }
  if (r < 0) raise_os_errno(errno);
  return Value::none();
}

Value sock_getsockopt(Value self, const Args& a) {
  Socket* s = self_socket(self, "getsockopt");
  check_takes(a, "getsockopt", 2, 3);
  int level = static_cast<int>(arg_index(a[0])), opt = static_cast<int>(arg_index(a[1]));
  if (a.npos == 3) {
    std::string buf(static_cast<size_t>(arg_index(a[2])), '\0');
    socklen_t n = static_cast<socklen_t>(buf.size());
    if (::getsockopt(open_fd(s), level, opt, buf.data(), &n) < 0) raise_os_errno(errno);
    buf.resize(n);
    return make_bytes(buf);
  }
  int v = 0;
  socklen_t n = sizeof v;
  if (::getsockopt(open_fd(s), level, opt, &v, &n) < 0) raise_os_errno(errno);
  return make_int(int64_t{v});
}

Value sock_shutdown(Value self, const Args& a) {
  Socket* s = self_socket(self, "shutdown");
  check_one(a, "shutdown");
  if (::shutdown(open_fd(s), static_cast<int>(arg_index(a[0]))) < 0) raise_os_errno(errno);
  return Value::none();
}

Value sock_family(Value self, const Args&) { return make_int(int64_t{self_socket(self, "family")->family}); }
Value sock_type(Value self, const Args&) { return make_int(int64_t{self_socket(self, "type")->sock_type}); }
Value sock_proto(Value self, const Args&) { return make_int(int64_t{self_socket(self, "proto")->proto}); }

Value sock_repr(Value self, const Args&) {
  Socket* s = self_socket(self, "__repr__");
  return str_value(fmt::format("<socket object, fd={}, family={}, type={}, proto={}>", s->fd, s->family, s->sock_type,
                               s->proto));
}

void init_socket_type() {
  init_type(socket_type, "socket", Kind::Object, &types::object);
  socket_type.module_name = Value::object(intern("_socket"));
  socket_type.is_builtin = false;
  socket_type.basic_size = sizeof(Socket);
  socket_type.construct = [](Value cls, const Args& a) -> Value {
    Value obj = new_socket_object(cls.as<Type>());
    sock_init(obj, a);
    return obj;
  };
  add_static_method(socket_type, "__new__", sock_new);
  add_methods(socket_type, {{"__init__", self_or_first<sock_init>},
                            {"fileno", self_or_first<sock_fileno>},
                            {"close", self_or_first<sock_close>},
                            {"detach", self_or_first<sock_detach>},
                            {"setblocking", self_or_first<sock_setblocking>},
                            {"getblocking", self_or_first<sock_getblocking>},
                            {"settimeout", self_or_first<sock_settimeout>},
                            {"gettimeout", self_or_first<sock_gettimeout>},
                            {"send", self_or_first<sock_send>},
                            {"sendall", self_or_first<sock_sendall>},
                            {"recv", self_or_first<sock_recv>},
                            {"recv_into", self_or_first<sock_recv_into>},
                            {"bind", self_or_first<sock_bind>},
                            {"listen", self_or_first<sock_listen>},
                            {"connect", self_or_first<sock_connect>},
                            {"connect_ex", self_or_first<sock_connect_ex>},
                            {"_accept", self_or_first<sock_accept>},
                            {"getsockname", self_or_first<sock_name<false>>},
                            {"getpeername", self_or_first<sock_name<true>>},
                            {"setsockopt", self_or_first<sock_setsockopt>},
                            {"getsockopt", self_or_first<sock_getsockopt>},
                            {"shutdown", self_or_first<sock_shutdown>},
                            {"__repr__", self_or_first<sock_repr>}});
  add_getter(socket_type, "family", self_or_first<sock_family>);
  add_getter(socket_type, "type", self_or_first<sock_type>);
  add_getter(socket_type, "proto", self_or_first<sock_proto>);
  add_getter(socket_type, "timeout", self_or_first<sock_gettimeout>);
}

// ---- module functions -------------------------------------------------------------------

Value m_socketpair(Value, const Args& a) {
  Value p[3];
  bind_args(a, "socketpair", {"family", "type", "proto"}, 0, p);
  int family = p[0].is_empty() ? AF_UNIX : static_cast<int>(arg_index(p[0]));
  int type = p[1].is_empty() ? SOCK_STREAM : static_cast<int>(arg_index(p[1]));
  int proto = p[2].is_empty() ? 0 : static_cast<int>(arg_index(p[2]));
  int fds[2];
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) raise_os_errno(errno);
  Value out[2];
  for (int i = 0; i < 2; ++i) {
    out[i] = new_socket_object(&socket_type);
    Socket* s = out[i].as<Socket>();
    s->fd = fds[i];
    s->family = family;
    s->sock_type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    apply_timeout(s, (type & SOCK_NONBLOCK) ? 0.0 : g_default_timeout);
  }
  return Value::object(new_tuple(out));
}

Value m_getdefaulttimeout(Value, const Args&) { return g_default_timeout < 0 ? Value::none() : Value::from_double(g_default_timeout); }

Value m_setdefaulttimeout(Value, const Args& a) {
  check_one(a, "setdefaulttimeout");
  g_default_timeout = timeout_arg(a[0]);
  return Value::none();
}

Value m_gethostname(Value, const Args& a) {
  check_none(a, "gethostname");
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) < 0) raise_os_errno(errno);
  return str_value(buf);
}

Value m_close(Value, const Args& a) {
  check_one(a, "close");
  if (::close(static_cast<int>(arg_index(a[0]))) < 0 && errno != ECONNRESET) raise_os_errno(errno);
  return Value::none();
}

Value m_dup(Value, const Args& a) {
  check_one(a, "dup");
  int fd = ::fcntl(static_cast<int>(arg_index(a[0])), F_DUPFD_CLOEXEC, 0);
  if (fd < 0) raise_os_errno(errno);
  return make_int(int64_t{fd});
}

template <bool Long, bool ToNet> Value m_byteorder(Value, const Args& a) {
  check_one(a, Long ? (ToNet ? "htonl" : "ntohl") : (ToNet ? "htons" : "ntohs"));
  int64_t x = arg_index(a[0]);
  if (x < 0) raise(types::overflow_error, "Python int too large to convert to C unsigned long");
  if (Long) {
    if (x > 0xffffffffLL) raise(types::overflow_error, "int larger than 32 bits");
    return make_int(int64_t{ToNet ? htonl(static_cast<uint32_t>(x)) : ntohl(static_cast<uint32_t>(x))});
  }
  if (x > 0xffff) raise(types::overflow_error, ToNet ? "htons: Python int too large to convert to C 16-bit unsigned integer" : "ntohs: Python int too large to convert to C 16-bit unsigned integer");
  return make_int(int64_t{ToNet ? htons(static_cast<uint16_t>(x)) : ntohs(static_cast<uint16_t>(x))});
}

[[noreturn]] void raise_gai(int code) {
  if (code == EAI_SYSTEM) raise_os_errno(errno);
  Value args[2] = {make_int(int64_t{code}), str_value(::gai_strerror(code))};
  raise(Value::object(new_exception(&gaierror_type, args)));
}

// getaddrinfo(host, port, family=0, type=0, proto=0, flags=0): libc's, as
// (family, type, proto, canonname, sockaddr) tuples.
Value m_getaddrinfo(Value, const Args& a) {
  Value p[6];
  bind_args(a, "getaddrinfo", {"host", "port", "family", "type", "proto", "flags"}, 2, p);
  std::string host, port;
  bool has_host = !p[0].is_none(), has_port = !p[1].is_none();
  if (is_str(p[0])) host = std::string(p[0].as<Str>()->view());
  else if (auto b = bytes_like(p[0])) host = std::string(*b);
  else if (has_host) raise(types::type_error, "getaddrinfo() argument 1 must be string or None");
  if (is_integer(p[1])) port = std::to_string(arg_index(p[1]));
  else if (is_str(p[1])) port = std::string(p[1].as<Str>()->view());
  else if (auto b = bytes_like(p[1])) port = std::string(*b);
  else if (has_port) raise(types::os_error, "Int or String expected");
  addrinfo hints{};
  auto opt = [&](int i) { return p[i].is_empty() ? 0 : static_cast<int>(arg_index(p[i])); };
  hints.ai_family = opt(2);
  hints.ai_socktype = opt(3);
  hints.ai_protocol = opt(4);
  hints.ai_flags = opt(5);
  addrinfo* res = nullptr;
  int rc = ::getaddrinfo(has_host ? host.c_str() : nullptr, has_port ? port.c_str() : nullptr, &hints, &res);
  if (rc != 0) raise_gai(rc);
  List* out = new_list();
  for (addrinfo* r = res; r; r = r->ai_next) {
    SockAddr addr;
    std::memcpy(&addr, r->ai_addr, std::min<size_t>(r->ai_addrlen, sizeof addr));
    Value items[5] = {make_int(int64_t{r->ai_family}), make_int(int64_t{r->ai_socktype}),
                      make_int(int64_t{r->ai_protocol}), str_value(r->ai_canonname ? r->ai_canonname : ""),
                      make_address(addr, r->ai_addrlen)};
    list_append(out, Value::object(new_tuple(items)));
  }
  ::freeaddrinfo(res);
  return Value::object(out);
}

Value m_gethostbyname(Value, const Args& a) {
  check_one(a, "gethostbyname");
  if (!is_str(a[0])) raise_fmt(types::type_error, "gethostbyname() argument 1 must be str, not {}", tname(a[0]));
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo* res = nullptr;
  if (int rc = ::getaddrinfo(std::string(a[0].as<Str>()->view()).c_str(), nullptr, &hints, &res)) raise_gai(rc);
  char buf[INET_ADDRSTRLEN];
  ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(res->ai_addr)->sin_addr, buf, sizeof buf);
  ::freeaddrinfo(res);
  return str_value(buf);
}

Value m_inet_aton(Value, const Args& a) {
  check_one(a, "inet_aton");
  if (!is_str(a[0])) raise_fmt(types::type_error, "inet_aton() argument 1 must be str, not {}", tname(a[0]));
  in_addr addr;
  if (::inet_aton(std::string(a[0].as<Str>()->view()).c_str(), &addr) == 0)
    raise(types::os_error, "illegal IP address string passed to inet_aton");
  return make_bytes(std::string_view(reinterpret_cast<const char*>(&addr), 4));
}

Value m_inet_ntoa(Value, const Args& a) {
  check_one(a, "inet_ntoa");
  auto b = bytes_like(a[0]);
  if (!b) raise_fmt(types::type_error, "a bytes-like object is required, not '{}'", tname(a[0]));
  if (b->size() != 4) raise(types::os_error, "packed IP wrong length for inet_ntoa");
  char buf[INET_ADDRSTRLEN];
  ::inet_ntop(AF_INET, b->data(), buf, sizeof buf);
  return str_value(buf);
}

} // namespace

Module* make_socket_module() {
  Module* m = new_module("_socket");
  if (!socket_type.dict) {
    init_socket_type();
    init_exception_type(herror_type, "herror", types::os_error);
    herror_type.module_name = Value::object(intern("socket"));
    init_exception_type(gaierror_type, "gaierror", types::os_error);
    gaierror_type.module_name = Value::object(intern("socket"));
  }
  add_value(m, "socket", Value::object(&socket_type));
  add_value(m, "SocketType", Value::object(&socket_type));
  add_value(m, "error", Value::object(&types::os_error));
  add_value(m, "timeout", dict_get(vm::state().builtins->dict, Value::object(intern("TimeoutError"))));
  add_value(m, "herror", Value::object(&herror_type));
  add_value(m, "gaierror", Value::object(&gaierror_type));
  add_value(m, "has_ipv6", Value::boolean(true));
  add_function(m, "socketpair", m_socketpair);
  add_function(m, "getdefaulttimeout", m_getdefaulttimeout);
  add_function(m, "setdefaulttimeout", m_setdefaulttimeout);
  add_function(m, "gethostname", m_gethostname);
  add_function(m, "close", m_close);
  add_function(m, "dup", m_dup);
  add_function(m, "htons", m_byteorder<false, true>);
  add_function(m, "ntohs", m_byteorder<false, false>);
  add_function(m, "htonl", m_byteorder<true, true>);
  add_function(m, "ntohl", m_byteorder<true, false>);
  add_function(m, "inet_aton", m_inet_aton);
  add_function(m, "getaddrinfo", m_getaddrinfo);
  add_function(m, "gethostbyname", m_gethostbyname);
  add_function(m, "inet_ntoa", m_inet_ntoa);
  struct Constant {
    const char* name;
    int value;
  };
  static constexpr Constant kConstants[] = {
      {"AF_UNSPEC", AF_UNSPEC},     {"AF_UNIX", AF_UNIX},           {"AF_INET", AF_INET},
      {"AF_INET6", AF_INET6},       {"SOCK_STREAM", SOCK_STREAM},   {"SOCK_DGRAM", SOCK_DGRAM},
      {"SOCK_RAW", SOCK_RAW},       {"SOCK_SEQPACKET", SOCK_SEQPACKET}, {"SOCK_NONBLOCK", SOCK_NONBLOCK},
      {"SOCK_CLOEXEC", SOCK_CLOEXEC}, {"SOL_SOCKET", SOL_SOCKET},   {"SO_REUSEADDR", SO_REUSEADDR},
      {"SO_REUSEPORT", SO_REUSEPORT}, {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST},
      {"SO_ERROR", SO_ERROR},       {"SO_TYPE", SO_TYPE},           {"SO_RCVBUF", SO_RCVBUF},
      {"SO_SNDBUF", SO_SNDBUF},     {"SO_LINGER", SO_LINGER},       {"SOMAXCONN", SOMAXCONN},
      {"IPPROTO_IP", IPPROTO_IP},   {"IPPROTO_TCP", IPPROTO_TCP},   {"IPPROTO_UDP", IPPROTO_UDP},
      {"IPPROTO_IPV6", IPPROTO_IPV6}, {"IPV6_V6ONLY", IPV6_V6ONLY}, {"TCP_NODELAY", TCP_NODELAY},
      {"SHUT_RD", SHUT_RD},         {"SHUT_WR", SHUT_WR},           {"SHUT_RDWR", SHUT_RDWR},
      {"MSG_PEEK", MSG_PEEK},       {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_WAITALL", MSG_WAITALL},
      {"MSG_OOB", MSG_OOB},         {"MSG_NOSIGNAL", MSG_NOSIGNAL}, {"AI_PASSIVE", AI_PASSIVE},
      {"AI_CANONNAME", AI_CANONNAME}, {"AI_NUMERICHOST", AI_NUMERICHOST}, {"AI_NUMERICSERV", AI_NUMERICSERV},
      {"NI_NUMERICHOST", NI_NUMERICHOST}, {"NI_NUMERICSERV", NI_NUMERICSERV}, {"EAI_NONAME", EAI_NONAME},
  };
  for (const Constant& c : kConstants) add_value(m, c.name, make_int(int64_t{c.value}));
  return m;
}

} // namespace tributary::lib
