"""A first weft program: functions, classes, generators and closures."""


def greet(name, punctuation="!"):
    return f"Hello, {name}{punctuation}"


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1

    def most_common(self):
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def main():
    print(greet("weft"))
    c = Counter()
    for w in "the quick brown fox jumps over the lazy dog the end".split():
        c.add(w)
    print(c.most_common()[:3])
    gen = fib()
    print([next(gen) for _ in range(15)])
    print(sum(x * x for x in range(10)), 2 ** 100)


if __name__ == "__main__":
    main()
