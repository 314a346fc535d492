# CPython's unittest: a TextTestRunner run (verbose), skips, subTest, class fixtures,
# assertion messages, unittest.main(exit=False). (Failing tests need
# BaseExceptionGroup in traceback.py: not here yet.)
import unittest, io, sys

class TestMath(unittest.TestCase):
    def setUp(self):
        self.data = [3, 1, 2]
    def test_sort(self):
        """Sorting works."""
        self.assertEqual(sorted(self.data), [1, 2, 3])
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        self.assertRaisesRegex(ValueError, "invalid literal", int, "x")
    @unittest.skip("not now")
    def test_skipped(self):
        pass
    def test_misc(self):
        self.assertIn(1, [1, 2]); self.assertIsNone(None); self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertDictEqual({'a': 1}, {'a': 1}); self.assertCountEqual([1, 2], [2, 1])
        self.assertIsInstance(1, int); self.assertGreater(2, 1); self.assertRegex("abc", "b")
    def test_subtest(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 3)

class TestOther(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = 5
    def test_shared(self):
        self.assertEqual(self.shared, 5)
    def test_failure_caught(self):
        try:
            self.assertEqual([1, 2, 3], [1, 2, 4])
        except AssertionError as e:
            print(str(e))
        with self.assertRaises(AssertionError) as cm:
            self.assertEqual({'a': 1}, {'a': 2})
        print(cm.exception)

buf = io.StringIO()
runner = unittest.TextTestRunner(stream=buf, verbosity=2)
suite = unittest.defaultTestLoader.loadTestsFromTestCase(TestMath)
suite.addTests(unittest.defaultTestLoader.loadTestsFromTestCase(TestOther))
result = runner.run(suite)
import re
out = re.sub(r"Ran (\d+) tests? in [0-9.]+s", r"Ran \1 tests in Xs", buf.getvalue())
out = re.sub(r'File ".*?([^/]+\.py)"', r'File "\1"', out)
print(out)
print(result.wasSuccessful(), len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures), result.testsRun)
prog = unittest.main(module=__name__, argv=["prog", "TestOther.test_shared"], exit=False, testRunner=unittest.TextTestRunner(stream=io.StringIO()))
print(prog.result.testsRun, prog.result.wasSuccessful())
