nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(len(nums), sum(nums), min(nums), max(nums), sorted(set(nums)))
print(list(enumerate(sorted(nums, reverse=True)[:3])))
print(dict(zip(range(3), map(str, range(3)))))
print(list(filter(lambda x: x % 2, map(lambda x: x * 3, range(6)))))
print(round(sum(nums) / len(nums), 3), divmod(sum(nums), len(nums)))
print(any([n > 8 for n in nums]), all([n > 0 for n in nums]))
print(isinstance(nums, list), type(nums), repr(str(len(nums))))
print(bin(sum(nums)), hex(max(nums)), oct(min(nums)), chr(ord("a") + len(nums)))
