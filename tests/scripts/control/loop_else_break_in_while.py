def find_pair(nums, target):
    i = 0
    while i < len(nums):
        j = i + 1
        while j < len(nums):
            if nums[i] + nums[j] == target:
                break
            j += 1
        else:
            i += 1
            continue
        return i, j
    return None
print(find_pair([1, 4, 6, 9], 10), find_pair([1, 2], 10), find_pair([5, 5], 10))
