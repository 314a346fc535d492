import os
cwd = os.getcwd()
print(type(cwd).__name__, os.path.isabs(cwd), os.path.isdir(cwd), os.path.abspath('.') == cwd)
print(os.sep, repr(os.linesep), os.name, os.curdir, os.pardir)
print(isinstance(os.getpid(), int), os.getenv('TRIB_SURELY_UNSET_VAR'), os.getenv('TRIB_SURELY_UNSET_VAR', 'dflt'))
print('PATH' in os.environ, type(os.environ.get('PATH', '')).__name__)
print(os.path.exists(cwd), os.path.exists(cwd + '/__nope__'), os.path.isfile(__file__), os.path.basename(__file__))
