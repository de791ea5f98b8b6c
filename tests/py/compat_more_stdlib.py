import stat, fnmatch, difflib, colorsys, shlex, keyword, html
print(stat.S_ISDIR(0o040755), stat.filemode(0o100644))
print(fnmatch.fnmatch("a.py", "*.py"), fnmatch.filter(["a.py", "b.txt"], "*.txt"))
print(difflib.SequenceMatcher(None, "abcd", "bcde").ratio(), list(difflib.unified_diff(["a\n", "b\n"], ["a\n", "c\n"])), difflib.get_close_matches("appel", ["ape", "apple", "peach"]))
print(colorsys.rgb_to_hsv(0.2, 0.4, 0.4), shlex.split("a 'b c' d"), shlex.quote("it's"), keyword.iskeyword("for"), keyword.kwlist[:3], html.escape("<a href='x'>&</a>"), html.unescape("&lt;&amp;&#39;"))
import calendar
print(calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.month_name[3], calendar.day_abbr[0])
print(calendar.month(2024, 2))
