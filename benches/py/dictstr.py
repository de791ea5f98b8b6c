# dict and str work: word counting, string building, formatting.
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
counts = {}
parts = []
for i in range(300000):
    w = words[i % 8] + str(i % 100)
    counts[w] = counts.get(w, 0) + 1
    if i % 1000 == 0:
        parts.append(w.upper())
text = ",".join(parts)
print(len(counts), len(text), sorted(counts.items())[:2], text.count("ALPHA"))
d = {}
for i in range(200000):
    d["k%d" % (i % 5000)] = i
print(len(d), sum(d.values()) % 1000)
