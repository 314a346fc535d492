// errno_module.cpp — the `errno` module: the system's error numbers by name
// and `errorcode`, the name of each number.
//
// The names and their order are CPython 3.11's on Linux (errnomodule.c's
// table): errorcode keeps the first position of a number and the last name
// given to it (EWOULDBLOCK for EAGAIN's 11, as CPython).
#include <cerrno>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"

namespace tributary::lib {

namespace {

struct ErrnoName {
  const char* name;
  int value;
};

constexpr ErrnoName kErrnoNames[] = {
    {"ENODEV", ENODEV},
    {"ENOCSI", ENOCSI},
    {"EHOSTUNREACH", EHOSTUNREACH},
    {"ENOMSG", ENOMSG},
    {"EUCLEAN", EUCLEAN},
    {"EL2NSYNC", EL2NSYNC},
    {"EL2HLT", EL2HLT},
    {"ENODATA", ENODATA},
    {"ENOTBLK", ENOTBLK},
    {"ENOSYS", ENOSYS},
    {"EPIPE", EPIPE},
    {"EINVAL", EINVAL},
    {"EOVERFLOW", EOVERFLOW},
    {"EADV", EADV},
    {"EINTR", EINTR},
    {"EUSERS", EUSERS},
    {"ENOTEMPTY", ENOTEMPTY},
    {"ENOBUFS", ENOBUFS},
    {"EPROTO", EPROTO},
    {"EREMOTE", EREMOTE},
    {"ENAVAIL", ENAVAIL},
    {"ECHILD", ECHILD},
    {"ELOOP", ELOOP},
    {"EXDEV", EXDEV},
    {"E2BIG", E2BIG},
    {"ESRCH", ESRCH},
    {"EMSGSIZE", EMSGSIZE},
    {"EAFNOSUPPORT", EAFNOSUPPORT},
    {"EBADR", EBADR},
    {"EHOSTDOWN", EHOSTDOWN},
    {"EPFNOSUPPORT", EPFNOSUPPORT},
    {"ENOPROTOOPT", ENOPROTOOPT},
    {"EBUSY", EBUSY},
    {"EWOULDBLOCK", EWOULDBLOCK},
    {"EBADFD", EBADFD},
    {"EDOTDOT", EDOTDOT},
    {"EISCONN", EISCONN},
    {"ENOANO", ENOANO},
    {"ESHUTDOWN", ESHUTDOWN},
    {"ECHRNG", ECHRNG},
    {"ELIBBAD", ELIBBAD},
    {"ENONET", ENONET},
    {"EBADE", EBADE},
    {"EBADF", EBADF},
    {"EMULTIHOP", EMULTIHOP},
    {"EIO", EIO},
    {"EUNATCH", EUNATCH},
    {"EPROTOTYPE", EPROTOTYPE},
    {"ENOSPC", ENOSPC},
    {"ENOEXEC", ENOEXEC},
    {"EALREADY", EALREADY},
    {"ENETDOWN", ENETDOWN},
    {"ENOTNAM", ENOTNAM},
    {"EACCES", EACCES},
    {"ELNRNG", ELNRNG},
    {"EILSEQ", EILSEQ},
    {"ENOTDIR", ENOTDIR},
    {"ENOTUNIQ", ENOTUNIQ},
    {"EPERM", EPERM},
    {"EDOM", EDOM},
    {"EXFULL", EXFULL},
    {"ECONNREFUSED", ECONNREFUSED},
    {"EISDIR", EISDIR},
    {"EPROTONOSUPPORT", EPROTONOSUPPORT},
    {"EROFS", EROFS},
    {"EADDRNOTAVAIL", EADDRNOTAVAIL},
    {"EIDRM", EIDRM},
    {"ECOMM", ECOMM},
    {"ESRMNT", ESRMNT},
    {"EREMOTEIO", EREMOTEIO},
    {"EL3RST", EL3RST},
    {"EBADMSG", EBADMSG},
    {"ENFILE", ENFILE},
    {"ELIBMAX", ELIBMAX},
    {"ESPIPE", ESPIPE},
    {"ENOLINK", ENOLINK},
    {"ENETRESET", ENETRESET},
    {"ETIMEDOUT", ETIMEDOUT},
    {"ENOENT", ENOENT},
    {"EEXIST", EEXIST},
    {"EDQUOT", EDQUOT},
    {"ENOSTR", ENOSTR},
    {"EBADSLT", EBADSLT},
    {"EBADRQC", EBADRQC},
    {"ELIBACC", ELIBACC},
    {"EFAULT", EFAULT},
    {"EFBIG", EFBIG},
    {"EDEADLK", EDEADLK},
    {"ENOTCONN", ENOTCONN},
    {"EDESTADDRREQ", EDESTADDRREQ},
    {"ELIBSCN", ELIBSCN},
    {"ENOLCK", ENOLCK},
    {"EISNAM", EISNAM},
    {"ECONNABORTED", ECONNABORTED},
    {"ENETUNREACH", ENETUNREACH},
    {"ESTALE", ESTALE},
    {"ENOSR", ENOSR},
    {"ENOMEM", ENOMEM},
    {"ENOTSOCK", ENOTSOCK},
    {"ESTRPIPE", ESTRPIPE},
    {"EMLINK", EMLINK},
    {"ERANGE", ERANGE},
    {"ELIBEXEC", ELIBEXEC},
    {"EL3HLT", EL3HLT},
    {"ECONNRESET", ECONNRESET},
    {"EADDRINUSE", EADDRINUSE},
    {"EOPNOTSUPP", EOPNOTSUPP},
    {"EREMCHG", EREMCHG},
    {"EAGAIN", EAGAIN},
    {"ENAMETOOLONG", ENAMETOOLONG},
    {"ENOTTY", ENOTTY},
    {"ERESTART", ERESTART},
    {"ESOCKTNOSUPPORT", ESOCKTNOSUPPORT},
    {"ETIME", ETIME},
    {"EBFONT", EBFONT},
    {"EDEADLOCK", EDEADLOCK},
    {"ETOOMANYREFS", ETOOMANYREFS},
    {"EMFILE", EMFILE},
    {"ETXTBSY", ETXTBSY},
    {"EINPROGRESS", EINPROGRESS},
    {"ENXIO", ENXIO},
    {"ENOPKG", ENOPKG},
    {"ENOMEDIUM", ENOMEDIUM},
    {"EMEDIUMTYPE", EMEDIUMTYPE},
    {"ECANCELED", ECANCELED},
    {"ENOKEY", ENOKEY},
    {"EKEYEXPIRED", EKEYEXPIRED},
    {"EKEYREVOKED", EKEYREVOKED},
    {"EKEYREJECTED", EKEYREJECTED},
    {"EOWNERDEAD", EOWNERDEAD},
    {"ENOTRECOVERABLE", ENOTRECOVERABLE},
    {"ERFKILL", ERFKILL},
    {"ENOTSUP", ENOTSUP},
};

// The OSError subclass CPython 3.11's OSError(errno, ...) makes for an error
// number (exceptions.c's ADD_ERRNO table).
struct ErrnoSubclass {
  int value;
  const char* type_name;
};

constexpr ErrnoSubclass kErrnoSubclasses[] = {
    {EAGAIN, "BlockingIOError"},
    {EALREADY, "BlockingIOError"},
    {EINPROGRESS, "BlockingIOError"},
    {EWOULDBLOCK, "BlockingIOError"},
    {EPIPE, "BrokenPipeError"},
    {ESHUTDOWN, "BrokenPipeError"},
    {ECHILD, "ChildProcessError"},
    {ECONNABORTED, "ConnectionAbortedError"},
    {ECONNREFUSED, "ConnectionRefusedError"},
    {ECONNRESET, "ConnectionResetError"},
    {EEXIST, "FileExistsError"},
    {ENOENT, "FileNotFoundError"},
    {EISDIR, "IsADirectoryError"},
    {ENOTDIR, "NotADirectoryError"},
    {EINTR, "InterruptedError"},
    {EACCES, "PermissionError"},
    {EPERM, "PermissionError"},
    {ESRCH, "ProcessLookupError"},
    {ETIMEDOUT, "TimeoutError"},
};

} // namespace

const char* os_error_subclass_name(int64_t code) {
  for (const ErrnoSubclass& e : kErrnoSubclasses)
    if (e.value == code) return e.type_name;
  return nullptr;
}

Module* make_errno_module() {
  Module* m = new_module("errno");
  Dict* errorcode = new_dict();
  for (const ErrnoName& e : kErrnoNames) {
    Value name = Value::object(intern(e.name));
    add_value(m, e.name, Value::small_int(e.value));
    dict_set(errorcode, Value::small_int(e.value), name);
  }
  add_value(m, "errorcode", Value::object(errorcode));
  return m;
}

} // namespace tributary::lib
