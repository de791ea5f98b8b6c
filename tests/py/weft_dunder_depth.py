# Special methods called by opcodes run as heap frames: recursion through
# __getitem__ is limited by the heap, not the native stack.
def deep(n):
    class R:
        def __getitem__(self, i):
            return deep(i - 1) if i else 0
    return R()[n] if n else 0

print(deep(50000))
