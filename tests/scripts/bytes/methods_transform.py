b = b'  Hello, World!  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' !H'), b'xxhixx'.strip(b'x'), b'\t\n x \r\n'.strip())
print(b.upper(), b.lower(), b'abc'.replace(b'b', b'BB'), b'aaaa'.replace(b'a', b'b', 2), b'abc'.replace(b'', b'-'))
print(b'a,b,,c'.split(b','), b'a,b,,c'.split(b',', 1), b'  a  b c '.split(), b'a b c'.split(maxsplit=1), b''.split(), b''.split(b','))
print(b'a,b,c'.rsplit(b',', 1), b' a b c '.rsplit(None, 1), b'a::b::c'.split(b'::'), b'a::b::c'.rsplit(b'::'))
print(b'-'.join([b'a', b'b', b'c']), b''.join([]), b', '.join((b'x', bytearray(b'y'))), b'.'.join(x.encode() for x in 'abc'))
print(b'one\ntwo\r\nthree\rfour'.splitlines(), b'a\nb\n'.splitlines(True), b'k=v=w'.partition(b'='), b'k=v=w'.rpartition(b'='), b'kv'.partition(b'='))
print(b'42'.zfill(5), b'-42'.zfill(6), b'123'.isdigit(), b'12a'.isdigit(), b'abc'.isalpha(), b'ab1'.isalnum(), b' \t'.isspace(), b''.isdigit(), b'\x80'.isascii())
try:
    b'x'.join([b'a', 'b'])
except TypeError as e:
    print('TypeError', e)
try:
    b'a,b'.split(b'')
except ValueError as e:
    print('ValueError', e)
