// errno_module.cpp — `errno`: the system's error numbers by name, from the C
// library's <cerrno>, and `errorcode` mapping each number back to a name.
//
// The names are those CPython 3.11 exports on Linux. Where two names share a
// number (EAGAIN/EWOULDBLOCK, EDEADLK/EDEADLOCK, EOPNOTSUPP/ENOTSUP) the
// alias is listed first, so errorcode keeps the name CPython's does.
#include <cerrno>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/str.h"

namespace tributary::lib {

namespace {

struct ErrnoName {
  const char* name;
  int value;
};

constexpr ErrnoName kErrnos[] = {
    {"EPERM", EPERM},
    {"ENOENT", ENOENT},
    {"ESRCH", ESRCH},
    {"EINTR", EINTR},
    {"EIO", EIO},
    {"ENXIO", ENXIO},
    {"E2BIG", E2BIG},
    {"ENOEXEC", ENOEXEC},
    {"EBADF", EBADF},
    {"ECHILD", ECHILD},
    {"EWOULDBLOCK", EWOULDBLOCK},
    {"EAGAIN", EAGAIN},
    {"ENOMEM", ENOMEM},
    {"EACCES", EACCES},
    {"EFAULT", EFAULT},
    {"ENOTBLK", ENOTBLK},
    {"EBUSY", EBUSY},
    {"EEXIST", EEXIST},
    {"EXDEV", EXDEV},
    {"ENODEV", ENODEV},
    {"ENOTDIR", ENOTDIR},
    {"EISDIR", EISDIR},
    {"EINVAL", EINVAL},
    {"ENFILE", ENFILE},
    {"EMFILE", EMFILE},
    {"ENOTTY", ENOTTY},
    {"ETXTBSY", ETXTBSY},
    {"EFBIG", EFBIG},
    {"ENOSPC", ENOSPC},
    {"ESPIPE", ESPIPE},
    {"EROFS", EROFS},
    {"EMLINK", EMLINK},
    {"EPIPE", EPIPE},
    {"EDOM", EDOM},
    {"ERANGE", ERANGE},
    {"EDEADLK", EDEADLK},
    {"EDEADLOCK", EDEADLOCK},
    {"ENAMETOOLONG", ENAMETOOLONG},
    {"ENOLCK", ENOLCK},
    {"ENOSYS", ENOSYS},
    {"ENOTEMPTY", ENOTEMPTY},
    {"ELOOP", ELOOP},
    {"ENOMSG", ENOMSG},
    {"EIDRM", EIDRM},
    {"ECHRNG", ECHRNG},
    {"EL2NSYNC", EL2NSYNC},
    {"EL3HLT", EL3HLT},
    {"EL3RST", EL3RST},
    {"ELNRNG", ELNRNG},
    {"EUNATCH", EUNATCH},
    {"ENOCSI", ENOCSI},
    {"EL2HLT", EL2HLT},
    {"EBADE", EBADE},
    {"EBADR", EBADR},
    {"EXFULL", EXFULL},
    {"ENOANO", ENOANO},
    {"EBADRQC", EBADRQC},
    {"EBADSLT", EBADSLT},
    {"EBFONT", EBFONT},
    {"ENOSTR", ENOSTR},
    {"ENODATA", ENODATA},
    {"ETIME", ETIME},
    {"ENOSR", ENOSR},
    {"ENONET", ENONET},
    {"ENOPKG", ENOPKG},
    {"EREMOTE", EREMOTE},
    {"ENOLINK", ENOLINK},
    {"EADV", EADV},
    {"ESRMNT", ESRMNT},
    {"ECOMM", ECOMM},
    {"EPROTO", EPROTO},
    {"EMULTIHOP", EMULTIHOP},
    {"EDOTDOT", EDOTDOT},
    {"EBADMSG", EBADMSG},
    {"EOVERFLOW", EOVERFLOW},
    {"ENOTUNIQ", ENOTUNIQ},
    {"EBADFD", EBADFD},
    {"EREMCHG", EREMCHG},
    {"ELIBACC", ELIBACC},
    {"ELIBBAD", ELIBBAD},
    {"ELIBSCN", ELIBSCN},
    {"ELIBMAX", ELIBMAX},
    {"ELIBEXEC", ELIBEXEC},
    {"EILSEQ", EILSEQ},
    {"ERESTART", ERESTART},
    {"ESTRPIPE", ESTRPIPE},
    {"EUSERS", EUSERS},
    {"ENOTSOCK", ENOTSOCK},
    {"EDESTADDRREQ", EDESTADDRREQ},
    {"EMSGSIZE", EMSGSIZE},
    {"EPROTOTYPE", EPROTOTYPE},
    {"ENOPROTOOPT", ENOPROTOOPT},
    {"EPROTONOSUPPORT", EPROTONOSUPPORT},
    {"ESOCKTNOSUPPORT", ESOCKTNOSUPPORT},
    {"EOPNOTSUPP", EOPNOTSUPP},
    {"ENOTSUP", ENOTSUP},
    {"EPFNOSUPPORT", EPFNOSUPPORT},
    {"EAFNOSUPPORT", EAFNOSUPPORT},
    {"EADDRINUSE", EADDRINUSE},
    {"EADDRNOTAVAIL", EADDRNOTAVAIL},
    {"ENETDOWN", ENETDOWN},
    {"ENETUNREACH", ENETUNREACH},
    {"ENETRESET", ENETRESET},
    {"ECONNABORTED", ECONNABORTED},
    {"ECONNRESET", ECONNRESET},
    {"ENOBUFS", ENOBUFS},
    {"EISCONN", EISCONN},
    {"ENOTCONN", ENOTCONN},
    {"ESHUTDOWN", ESHUTDOWN},
    {"ETOOMANYREFS", ETOOMANYREFS},
    {"ETIMEDOUT", ETIMEDOUT},
    {"ECONNREFUSED", ECONNREFUSED},
    {"EHOSTDOWN", EHOSTDOWN},
    {"EHOSTUNREACH", EHOSTUNREACH},
    {"EALREADY", EALREADY},
    {"EINPROGRESS", EINPROGRESS},
    {"ESTALE", ESTALE},
    {"EUCLEAN", EUCLEAN},
    {"ENOTNAM", ENOTNAM},
    {"ENAVAIL", ENAVAIL},
    {"EISNAM", EISNAM},
    {"EREMOTEIO", EREMOTEIO},
    {"EDQUOT", EDQUOT},
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
};

} // namespace

Module* make_errno_module() {
  Module* m = new_module("errno");
  Dict* errorcode = new_dict();
  for (const ErrnoName& e : kErrnos) {
    add_value(m, e.name, Value::small_int(e.value));
    dict_set(errorcode, Value::small_int(e.value), Value::object(intern(e.name)));
  }
  add_value(m, "errorcode", Value::object(errorcode));
  return m;
}

} // namespace tributary::lib
