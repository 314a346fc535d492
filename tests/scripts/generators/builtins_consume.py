def nums(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(nums(4)), tuple(nums(3)), set(nums(3)), sum(nums(101)))
print(sorted(nums(5), reverse=True), min(nums(5)), max(nums(5)))
print(list(zip(nums(3), nums(10))), list(enumerate(nums(3))))
print(list(map(lambda x: x * 2, nums(4))), list(filter(None, nums(4))))
print(dict(zip(nums(3), "abc")), "-".join(map(str, nums(4))))
a, b, *rest = nums(5)
print(a, b, rest)
print(any(nums(0)), all(nums(0)), 3 in nums(5), 7 in nums(5))
l = [10]
l.extend(nums(3))
print(l, list(reversed(list(nums(3)))))
print(sum(x for x in nums(1000) if x % 7 == 0))
print(*nums(3))
