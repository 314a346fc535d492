from itertools import groupby
def rle(s):
    return ''.join('%d%s' % (len(list(g)), k) for k, g in groupby(s))
print(rle('aaabbbbccd'), rle(''), rle('abc'))
def unrle(s):
    out, num = [], ''
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num)); num = ''
    return ''.join(out)
print(unrle(rle('wwwwaaadexxxxxx')) == 'wwwwaaadexxxxxx')
data = [('a', 1), ('a', 2), ('b', 3), ('a', 4)]
print([(k, [v for _, v in g]) for k, g in groupby(data, key=lambda t: t[0])])
