import os.path as p
for f in ['a/b', '/a/b/', 'a', '', '/', 'a.b.c', '.bashrc', 'a/.b', 'x/y.tar.gz', '/x/..hidden.txt', 'dir.d/file']:
    print(repr(f), repr(p.basename(f)), repr(p.dirname(f)), p.splitext(f), p.split(f))
print(p.join('a', 'b'), p.join('a/', 'b'), p.join('a', '/b'), p.join('', 'x'), p.join('a', ''), p.join('a', 'b', 'c'))
for n in ['a//b/../c/./d', '', '/..', '//a', '///a', 'a/..', '../x', '/a/b/../../..', 'a/b/']:
    print(repr(n), p.normpath(n))
print(p.isabs('/x'), p.isabs('x'), p.abspath('/a/./b/../c'), p.sep, p.extsep)
