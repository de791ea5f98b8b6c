import sys

def d(n):
    return 0 if n == 0 else 1 + d(n - 1)

print(d(900))
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError caught")
print(d(800))
