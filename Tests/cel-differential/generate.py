# Generates corpus.jsonl (then run `run.py --record` to fill in the oracle results).
# corpus.jsonl is the reference; edit this generator and regenerate rather than editing both.
import json
cases = []
def add(expr, vars=None, **kw):
    c = {"expr": expr}
    if vars is not None: c["vars"] = vars
    c.update(kw)
    cases.append(c)

V = {"x": 1, "y": 2.5, "s": "hello", "t": True, "n": None, "l": [1, 2, 3], "e": [], "m": {"a": 1, "b": "two", "c": [1, 2], "d": {"e": True}}, "u": "héllo", "big": 9223372036854775807, "neg": -5, "f": 0.5, "z": 0, "ls": ["a", "b", "c"], "mixed": [1, "a", 2.5, None, True]}
TASK = {"id": "M01", "status": "done", "due": "2011-06-30", "completed": "2011-06-20", "lead": ["市发展改革委", "港澳办"], "participants": ["市科工贸信委"], "budget": "100万元", "title": "加快发展总部经济", "owner": "张三", "score": 87.5, "count": 3}

# 1. literals
for e in ["0", "42", "-7", "0x1F", "0XFF", "-0x10", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
          "1u", "0u", "0x10u", "18446744073709551615u", "18446744073709551616u", "1.5", "-1.5", "1e3", "1E-2", ".5", "2.", "1.0e+10", "6.02e23",
          "'abc'", '"abc"', "''", "'\\n\\t\\r'", "'\\a\\b\\f\\v'", "'\\\\'", "'\\''", '"\\""', "'\\`'", "'\\?'", "'\\x41'", "'\\X41'", "'\\101'", "'\\u00e9'", "'\\U0001F600'",
          "'\\400'", "'\\xZZ'", "'\\q'", "'\\ud800'", "r'\\n'", "R'a\\tb'", "'''multi\nline'''", '"""a"b"""', "'''it''s'''", "'unterminated", "'line\nbreak'",
          "b'abc'", "B'\\x00\\xff'", "b'\\377'", "b'é'", "br'\\x41'", "rb'\\x41'", "b'\\u00e9'",
          "true", "false", "null", "[]", "[1, 2, 3]", "[1, 'a', 2.5, null]", "[1, 2,]", "{}", "{'a': 1}", "{'a': 1, 'b': [2, 3]}", "{1: 'one', 2u: 'two', false: 'no'}",
          "{'a': 1,}", "{'a': 1, 'a': 2}", "{1.5: 'x'}", "{null: 1}", "{[1]: 2}", "[[1, [2, [3]]]]", "{'a': {'b': {'c': 1}}}", "'日本語'", "'市发展改革委'"]:
    add(e)

# 2/3. binary operator matrix
ops = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "in"]
pairs = [("3", "2"), ("3u", "2u"), ("3.5", "2.0"), ("'ab'", "'cd'"), ("b'ab'", "b'cd'"), ("true", "false"), ("null", "null"),
         ("[1]", "[1, 2]"), ("{'a': 1}", "{'a': 1}"), ("1", "1u"), ("1", "1.0"), ("1u", "1.0"), ("2.5", "2"), ("1", "'1'"), ("true", "1"),
         ("'a'", "['a', 'b']"), ("2", "[1, 2.0]"), ("'a'", "{'a': 1}"), ("1.0", "{1: 'x'}"), ("x", "y"), ("s", "u"), ("l", "l"), ("m", "m"), ("n", "x"), ("neg", "x")]
for a, b in pairs:
    for op in ops:
        add(f"{a} {op} {b}", V)

# arithmetic edge cases
for e in ["9223372036854775807 + 1", "-9223372036854775808 - 1", "big + 1", "big * 2", "-9223372036854775807 - 2", "(-9223372036854775807 - 1) / -1",
          "(-9223372036854775807 - 1) % -1", "-(-9223372036854775807 - 1)", "-big - 2", "1 / 0", "1 % 0", "1u / 0u", "1u % 0u", "0u - 1u", "18446744073709551615u + 1u",
          "4294967296u * 4294967296u", "4294967296 * 4294967296 * 2", "1.0 / 0.0", "-1.0 / 0.0", "0.0 / 0.0 == 0.0 / 0.0", "0.0 / 0.0 != 0.0 / 0.0",
          "7 / 2", "-7 / 2", "7 % 3", "-7 % 3", "7 % -3", "7u / 2u", "7u % 3u", "7.0 / 2.0", "7.5 % 2.0", "1 + 2 * 3", "(1 + 2) * 3", "10 - 4 - 3",
          "2 * 3 % 4", "100 / 10 / 5", "-x", "--x", "---x", "-y", "-'a'", "-true", "-1u", "- -1", "-(1)", "1 - -1", "'a' + 'b' + 'c'", "[1] + [2] + []",
          "b'a' + b'b'", "'a' + 1", "1 + 'a'", "[1] + 1", "{'a': 1} + {'b': 2}", "null + null", "true + true", "1 + 2.0", "1u + 1", "0.1 + 0.2", "0.1 + 0.2 == 0.3",
          "1e308 * 10.0", "-0.0 == 0.0", "x + y", "y * 2.0", "s + ' world'", "l + [4]", "size(l + l)"]:
    add(e, V)

# comparisons and equality edge cases
for e in ["1 == 1.0", "1 == 1u", "1u == 1.0", "1 != 1.0", "2 < 2.5", "3 > 2.5", "1u < 2", "-1 < 1u", "1u > -1", "1.5 < 2u",
          "9223372036854775807 < 9223372036854775808.0", "9223372036854775807 == 9223372036854775807.0", "18446744073709551615u > 1.8e19",
          "double('nan') == double('nan')", "double('nan') < 1.0", "double('nan') > 1.0", "double('nan') <= double('nan')", "1 < double('nan')",
          "[double('nan')] == [double('nan')]", "double('nan') in [double('nan')]", "[1, 2] == [1, 2]", "[1, 2] == [2, 1]", "[1, 2] == [1, 2, 3]",
          "[1, 'a'] == [1, 'a']", "[1] == [1u]", "[[1]] == [[1.0]]", "{'a': 1} == {'a': 1.0}", "{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", "{'a': 1} == {'a': 2}",
          "{'a': 1} == {'b': 1}", "{1: 'a'} == {1u: 'a'}", "null == null", "null != null", "null == 0", "null == false", "null == ''", "null == []",
          "[] == {}", "'a' == b'a'", "true == 1", "'abc' < 'abd'", "'abc' < 'ab'", "'B' < 'a'", "'é' > 'z'", "'' < 'a'", "b'\\x00' < b'\\x01'", "b'' < b'\\x00'",
          "false < true", "true <= true", "true > false", "[1] < [2]", "{'a': 1} < {'a': 2}", "null < null", "'a' < 1", "true < 1",
          "type(1) == type(2)", "type(1) == type(1u)", "x == 1", "y > x", "s == 'hello'", "s < 'help'", "u == 'héllo'", "'é' == '\\u00e9'", "'e\\u0301' == '\\u00e9'",
          "n == null", "l == [1, 2, 3]", "m == m", "m.a == 1.0", "e == []", "mixed == [1, 'a', 2.5, null, true]", "ls != ['a']", "neg < z", "f == 0.5", "f < 1u"]:
    add(e, V)

# logic
for e in ["true && true", "true && false", "false && true", "false && false", "true || false", "false || false", "!true", "!false", "!!true", "!1", "!'a'", "!null",
          "1 / 0 == 1 && false", "false && 1 / 0 == 1", "1 / 0 == 1 && true", "true && 1 / 0 == 1", "1 / 0 == 1 || true", "true || 1 / 0 == 1",
          "1 / 0 == 1 || false", "false || 1 / 0 == 1", "(1 / 0 == 1) || (2 / 0 == 1)", "(1 / 0 == 1) && (2 / 0 == 1)", "'a' && false", "false && 'a'", "'a' && true",
          "true && 'a'", "'a' || true", "1 || false", "null || true", "x.foo || true", "x.foo && false", "missing || true", "missing && true", "true && x", "true ? 1 : 2", "false ? 1 : 2",
          "true ? 'a' : 1", "1 / 0 == 1 ? 1 : 2", "true ? 1 : 1 / 0", "false ? 1 / 0 : 2", "1 ? 1 : 2", "null ? 1 : 2", "true ? false ? 1 : 2 : 3",
          "false ? 1 : true ? 2 : 3", "x > 0 ? 'pos' : 'neg'", "t && x == 1", "!t || false", "true && true && true && false", "false || false || false || true",
          "x == 1 && y == 2.5 && s == 'hello'", "!(x == 1)", "!(1 == 1) || !(2 == 3)", "true || false && false", "(true || false) && false"]:
    add(e, V)

# selection, index, has
for e in ["m.a", "m.b", "m['b']", "m.c[1]", "m.d.e", "m['d']['e']", "m.zz", "m['zz']", "l[0]", "l[2]", "l[3]", "l[-1]", "l[1u]", "l[1.0]", "l[1.5]", "l['a']",
          "m[1]", "e[0]", "s[0]", "x.a", "x[0]", "n.a", "has(m.a)", "has(m.zz)", "has(m.d.e)", "has(m.d.f)", "has(m.zz.a)", "has(x.a)", "has(l.a)", "has(n.a)",
          "{'a': {'b': 1}}.a.b", "{'a': 1}['a']", "{'a': 1}.a", "{1: 'x'}[1]", "{1: 'x'}[1u]", "{1: 'x'}[1.0]", "{1: 'x'}[2]", "{true: 1}[true]", "[1, 2, 3][1]",
          "[[1, 2], [3]][0][1]", "mixed[3] == null", "mixed[1]", "ls[2]", "{'k': [1, {'z': 'deep'}]}.k[1].z", "m.c[5]", "has({'a': null}.a)", "{'a': null}.a",
          "m.a.b", "has(m.a.b)", "l.size()", "m.size()", "has(m.c)", "nope", "nope.a", ".x", "m . a"]:
    add(e, V)

# in
for e in ["1 in [1, 2]", "3 in [1, 2]", "1 in []", "'a' in ['a']", "1.0 in [1]", "1u in [1]", "[1] in [[1], [2]]", "null in [null]", "'a' in {'a': 1}", "'b' in {'a': 1}",
          "1 in {1: 'a'}", "1u in {1: 'a'}", "2.0 in {2: 'a'}", "2.5 in {2: 'a'}", "'a' in 'abc'", "1 in 1", "'a' in m", "'zz' in m", "x in l", "4 in l", "'b' in ls", "null in mixed"]:
    add(e, V)

# macros
for e in ["[1, 2, 3].all(i, i > 0)", "[1, 2, 3].all(i, i > 1)", "[].all(i, false)", "[1, 2, 3].exists(i, i == 2)", "[1, 2, 3].exists(i, i == 5)", "[].exists(i, true)",
          "[1, 2, 3].exists_one(i, i > 2)", "[1, 2, 3].exists_one(i, i > 1)", "[].exists_one(i, true)", "[1, 2, 3].map(i, i * 2)", "[1, 2, 3].map(i, i > 1, i * 10)",
          "[1, 2, 3].filter(i, i % 2 == 1)", "[].map(i, i)", "[].filter(i, true)", "{'a': 1, 'b': 2}.all(k, k != 'c')", "{'a': 1, 'b': 2}.exists(k, k == 'b')",
          "{'a': 1, 'b': 2}.map(k, k + '!').exists(v, v == 'b!')", "{'a': 1, 'b': 2}.filter(k, k == 'a')", "{'a': 1, 'b': 2}.exists_one(k, k == 'a')",
          "[0, 1].all(i, 1 / i > 0)", "[1, 0].all(i, 1 / i > 0)", "[0, -1].all(i, 1 / i > 0)", "[0, 1].exists(i, 1 / i > 0)", "[0, -1].exists(i, 1 / i > 0)", "[0, 1].exists_one(i, 1 / i > 0)",
          "[1, 0].map(i, 1 / i)", "[1, 0].filter(i, 1 / i > 0)", "[1, 2].all(i, i)", "[1, 2].exists(i, 'a')", "[1, 2].exists_one(i, 1)", "[1, 2].filter(i, i)", "[1, 2].map(i, i, i)",
          "[1, 2].all(i, true || 1 / 0 == 1)", "[true, false].exists(b, b)", "[[1, 2], [3]].all(xs, xs.size() > 0)", "[[1, 2], [3]].map(xs, xs.map(y, y * 2))",
          "[1, 2].exists(i, [3, 4].exists(j, i * j == 8))", "[1, 2].all(i, [1, 2].exists(i, i == 2))", "[1, 2, 3].map(i, i).filter(i, i > 1)", "[1, 2, 3].filter(i, i > 1).map(i, i * i)",
          "l.all(i, i < 10)", "l.exists(i, i == x)", "l.map(i, i + x)", "ls.filter(w, w != 'b')", "m.all(k, k.size() == 1)", "m.map(k, k).size() == 4 && 'd' in m.map(k, k)", "mixed.exists(v, v == null)",
          "mixed.all(v, v != 2)", "e.all(i, i)", "1.all(i, true)", "'abc'.all(c, true)", "x.all(i, true)", "null.exists(i, true)", "[1, 2].all(1, true)", "[1, 2].all(i)",
          "[1, 2].map(i, i > 1, i * 2, 3)", "[1, 2].exists(i, i == 1) && [3].all(j, j == 3)", "[1, 2, 3].exists(i, i > 2) ? 'yes' : 'no'", "size([1, 2, 3].filter(i, i > 1))",
          "[1, 2, 3].map(i, [i]).size()", "[{'a': 1}, {'a': 2}].map(o, o.a)", "[{'a': 1}, {'b': 2}].exists(o, has(o.b))", "[{'a': 1}, {'b': 2}].all(o, o.a > 0)",
          "[1, 2].map(i, i / 0)", "[1, 1, 1].exists_one(i, i == 1)", "['a', 'b'].map(s, s + s)", "[1, 2].map(x, x)", "x"]:
    add(e, V)

# functions
for e in ["size('')", "size('abc')", "size('héllo')", "size('日本語')", "size(b'abc')", "size([1, 2])", "size({'a': 1})", "size(1)", "size(null)", "'abc'.size()", "[1].size()",
          "size(s)", "size(u)", "size(m)", "size(l)", "s.size()", "size()", "size(1, 2)",
          "'hello'.contains('ell')", "'hello'.contains('')", "'hello'.contains('xyz')", "''.contains('')", "'hello'.contains(1)", "1.contains('a')", "contains('a', 'a')",
          "'hello'.startsWith('he')", "'hello'.startsWith('lo')", "'hello'.endsWith('lo')", "'hello'.endsWith('')", "'héllo'.startsWith('hé')", "'市发展改革委'.endsWith('改革委')", "'市发展改革委'.contains('发展')",
          "s.startsWith('h')", "u.contains('é')", "'abc'.startsWith('abcd')", "'e\\u0301'.contains('\\u00e9')",
          "int(1)", "int(1u)", "int(2.9)", "int(-2.9)", "int('42')", "int('-42')", "int(' 42')", "int('42 ')", "int('4.2')", "int('abc')", "int('')", "int('0x10')", "int(true)", "int(null)",
          "int(1e19)", "int(-1e19)", "int(double('nan'))", "int(18446744073709551615u)", "int(9223372036854775807u)", "int('9223372036854775807')", "int('9223372036854775808')",
          "uint(1)", "uint(-1)", "uint(2.5)", "uint(-0.5)", "uint('42')", "uint('-1')", "uint(1e20)", "uint(true)", "uint('18446744073709551615')",
          "double(1)", "double(1u)", "double(1.5)", "double('1.5')", "double('1e3')", "double('abc')", "double('inf')", "double('-inf')", "double(' 2.5 ')", "double(true)", "double(null)",
          "double(9007199254740993)", "string(1)", "string(-1)", "string(1u)", "string(1.5)", "string(1.0)", "string(0.1)", "string(100000.0)", "string(1000000.0)", "string(1e21)", "string(1.5e-5)",
          "string(0.0001)", "string(123456789.0)", "string(-0.0)", "string(1e100)", "string(true)", "string(false)", "string('s')", "string(b'abc')", "string(b'\\xff')",
          "string(null)", "string([1])", "string({})", "string(type(1))",
          "bool(true)", "bool('true')", "bool('false')", "bool('TRUE')", "bool('True')", "bool('t')", "bool('f')", "bool('1')", "bool('0')", "bool('yes')", "bool(1)", "bool(null)",
          "bytes('abc')", "bytes('é')", "bytes(b'a')", "bytes(1)", "dyn(1)", "dyn('a') == 'a'", "dyn([1, 2])[0]", "dyn(1) + 1", "dyn(1) + 1.0",
          "type(1)", "type(1u)", "type(1.0)", "type('a')", "type(b'a')", "type(true)", "type(null)", "type([])", "type({})", "type(type(1))", "type(int)",
          "type(1) == int", "type(1u) == uint", "type(1.0) == double", "type('') == string", "type(b'') == bytes", "type(true) == bool", "type(null) == null_type",
          "type([]) == list", "type({}) == map", "type(int) == type", "type(1) == string", "int == int", "int != uint", "type(x) == int", "type(m) == map", "type(l)",
          "foo(1)", "'a'.foo()", "int(1, 2)", "'a'.int()", "size", "int", "string",
          "'abc'.matches('b')", "'abc'.matches('^b')", "'abc'.matches('^abc$')", "matches('abc', 'a.c')", "'abc'.matches('')", "'a\\nb'.matches('a.b')", "'a\\nb'.matches('(?s)a.b')",
          "'ABC'.matches('(?i)abc')", "'abc'.matches('[a-c]+')", "'abc'.matches('^[^a]')", "'a1b2'.matches('\\\\d')", "'ab'.matches('\\\\d')", "'a b'.matches('\\\\s')", "'_'.matches('^\\\\w$')",
          "'aaa'.matches('^a{3}$')", "'aa'.matches('^a{3}$')", "'aaaa'.matches('^a{2,3}$')", "'aaa'.matches('^a{2,}$')", "'ab'.matches('^(a|b)+$')", "'abc'.matches('^(?:ab)c$')",
          "'x'.matches('^(?P<name>x)$')", "'foo bar'.matches('\\\\bbar')", "'foobar'.matches('\\\\bbar')", "'foobar'.matches('\\\\Bbar')", "'a.b'.matches('a\\\\.b')", "'axb'.matches('a\\\\.b')",
          "'2011年6月30日'.matches('^\\\\d{4}年\\\\d{1,2}月')", "'市发展改革委'.matches('^市')", "'日本'.matches('^\\\\p{Han}+$')", "'abc'.matches('^\\\\pL+$')", "'ab1'.matches('^\\\\pL+$')",
          "'a'.matches('(')", "'a'.matches(')')", "'a'.matches('[a')", "'a'.matches('a**')", "'a'.matches('*a')", "'a'.matches('\\\\1')", "'a'.matches('(?=a)')", "'a'.matches('a{2,1}')",
          "'a{'.matches('a{')", "'a{1'.matches('^a{1$')", "'x'.matches('[[:alpha:]]')", "'1'.matches('[[:^alpha:]]')", "'é'.matches('^.$')", "'\\u00e9'.matches('^\\\\x{e9}$')",
          "'abc'.matches('a|x')", "'abc'.matches('x|y')", "'abc'.matches('^$')", "''.matches('^$')", "'a-b'.matches('^[a\\\\-b]+$')", "'ab'.matches('^[]a]+$')", "'a]'.matches('^[]a]+$')",
          "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'.matches('^(a+)+$')", "'xyz'.matches('y*')", "s.matches('^h.*o$')", "s.matches(s)", "1.matches('a')", "'a'.matches(1)",
          "'a\\nb'.matches('^b')", "'a\\nb'.matches('(?m)^b')", "'a\\nb'.matches('a$')", "'a\\nb'.matches('(?m)a$')", "'ABC'.matches('(?i:a)BC')", "'aBC'.matches('(?i:A)bc')"]:
    add(e, V)

# parse / static errors
for e in ["", "1 +", "(1", "1)", "[1, 2", "{'a' 1}", "1 ++ 2", "a.", "a..b", "1 = 1", "1 & 2", "1 | 2", "if", "x.if", "var", "in", "1 in", "has(x)", "has(1)", "has(m.a, m.b)",
          "@", "#", "1 ? 2", "1 ? 2 :", "a b", "'abc", "\"abc'", "M{a: 1}", "x.all(1, true)", "[1, 2].foo(i, i)", "1.5.5", "0x", "1e", "1 2", "// only a comment", "1 // trailing comment",
          "(((((((((((((((((((((((((((((((1)))))))))))))))))))))))))))))))", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "1 + " * 31 + "1",
          "true && " * 31 + "true", "!" * 31 + "true", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd.ee.ff"]:
    add(e, V)

# whitespace / misc
for e in ["  1  ", "\t1\n+\r2", "1+2", "(1)", "((x))", "[ ]", "{ }", "x\n==\n1", "m.c.size() == 2", "m.b + '!'", "string(x) + s", "int(y) + x", "double(x) + y", "s + string(t)",
          "[x, y, s]", "{'x': x, 'y': y}", "{s: 1}", "{s: 1}[s]", "{x: 'one'}[1]", "{'a': 1}['a'] + {'b': 2}['b']", "[1, 2, 3][x]", "l[x] + l[x + 1]", "m.c.map(i, i * x)"]:
    add(e, V)

# task-like records
for e in ["status == 'done'", "status != 'done' && has(self.owner)", "lead.size() > 0", "'港澳办' in lead", "lead.exists(u, u.startsWith('市'))", "participants.all(p, !(p in lead))",
          "score >= 60.0", "score >= 60", "count * 2", "id.matches('^M\\\\d+$')", "title.contains('总部')", "due < completed",
          "completed <= due", "status in ['done', 'in-progress']", "budget.endsWith('万元')", "acceptance == null"]:
    add(e, TASK)


SELF_NOTE = "PlanCheck convention: `self` is the record (docs/expressions.md); the reference runtime has no such variable"
NOTES = {
    "9223372036854775807 < 9223372036854775808.0": ({"value": {"bool": True}}, "the runtime rounds the int to double (2^63-1 becomes 2^63); the spec compares numeric values as on one number line, which PlanCheck does exactly"),
    "9223372036854775807 == 9223372036854775807.0": ({"value": {"bool": False}}, "as above: 2^63-1 is not equal to 2^63"),
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]": ({"value": {"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"list": [{"int": "1"}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}]}}, "the C++ parser stops at 32 nested levels by default; the spec requires at least 32 and PlanCheck accepts up to 250"),
}
for c in cases:
    if c["expr"] in NOTES:
        c["expected"], c["note"] = NOTES[c["expr"]]
    elif c["expr"].startswith("self") or "(self" in c["expr"]:
        pass

# PlanCheck-only: domain functions, self, records (expected results written by hand from the spec of each function)
def dom(expr, expected, vars=None, note=None):
    c = {"expr": expr, "domain": True, "expected": expected}
    if vars is not None: c["vars"] = vars
    if note: c["note"] = note
    cases.append(c)
def val(tag, v): return {"value": {tag: v}}
ERR = {"error": "PlanCheck runtime error"}
UNITS = {"lead": "市发展改革委", "units": [{"id": "fgw", "name": "市发展改革委", "aliases": ["发展改革委", "市发改委"]}, {"id": "gab", "name": "港澳办"}]}
dom("date('2011-06-30') == date('2011-06-30')", val("bool", True))
dom("date('2011-06-30') < date('2011-07-01')", val("bool", True))
dom("date('2011-06-30') > date('2011-07-01')", val("bool", False))
dom("date('2011-06-30') != date('2011-07-01')", val("bool", True))
dom("date('2011-06-30') == '2011-06-30'", val("bool", False))
dom("days(date('2011-06-30'), date('2011-07-30'))", val("int", "30"))
dom("days('2011-01-01', '2012-01-01')", val("int", "365"))
dom("days('2012-01-01', '2011-01-01')", val("int", "-365"))
dom("days(due, completed)", val("int", "-10"), TASK)
dom("date(due) < asOf", val("bool", True), TASK)
dom("days(due, asOf)", val("int", "185"), TASK)
dom("string(asOf)", val("string", "2012-01-01"))
dom("type(asOf) == date", val("bool", True))
dom("type(date('2011-06-30'))", val("type", "date"))
dom("date(asOf) == asOf", val("bool", True))
dom("string(date('2011-06-30'))", val("string", "2011-06-30"))
dom("date('not a date')", ERR)
dom("date(due + 'x')", ERR, TASK)
dom("date(1)", ERR)
dom("days('2011-01-01')", ERR)
dom("asOf < 1", ERR)
dom("asOf + 1", ERR)
dom("quantity('3500亿元')", val("double", "350000000000.0"))
dom("quantity('3.7%')", val("double", "0.037"))
dom("quantity('2‰')", val("double", "0.002"))
dom("quantity('100万元')", val("double", "1000000.0"))
dom("quantity(budget)", val("double", "1000000.0"), TASK)
dom("quantity('1,311')", val("double", "1311.0"))
dom("quantity('约3500亿元')", val("double", "350000000000.0"))
dom("quantity('3个百分点')", val("double", "0.03"))
dom("quantity('1.5万亿')", val("double", "1500000000000.0"))
dom("quantity('-2.5%')", val("double", "-0.025"))
dom("quantity('４２％')", val("double", "0.42"))
dom("quantity('abc')", ERR)
dom("quantity(5)", val("double", "5.0"))
dom("quantity(2.5)", val("double", "2.5"))
dom("quantity(true)", ERR)
dom("quantity('409项') == 409.0", val("bool", True))
dom("quantity('3500亿元') > quantity('2002亿元')", val("bool", True))
dom("collections.units.exists(u, u.name == lead)", val("bool", True), UNITS)
dom("collections.units.exists(u, u.name == lead || lead in u.aliases)", val("bool", True), UNITS)
dom("collections.units.exists(u, lead in u.aliases)", ERR, UNITS)
dom("collections.units.exists(u, has(u.aliases) && lead in u.aliases)", val("bool", False), UNITS)
dom("collections.units.map(u, u.id)", {"value": {"list": [{"string": "fgw"}, {"string": "gab"}]}}, UNITS)
dom("size(collections.units)", val("int", "2"), UNITS)
dom("collections.nothing", ERR, UNITS)
dom("root.units[1].name", val("string", "港澳办"), UNITS)
dom("self.lead == lead", val("bool", True), UNITS)
dom("has(self.lead)", val("bool", True), UNITS)
dom("has(self.owner)", val("bool", False), UNITS)
dom("owner", ERR, UNITS)
dom("self.status", val("string", "done"), TASK)
dom("self['status']", val("string", "done"), TASK)
dom("size(self)", val("int", str(len(TASK))), TASK)
dom("type(self) == map", val("bool", True), TASK)
dom("has(self.owner) && owner != ''", val("bool", True), TASK)
dom("has(self.acceptance)", val("bool", False), TASK)
dom("!has(self.acceptance) || acceptance != ''", val("bool", True), TASK)
dom("acceptance", ERR, TASK)
dom("self.x", val("int", "1"), V)
dom("self.m.a", val("int", "1"), V)
dom("has(self.x)", val("bool", True), V)
dom("has(self.nope)", val("bool", False), V)
dom("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'.matches('(a+)+$')", val("bool", False))
dom("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'.matches('^(a+)+$')", val("bool", False))
dom("title.matches(r'\\p{Han}{4,}')", val("bool", True), TASK)


# CEL's math extension (the reference runtime runs with it enabled; math.pow is PlanCheck's own, below)
for e in ["math.greatest(1, 2)", "math.greatest(1, 2.5)", "math.greatest(-1, 1u)", "math.greatest(1, 1.0)", "math.greatest(1.0, 1)", "math.least(1u, 1)", "math.least(1, 1u)",
          "math.greatest(3)", "math.least(2.5)", "math.greatest([1, 2.5, 3u])", "math.least([3, -1.5, 2u])", "math.greatest([])", "math.least([])", "math.greatest('a')",
          "math.greatest(1, 'a')", "math.greatest([1], 2)", "math.greatest([[1]])", "math.greatest(l)", "math.least(l)", "math.greatest(x, y)", "math.least(x, y, neg)",
          "math.greatest(mixed)", "math.greatest(s)", "math.least(l, 2)", "math.greatest(double('nan'), 1.0)", "math.greatest(1.0, double('nan'))",
          "math.least(double('nan'), 1.0)", "math.least(1.0, double('nan'))", "math.greatest(9223372036854775807, 18446744073709551615u)",
          "math.least(-9223372036854775807 - 1, 0u)", "math.greatest(1, 2, 3, 4, 5, 6)", "math.least(6, 5, 4, 3, 2, 1)", "math.least(-0.0, 0.0)",
          "math.greatest()", "math.least(ls)",
          "math.abs(-3)", "math.abs(3)", "math.abs(-2.5)", "math.abs(5u)", "math.abs(-9223372036854775807 - 1)", "math.abs(neg)", "math.abs('a')", "math.abs(-0.0)",
          "math.abs(double('-inf'))", "math.abs(1, 2)", "math.abs(s)",
          "math.sign(-3)", "math.sign(0)", "math.sign(5u)", "math.sign(0u)", "math.sign(-2.5)", "math.sign(0.0)", "math.sign(double('nan'))", "math.sign(y)", "math.sign(neg)",
          "math.sqrt(4)", "math.sqrt(2u)", "math.sqrt(2.25)", "math.sqrt(-1)", "math.sqrt(0.0)", "math.sqrt('a')", "math.sqrt(x)", "math.sqrt(y)", "math.sqrt(1e308)",
          "math.sqrt(double('inf'))", "math.sqrt(s)",
          "math.isNaN(double('nan'))", "math.isNaN(1.0)", "math.isNaN(1)", "math.isInf(1.0 / 0.0)", "math.isInf(-1.0 / 0.0)", "math.isInf(1.0)", "math.isFinite(1.0)",
          "math.isFinite(double('nan'))", "math.isFinite(double('inf'))", "math.isFinite(y)", "math.isInf(x)",
          "math.foo(1)", "math.greatest", "math.abs"]:
    add(e, V)
add("math.greatest(9223372036854775807, 9223372036854775807.0)", V, expected={"value": {"double": "9.223372036854776e+18"}},
    note="as for `<`: the runtime rounds the int to double (2^63-1 becomes 2^63, a tie, so the first argument wins); PlanCheck compares exactly, and the double 2^63 is the greater")
for fn in ["ceil", "floor", "round", "trunc"]:
    for arg in ["1.2", "-1.2", "2.5", "-2.5", "0.5", "-0.5", "0.49999999999999994", "1e300", "-0.0", "double('inf')", "double('nan')", "1", "1u", "'a'", "y", "f", "x", "1.0, 2.0"]:
        add(f"math.{fn}({arg})", V)
for e in ["math.greatest(score, 60.0)", "math.least(score, count)", "math.abs(count - 5)", "math.round(score / 10.0) * 10.0", "math.ceil(double(count) / 2.0)",
          "math.floor(score) == 87.0", "math.greatest(lead.map(u, size(u)))", "int(math.round(score))"]:
    add(e, TASK)

# Date parts: PlanCheck's `date` with the accessors of CEL's timestamp; the reference runtime is
# asked the same question of the same day as a timestamp at midnight UTC (`oracle_expr`).
PARTS = ["getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear"]
for d in ["2011-06-30", "2012-02-29", "2012-12-31", "2011-12-31", "2000-01-01", "1999-12-31", "1970-01-01", "1969-12-31", "1900-03-01", "2024-03-01", "0001-01-01", "9999-12-31"]:
    for part in PARTS:
        add(f"date('{d}').{part}()", oracle_expr=f"timestamp('{d}T00:00:00Z').{part}()")
for part in PARTS:
    add(f"date(due).{part}()", TASK, oracle_expr=f"timestamp(due + 'T00:00:00Z').{part}()")
for e, oracle in [("date(completed).getMonth() + 1", "timestamp(completed + 'T00:00:00Z').getMonth() + 1"),
                  ("date(due).getFullYear() == 2011 && date(due).getMonth() == 5", "timestamp(due + 'T00:00:00Z').getFullYear() == 2011 && timestamp(due + 'T00:00:00Z').getMonth() == 5"),
                  ("date(due).getFullYear() - date(completed).getFullYear()", "timestamp(due + 'T00:00:00Z').getFullYear() - timestamp(completed + 'T00:00:00Z').getFullYear()"),
                  ("due.getFullYear()", "due.getFullYear()"), ("count.getMonth()", "count.getMonth()"), ("date(due).getFullYear(1)", "timestamp(due + 'T00:00:00Z').getFullYear(1)"),
                  ("getFullYear(date(due))", "getFullYear(timestamp(due + 'T00:00:00Z'))")]:
    add(e, TASK, oracle_expr=oracle)


# Date parts of PlanCheck-only values (asOf is 2012-01-01 in the corpus; wording goes through the deadline parser)
dom("asOf.getFullYear()", val("int", "2012"))
dom("asOf.getMonth() + 1", val("int", "1"))
dom("date('2011年6月底').getDate()", val("int", "30"))
dom("date('2011年年底前').getDayOfYear()", val("int", "364"))
dom("date(due).getFullYear() < asOf.getFullYear()", val("bool", True), TASK)
dom("asOf.getFullYear(1)", ERR)
# math.pow: PlanCheck's power function (C's pow on doubles); the reference runtimes have none
import math as _m
for e, x, y in [("math.pow(2, 10)", 2, 10), ("math.pow(2.0, 0.5)", 2.0, 0.5), ("math.pow(1.08, 5)", 1.08, 5), ("math.pow(10u, 2u)", 10, 2),
                ("math.pow(0, 0)", 0, 0), ("math.pow(2, -1)", 2, -1), ("math.pow(1.0 + 0.065, 3.0)", 1.0 + 0.065, 3.0)]:
    dom(e, val("double", repr(_m.pow(x, y))))
dom("math.pow(-8, 1.0 / 3.0)", val("double", "nan"))
dom("math.pow(0, -1)", val("double", "inf"))
dom("math.pow(10.0, 400.0)", val("double", "inf"))
dom("math.pow('a', 2)", ERR)
dom("math.pow(2)", ERR)
dom("math.pow(2, 3, 4)", ERR)
dom("math.pow(s, 2)", ERR, V)
# a growth path: 1200 in 2010 growing 6.5 % a year, at the as-of year (2012)
dom("1200.0 * math.pow(1.065, double(asOf.getFullYear() - 2010))", val("double", repr(1200.0 * _m.pow(1.065, 2.0))))
dom("quantity('1200亿元') * math.pow(1.0 + quantity('6.5%'), 2.0) >= quantity('1275亿元')", val("bool", True))

for c in cases:
    pass
with open(__import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "corpus.jsonl"), "w", encoding="utf-8") as f:
    for i, c in enumerate(cases):
        c = {"id": f"c{i+1:04d}", **c}
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
print(len(cases))
