// signal_module.cpp — `_signal`, minimal: what CPython's signal.py needs to
// import (the signal numbers, SIG_DFL/SIG_IGN, the enum conversions) and to
// set and query handlers.
//
// signal(n, SIG_DFL or SIG_IGN) sets the process's disposition; signal(n, f)
// with a Python callable records f, and raise_signal(n) then calls f(n, None)
// synchronously (as CPython runs it right after raise_signal returns). Limits:
// the interpreter has no point where it checks for signals, so a signal that
// arrives from outside while a Python handler is set is only counted and
// never runs the handler; getsignal() of a signal nobody set reports the
// process's disposition (SIGINT: SIG_DFL, as Tributary installs no
// KeyboardInterrupt handler). No itimers, sigmasks, sigwait or
// set_wakeup_fd beyond returning -1.
#include <csignal>
#include <cstring>
#include <span>
#include <unistd.h>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

constexpr int kNsig = 65; // NSIG on Linux, as CPython's signal.NSIG
constexpr int kSigDfl = 0;
constexpr int kSigIgn = 1;

struct SignalName {
  const char* name;
  int value;
};

constexpr SignalName kSignals[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},     {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},   {"SIGIOT", SIGIOT},   {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},       {"SIGKILL", SIGKILL},   {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},   {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD},   {"SIGCLD", SIGCHLD},  {"SIGCONT", SIGCONT},
    {"SIGSTOP", SIGSTOP},     {"SIGTSTP", SIGTSTP},   {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU},
    {"SIGURG", SIGURG},       {"SIGXCPU", SIGXCPU},   {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},     {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},     {"SIGPOLL", SIGPOLL},
    {"SIGPWR", SIGPWR},       {"SIGSYS", SIGSYS},
};

// The Python handlers set with signal() (empty where none): a GC root.
Tuple* handlers = nullptr;
volatile sig_atomic_t arrived[kNsig];

void count_arrival(int sig) { arrived[sig] = 1; }

int signal_number(Value v) {
  int64_t n = arg_index(v);
  if (n < 1 || n >= kNsig) raise(types::value_error, "signal number out of range");
  return static_cast<int>(n);
}

// The disposition as Python sees it: the recorded handler, else SIG_IGN or SIG_DFL.
Value current_handler(int sig) {
  if (!handlers->items[sig].is_none()) return handlers->items[sig];
  struct sigaction sa;
  if (::sigaction(sig, nullptr, &sa) == 0 && sa.sa_handler == SIG_IGN) return Value::small_int(kSigIgn);
  return Value::small_int(kSigDfl);
}

Value s_signal(Value, const Args& a) {
  check_takes(a, "signal", 2, 2);
  int sig = signal_number(a[0]);
  Value handler = a[1];
  Value old = current_handler(sig);
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  if (is_integer(handler)) {
    int64_t h = arg_index(handler);
    if (h != kSigDfl && h != kSigIgn)
      raise(types::type_error, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    sa.sa_handler = h == kSigIgn ? SIG_IGN : SIG_DFL;
    handler = Value::none();
  } else if (is_callable_value(handler)) {
    sa.sa_handler = count_arrival;
  } else {
    raise(types::type_error, "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (sig == SIGKILL || sig == SIGSTOP || ::sigaction(sig, &sa, nullptr) != 0)
    raise(Value::object(
        new_exception(&types::os_error, std::array{make_int(int64_t{EINVAL}), str_value("Invalid argument")})));
  handlers->items[sig] = handler;
  return old;
}

Value s_getsignal(Value, const Args& a) {
  check_one(a, "getsignal");
  return current_handler(signal_number(a[0]));
}

Value s_raise_signal(Value, const Args& a) {
  check_one(a, "raise_signal");
  int sig = signal_number(a[0]);
  Value h = handlers->items[sig];
  if (!h.is_none()) {
    call2(h, Value::small_int(sig), Value::none());
    return Value::none();
  }
  if (::raise(sig) != 0) raise(types::os_error, "raise_signal failed");
  return Value::none();
}

Value s_default_int_handler(Value, const Args&) { raise(types::keyboard_interrupt, ""); }

Value s_strsignal(Value, const Args& a) {
  check_one(a, "strsignal");
  int sig = signal_number(a[0]);
  const char* s = ::strsignal(sig);
  if (!s || std::strncmp(s, "Unknown signal", 14) == 0 || std::strncmp(s, "Real-time signal", 16) == 0)
    return Value::none();
  return str_value(s);
}

Value s_valid_signals(Value, const Args& a) {
  check_none(a, "valid_signals");
  Set* s = new_set();
  for (int i = 1; i < kNsig; ++i)
    if (i != 32 && i != 33) set_add(s, Value::small_int(i)); // glibc keeps 32 and 33 for itself
  return Value::object(s);
}

Value s_alarm(Value, const Args& a) {
  check_one(a, "alarm");
  return make_int(int64_t{::alarm(static_cast<unsigned>(arg_index(a[0])))});
}

Value s_set_wakeup_fd(Value, const Args&) { return Value::small_int(-1); }

Value s_siginterrupt(Value, const Args& a) {
  check_takes(a, "siginterrupt", 2, 2);
  signal_number(a[0]);
  return Value::none();
}

} // namespace

Module* make_signal_module() {
  Module* m = new_module("_signal");
  if (!handlers) handlers = new_tuple(kNsig);
  for (const SignalName& s : kSignals)
    add_value(m, s.name, Value::small_int(s.value));
  add_value(m, "SIGRTMIN", Value::small_int(SIGRTMIN));
  add_value(m, "SIGRTMAX", Value::small_int(SIGRTMAX));
  add_value(m, "NSIG", Value::small_int(kNsig));
  add_value(m, "SIG_DFL", Value::small_int(kSigDfl));
  add_value(m, "SIG_IGN", Value::small_int(kSigIgn));
  add_value(m, "SIG_BLOCK", Value::small_int(SIG_BLOCK));
  add_value(m, "SIG_UNBLOCK", Value::small_int(SIG_UNBLOCK));
  add_value(m, "SIG_SETMASK", Value::small_int(SIG_SETMASK));
  static const MethodDef kFunctions[] = {
      {"signal", s_signal},
      {"getsignal", s_getsignal},
      {"raise_signal", s_raise_signal},
      {"default_int_handler", s_default_int_handler},
      {"strsignal", s_strsignal},
      {"valid_signals", s_valid_signals},
      {"alarm", s_alarm},
      {"set_wakeup_fd", s_set_wakeup_fd},
      {"siginterrupt", s_siginterrupt},
  };
  for (const MethodDef& f : kFunctions)
    add_function(m, f.name, f.fn);
  return m;
}

} // namespace tributary::lib
