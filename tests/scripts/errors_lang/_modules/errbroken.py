print('importing errbroken')
X = 1 // 0
