d = {b'key': 1, b'other': 2}
print(d[b'key'], b'key' in d, sorted(d), {b'a', b'a', b'b'} == {b'a', b'b'})
pairs = [(b'b', 2), (b'a', 1)]
print(sorted(pairs), max(pairs), min(b'abc', b'abd'))
print(list(map(bytes.upper, [b'a', b'b'])), [x.decode() for x in (b'p', b'q')], b'-'.join(sorted([b'z', b'y'])))
stack = [b'x']
stack.append(b'y' * 3)
print(stack, stack.pop(), len(stack[0]))
