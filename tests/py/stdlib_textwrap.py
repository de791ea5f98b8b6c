import textwrap
text = ("The quick brown fox jumps over the lazy dog. A well-known pangram -- used by typists -- "
        "contains every letter. Extraordinarily-long-hyphenated-words-get-broken somewhere, "
        "and URLs like http://example.com/a-very/long-path-name/index.html do too. Mr. Smith left. "
        "Tabs\there and\nnewlines too.")
for w in (10, 20, 33, 50, 79):
    print(w, textwrap.wrap(text, width=w))
print(textwrap.fill(text, width=40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap(text, 15, break_long_words=False))
print(textwrap.wrap(text, 30, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, max_lines=3), textwrap.wrap(text, 30, max_lines=2, placeholder=' ~'))
print(textwrap.shorten("Hello  world!   How are you?", width=12), textwrap.shorten("Hello world", width=11), textwrap.shorten("Hello  world!", 5 + 6))
print(textwrap.wrap('a--b c---d well--known x-y ab-cd-ef --start end-- 3-4 a-b-c-d-e', 4))
print(textwrap.wrap('  leading space and   multiple   spaces  ', 10), textwrap.wrap('', 10), textwrap.wrap('   ', 10))
print(textwrap.wrap('  keep', 10, drop_whitespace=False), textwrap.wrap('x\ty', 10, expand_tabs=False, replace_whitespace=False))
print(repr(textwrap.dedent('''
    def f():
        return 1
      
    x = 2
''')))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('    a\n  b\n      c')), repr(textwrap.dedent('no indent\n  x')))
print(repr(textwrap.indent('a\nb\n\nc\n', '> ')), repr(textwrap.indent('a\n  \nb', '+', lambda l: True)))
w = textwrap.TextWrapper(width=12, subsequent_indent='..')
print(w.wrap('one two three four five six seven'), w.fill('x' * 30))
try:
    textwrap.wrap('abc', 0)
except ValueError as e: print('ValueError', e)
print(textwrap.wrap('Supercalifragilisticexpialidocious-ly hyphen-ated', 10))
