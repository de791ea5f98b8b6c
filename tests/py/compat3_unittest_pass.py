# unittest: loader/runner API, verbose runs, cleanups, skipped classes, exit 0
import unittest, io

class T(unittest.TestCase):
    def setUp(self):
        self.log = []
        self.addCleanup(self.log.append, "cleanup")
    def test_b(self):
        """Second test doc."""
        self.assertEqual(sorted([3, 1, 2]), [1, 2, 3])
    def test_a(self):
        self.assertTrue(isinstance(self.log, list))
    @unittest.skipIf(True, "skip me")
    def test_c(self): pass
    @unittest.skipUnless(False, "needs x")
    def test_d(self): pass

@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    def test_x(self): raise RuntimeError

buf = io.StringIO()
suite = unittest.TestLoader().loadTestsFromTestCase(T)
print(suite.countTestCases())
res = unittest.TextTestRunner(stream=buf, verbosity=2).run(suite)
print(res.testsRun, len(res.failures), len(res.errors), len(res.skipped), res.wasSuccessful())
out = buf.getvalue().splitlines()
print("\n".join(l for l in out if not l.startswith("Ran ")))
prog = unittest.main(exit=False, argv=["prog"])
print("result:", prog.result.wasSuccessful(), prog.result.testsRun)
unittest.main(argv=["prog", "-v"])
