# unittest: assertions and their messages, fixtures, subTest, skips, expected
# failures, exit status 1 on failures (the report itself goes to stderr)
import unittest

def add(a, b): return a + b

class Stack:
    def __init__(self): self.items = []
    def push(self, x): self.items.append(x)
    def pop(self):
        if not self.items: raise IndexError("pop from empty stack")
        return self.items.pop()

class TestAdd(unittest.TestCase):
    def test_ints(self):
        self.assertEqual(add(1, 2), 3)
    def test_floats(self):
        self.assertAlmostEqual(add(0.1, 0.2), 0.3)
    def test_strings(self):
        self.assertEqual(add("a", "b"), "ab")
    def test_fail(self):
        self.assertEqual(add(2, 2), 5)
    def test_error(self):
        add(1, "x")

class TestStack(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print("setUpClass")
    def setUp(self):
        self.s = Stack()
    def tearDown(self):
        print("tearDown", self._testMethodName)
    def test_push_pop(self):
        self.s.push(1); self.s.push(2)
        self.assertEqual(self.s.pop(), 2)
        self.assertEqual(len(self.s.items), 1)
    def test_empty(self):
        with self.assertRaises(IndexError) as cm:
            self.s.pop()
        self.assertIn("empty", str(cm.exception))
        self.assertRaises(IndexError, self.s.pop)
        with self.assertRaisesRegex(IndexError, "^pop from"):
            self.s.pop()
    def test_misc(self):
        self.assertTrue([1]); self.assertFalse(""); self.assertIsNone(None); self.assertIsNotNone(0)
        self.assertIsInstance(self.s, Stack); self.assertGreater(3, 2); self.assertLessEqual(2, 2)
        self.assertCountEqual([1, 2, 2], [2, 1, 2]); self.assertNotEqual(1, 2); self.assertRegex("abc123", r"\d+")
        self.assertIs(None, None); self.assertNotIn(5, [1]); self.assertDictEqual({"a": 1}, {"a": 1})
    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertLess(i, 3)
    @unittest.skip("not ready")
    def test_skipped(self):
        self.fail("should not run")
    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 0)

class TestMessages(unittest.TestCase):
    def test_messages(self):
        for f, args in [(self.assertEqual, (1, 2)), (self.assertTrue, (0,)), (self.assertIn, (3, [1, 2])),
                        (self.assertIsNone, (5,)), (self.assertAlmostEqual, (1.0, 1.1)), (self.assertEqual, ([1, 2], [1, 3])),
                        (self.assertGreater, (1, 2)), (self.assertEqual, ("a", "b")), (self.assertIs, (1, None))]:
            try:
                f(*args)
            except AssertionError as e:
                print(str(e).splitlines()[0])
        try:
            self.assertEqual(1, 2, "custom")
        except AssertionError as e:
            print(e)

if __name__ == "__main__":
    unittest.main()
