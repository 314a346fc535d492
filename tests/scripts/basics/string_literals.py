print('single', "double", '''triple
line''', """tri "dq" """)
print("esc: \t|\\|\'|\"|\x41|\101|\u00e9")
print(r"raw \n \t \\")
print("adj" "acent" 'strings')
print("multi\nline")
print(repr("tab\there"), repr('quote\'s'), repr("dq\"s"), repr('both\'"'))
print(repr("\x00\x1f\x7f"), repr("\n\r"))
print(len("\u00e9"), len("abc\n"))
print("a\
b")
print('%s' % "x", "{}".format("y"))
