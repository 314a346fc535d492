// main.cpp — the `tributary` command: option parsing, running a script or
// `-c` code, and turning uncaught Python exceptions into CPython-style output.
#include <cerrno>
#include <climits>
#include <malloc.h>
#include <cstdio>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/compiler.h"
#include "frontend/lexer.h"
#include "backends/backend.h"
#include "vm/code_cache.h"
#include "vm/exec.h"
#include "vm/jit_hooks.h"
#include "jit/jit.h"
#include "jit/opt/pipeline.h"
#include "regions/engine.h"
#include "regions/merge_policy.h"
#include "frontend/parser.h"
#include "lib/lib.h"
#include "lib/modules.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/ops.h"
#include "runtime/str.h"
#include "tributary_config.h"
#include "vm/dis.h"
#include "vm/interp.h"

namespace tributary {
void init_runtime_types();
} // namespace tributary

namespace {

using namespace tributary;

constexpr const char* kUsage = "usage: tributary [options] (script.py | -c code) [args...]";

constexpr const char* kHelp = R"(usage: tributary [options] (script.py | -c code) [args...]

Run a Python script (a subset of Python 3.11) on Tributary's interpreter and
trace-and-region JIT.

options:
  -c CODE          run CODE as the __main__ module (remaining args go to sys.argv[1:])
  --jit=on|off     enable or disable the JIT (default: on)
  --jit-param P    JIT parameters, P = name=value[,name=value...] (see below)
  --merge=POLICY   path-merging policy (default: generalize); available: @POLICIES@
  --backend=NAME   code generator (default: @BACKEND@); available: @BACKENDS@
  --jit-stats=json:FILE  write JIT statistics as JSON to FILE ('-' for stdout)
  --dump-regions=DIR     write a Graphviz .dot (and .svg with `dot`) per compiled region
  --perf-map       name every compiled trace for perf in /tmp/perf-PID.map (as TRIBUTARY_LOG=perf-map)
  --gdb-jit        describe every compiled trace to GDB (its JIT interface: names in backtraces)
  --jit-disable=PASSES   skip optimizer passes (comma-separated: @PASSES@)
                   — correctness must not depend on any of them
  --dis            print the bytecode of the script instead of running it
  -B               do not write imported modules' compiled code to the code cache
  -W ARG           warning control (action:message:category:module:lineno), as CPython's; repeatable
  -X importtime    print each import's own and cumulative time in microseconds to stderr (CPython's format)
  -h, --help       show this help and exit
  --version        show the version and exit

environment:
  TRIBUTARY_NO_CACHE=1  no compiled-code cache for imported modules ($XDG_CACHE_HOME/tributary)
  PYTHONPROFILEIMPORTTIME=1  as -X importtime
  PYTHONWARNINGS   comma-separated -W options (before those of the command line)
  TRIBUTARY_LOG    JIT logging, channel:dest[,channel:dest...]; channels: jit-summary
                   (statistics at exit), jit-trace (IR of every trace), region (every
                   bridge/merge/widen/re-form decision with its reason), perf-map (as
                   --perf-map, no dest); dest '-' is stderr

JIT parameters (--jit-param):
)";

struct Options {
  std::string program; // argv[0], which CPython's command-line errors start with
  std::string script;
  std::string command;
  bool has_command = false;
  bool perf_map = false;
  bool gdb_jit = false;
  bool dis = false;
  bool import_time = false;
  std::vector<std::string> warnoptions; // -W, in order
  bool jit = true;
  std::string jit_params;
  std::string stats_file;
  std::string disabled_passes;
  std::string dump_regions;
  regions::PolicySpec policy;
  std::string backend = backends::default_backend();
  std::vector<std::string> argv;
};

[[noreturn]] void usage_error(const std::string& msg) {
  std::fprintf(stderr, "%s\ntributary: error: %s\n", kUsage, msg.c_str());
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options o;
  o.program = argc > 0 ? argv[0] : "tributary";
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-h" || a == "--help") {
      std::string help = kHelp;
      size_t at = help.find("  --backend=NAME");
      help.insert(at, regions::policy_help());
      help.replace(help.find("@POLICIES@"), 10, regions::policy_names());
      help.replace(help.find("@PASSES@"), 8, jit::pass_names());
      help.replace(help.find("@BACKENDS@"), 10, backends::backend_names());
      help.replace(help.find("@BACKEND@"), 9, backends::default_backend());
      std::fputs(help.c_str(), stdout);
      std::fputs(jit::params_help().c_str(), stdout);
      std::exit(0);
    } else if (a == "--version") {
      std::printf("tributary %s\nbackends: %s%s\n", TRIBUTARY_VERSION, backends::backend_names().c_str(),
                  backends::mir_built() ? "" : " (MIR not found at build time: mir and tiered skipped)");
      std::exit(0);
    } else if (a == "-B") {
      vm::set_code_cache_writes(false);
    } else if (a == "-W" || (a.rfind("-W", 0) == 0 && a.size() > 2)) {
      if (a.size() == 2 && i + 1 >= argc) usage_error("argument -W: expected one argument");
      o.warnoptions.push_back(a.size() > 2 ? a.substr(2) : argv[++i]);
    } else if (a == "-X" || (a.rfind("-X", 0) == 0 && a.size() > 2)) {
      std::string v = a.size() > 2 ? a.substr(2) : (i + 1 < argc ? argv[++i] : "");
      if (v.empty()) usage_error("argument -X: expected one argument");
      if (v == "importtime") o.import_time = true;
      else usage_error("argument -X: unsupported option '" + v + "' (supported: importtime)");
    } else if (a == "-c") {
      if (i + 1 >= argc) usage_error("argument -c: expected one argument");
      o.command = argv[++i];
      o.has_command = true;
      ++i;
      break;
    } else if (a.rfind("--jit=", 0) == 0) {
      std::string v = a.substr(6);
      if (v == "on") o.jit = true;
      else if (v == "off") o.jit = false;
      else usage_error("argument --jit: invalid choice '" + v + "' (choose from 'on', 'off')");
    } else if (a == "--jit-param" || a.rfind("--jit-param=", 0) == 0) {
      std::string v;
      if (a == "--jit-param") {
        if (i + 1 >= argc) usage_error("argument --jit-param: expected one argument");
        v = argv[++i];
      } else {
        v = a.substr(12);
      }
      jit::Params probe;
      std::string err = jit::parse_params(v, probe);
      if (!err.empty()) usage_error("argument --jit-param: " + err);
      o.jit_params += (o.jit_params.empty() ? "" : ",") + v;
    } else if (a.rfind("--merge=", 0) == 0) {
      std::string err;
      auto spec = regions::parse_policy(a.substr(8), err);
      if (!spec) usage_error("argument --merge: " + err);
      o.policy = *spec;
    } else if (a.rfind("--backend=", 0) == 0) {
      std::string v = a.substr(10);
      if (!backends::make_backend(v))
        usage_error("argument --backend: invalid choice '" + v + "' (choose from " + backends::backend_names() + ")");
      o.backend = v;
    } else if (a == "--perf-map") {
      o.perf_map = true;
    } else if (a == "--gdb-jit") {
      o.gdb_jit = true;
    } else if (a.rfind("--dump-regions=", 0) == 0) {
      o.dump_regions = a.substr(15);
    } else if (a.rfind("--jit-disable=", 0) == 0) {
      o.disabled_passes = a.substr(14);
      if (std::string bad = jit::unknown_pass(o.disabled_passes); !bad.empty())
        usage_error("argument --jit-disable: invalid choice '" + bad + "' (choose from " + jit::pass_names() + ")");
    } else if (a.rfind("--jit-stats=", 0) == 0) {
      std::string v = a.substr(12);
      if (v.rfind("json:", 0) != 0 || v.size() == 5) usage_error("argument --jit-stats: expected json:FILE");
      o.stats_file = v.substr(5);
    } else if (a == "--dis") {
      o.dis = true;
    } else if (a == "--") {
      ++i;
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      usage_error("unrecognized option '" + a + "'");
    } else {
      break;
    }
  }
  if (o.has_command) {
    o.argv.push_back("-c");
  } else {
    if (i >= argc) usage_error("no script given");
    o.script = argv[i++];
    o.argv.push_back(o.script);
  }
  for (; i < argc; ++i) o.argv.push_back(argv[i]);
  return o;
}

void flush_stdout() { lib::stream_flush(lib::std_stream(1)); }

void print_syntax_error(const frontend::SyntaxErrorInfo& e) {
  flush_stdout();
  if (e.line <= 0) {
    // No location (source too deep to compile, not UTF-8): CPython prints the message alone.
    std::string line = e.msg.empty() ? e.kind : e.kind + ": " + e.msg;
    std::fputs((line + "\n").c_str(), stderr);
    return;
  }
  std::string out = fmt::format("  File \"{}\", line {}\n", e.filename, e.line);
  if (e.col < 0) {
    out += "    " + e.text + "\n"; // the line, without a caret (null bytes)
  } else if (!e.text.empty()) {
    std::string text = e.text;
    size_t strip = text.find_first_not_of(" \t\f");
    if (strip == std::string::npos) strip = text.size();
    std::string shown = text.substr(strip);
    while (!shown.empty() && (shown.back() == '\n' || shown.back() == '\r' || shown.back() == ' ')) shown.pop_back();
    out += "    " + shown + "\n";
    // Columns are code points; CPython counts carets the same way.
    int col = std::max(1, e.col - static_cast<int>(strip));
    int width = (e.end_col > e.col) ? e.end_col - e.col : 1;
    out += "    " + std::string(col - 1, ' ') + std::string(width, '^') + "\n";
  }
  out += e.kind + ": " + e.msg + "\n";
  std::fputs(out.c_str(), stderr);
}

int exit_code_for_system_exit(Value exc) {
  auto* e = exc.as<ExceptionObj>();
  Value code = e->args && e->args->size > 0 ? e->args->items[0] : Value::none();
  if (e->args && e->args->size > 1) code = Value::object(e->args);
  if (code.is_none()) return 0;
  if (is_int(code)) return static_cast<int>(int_as_i64(code).value_or(1) & 0xFF);
  flush_stdout();
  std::fprintf(stderr, "%s\n", str_string(code).c_str());
  return 1;
}

// `path` made absolute against the current directory, not normalized (as CPython shows it).
std::string absolute_path(const std::string& path) {
  char cwd[PATH_MAX];
  if (path.empty() || path[0] == '/' || !::getcwd(cwd, sizeof cwd)) return path;
  return path == "." ? std::string(cwd) : std::string(cwd) + "/" + path;
}

int run(const Options& o) {
  std::string source, filename;
  std::string script = o.script;      // the file to run (a directory's __main__.py)
  std::string script_dir;             // sys.path[0]: the script's directory
  if (o.has_command) {
    source = o.command;
    filename = "<string>";
  } else {
    // CPython names the script by its absolute path in these messages.
    std::string shown = absolute_path(o.script);
    struct stat st;
    if (::stat(o.script.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      // A directory runs its __main__.py, as CPython's runpy does.
      if (::access((o.script + "/__main__.py").c_str(), F_OK) != 0) {
        std::fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", o.program.c_str(), shown.c_str());
        return 1;
      }
      script = o.script + "/__main__.py";
      script_dir = o.script;
    }
    errno = 0;
    std::ifstream in(script, std::ios::binary);
    if (!in) {
      int err = errno ? errno : ENOENT;
      std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", o.program.c_str(), shown.c_str(), err,
                   std::strerror(err));
      return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    source = ss.str();
    filename = absolute_path(script); // (CPython 3.9+: tracebacks and co_filename name the script absolutely)
  }

  vm::Vm& vm = vm::state();
  vm.jit_enabled = o.jit;
  jit::JitState& jit = jit::jit();
  if (o.jit) {
    // Every compilation builds and frees the backend's working memory (tens
    // of MB over a run of a few hundred compilations); glibc returned it to
    // the kernel each time and the next compilation page-faulted it back:
    // half of asmjit's time on deltablue (0.24 -> 0.12 s). Keep it.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
  }
  jit::parse_params(o.jit_params, jit.params);
  jit.disabled_passes = o.disabled_passes;
  jit.dump_regions = o.dump_regions;
  std::unique_ptr<backends::Backend> backend = backends::make_backend(o.backend);
  backend->configure({jit.params.mir_level, jit.params.backend_fail_every});
  if (backend->tiered() && jit.params.tier_up > 0) jit.tier_up_entries = static_cast<uint64_t>(jit.params.tier_up);
  jit.engine = regions::make_engine(jit, o.policy, std::move(backend));
  jit::set_enabled(o.jit);
  if (const char* log = std::getenv("TRIBUTARY_LOG")) jit.log_spec = log;
  if (o.perf_map || jit.log_spec.find("perf-map") != std::string::npos) jit.open_perf_map();
  jit.gdb_jit = o.gdb_jit;
  if (const char* strict = std::getenv("TRIBUTARY_JIT_STRICT")) jit.strict = std::string_view(strict) == "1";
  const char* profile_imports = std::getenv("PYTHONPROFILEIMPORTTIME");
  vm.import_time = o.import_time || (profile_imports && *profile_imports);
  if (!vm.argv) vm.argv = new_list();
  for (const std::string& a : o.argv) list_append(vm.argv, str_value(a));
  // sys.warnoptions: PYTHONWARNINGS' entries, then -W's; warnings.py reads them when imported.
  std::vector<std::string> warnoptions;
  if (const char* env = std::getenv("PYTHONWARNINGS"); env && *env) {
    std::string_view rest = env;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      if (std::string_view w = rest.substr(0, comma); !w.empty()) warnoptions.emplace_back(w);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  warnoptions.insert(warnoptions.end(), o.warnoptions.begin(), o.warnoptions.end());
  Value sys_warnoptions = get_attr(Value::object(builtin_module("sys")), intern("warnoptions"));
  for (const std::string& w : warnoptions) list_append(sys_warnoptions.as<List>(), str_value(w));

  // sys.path[0]: the script's directory (as CPython), or '' for -c.
  if (!vm.path) vm.path = new_list();
  if (!o.has_command) {
    size_t slash = script.rfind('/');
    std::string dir = slash == std::string::npos ? "." : script.substr(0, slash == 0 ? 1 : slash);
    if (!script_dir.empty()) dir = script_dir;
    char resolved[PATH_MAX];
    script_dir = ::realpath(dir.c_str(), resolved) ? resolved : dir;
  }
  vm.path->items.insert(vm.path->items.begin(), str_value(script_dir));
  // CPython's pure-Python standard library, after the script's directory
  // (the native modules come before both: vm/import.cpp).
  const char* stdlib_env = std::getenv("TRIBUTARY_STDLIB");
  vm.stdlib_dir = stdlib_env ? stdlib_env : TRIBUTARY_STDLIB;
  if (*vm.stdlib_dir) {
    list_append(vm.path, str_value(vm.stdlib_dir));
    set_attr(Value::object(builtin_module("sys")), intern("_stdlib_dir"), str_value(vm.stdlib_dir));
  }

  Module* main_module = new_module("__main__");
  vm.main = main_module;
  // CPython 3.9+ makes the main script's __file__ (and its name in source errors) absolute.
  std::string main_file = absolute_path(script);
  if (!o.has_command) {
    dict_set(main_module->dict, Value::object(intern("__file__")), str_value(main_file));
  }
  dict_set(main_module->dict, Value::object(intern("__doc__")), Value::none());
  dict_set(vm.modules, Value::object(intern("__main__")), Value::object(main_module));
  int status = 0;
  try {
    if (!o.has_command) frontend::check_source_file(source, main_file);
    // As CPython, warning options import warnings before the program runs (which applies them).
    if (!warnoptions.empty()) vm::import_module(main_module->dict, intern("warnings"), Value::none(), Value::small_int(0));
    frontend::ModuleAst ast = frontend::parse_module(source, filename);
    vm::Code* code = frontend::compile_module(ast);
    if (o.dis) {
      std::fputs(vm::disassemble(code, true).c_str(), stdout);
      return 0;
    }
    vm::run_module_code(code, main_module->dict);
  } catch (frontend::SyntaxErrorException& e) {
    print_syntax_error(e.info);
    status = 1;
  } catch (const std::bad_alloc&) {
    // Parsing or compiling ran out of memory (no Python frame to catch it).
    flush_stdout();
    std::fputs(format_traceback(memory_error_value()).c_str(), stderr);
    status = 1;
  } catch (PyException& e) {
    if (type_of(e.exc) == &types::system_exit) {
      status = exit_code_for_system_exit(e.exc);
    } else {
      flush_stdout();
      std::fputs(format_traceback(e.exc).c_str(), stderr);
      status = 1;
    }
  }
  try {
    lib::run_atexit_callbacks();
  } catch (PyException& e) {
    // (A failing sys.stderr while reporting a callback's exception.)
    std::fputs(format_traceback(e.exc).c_str(), stderr);
  }
  flush_stdout();
  jit.write_logs();
  jit.dump_region_files();
  if (!o.stats_file.empty()) {
    std::string json = jit.stats_json();
    if (o.stats_file == "-") {
      std::fputs(json.c_str(), stdout);
    } else if (FILE* fp = std::fopen(o.stats_file.c_str(), "w")) {
      std::fputs(json.c_str(), fp);
      std::fclose(fp);
    }
  }
  return status;
}

} // namespace

namespace {

// The interpreter recurses on the C stack (one activation per Python frame),
// so it runs on a thread with a stack large enough for the recursion limit
// even in sanitizer builds, whose frames are several times larger.
constexpr size_t kInterpreterStack = size_t(512) << 20;

struct RunArgs {
  const Options* options;
  int status;
};

void* interpreter_thread(void* p) {
  auto* args = static_cast<RunArgs*>(p);
  args->status = run(*args->options);
  return nullptr;
}

} // namespace

int main(int argc, char** argv) {
  Options o = parse_options(argc, argv);
  gc::init();
  init_runtime_types();
  init_lib();
  vm::state().c_stack_bytes = kInterpreterStack - (size_t(32) << 20);
  RunArgs args{&o, 0};
  if (!gc::run_on_large_stack(interpreter_thread, &args, kInterpreterStack)) {
    vm::state().c_stack_bytes = 6u << 20; // no thread: stay within the default 8 MB stack
    interpreter_thread(&args);
  }
  return args.status;
}
