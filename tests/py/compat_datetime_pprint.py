import datetime as dt
d = dt.date(2024, 3, 15); print(d, repr(d), d.isoformat(), d.weekday(), d.strftime("%Y/%m/%d %A %B %j"), d + dt.timedelta(days=20), d.replace(day=1))
t = dt.datetime(2024, 1, 31, 13, 5, 9, 123456); print(t, t.isoformat(), t.date(), t.time(), t + dt.timedelta(hours=12), t.strftime("%H:%M:%S %p %y"), t.timestamp() if False else "")
print(dt.timedelta(days=1, seconds=3661), dt.timedelta(weeks=2) / dt.timedelta(days=1), dt.timedelta(minutes=90).total_seconds(), -dt.timedelta(hours=1))
print(dt.datetime(2024, 3, 1) - dt.datetime(2023, 3, 1), dt.date(2024, 12, 25) - dt.date(2024, 1, 1), dt.datetime.strptime("2021-05-06 07:08", "%Y-%m-%d %H:%M"))
print(dt.date.fromisoformat("2020-02-29"), dt.datetime.fromisoformat("2020-02-29T10:11:12"), dt.date(2020, 1, 1) < dt.date(2021, 1, 1), dt.MAXYEAR)
print(dt.datetime(2024,1,1,tzinfo=dt.timezone.utc), dt.timezone(dt.timedelta(hours=-5)), f"{d:%d.%m.%Y}", sorted([dt.date(2020,1,2), dt.date(2019,5,5)]))
import pprint
pprint.pprint({"a": list(range(30)), "b": {"nested": ["x" * 30, "y" * 30, "z" * 30]}, "c": (1, 2)})
pprint.pprint([1, 2, 3]); print(pprint.pformat({"k": "v"}, width=10))
import time
st = time.gmtime(86400 * 365 + 3661)
print(st, st.tm_year, st[0:3], time.strftime("%Y-%m-%d %H:%M:%S %a %b %j", st), time.asctime(st), time.mktime(st))
print(time.strptime("2022-02-03", "%Y-%m-%d")[:6], dt.datetime.strptime("Mar 5 2020 3:04PM", "%b %d %Y %I:%M%p"))
try: dt.datetime.strptime("2020-13-01", "%Y-%m-%d")
except ValueError as e: print(e)
try: dt.datetime.strptime("2020-12-01x", "%Y-%m-%d")
except ValueError as e: print(e)
import types
print(types.MappingProxyType({"a": 1}), types.MappingProxyType({"a": 1})["a"])
pprint.pprint([{"id": i, "name": "item%d" % i, "tags": ["t1", "t2"]} for i in range(4)], width=60)
pprint.pprint({"zeta": 1, "alpha": {"deep": {"deeper": list(range(25))}}}, depth=2)
print(pprint.pformat(set(range(30)), compact=True))
