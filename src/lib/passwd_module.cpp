// passwd_module.cpp — `pwd` and `grp`: the password and group databases
// (getpass.getuser, pathlib's ~user, shutil.chown, tarfile's owner names), on
// the C library's getpwuid_r/getpwnam_r/getgrgid_r/getgrnam_r and
// getpwent/getgrent, with CPython's struct sequences and KeyError messages.
#include <grp.h>
#include <pwd.h>

#include <cerrno>
#include <string>
#include <vector>

#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"

namespace tributary::lib {

namespace {

Value g_passwd_type = Value::empty(), g_group_type = Value::empty(); // struct sequence types (static: GC roots)

Value passwd_value(const passwd& p) {
  Value items[7] = {str_value(p.pw_name), str_value(p.pw_passwd), make_int(int64_t{p.pw_uid}),
                    make_int(int64_t{p.pw_gid}), str_value(p.pw_gecos ? p.pw_gecos : ""), str_value(p.pw_dir),
                    str_value(p.pw_shell)};
  return call(g_passwd_type, Args{items, 7});
}

Value group_value(const group& g) {
  List* members = new_list();
  for (char** m = g.gr_mem; m && *m; ++m) list_append(members, str_value(*m));
  Value items[4] = {str_value(g.gr_name), str_value(g.gr_passwd ? g.gr_passwd : ""), make_int(int64_t{g.gr_gid}),
                    Value::object(members)};
  return call(g_group_type, Args{items, 4});
}

[[noreturn]] void key_error(const std::string& msg) {
  Value m = str_value(msg);
  raise(Value::object(new_exception(&types::key_error, std::span<const Value>(&m, 1))));
}

int64_t id_arg(Value v, const char* what) {
  if (!is_integer(v)) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
  auto id = int_as_i64(v);
  if (!id || *id < -1 || *id > 0xffffffffLL) key_error(what); // (no such id can exist)
  return *id;
}

std::string name_arg(Value v, const char* fname) {
  if (!is_str(v)) raise_fmt(types::type_error, "{}() argument must be str, not {}", fname, tname(v));
  std::string s(v.as<Str>()->view());
  if (s.find('\0') != std::string::npos) raise(types::value_error, "embedded null character");
  return s;
}

Value pw_getpwuid(Value, const Args& a) {
  check_one(a, "getpwuid");
  int64_t uid = id_arg(a[0], "getpwuid(): uid not found");
  passwd p, *res = nullptr;
  std::vector<char> buf(16384);
  ::getpwuid_r(static_cast<uid_t>(uid), &p, buf.data(), buf.size(), &res);
  if (!res) key_error(fmt::format("getpwuid(): uid not found: {}", uid));
  return passwd_value(p);
}

Value pw_getpwnam(Value, const Args& a) {
  check_one(a, "getpwnam");
  std::string name = name_arg(a[0], "getpwnam");
  passwd p, *res = nullptr;
  std::vector<char> buf(16384);
  ::getpwnam_r(name.c_str(), &p, buf.data(), buf.size(), &res);
  if (!res) key_error("getpwnam(): name not found: '" + name + "'");
  return passwd_value(p);
}

Value pw_getpwall(Value, const Args& a) {
  check_none(a, "getpwall");
  List* out = new_list();
  ::setpwent();
  while (passwd* p = ::getpwent()) list_append(out, passwd_value(*p));
  ::endpwent();
  return Value::object(out);
}

Value gr_getgrgid(Value, const Args& a) {
  check_one(a, "getgrgid");
  int64_t gid = id_arg(a[0], "getgrgid(): gid not found");
  group g, *res = nullptr;
  std::vector<char> buf(65536);
  ::getgrgid_r(static_cast<gid_t>(gid), &g, buf.data(), buf.size(), &res);
  if (!res) key_error(fmt::format("getgrgid(): gid not found: {}", gid));
  return group_value(g);
}

Value gr_getgrnam(Value, const Args& a) {
  check_one(a, "getgrnam");
  std::string name = name_arg(a[0], "getgrnam");
  group g, *res = nullptr;
  std::vector<char> buf(65536);
  ::getgrnam_r(name.c_str(), &g, buf.data(), buf.size(), &res);
  if (!res) key_error("getgrnam(): name not found: '" + name + "'");
  return group_value(g);
}

Value gr_getgrall(Value, const Args& a) {
  check_none(a, "getgrall");
  List* out = new_list();
  ::setgrent();
  while (group* g = ::getgrent()) list_append(out, group_value(*g));
  ::endgrent();
  return Value::object(out);
}

} // namespace

Module* make_pwd_module() {
  Module* m = new_module("pwd");
  if (g_passwd_type.is_empty())
    g_passwd_type = struct_sequence_type("pwd", "struct_passwd", "pw_name pw_passwd pw_uid pw_gid pw_gecos pw_dir pw_shell");
  add_value(m, "struct_passwd", g_passwd_type);
  add_function(m, "getpwuid", pw_getpwuid);
  add_function(m, "getpwnam", pw_getpwnam);
  add_function(m, "getpwall", pw_getpwall);
  return m;
}

Module* make_grp_module() {
  Module* m = new_module("grp");
  if (g_group_type.is_empty()) g_group_type = struct_sequence_type("grp", "struct_group", "gr_name gr_passwd gr_gid gr_mem");
  add_value(m, "struct_group", g_group_type);
  add_function(m, "getgrgid", gr_getgrgid);
  add_function(m, "getgrnam", gr_getgrnam);
  add_function(m, "getgrall", gr_getgrall);
  return m;
}

} // namespace tributary::lib
