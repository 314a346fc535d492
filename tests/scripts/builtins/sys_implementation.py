# sys.implementation: the attributes CPython has (the name is the
# implementation's own, so it is not printed).
import sys

impl = sys.implementation
print(type(impl).__name__, sorted(vars(impl)))
print(isinstance(impl.name, str), impl.name == impl.name.lower())
print(impl.version == sys.version_info, impl.version[:2], impl.version.major)
print(impl.hexversion == sys.hexversion, hex(sys.hexversion)[:6])
print(impl.cache_tag is None or isinstance(impl.cache_tag, str))
print(isinstance(impl._multiarch, str))
print(repr(sys.version_info)[:40])
