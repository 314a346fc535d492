// time_module.cpp — `time`: the clocks, sleep, and calendar time through the C
// library (gmtime, localtime, mktime, strftime, asctime, ctime; strptime is
// CPython's _strptime), with CPython's argument checks and messages.
//
// struct_time is a named tuple of the nine visible fields (module "time",
// CPython's repr). Its tm_zone and tm_gmtoff live in two more slots of the
// same Tuple allocation, past `size`: indexing, len and iteration see nine
// items, the two properties read the hidden ones (the collector scans the
// whole allocation, so they stay alive).
#include <time.h>

#include <chrono>
#include <cmath>
#include <string>
#include <thread>

#include "lib/builtins.h"
#include "lib/lib.h"
#include "lib/native.h"
#include "runtime/containers.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "vm/exec.h"
#include "vm/interp.h"

namespace tributary::lib {

namespace {

// ---- time --------------------------------------------------------------------------

int64_t clock_ns(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// time(), perf_counter(), monotonic(), process_time() and their _ns forms:
// one clock each, read as float seconds or int nanoseconds. The function's
// bound value is its index here.
struct Clock {
  const char* name;     // in time
  const char* qualname; // for argument errors
  clockid_t id;
  bool ns;
};
constexpr Clock kClocks[] = {
    {"time", "time.time", CLOCK_REALTIME, false},
    {"time_ns", "time.time_ns", CLOCK_REALTIME, true},
    {"perf_counter", "time.perf_counter", CLOCK_MONOTONIC, false},
    {"perf_counter_ns", "time.perf_counter_ns", CLOCK_MONOTONIC, true},
    {"monotonic", "time.monotonic", CLOCK_MONOTONIC, false},
    {"monotonic_ns", "time.monotonic_ns", CLOCK_MONOTONIC, true},
    {"process_time", "time.process_time", CLOCK_PROCESS_CPUTIME_ID, false},
    {"process_time_ns", "time.process_time_ns", CLOCK_PROCESS_CPUTIME_ID, true},
};

Value read_clock(Value self, const Args& a) {
  const Clock& c = kClocks[self.as_small_int()];
  check_none(a, c.qualname);
  const int64_t ns = clock_ns(c.id);
  return c.ns ? make_int(ns) : Value::from_double(static_cast<double>(ns) * 1e-9);
}

// get_clock_info(name): a namespace(implementation, monotonic, adjustable,
// resolution) as CPython's for the clocks above (time: clock_gettime).
Value time_get_clock_info(Value, const Args& a) {
  check_one(a, "get_clock_info");
  if (!is_str(a[0])) raise_fmt(types::type_error, "get_clock_info() argument 1 must be str, not {}", tname(a[0]));
  std::string_view name = a[0].as<Str>()->view();
  const Clock* c = nullptr;
  for (const Clock& k : kClocks)
    if (!k.ns && name == k.name) c = &k;
  if (!c) raise(types::value_error, "unknown clock");
  timespec res{};
  ::clock_getres(c->id, &res);
  const char* impl = c->id == CLOCK_REALTIME    ? "clock_gettime(CLOCK_REALTIME)"
                     : c->id == CLOCK_MONOTONIC ? "clock_gettime(CLOCK_MONOTONIC)"
                                                : "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
  Value sys = dict_get(vm::state().modules, Value::object(intern("sys")));
  Value ns_type = Value::object(type_of(get_attr(sys, intern("implementation"))));
  Value info = call(ns_type, Args{});
  set_attr(info, intern("implementation"), str_value(impl));
  set_attr(info, intern("monotonic"), Value::boolean(c->id != CLOCK_REALTIME));
  set_attr(info, intern("adjustable"), Value::boolean(c->id == CLOCK_REALTIME));
  set_attr(info, intern("resolution"),
           Value::from_double(static_cast<double>(res.tv_sec) + static_cast<double>(res.tv_nsec) * 1e-9));
  return info;
}

Value time_sleep(Value, const Args& a) {
  check_one(a, "time.sleep");
  double s;
  if (is_float(a[0]))
    s = float_value(a[0]);
  else if (is_integer(a[0]))
    s = int_to_double(a[0]);
  else
    raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(a[0]));
  if (std::isnan(s)) raise(types::value_error, "Invalid value NaN (not a number)");
  if (s < 0) raise(types::value_error, "sleep length must be non-negative");
  flush_std_streams();
  std::this_thread::sleep_for(std::chrono::duration<double>(s));
  return Value::none();
}

// ---- struct_time ------------------------------------------------------------------

constexpr size_t kVisible = 9, kAll = 11;
constexpr const char* kFields[kAll] = {"tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min",   "tm_sec",
                                       "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};

Type* struct_time_type = nullptr;

// A struct_time of 9 to 11 values (the missing hidden ones None).
Value new_struct_time(std::span<const Value> v) {
  Tuple* t = new_tuple(kAll);
  for (size_t i = 0; i < kAll; ++i)
    t->items[i] = i < v.size() ? v[i] : Value::none();
  t->size = kVisible;
  t->type = struct_time_type;
  return Value::object(t);
}

// time.struct_time(sequence): structseq_new's checks.
Value struct_time_new(Value, const Args& a) {
  Value p[2];
  bind_args(a, "struct_time", {"sequence", "dict"}, 1, p);
  Tuple* seq = tuple_from_iterable(p[0]);
  if (seq->size < kVisible)
    raise_fmt(types::type_error, "time.struct_time() takes an at least 9-sequence ({}-sequence given)", seq->size);
  if (seq->size > kAll)
    raise_fmt(types::type_error, "time.struct_time() takes an at most 11-sequence ({}-sequence given)", seq->size);
  return new_struct_time(seq->span());
}

Value struct_time_repr(Value, const Args& a) {
  check_one(a, "struct_time.__repr__");
  Value self = a[0];
  if (type_of(self) != struct_time_type) raise_type_error("descriptor '__repr__' requires a 'time.struct_time' object");
  std::string out = "time.struct_time(";
  Tuple* t = self.as<Tuple>();
  for (size_t i = 0; i < kVisible; ++i) {
    if (i) out += ", ";
    out += kFields[i];
    out += '=';
    out += repr_string(t->items[i]);
  }
  return str_value(out + ")");
}

Value struct_time_hidden(Value index, const Args& a) {
  Value self = a[0];
  if (type_of(self) != struct_time_type) raise_type_error("descriptor requires a 'time.struct_time' object");
  return self.as<Tuple>()->items[index.as_small_int()];
}

void make_struct_time_type(Module* m) {
  std::string fields;
  for (size_t i = 0; i < kVisible; ++i)
    fields += std::string(kFields[i]) + " ";
  Value nt_args[3] = {str_value("struct_time"), str_value(fields), str_value("time")};
  Value module_kw = Value::object(intern("module"));
  Value type = namedtuple_function(Value::empty(), Args{nt_args, 2, &module_kw, &nt_args[2], 1});
  struct_time_type = type.as<Type>();
  struct_time_type->construct = struct_time_new;
  add_attr(*struct_time_type, "__repr__", new_native("__repr__", struct_time_repr));
  for (size_t i = kVisible; i < kAll; ++i) {
    auto* p = gc::make<Property>();
    p->type = &types::property;
    p->fget = new_native(kFields[i], struct_time_hidden, Value::small_int(static_cast<int64_t>(i)));
    add_attr(*struct_time_type, kFields[i], Value::object(p));
  }
  add_attr(*struct_time_type, "n_sequence_fields", Value::small_int(kVisible));
  add_attr(*struct_time_type, "n_fields", Value::small_int(kAll));
  add_value(m, "_STRUCT_TM_ITEMS", Value::small_int(kAll));
  add_value(m, "struct_time", type);
}

Value from_tm(const tm& t) {
  Value v[kAll] = {make_int(int64_t{t.tm_year} + 1900),   Value::small_int(t.tm_mon + 1),  Value::small_int(t.tm_mday),
                   Value::small_int(t.tm_hour),           Value::small_int(t.tm_min),      Value::small_int(t.tm_sec),
                   Value::small_int((t.tm_wday + 6) % 7), Value::small_int(t.tm_yday + 1), Value::small_int(t.tm_isdst),
                   str_value(t.tm_zone ? t.tm_zone : ""), make_int(int64_t{t.tm_gmtoff})};
  return new_struct_time(v);
}

int small_c_int(Value v) {
  int64_t i = arg_index(v);
  if (i > INT32_MAX || i < INT32_MIN) raise(types::overflow_error, "signed integer is greater than maximum");
  return static_cast<int>(i);
}

// gettmarg: a 9-tuple or struct_time as a C struct tm (with `zone` holding
// the text tm_zone points to); `fn` names the function in the message.
tm to_tm(Value v, std::string& zone, const char* fn) {
  if (!is_tuple(v)) raise_type_error("Tuple or struct_time argument required");
  Tuple* t = v.as<Tuple>();
  if (t->size != kVisible) raise_fmt(types::type_error, "{}(): illegal time tuple argument", fn);
  tm r{};
  int64_t year = arg_index(t->items[0]);
  if (year - 1900 > INT32_MAX || year - 1900 < INT32_MIN) raise(types::overflow_error, "year out of range");
  r.tm_year = static_cast<int>(year - 1900);
  r.tm_mon = small_c_int(t->items[1]) - 1;
  r.tm_mday = small_c_int(t->items[2]);
  r.tm_hour = small_c_int(t->items[3]);
  r.tm_min = small_c_int(t->items[4]);
  r.tm_sec = small_c_int(t->items[5]);
  r.tm_wday = (small_c_int(t->items[6]) + 1) % 7;
  r.tm_yday = small_c_int(t->items[7]) - 1;
  r.tm_isdst = small_c_int(t->items[8]);
  if (type_of(v) == struct_time_type) {
    if (is_str(t->items[9])) {
      zone = str_string(t->items[9]);
      r.tm_zone = zone.c_str();
    }
    if (!t->items[10].is_none()) r.tm_gmtoff = arg_index(t->items[10]);
  }
  return r;
}

// checktm as time.strftime/asctime apply it (zero fields become their minimum).
void check_tm(tm& t) {
  if (t.tm_mon == -1)
    t.tm_mon = 0;
  else if (t.tm_mon < 0 || t.tm_mon > 11)
    raise(types::value_error, "month out of range");
  if (t.tm_mday == 0)
    t.tm_mday = 1;
  else if (t.tm_mday < 0 || t.tm_mday > 31)
    raise(types::value_error, "day of month out of range");
  if (t.tm_hour < 0 || t.tm_hour > 23) raise(types::value_error, "hour out of range");
  if (t.tm_min < 0 || t.tm_min > 59) raise(types::value_error, "minute out of range");
  if (t.tm_sec < 0 || t.tm_sec > 61) raise(types::value_error, "seconds out of range");
  if (t.tm_wday < 0) raise(types::value_error, "day of week out of range");
  if (t.tm_yday == -1)
    t.tm_yday = 0;
  else if (t.tm_yday < 0 || t.tm_yday > 365)
    raise(types::value_error, "day of year out of range");
}

// A timestamp argument (None: now) as time_t, rounded towards minus infinity.
time_t to_time_t(const Args& a, const char* name) {
  check_takes(a, name, 0, 1);
  no_kwargs(a, name);
  if (a.npos == 0 || a[0].is_none()) return ::time(nullptr);
  Value v = a[0];
  if (is_float(v)) {
    double d = float_value(v);
    if (std::isnan(d)) raise(types::value_error, "Invalid value NaN (not a number)");
    d = std::floor(d);
    if (!(d >= -9.2e18 && d <= 9.2e18)) raise(types::overflow_error, "timestamp out of range for platform time_t");
    return static_cast<time_t>(d);
  }
  if (!is_integer(v)) raise_fmt(types::type_error, "'{}' object cannot be interpreted as an integer", tname(v));
  return static_cast<time_t>(arg_index(v));
}

Value time_gmtime(Value, const Args& a) {
  time_t t = to_time_t(a, "gmtime");
  tm r;
  if (!gmtime_r(&t, &r)) raise(types::overflow_error, "timestamp out of range for platform time_t");
  return from_tm(r);
}

Value time_localtime(Value, const Args& a) {
  time_t t = to_time_t(a, "localtime");
  tm r;
  if (!localtime_r(&t, &r)) raise(types::overflow_error, "timestamp out of range for platform time_t");
  return from_tm(r);
}

Value time_mktime(Value, const Args& a) {
  check_one(a, "mktime");
  std::string zone;
  tm t = to_tm(a[0], zone, "mktime");
  t.tm_wday = -1; // sentinel: mktime leaves it unchanged on failure
  time_t r = ::mktime(&t);
  if (r == static_cast<time_t>(-1) && t.tm_wday == -1) raise(types::overflow_error, "mktime argument out of range");
  return Value::from_double(static_cast<double>(r));
}

Value current_local() {
  time_t now = ::time(nullptr);
  tm r;
  localtime_r(&now, &r);
  return from_tm(r);
}

Value time_strftime(Value, const Args& a) {
  check_takes(a, "strftime", 1, 2);
  no_kwargs(a, "strftime");
  if (!is_str(a[0])) raise_fmt(types::type_error, "strftime() argument 1 must be str, not {}", tname(a[0]));
  std::string zone;
  tm t = to_tm(a.npos > 1 ? a[1] : current_local(), zone, "strftime");
  check_tm(t);
  if (t.tm_isdst < -1)
    t.tm_isdst = -1;
  else if (t.tm_isdst > 1)
    t.tm_isdst = 1;
  std::string fmt = str_string(a[0]);
  if (fmt.find('\0') != std::string::npos) raise(types::value_error, "embedded null character");
  if (fmt.empty()) return str_value("");
  // An empty result is ambiguous (too small a buffer or an empty expansion):
  // CPython gives up after 256 times the format's length.
  for (size_t size = 1024;; size *= 2) {
    std::string buf(size, '\0');
    size_t n = ::strftime(buf.data(), size, fmt.c_str(), &t);
    if (n > 0 || size >= 256 * fmt.size()) return str_value(std::string_view(buf.data(), n));
  }
}

std::string asctime_text(const tm& t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return fmt::format("{} {}{:3d} {:02d}:{:02d}:{:02d} {}", kDays[t.tm_wday], kMonths[t.tm_mon], t.tm_mday, t.tm_hour,
                     t.tm_min, t.tm_sec, int64_t{t.tm_year} + 1900);
}

Value time_asctime(Value, const Args& a) {
  check_takes(a, "asctime", 0, 1);
  no_kwargs(a, "asctime");
  std::string zone;
  tm t = to_tm(a.npos ? a[0] : current_local(), zone, "asctime");
  check_tm(t);
  return str_value(asctime_text(t));
}

Value time_ctime(Value, const Args& a) {
  time_t secs = to_time_t(a, "ctime");
  tm t;
  if (!localtime_r(&secs, &t)) raise(types::overflow_error, "timestamp out of range for platform time_t");
  return str_value(asctime_text(t));
}

// strptime(string, format="%a %b %d %H:%M:%S %Y"): CPython's own _strptime.
Value time_strptime(Value, const Args& a) {
  Value mod = vm::import_module(nullptr, intern("_strptime"), Value::none(), Value::small_int(0));
  return call(get_attr(mod, intern("_strptime_time")), a);
}

// init_timezone: the zones of January and July of this year.
void add_timezone(Module* m) {
  ::tzset();
  constexpr time_t kYear = (365 * 24 + 6) * 3600;
  time_t t = (::time(nullptr) / kYear) * kYear;
  tm jan, jul;
  localtime_r(&t, &jan);
  t += kYear / 2;
  localtime_r(&t, &jul);
  int64_t janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  Value janname = str_value(jan.tm_zone), julname = str_value(jul.tm_zone);
  bool reversed = janzone < julzone; // southern hemisphere: DST in January
  add_value(m, "timezone", make_int(reversed ? julzone : janzone));
  add_value(m, "altzone", make_int(reversed ? janzone : julzone));
  add_value(m, "daylight", Value::small_int(janzone != julzone));
  Value names[2] = {reversed ? julname : janname, reversed ? janname : julname};
  add_value(m, "tzname", Value::object(new_tuple(names)));
}

} // namespace

Module* make_time_module() {
  Module* m = new_module("time");
  static const MethodDef kFunctions[] = {
      {"sleep", time_sleep},
      {"gmtime", time_gmtime},
      {"localtime", time_localtime},
      {"mktime", time_mktime},
      {"strftime", time_strftime},
      {"asctime", time_asctime},
      {"ctime", time_ctime},
      {"strptime", time_strptime},
      {"get_clock_info", time_get_clock_info},
  };
  for (const MethodDef& d : kFunctions)
    add_function(m, d.name, d.fn);
  for (size_t i = 0; i < std::size(kClocks); ++i)
    add_value(m, kClocks[i].name, new_native(kClocks[i].name, read_clock, Value::small_int(static_cast<int64_t>(i))));
  make_struct_time_type(m);
  add_timezone(m);
  return m;
}

} // namespace tributary::lib
